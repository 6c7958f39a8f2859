/**
 * The benchmark's floor: the least a reception and a dossier read can cost on this PostgreSQL,
 * written as plainly as possible (node:http and a pg pool, no framework, no federation, no
 * queue). It answers the same GraphQL requests the load generator sends the gateway, looking only
 * at whether the query is a mutation:
 *
 *   - a reception is one transaction writing the dossier, its delivery row and an outbox row;
 *   - a read is one indexed join of the dossier and its delivery row.
 *
 * Started by scripts/bench/floor.ts as a child process: `DATABASE_URL=… PORT=… floor-server.ts`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 10) });

const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS floor;
  CREATE TABLE IF NOT EXISTS floor.dossier (
    id uuid PRIMARY KEY, code text NOT NULL UNIQUE, centre_id uuid NOT NULL, procedure_code text NOT NULL,
    applicant jsonb NOT NULL, status text NOT NULL, received_at timestamptz NOT NULL, due_at timestamptz NOT NULL);
  CREATE TABLE IF NOT EXISTS floor.delivery (dossier_id uuid PRIMARY KEY REFERENCES floor.dossier(id), method text NOT NULL, state text NOT NULL);
  CREATE TABLE IF NOT EXISTS floor.outbox (id bigserial PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`;

let sequence = 0;

async function receive(input: {
  centreId: string;
  procedureCode: string;
  applicant: unknown;
  delivery?: { method?: string };
}) {
  const id = randomUUID();
  const code = `FLOOR-${process.pid}-${++sequence}`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO floor.dossier (id, code, centre_id, procedure_code, applicant, status, received_at, due_at)
       VALUES ($1, $2, $3, $4, $5, 'RECEIVED', now(), now() + interval '3 days')`,
      [id, code, input.centreId, input.procedureCode, JSON.stringify(input.applicant)],
    );
    await client.query(`INSERT INTO floor.delivery (dossier_id, method, state) VALUES ($1, $2, 'AWAITING_RESULT')`, [
      id,
      input.delivery?.method ?? 'COUNTER',
    ]);
    await client.query(`INSERT INTO floor.outbox (type, payload) VALUES ('DossierSubmitted', $1)`, [
      JSON.stringify({ id, code, ...input }),
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { submitDossier: { id, code, status: 'RECEIVED' } };
}

async function read(id: string) {
  const { rows } = await pool.query(
    `SELECT d.id, d.code, d.status, d.received_at, d.due_at, d.applicant, l.method, l.state
       FROM floor.dossier d JOIN floor.delivery l ON l.dossier_id = d.id WHERE d.id = $1`,
    [id],
  );
  const d = rows[0];
  return {
    dossier: d
      ? {
          id: d.id,
          code: d.code,
          status: d.status,
          receivedAt: d.received_at,
          dueAt: d.due_at,
          applicant: d.applicant,
          delivery: { method: d.method, state: d.state },
        }
      : null,
  };
}

async function body(req: IncomingMessage): Promise<{ query: string; variables: Record<string, any> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answer(res: ServerResponse, status: number, payload: unknown) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function main() {
  await pool.query(SCHEMA);
  const server = createServer((req, res) => {
    body(req)
      .then(({ query, variables }): Promise<unknown> =>
        /^\s*mutation/.test(query) ? receive(variables.input) : read(variables.id),
      )
      .then((data) => answer(res, 200, { data }))
      .catch((err: Error) => answer(res, 500, { errors: [{ message: err.message }] }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
