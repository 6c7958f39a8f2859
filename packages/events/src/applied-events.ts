import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { ServiceName } from './catalogue';

/** The channel on which a service's consumer announces that it applied an event about an awaited aggregate. */
export const appliedChannel = (service: ServiceName) => `applied_${service}`;

/** A command's watch on one aggregate, from watch() until end(). */
export interface Watch {
  /** Resolves true once an event about the aggregate was applied at or after `since` (Date.now()), false after `timeoutMs`. */
  next(since: number, timeoutMs: number): Promise<boolean>;
  end(): void;
}

interface Watching {
  appliedAt: number;
  wake?: () => void;
}

/**
 * Tells a service's API process when its event consumer has applied an event about an aggregate
 * (a dossier, a centre) that a command waits on. The watch is a row of `awaited_event`; the
 * consumer's inbox statement notifies `applied_<service>` for the aggregates it finds there, when
 * its transaction commits (the effect is then visible). The process listens, from its first watch
 * on, on one connection of its own, which also writes the rows: a waiting command holds no pooled
 * connection and no lock. Used through service-kit's catchingUp.
 */
export class AppliedEvents {
  private client?: Client;
  private connecting?: Promise<Client>;
  private readonly watching = new Map<string, Set<Watching>>();
  private stopped = false;

  constructor(private readonly opts: { service: ServiceName; databaseUrl: string; logger: Logger }) {}

  /**
   * Starts watching `aggregateId` for at most `forMs`. An event applied before the watch began is
   * not announced: the caller tries its command once more after this resolves.
   */
  async watch(aggregateId: string, forMs: number): Promise<Watch> {
    const client = await this.listening();
    const id = randomUUID();
    await client.query(
      `INSERT INTO ${this.table} (id, aggregate_id, until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')`,
      [id, aggregateId, forMs],
    );
    const watching: Watching = { appliedAt: -Infinity };
    const all = this.watching.get(aggregateId) ?? new Set();
    this.watching.set(aggregateId, all.add(watching));
    return {
      next: (since, timeoutMs) => {
        if (watching.appliedAt >= since) return Promise.resolve(true);
        return new Promise((resolve) => {
          const timer = setTimeout(() => settle(false), timeoutMs);
          const settle = (applied: boolean) => {
            clearTimeout(timer);
            watching.wake = undefined;
            resolve(applied);
          };
          watching.wake = () => settle(true);
        });
      },
      end: () => {
        all.delete(watching);
        if (all.size === 0 && this.watching.get(aggregateId) === all) this.watching.delete(aggregateId);
        // Also clears the rows of a process that died while waiting.
        client
          .query(`DELETE FROM ${this.table} WHERE id = $1 OR until < now()`, [id])
          .catch((err) => this.opts.logger.warn({ err }, 'awaited event not cleared; it expires'));
      },
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private get table(): string {
    return `"${this.opts.service}".awaited_event`;
  }

  private listening(): Promise<Client> {
    if (this.stopped) return Promise.reject(new Error('stopped'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.listen().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async listen(): Promise<Client> {
    const client = new Client({ connectionString: this.opts.databaseUrl });
    client.on('error', (err) => {
      // The watches' commands try again now; the next watch listens on a new connection.
      this.opts.logger.warn({ err }, 'applied-events listener lost');
      if (this.client === client) this.client = undefined;
      this.wakeAll();
    });
    client.on('notification', (n) => n.payload && this.applied(n.payload));
    try {
      await client.connect();
      await client.query(`LISTEN "${appliedChannel(this.opts.service)}"`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    return client;
  }

  private applied(aggregateId: string): void {
    const now = Date.now();
    for (const watching of this.watching.get(aggregateId) ?? []) {
      watching.appliedAt = now;
      watching.wake?.();
    }
  }

  private wakeAll(): void {
    for (const all of this.watching.values()) for (const watching of all) watching.wake?.();
  }
}
