import { importDossiers } from '../commands/import-dossiers';
import type { HistoricalLine } from '../domain/historical-import';
import type { IntakeContext } from '../deps';

export const importMutations = {
  importDossiers: (_: unknown, { lines }: { lines: HistoricalLine[] }, ctx: IntakeContext) =>
    importDossiers(ctx, lines),
};
