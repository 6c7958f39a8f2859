import { Client } from 'pg';
import type { Logger } from 'pino';
import type { ServiceName } from './catalogue';

/** The channel on which a service's consumer announces, when a run commits, the aggregates it applied events about. */
export const appliedChannel = (service: ServiceName) => `applied_${service}`;

/** Announcements kept this long, so that one that came between a command's read and its wait is not missed. */
const KEPT_MS = 10_000;

/**
 * Tells any process of a service when its event consumer has applied an event about an aggregate
 * (a dossier, a centre). The consumer sends the aggregate ids with pg_notify in the statement that
 * records the events in its inbox, so they arrive once the effect is committed and visible; each
 * API process listens, from its first wait on, on one connection of its own and holds no other
 * connection while a command waits. Used by commands that find a dossier missing or a step behind
 * (service-kit's catchingUp).
 */
export class AppliedEvents {
  private client?: Client;
  private connecting?: Promise<void>;
  private prunedAt = Date.now();
  private readonly lastApplied = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private stopped = false;

  constructor(private readonly opts: { service: ServiceName; databaseUrl: string; logger: Logger }) {}

  start(): Promise<void> {
    this.connecting ??= this.listen().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.opts.databaseUrl });
    client.on('error', (err) => {
      // Waiters then run out their time and try once more; the next wait listens again.
      this.opts.logger.warn({ err }, 'applied-events listener lost');
      if (this.client === client) this.client = undefined;
    });
    client.on('notification', (n) => n.payload && this.applied(n.payload));
    try {
      await client.connect();
      await client.query(`LISTEN "${appliedChannel(this.opts.service)}"`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) await client.end().catch(() => undefined);
    else this.client = client;
  }

  /**
   * Resolves true as soon as an event about `aggregateId` has been applied at or after `since`
   * (Date.now() of the caller's read), false once `timeoutMs` passed without one.
   */
  appliedSince(aggregateId: string, since: number, timeoutMs: number): Promise<boolean> {
    if ((this.lastApplied.get(aggregateId) ?? -Infinity) >= since) return Promise.resolve(true);
    if (!this.client && !this.stopped) return this.listenFirst(timeoutMs);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(aggregateId) ?? new Set();
      this.waiters.set(aggregateId, waiters);
      const done = (applied: boolean) => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiters.get(aggregateId) === waiters) this.waiters.delete(aggregateId);
        resolve(applied);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      waiters.add(wake);
    });
  }

  /**
   * A process listens from its first wait on (most never wait): what was applied before it listened
   * is unknown, so the caller tries again at once; if it cannot listen, once more at the end.
   */
  private listenFirst(timeoutMs: number): Promise<boolean> {
    return this.start().then(
      () => true,
      (err) => {
        this.opts.logger.warn({ err }, 'applied-events listener not started');
        return new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const waiters of this.waiters.values()) for (const wake of [...waiters]) wake();
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private applied(aggregateId: string): void {
    const now = Date.now();
    if (now - this.prunedAt > KEPT_MS) {
      for (const [id, at] of this.lastApplied) if (now - at > KEPT_MS) this.lastApplied.delete(id);
      this.prunedAt = now;
    }
    this.lastApplied.set(aggregateId, now);
    for (const wake of [...(this.waiters.get(aggregateId) ?? [])]) wake();
  }
}
