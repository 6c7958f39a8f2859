/**
 * A backup of a live platform, restored into a new database: the restored platform goes on
 * receiving, nothing in flight at the dump is lost and nothing is applied twice, and
 * `npm run stats:reconcile` finds statistics agreeing with the owners (README "Backups and restore").
 */
import { localDate } from '@onestop/calendar';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropPlatformRoles } from '@onestop/service-kit';
import { Fixtures, TestPlatform, waitFor } from '@onestop/test-kit';
import { TEST_POSTGRES_URL } from '@onestop/test-support';
import { backupPlatform, restorePlatform } from '../scripts/lib/backup';

const ROOT = join(__dirname, '..');
const PDF = Buffer.from("%PDF-1.4\n% the applicant's identity card\n%%EOF\n");

async function count(url: string, sql: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0].n;
  } finally {
    await c.end();
  }
}

describe('backup and restore of a live platform', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onestop-backup-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-restored-'));
  let live: TestPlatform | undefined;
  let restored: TestPlatform | undefined;
  let restoredDatabase: string | undefined;
  afterAll(async () => {
    await restored?.stop();
    await live?.stop();
    if (restoredDatabase) {
      const c = new Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${restoredDatabase} WITH (FORCE)`);
      await dropPlatformRoles(c, restoredDatabase);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restored, the platform receives on with every dossier once and statistics reconciled', async () => {
    // Only intake's worker: its relay sends the events, and no other service applies them before the dump.
    live = await TestPlatform.start({ roles: true, workers: ['intake'] });
    const fixtures = new Fixtures(live);
    const centre = await fixtures.centre({ code: 'B46' });
    const procedure = await fixtures.procedure({
      code: 'BACKUP-01',
      components: [{ code: 'GT', name: 'Giấy tờ', required: false, documentType: 'CCCD' }],
    });
    // The first with a document: a blob, and the digitised record that names it.
    const { submitDossier: first } = await live.ok(
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { code components { record { id } } } }`,
      {
        input: {
          procedureCode: procedure.code,
          centreId: centre.id,
          channel: 'COUNTER',
          delivery: { method: 'COUNTER' },
          applicant: { kind: 'CITIZEN', identityNumber: '046090001999', fullName: 'Lê Văn Cường' },
          documents: [
            {
              componentCode: 'GT',
              upload: { fileName: 'cccd.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
            },
          ],
        },
      },
      await live.token({ role: 'INTAKE_OFFICER', centre: 'B46' }),
    );
    const before: string[] = [first.code];
    for (let i = 0; i < 3; i++)
      before.push(
        (
          await fixtures.receiveDossier({
            centre,
            procedureCode: procedure.code,
            identityNumber: `04609000${2000 + i}`,
          })
        ).code,
      );
    await waitFor(
      async () =>
        (await count(live!.databaseUrl, `SELECT count(*)::int AS n FROM intake.outbox WHERE relayed_at IS NULL`)) === 0
          ? true
          : null,
      { what: 'intake to relay its events' },
    );
    const events = await count(live.databaseUrl, `SELECT count(*)::int AS n FROM intake.outbox`);
    expect(events).toBeGreaterThanOrEqual(6); // the centre's, the procedure's, the four receptions'
    // Dumped now, the receptions' events are in the queue (Redis, not backed up) and in no other service.
    const backup = await backupPlatform({ databaseUrl: live.databaseUrl, dataDir: live.dataDir, to: dir });
    expect(backup.dumpBytes).toBeGreaterThan(0);
    await live.stop();
    live = undefined;

    restoredDatabase = `onestop_restored_${Date.now().toString(36)}`;
    const result = await restorePlatform({
      from: dir,
      adminUrl: TEST_POSTGRES_URL,
      database: restoredDatabase,
      dataDir,
    });
    expect(result.blobs).toBe(1);
    // Every one of them: relayed, and applied by no subscriber.
    expect(result.resent).toBe(events);
    restored = await TestPlatform.start({ roles: true, databaseUrl: result.databaseUrl, dataDir });
    const admin = await restored.token({ role: 'ADMIN', centre: 'B46' });
    const officer = await restored.token({ role: 'INTAKE_OFFICER', centre: 'B46' });
    const { centres } = await restored.ok(`{ centres { id code } }`, {}, admin);
    const restoredCentre = centres.find((c: { code: string }) => c.code === 'B46');
    // The document survived, its hash checked on the read (and the read logged in the append-only access log).
    const content = await fetch(
      `${restored.url}/intake/records/${first.components[0].record.id}/content?purpose=${encodeURIComponent('Kiểm tra hồ sơ')}`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer())).toEqual(PDF);
    const after: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { submitDossier } = await restored.ok(
        `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { code } }`,
        {
          input: {
            procedureCode: procedure.code,
            centreId: restoredCentre.id,
            channel: 'COUNTER',
            documents: [],
            applicant: { kind: 'CITIZEN', identityNumber: `04609000${3000 + i}`, fullName: 'Trần Thị Bình' },
            delivery: { method: 'COUNTER' },
          },
        },
        officer,
      );
      after.push(submitDossier.code);
    }
    // The day's numbering goes on where the backup left it: no code given twice.
    expect(new Set([...before, ...after]).size).toBe(7);
    expect(after.map((c) => c.slice(-4))).toEqual(['0005', '0006', '0007']);

    // the reception day is Vietnam's date, a day ahead of UTC's from 17:00 UTC
    const today = localDate(new Date());
    const total = await waitFor(
      async () => {
        const { report } = await restored!.contractOk(
          'Report',
          {
            input: { from: today, to: today, centreId: restoredCentre.id, includeDescendants: true, groupBy: 'CENTRE' },
          },
          admin,
        );
        return report.total.received === 7 ? report.total : null;
      },
      { what: 'statistics to count the dossiers of before and after the backup', timeoutMs: 60_000 },
    );
    expect(total).toMatchObject({ received: 7, inProgress: 7 });

    const url = restored.databaseUrl;
    await waitFor(
      async () =>
        (await count(url, `SELECT count(*)::int AS n FROM processing.dossier`)) === 7 &&
        (await count(url, `SELECT count(*)::int AS n FROM delivery.delivery`)) === 7
          ? true
          : null,
      { what: 'processing and delivery to know the seven dossiers' },
    );
    expect(await count(url, `SELECT count(*)::int AS n FROM intake.dossier`)).toBe(7);
    expect(await count(url, `SELECT count(*)::int AS n FROM statistics.dossier_fact`)).toBe(7);
    // Nothing applied twice: one reception line per dossier on the control slip.
    expect(
      await count(
        url,
        `SELECT count(*)::int AS n FROM (SELECT dossier_id, action FROM processing.dossier_history GROUP BY 1, 2 HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(await count(url, `SELECT count(*)::int AS n FROM intake.outbox WHERE relayed_at IS NULL`)).toBe(0);

    const reconcile = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'stats:reconcile'],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    expect(reconcile).toEqual({ code: 0, out: expect.stringContaining('0 differences') });
  }, 300_000);
});
