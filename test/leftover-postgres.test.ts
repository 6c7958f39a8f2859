import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopLeftover } from '../scripts/lib/leftover-postgres';

/** A stand-in for a server process: its command line names `dir`, as a postmaster's names its data directory. */
function serverLike(dir: string) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', dir], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  return { child, exited };
}

describe('npm start after a start that was killed outright', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onestop-leftover-'));
    mkdirSync(join(dir, 'postgres'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the PostgreSQL still running on its own data directory', async () => {
    const server = serverLike(join(dir, 'postgres'));
    writeFileSync(join(dir, 'postgres', 'postmaster.pid'), `${server.child.pid}\n${join(dir, 'postgres')}\n`);
    const said: string[] = [];
    await stopLeftover(join(dir, 'postgres'), (line) => said.push(line));
    expect(await server.exited).toBe('SIGINT');
    expect(said).toEqual([expect.stringContaining(`pid ${server.child.pid}`)]);
  });

  it('leaves alone a process that reused the pid for something else', async () => {
    const other = serverLike(join(tmpdir(), 'somewhere-else'));
    try {
      writeFileSync(join(dir, 'postgres', 'postmaster.pid'), `${other.child.pid}\n`);
      const said: string[] = [];
      await stopLeftover(join(dir, 'postgres'), (line) => said.push(line));
      expect(said).toEqual([]);
      expect(other.child.exitCode).toBeNull();
    } finally {
      other.child.kill();
      await other.exited;
    }
  });
});
