import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20's workflow core: named assignees and the officer directory, the control slip's
 * holders, the facts conditions are judged on, parallel branches and the inter-agency transfer.
 */
export class WorkflowCore1764000000220 implements MigrationInterface {
  name = 'WorkflowCore1764000000220';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier
      ADD COLUMN assignee_id text,
      ADD COLUMN applicant_kind text,
      ADD COLUMN fee_vnd bigint,
      ADD COLUMN branches jsonb,
      ADD COLUMN inbox_roles text[],
      ADD COLUMN inter_agency jsonb`);
    // "My dossiers": an officer's assigned open steps, most urgent first.
    await db.query(
      `CREATE INDEX dossier_assignee ON dossier (assignee_id, step_due_at, id) WHERE assignee_id IS NOT NULL AND inbox_role IS NOT NULL`,
    );
    // Every officer whose token reached processing (id = the token's sub): whom a step may be assigned to.
    await db.query(`CREATE TABLE officer (
      id text PRIMARY KEY,
      name text NOT NULL,
      role text NOT NULL,
      centre_id uuid NOT NULL,
      seen_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX officer_centre_role ON officer (centre_id, role, name)`);
    // Who held the dossier at which step, from when until when (the control slip's holders).
    await db.query(`CREATE TABLE holding (
      id bigserial PRIMARY KEY,
      dossier_id uuid NOT NULL,
      step_code text NOT NULL,
      branch_code text,
      officer_id text,
      centre_id uuid NOT NULL,
      from_at timestamptz NOT NULL,
      until_at timestamptz,
      rework boolean NOT NULL DEFAULT false
    )`);
    await db.query(`CREATE INDEX holding_dossier ON holding (dossier_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE holding`);
    await db.query(`DROP TABLE officer`);
    await db.query(`DROP INDEX IF EXISTS dossier_assignee`);
    await db.query(
      `ALTER TABLE dossier DROP COLUMN assignee_id, DROP COLUMN applicant_kind, DROP COLUMN fee_vnd, DROP COLUMN branches, DROP COLUMN inbox_roles, DROP COLUMN inter_agency`,
    );
  }
}
