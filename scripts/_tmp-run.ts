import { seedDemoHistory } from './demo-history';
(async () => {
  const t0 = Date.now();
  const r = await seedDemoHistory('http://127.0.0.1:4710/graphql', 'devsecretdevsecretdevsecret123456', { size: Number(process.argv[2] ?? 3000), until: process.argv[3] ?? new Date().toISOString() }, { log: console.log });
  console.log(JSON.stringify(r), (Date.now() - t0) / 1000);
})().catch((e) => { console.error(e); process.exit(1); });
