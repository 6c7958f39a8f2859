import type { EntityManager } from 'typeorm';
import { RunGathering } from '@onestop/events';

export interface ProcedureLabel {
  code: string;
  name: string;
  sector: string;
  version: number;
}

/** The labels a run of receptions brings (a province's import: thousands of dossiers, a few dozen procedures). */
const gathered = new RunGathering<ProcedureLabel>((manager, labels) => writeLabels(manager, labels, '<'));
export const labelRunWrites = gathered;

/**
 * The name a report shows for a procedure code, from a reception or a ProcedureChanged: the
 * highest version seen wins, whatever the order the events arrive in (an equal version from
 * ProcedureChanged, the catalogue's own word, replaces a reception's copy).
 */
export async function labelProcedure(manager: EntityManager, label: ProcedureLabel, from: 'reception' | 'catalogue'): Promise<void> {
  if (from === 'catalogue') return writeLabels(manager, [label], '<=');
  await gathered.gather(manager, (labels) => {
    const kept = labels.get(label.code);
    if (!kept || kept.version < label.version) labels.set(label.code, label);
  });
}

async function writeLabels(manager: EntityManager, labels: ProcedureLabel[], replaces: '<' | '<='): Promise<void> {
  await manager.query(
    `INSERT INTO procedure_label (code, name, sector, version)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) ORDER BY 1
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sector = EXCLUDED.sector, version = EXCLUDED.version
     WHERE procedure_label.version ${replaces} EXCLUDED.version`,
    [labels.map((l) => l.code), labels.map((l) => l.name), labels.map((l) => l.sector), labels.map((l) => l.version)],
  );
}
