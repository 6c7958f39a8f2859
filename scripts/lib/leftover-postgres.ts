import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PostgreSQL outlives an `npm start` that was killed outright (its services stop on their own:
 * service-kit's Shutdown): the server still running on our own data directory is stopped (a fast
 * shutdown, as `pg_ctl stop` does) before this start takes its place.
 */
export async function stopLeftover(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const ours = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(databaseDir);
    } catch {
      return false;
    }
  };
  if (!pid || !ours()) return;
  log(`stopping the embedded PostgreSQL a previous start left running (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; ours() && waited < 30_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
}
