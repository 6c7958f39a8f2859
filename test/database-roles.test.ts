import { localDate } from '@onestop/calendar';
import { Client } from 'pg';
import { SERVICE_NAMES, type ServiceName } from '@onestop/events';
import { appendOnlyTables } from '@onestop/service-kit';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { createTestDatabase } from '@onestop/test-support';

/**
 * Each service as its own PostgreSQL role (README "Database roles"): the database itself refuses
 * what the service must never do, whatever its code says. On the PostgreSQL queue backend, as
 * `npm start` runs without Redis.
 */
describe('least-privilege database roles', () => {
  let platform: TestPlatform;
  const clients = {} as Record<ServiceName, Client>;
  beforeAll(async () => {
    platform = await TestPlatform.start({ backend: 'postgres', roles: true });
    for (const s of SERVICE_NAMES) {
      clients[s] = new Client({ connectionString: platform.roleUrls!.services[s] });
      await clients[s].connect();
    }
  });
  afterAll(async () => {
    for (const c of Object.values(clients)) await c.end().catch(() => undefined);
    await platform?.stop();
  });

  /** The statement fails with PostgreSQL's insufficient_privilege (permission denied, must be owner). */
  async function refused(service: ServiceName, sql: string): Promise<string> {
    const c = clients[service];
    await c.query('BEGIN');
    try {
      await c.query(sql);
    } catch (err) {
      return `${(err as { code?: string }).code} ${(err as Error).message}`;
    } finally {
      await c.query('ROLLBACK');
    }
    return 'allowed';
  }

  it('the append-only tables are the control slip, the issued documents and the two access logs', async () => {
    const admin = new Client({ connectionString: platform.databaseUrl });
    await admin.connect();
    try {
      expect(await appendOnlyTables(admin, 'processing')).toEqual(['dossier_history', 'issued_document']);
      expect(await appendOnlyTables(admin, 'intake')).toEqual(['personal_data_access', 'record_access']);
      // No service role owns anything outside BullMQ's shared schema, so none may alter, disable a trigger of or drop it.
      const owned = await admin.query(
        `SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE pg_get_userbyid(c.relowner) = ANY($1) AND n.nspname <> 'bullmq'`,
        [SERVICE_NAMES.map((s) => platform.roleUrls!.roles.services[s])],
      );
      expect(owned.rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  const appendOnly = [
    'processing.dossier_history',
    'processing.issued_document',
    'intake.record_access',
    'intake.personal_data_access',
  ];

  it.each(SERVICE_NAMES)(
    'as %s, PostgreSQL refuses to rewrite, empty, unguard or drop the append-only tables',
    async (service) => {
      for (const table of appendOnly) {
        const [, name] = table.split('.');
        for (const sql of [
          `UPDATE ${table} SET ${{ dossier_history: 'note = note', issued_document: 'sha256 = sha256' }[name] ?? 'reader_id = reader_id'}`,
          `DELETE FROM ${table}`,
          `TRUNCATE ${table}`,
          `ALTER TABLE ${table} DISABLE TRIGGER ALL`,
          `ALTER TABLE ${table} DISABLE TRIGGER USER`,
          `DROP TABLE ${table}`,
        ]) {
          expect([sql, await refused(service, sql)]).toEqual([sql, expect.stringMatching(/^42501 /)]);
        }
      }
    },
  );

  it.each(SERVICE_NAMES)(
    "as %s, PostgreSQL refuses another service's schema, DDL anywhere, and rewriting its own events",
    async (service) => {
      const statements: string[] = [];
      for (const other of SERVICE_NAMES.filter((s) => s !== service)) {
        statements.push(
          `SELECT count(*) FROM ${other}.outbox`,
          `INSERT INTO ${other}.processed_event (event_id, type) VALUES (gen_random_uuid(), 'x')`,
          `UPDATE ${other}.outbox SET relayed_at = NULL`,
          `CREATE TABLE ${other}.intruder (id int)`,
        );
      }
      statements.push(
        `CREATE TABLE ${service}.intruder (id int)`,
        `CREATE TABLE public.intruder (id int)`,
        `CREATE SCHEMA intruder`,
        `DROP TABLE ${service}.outbox`,
        `TRUNCATE ${service}.outbox`,
        `ALTER TABLE ${service}.outbox DISABLE TRIGGER ALL`,
        // The outbox is the event log statistics are rebuilt from: the relay only marks a row relayed.
        `UPDATE ${service}.outbox SET payload = '{}'`,
        `DELETE FROM ${service}.outbox`,
        `DELETE FROM ${service}.processed_event`,
        `DELETE FROM ${service}.migrations`,
        `SET ROLE ${platform.roleUrls!.roles.owner}`,
      );
      for (const sql of statements)
        expect([sql, await refused(service, sql)]).toEqual([sql, expect.stringMatching(/^42501 /)]);
    },
  );

  it('the allowed work goes on: a reception reaches processing, delivery and statistics through the gateway', async () => {
    const fixtures = new Fixtures(platform);
    const centre = await fixtures.centre({ code: 'R46' });
    const procedure = await fixtures.procedure({ code: 'ROLES-01' });
    const admin = await fixtures.admin();
    const received: Array<{ id: string }> = [];
    for (let i = 0; i < 3; i++)
      received.push(
        await fixtures.receiveDossier({ centre, procedureCode: procedure.code, identityNumber: `04609000${1000 + i}` }),
      );
    const specialist = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
    // An officer's read of the applicant's records writes the access log (an INSERT the role may do).
    await platform.ok(
      `query($n: String!) { applicant(identityNumber: $n) { phone records { id } } }`,
      { n: '046090001000' },
      specialist,
    );

    const dossier = await waitFor(
      async () => {
        const { dossier } = await platform.ok(
          `query($id: ID!) { dossier(id: $id) { status history { action } delivery { status } } }`,
          { id: received[0].id },
          admin,
        );
        return dossier.status && dossier.delivery ? dossier : null;
      },
      { what: 'processing and delivery to learn of the dossier' },
    );
    expect(dossier).toMatchObject({ status: 'RECEIVED', delivery: { status: 'AWAITING_RESULT' } });
    expect(dossier.history.length).toBeGreaterThan(0);

    // the reception day is Vietnam's date, a day ahead of UTC's from 17:00 UTC
    const today = localDate(new Date());
    const total = await waitFor(
      async () => {
        const { report } = await platform.contractOk(
          'Report',
          { input: { from: today, to: today, centreId: centre.id, includeDescendants: true, groupBy: 'CENTRE' } },
          admin,
        );
        return report.total.received === 3 ? report.total : null;
      },
      { what: 'statistics to count the three receptions' },
    );
    expect(total).toMatchObject({ received: 3, inProgress: 3 });

    const check = new Client({ connectionString: platform.databaseUrl });
    await check.connect();
    try {
      const logged = await check.query(`SELECT count(*)::int AS n FROM intake.personal_data_access`);
      expect(logged.rows[0].n).toBeGreaterThan(0);
    } finally {
      await check.end();
    }
  });
});

describe('a database made before the roles (one superuser for every service)', () => {
  let platform: TestPlatform | undefined;
  let db: { url: string; drop(): Promise<void> } | undefined;
  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('passes to the owner at the next start, and the services go on as their roles with its data', async () => {
    db = await createTestDatabase();
    platform = await TestPlatform.start({ backend: 'postgres', databaseUrl: db.url });
    const fixtures = new Fixtures(platform);
    const centre = await fixtures.centre({ code: 'U46' });
    const procedure = await fixtures.procedure({ code: 'UPGRADE-01' });
    const old = await fixtures.receiveDossier({ centre, procedureCode: procedure.code });
    await platform.stop();

    platform = await TestPlatform.start({ backend: 'postgres', databaseUrl: db.url, roles: true });
    const admin = await platform.token({ role: 'ADMIN', centre: 'U46' });
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: 'U46' });
    const { submitDossier } = await platform.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { code } }`,
      {
        input: {
          procedureCode: procedure.code,
          centreId: centre.id,
          channel: 'COUNTER',
          documents: [],
          applicant: { kind: 'CITIZEN', identityNumber: '046090004000', fullName: 'Phạm Thị Dung' },
          delivery: { method: 'COUNTER' },
        },
      },
      officer,
    );
    expect(submitDossier.code.slice(-4)).toBe('0002');
    const { dossier } = await platform.ok(
      `query($id: ID!) { dossier(id: $id) { code status } }`,
      { id: old.id },
      admin,
    );
    expect(dossier).toEqual({ code: old.code, status: 'RECEIVED' });

    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      const owners = await c.query(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname IN ('intake', 'processing', 'delivery', 'statistics', 'bullmq') AND c.relkind IN ('r', 'S')`,
      );
      const roles = platform.roleUrls!.roles;
      // The owner's, and on the queue schema a job-id sequence a service role made since.
      expect(
        owners.rows.map((r) => r.owner).filter((o) => o !== roles.owner && !Object.values(roles.services).includes(o)),
      ).toEqual([]);
    } finally {
      await c.end();
    }
  }, 240_000);
});
