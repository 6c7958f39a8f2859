import type { EntityManager } from 'typeorm';

export interface ProcedureLabel {
  code: string;
  name: string;
  sector: string;
  version: number;
}

/**
 * The names reports show for procedure codes (`procedure_label`), from a reception or a
 * ProcedureChanged: the highest version seen wins, whatever the order the events arrive in (an
 * equal version from ProcedureChanged, the catalogue's own word, replaces a reception's copy).
 */
export interface ProcedureLabelStore {
  label(label: ProcedureLabel, from: 'reception' | 'catalogue'): Promise<void>;
}

/** The labels a run of receptions brings (a province's import: thousands of dossiers, a few dozen procedures), written once. */
export class LabelRun {
  readonly labels = new Map<string, ProcedureLabel>();

  async write(manager: EntityManager): Promise<void> {
    if (this.labels.size) await writeLabels(manager, [...this.labels.values()], '<');
    this.labels.clear();
  }
}

export class SqlProcedureLabelStore implements ProcedureLabelStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly run?: LabelRun,
  ) {}

  async label(label: ProcedureLabel, from: 'reception' | 'catalogue'): Promise<void> {
    if (from === 'catalogue' || !this.run) return writeLabels(this.manager, [label], from === 'catalogue' ? '<=' : '<');
    const kept = this.run.labels.get(label.code);
    if (!kept || kept.version < label.version) this.run.labels.set(label.code, label);
  }
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
