import { close } from '../domain/dossier-process';
import { authorizeDossier } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, record, required } from './act';

/** Rút hồ sơ (2|4|5→7): the citizen owner, or an intake officer of the receiving centre, with the reason. */
export function withdrawDossier(ctx: ProcessingContext, dossierId: string, reason: string) {
  const why = required(reason, 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'withdrawDossier', d),
    (a, caller) => record(a, caller, ctx, 'WITHDRAW', close(a.dossier, 'WITHDRAW'), { reason: why }),
  );
}

/** Dừng xử lý (4→8), by a leader of the processing centre, with the reason. */
export function stopDossier(ctx: ProcessingContext, dossierId: string, reason: string) {
  const why = required(reason, 'reason');
  return act(
    ctx,
    dossierId,
    (d) => authorizeDossier(ctx, 'stopDossier', d),
    (a, caller) => record(a, caller, ctx, 'STOP', close(a.dossier, 'STOP'), { reason: why }),
  );
}
