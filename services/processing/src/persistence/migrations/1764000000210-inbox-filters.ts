import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's filters and counts over a whole centre (100,000 open dossiers answer the first page
 * in well under a second, scripts/bench/inbox.ts): the page index covers the columns the filters
 * and the counts read, so a total or a count is an index-only scan; the procedure filter has an
 * index of its own, ordered as the page is; paused dossiers, few, by centre and their step's role.
 */
export class InboxFilters1764000000210 implements MigrationInterface {
  name = 'InboxFilters1764000000210';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS dossier_inbox`);
    await db.query(`DROP INDEX IF EXISTS dossier_inbox_all_roles`);
    await db.query(`CREATE INDEX dossier_inbox ON dossier (processing_centre_id, inbox_role, step_due_at, id)
      INCLUDE (statutory_due_at, status, procedure_code) WHERE inbox_role IS NOT NULL`);
    await db.query(`CREATE INDEX dossier_inbox_all_roles ON dossier (processing_centre_id, step_due_at, id)
      INCLUDE (inbox_role, statutory_due_at, status, procedure_code) WHERE inbox_role IS NOT NULL`);
    await db.query(
      `CREATE INDEX dossier_inbox_procedure ON dossier (processing_centre_id, inbox_role, procedure_code, step_due_at, id) WHERE inbox_role IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX dossier_inbox_deadline ON dossier (processing_centre_id, inbox_role, statutory_due_at) WHERE inbox_role IS NOT NULL`,
    );
    await db.query(`CREATE INDEX dossier_inbox_paused ON dossier (processing_centre_id, ((steps -> step_index ->> 'role')), step_due_at, id)
      WHERE status IN ('SUPPLEMENT_REQUESTED', 'FINANCIAL_OBLIGATION')`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of [
      'dossier_inbox',
      'dossier_inbox_all_roles',
      'dossier_inbox_procedure',
      'dossier_inbox_deadline',
      'dossier_inbox_paused',
    ])
      await db.query(`DROP INDEX IF EXISTS ${name}`);
    await db.query(
      `CREATE INDEX dossier_inbox ON dossier (processing_centre_id, inbox_role, step_due_at, id) WHERE inbox_role IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX dossier_inbox_all_roles ON dossier (processing_centre_id, step_due_at, id) WHERE inbox_role IS NOT NULL`,
    );
  }
}
