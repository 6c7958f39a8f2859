/**
 * The gateway as GATEWAY_PROCESSES processes sharing one port (node:cluster; the issue allows
 * it). The gateway is stateless: planning and signing identities are CPU work that one
 * process does on one core. With 1 (the default) it is gateway/src/main.ts as it is.
 */
import cluster from 'node:cluster';

const processes = Math.max(1, Number(process.env.GATEWAY_PROCESSES ?? 1));

if (processes > 1 && cluster.isPrimary) {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < processes; i++) fork();
  cluster.on('exit', () => {
    if (!stopping) setTimeout(fork, 500);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 50);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  require('../../gateway/src/main');
}
