import type { StatisticsContext } from '../deps';
import { dossierOutcome } from '../commands/report';

export const DossierType = {
  __resolveReference: (ref: { id: string }) => ref,
  outcome: (d: { id: string }, _: unknown, ctx: StatisticsContext) => dossierOutcome(ctx, d.id),
};
