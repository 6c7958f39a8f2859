import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@onestop/test-support';

const ROOT = join(__dirname, '..', '..', '..');

describe('Shutdown', () => {
  it('drains a process whose parent died without stopping it (an orphan must not keep running)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onestop-orphan-'));
    const marker = join(dir, 'closed');
    // a service-like child: its closer writes the marker; a parent that starts it and prints its pid
    const child = `const { Shutdown } = require(${JSON.stringify(join(__dirname, 'shutdown.ts'))});
      const s = new Shutdown(); s.add('marker', () => require('fs').writeFileSync(${JSON.stringify(marker)}, 'closed'));
      s.onSignals(require('pino')({ level: 'silent' })); setInterval(() => {}, 1000);`;
    const parentCode = `const c = require('child_process').spawn(process.execPath, ['-r', ${JSON.stringify(join(ROOT, 'scripts', 'register.js'))}, '-e', ${JSON.stringify(child)}], { stdio: 'ignore' });
      console.log(c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentCode], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const childPid = Number(
        await new Promise<string>((resolve) =>
          parent.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim())),
        ),
      );
      await new Promise((r) => setTimeout(r, 1500)); // the child is up and watching
      parent.kill('SIGKILL');
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await waitFor(async () => !alive(childPid), { what: 'the orphan to exit', timeoutMs: 10_000 });
      expect(existsSync(marker) && readFileSync(marker, 'utf8')).toBe('closed');
    } finally {
      parent.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
