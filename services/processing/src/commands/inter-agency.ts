import { conflict } from '@onestop/service-kit';
import { authorizeAgency } from '../resolvers/access';
import type { ProcessingContext } from '../deps';
import { act, required } from './act';

/**
 * Liên thông: the receiving agency takes the dossier (its share of the time runs) or returns it
 * with a reason. A dossier that waits for no agency's answer is CONFLICT.
 */
export function acceptInterAgency(ctx: ProcessingContext, dossierId: string, _note?: string | null) {
  return act(ctx, dossierId, (d) => authorizeAgency(ctx, 'acceptInterAgency', d), async (a) => {
    throw notAwaiting(a.dossier.interAgency?.state);
  });
}

export function returnInterAgency(ctx: ProcessingContext, dossierId: string, reasonGiven: string) {
  required(reasonGiven, 'reason');
  return act(ctx, dossierId, (d) => authorizeAgency(ctx, 'returnInterAgency', d), async (a) => {
    throw notAwaiting(a.dossier.interAgency?.state);
  });
}

const notAwaiting = (state?: string) => conflict(`The dossier is not waiting for an agency's answer${state ? ` (${state})` : ''}`);
