/**
 * SQL statements per reception and per contract `Dossier` query (issue 17, "Fewer statements per
 * operation"): the whole platform in this process (test-kit's TestPlatform, real PostgreSQL and
 * Redis), with every statement sent through node-postgres counted on its way (Client#query,
 * which TypeORM and the services' plain SQL both use). The background's own statements (the
 * relays' and workers' polls) are counted over an idle window first and subtracted.
 *
 *   node -r ./scripts/register.js scripts/bench/statements.ts [--receptions 20] [--queries 50] [--show]
 */
import { Client } from 'pg';
import { Fixtures, TestPlatform, contractOperation } from '@onestop/test-kit';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECEPTIONS = arg('receptions', 20);
const QUERIES = arg('queries', 50);
const SHOW = process.argv.includes('--show');

let counting = false;
const seen = new Map<string, number>();
let total = 0;
const query = Client.prototype.query as (...args: unknown[]) => unknown;
(Client.prototype as unknown as { query: typeof query }).query = function (this: Client, ...args: unknown[]) {
  if (counting) {
    total++;
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 140);
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  return query.apply(this, args);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Statements counted while `work` runs and until the count stops moving for `settleMs`, less the background's rate. */
async function count(work: () => Promise<void>, idlePerMs: number, settleMs = 1500) {
  seen.clear();
  total = 0;
  counting = true;
  const start = Date.now();
  await work();
  // settled when a window adds no more than the background would (with a little slack)
  for (let last = -Infinity; total - last > idlePerMs * settleMs * 1.5 + 2;) {
    last = total;
    await sleep(settleMs);
  }
  counting = false;
  const elapsed = Date.now() - start;
  return { raw: total, net: total - idlePerMs * elapsed, elapsed, statements: new Map(seen) };
}

async function main() {
  const platform = await TestPlatform.start();
  try {
    const fixtures = new Fixtures(platform);
    const centre = await fixtures.centre({ level: 'PROVINCE' });
    const procedure = await fixtures.procedure();
    const officer = await platform.token({ role: 'INTAKE_OFFICER', centre: centre.code });
    const dossierQuery = async (id: string) => {
      const res = await platform.graphql(contractOperation('Dossier'), { id }, officer);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.dossier;
    };
    // warm up: every service has seen a reception and answered a query
    const warm = await fixtures.receiveDossier({ centre, procedureCode: procedure.code, deliveryMethod: 'POST' });
    for (let i = 0; i < 100 && !(await dossierQuery(warm.id))?.delivery; i++) await sleep(100);
    await sleep(2000);

    counting = true;
    total = 0;
    const idleStart = Date.now();
    await sleep(5000);
    counting = false;
    const idlePerMs = total / (Date.now() - idleStart);

    const receptions = await count(async () => {
      for (let i = 0; i < RECEPTIONS; i++)
        await fixtures.receiveDossier({ centre, procedureCode: procedure.code, deliveryMethod: 'POST' });
    }, idlePerMs);
    const queries = await count(
      async () => {
        for (let i = 0; i < QUERIES; i++) await dossierQuery(warm.id);
      },
      idlePerMs,
      500,
    );

    const line = (what: string, n: number, c: typeof receptions) =>
      `${what}: ${(c.net / n).toFixed(1)} statements each (${c.raw} counted over ${n}, less ${(idlePerMs * c.elapsed).toFixed(0)} of the background's in ${c.elapsed} ms)`;
    console.log(`background: ${(idlePerMs * 1000).toFixed(1)} statements/s`);
    console.log(
      line('reception (SubmitDossier, until processing, delivery and statistics applied it)', RECEPTIONS, receptions),
    );
    console.log(line('Dossier query (contract, officer of the centre)', QUERIES, queries));
    if (SHOW) {
      for (const [what, c, n] of [
        ['per reception', receptions, RECEPTIONS],
        ['per Dossier query', queries, QUERIES],
      ] as const) {
        console.log(`\n${what}:`);
        for (const [text, k] of [...c.statements].sort((a, b) => b[1] - a[1]))
          console.log(`  ${(k / n).toFixed(2)}  ${text}`);
      }
    }
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
