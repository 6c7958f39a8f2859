import type { Logger } from 'pino';

/** Returns a promise or nothing. */
type Closer = () => unknown;

/** Closes what a process opened, last opened first: HTTP, then workers, then pools. */
export class Shutdown {
  private readonly closers: Array<{ name: string; close: Closer }> = [];
  private closing?: Promise<void>;

  add(name: string, close: Closer): void {
    this.closers.push({ name, close });
  }

  run(logger?: Logger): Promise<void> {
    this.closing ??= (async () => {
      for (const { name, close } of [...this.closers].reverse()) {
        try {
          await close();
        } catch (err) {
          logger?.warn({ err, name }, 'error while closing');
        }
      }
    })();
    return this.closing;
  }

  /**
   * Ctrl-C and `docker stop` drain the process instead of killing it mid-transaction. So does the
   * death of the process that started it (`npm start` killed outright): an orphan would hold its
   * port and keep working against a database that is going away.
   */
  onSignals(logger: Logger): void {
    const stop = (signal: string) => {
      clearInterval(orphanCheck);
      logger.info({ signal }, 'shutting down');
      void this.run(logger).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const parent = process.ppid;
    const orphanCheck = setInterval(() => process.ppid !== parent && stop('parent exited'), 1000).unref();
  }
}
