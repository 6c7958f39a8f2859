/**
 * Runs the platform's processes (services, their workers, the gateway) as children of this
 * one, restarts any that exits unexpectedly, and stops them all. Shared by `npm start`,
 * `npm run bench` and `npm run chaos`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../platform-env';

/**
 * With the default limit (a share of the machine's memory), V8 lets a busy process's heap grow far
 * beyond what it holds alive: the gateway reached 335-400 MB under the Dossier query bench. With
 * any limit up to 1 GB it stays near 190 MB, for about a tenth more CPU spent collecting (measured:
 * 162-166 against 180-184 queries/s). 256 MB leaves room for a burst. The Dockerfile sets the same;
 * NODE_OPTIONS set by the operator wins.
 */
const HEAP_LIMIT = '--max-old-space-size=256';

export interface SupervisorOptions {
  log?: (line: string) => void;
  /** How long after an unexpected exit a process is started again. */
  restartDelayMs?: number;
  /** Where the children's output goes: the console (prefixed by name) or one log file for all. */
  logFile?: string;
}

export interface ExitRecord {
  name: string;
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;
  private readonly file?: WriteStream;
  readonly exits: ExitRecord[] = [];

  constructor(private readonly opts: SupervisorOptions = {}) {
    if (opts.logFile) this.file = createWriteStream(opts.logFile, { flags: 'a' });
  }

  private log(line: string) {
    (this.opts.log ?? ((l: string) => console.log(`[start] ${l}`)))(line);
  }

  /** Starts `entry` (a TypeScript file under the repository) with `env` added to this process's. */
  run(name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
    const child = spawn(
      process.execPath,
      [...nodeArgs, '-r', join(ROOT, 'scripts', 'register.js'), join(ROOT, entry)],
      {
        env: { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? HEAP_LIMIT, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .trimEnd()
        .split('\n')
        .map((l) => `[${name}] ${l}`)
        .join('\n');
    if (this.file) {
      child.stdout!.on('data', (c: Buffer) => this.file!.write(prefix(c) + '\n'));
      child.stderr!.on('data', (c: Buffer) => this.file!.write(prefix(c) + '\n'));
    } else {
      child.stdout!.on('data', (c: Buffer) => console.log(prefix(c)));
      child.stderr!.on('data', (c: Buffer) => console.error(prefix(c)));
    }
    child.on('exit', (code, signal) => {
      this.exits.push({ name, at: Date.now(), code, signal });
      if (this.children.get(name) === child) this.children.delete(name);
      if (this.stopping) return;
      const delay = this.opts.restartDelayMs ?? 1000;
      this.log(`${name} exited (${signal ?? code}); restarting in ${delay / 1000} s`);
      setTimeout(() => !this.stopping && this.run(name, entry, env, nodeArgs), delay);
    });
    this.children.set(name, child);
    return child;
  }

  /** The running processes by name, with their ids. */
  processes(): Array<{ name: string; pid: number }> {
    return [...this.children].filter(([, c]) => c.pid !== undefined).map(([name, c]) => ({ name, pid: c.pid! }));
  }

  pid(name: string): number | undefined {
    return this.children.get(name)?.pid;
  }

  /** Kills one process abruptly (SIGKILL by default); the supervisor starts it again after its delay. */
  kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): boolean {
    const child = this.children.get(name);
    return child ? child.kill(signal) : false;
  }

  /** SIGTERM to every child (they drain and close), SIGKILL to any still there after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
    await new Promise<void>((resolve) => (this.file ? this.file.end(resolve) : resolve()));
  }
}

export async function waitHealthy(
  url: string,
  what: string,
  timeoutMs = 90_000,
  init: RequestInit = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { ...init, signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/** Until a GraphQL endpoint answers a query (the gateway's /healthz waits for more: see its readyFile). */
export function waitGraphql(url: string, what: string, timeoutMs = 90_000): Promise<void> {
  return waitHealthy(url, what, timeoutMs, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  });
}
