import { Client } from 'pg';
import { createTestDatabase } from '@onestop/test-support';
import { cpuMs, graphqlClient, startFloor } from '../scripts/bench/floor';

/** The benchmark's floor does the work it stands for: a reception written whole, read back by one join. */
describe('the benchmark floor', () => {
  it('receives a dossier in one transaction and reads it back with its delivery row', async () => {
    const db = await createTestDatabase();
    const floor = await startFloor(db.url);
    const client = graphqlClient(floor.url, 2);
    try {
      const input = {
        procedureCode: 'P',
        centreId: '7d1e5a5e-0d5b-4f57-9a57-1b0b1f1f0e01',
        applicant: { fullName: 'Nguyễn Văn An' },
        delivery: { method: 'POST' },
      };
      const { submitDossier } = await client.request('mutation($input: X!) { submitDossier(input: $input) { id } }', {
        input,
      });
      const { dossier } = await client.request('query($id: ID!) { dossier(id: $id) { id } }', { id: submitDossier.id });
      expect(dossier).toMatchObject({
        id: submitDossier.id,
        status: 'RECEIVED',
        applicant: { fullName: 'Nguyễn Văn An' },
        delivery: { method: 'POST' },
      });
      expect(cpuMs(floor.pid)).toBeGreaterThan(0);
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      const { rows } = await pg.query(`SELECT type, payload->>'id' AS id FROM floor.outbox`);
      await pg.end();
      expect(rows).toEqual([{ type: 'DossierSubmitted', id: submitDossier.id }]);
    } finally {
      await client.close();
      await floor.stop();
      await db.drop();
    }
  });
});
