import { createHash, randomUUID } from 'node:crypto';
import { appendFile, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** How many recorded messages a development transport keeps in memory (for tests to read); the file has them all. */
export const RECENT_KEPT = 1_000;

/** Keys are notification and dossier ids; anything else is hashed so that it is always a safe file name. */
const SAFE_KEY = /^[A-Za-z0-9._-]{1,128}$/;
const fileName = (key: string) =>
  SAFE_KEY.test(key) && !key.startsWith('.') ? key : createHash('sha256').update(key).digest('hex');

/**
 * What a development receiver (the mail and SMS recorders, the simulated courier) accepted, kept
 * as a real provider keeps it: by the sender's idempotency key, and a message handed over again
 * under a key already accepted is dropped, not delivered twice. A worker killed between handing a
 * message over and recording it sends it again after its restart, so the receiver must remember
 * keys across processes (every delivery worker shares the data folder): each accepted message is
 * a file `<folder>/accepted/<key>.json`, created atomically by a hard link that fails when the
 * key exists. `sent.jsonl` lists the accepted messages for a developer to read, `dropped.jsonl`
 * the repeats; the latest accepted are also kept in memory, bounded, for tests.
 * Without a file (tests) the keys are kept in memory only.
 */
export class MessageRecord<T> {
  private readonly recent: T[] = [];
  private readonly keys = new Set<string>();
  /** Repeats dropped by this instance (the file `dropped.jsonl` has every process's). */
  dropped = 0;

  constructor(
    private readonly file?: string,
    private readonly keep = RECENT_KEPT,
  ) {}

  /** The latest messages accepted, oldest first (at most `keep`). */
  get sent(): readonly T[] {
    return this.recent;
  }

  /** The folder whose `accepted/` holds one file per accepted key (undefined: memory only). */
  get folder(): string | undefined {
    return this.file && dirname(this.file);
  }

  /** Accepts the message unless its key was accepted before; true when accepted, false when dropped as a repeat. */
  async add(key: string, message: T): Promise<boolean> {
    const accepted = this.file ? await this.claim(key, message) : !this.keys.has(key);
    if (!accepted) {
      this.dropped += 1;
      if (this.file)
        await appendFile(
          join(dirname(this.file), 'dropped.jsonl'),
          `${JSON.stringify({ key, at: new Date().toISOString() })}\n`,
        );
      return false;
    }
    if (!this.file) this.keys.add(key);
    this.recent.push(message);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    if (this.file) await appendFile(this.file, `${JSON.stringify(message)}\n`);
    return true;
  }

  /** The message is written whole to a temporary file first, then linked under its key: link(2) fails with EEXIST for a key taken. */
  private async claim(key: string, message: T): Promise<boolean> {
    const folder = join(dirname(this.file!), 'accepted');
    await mkdir(folder, { recursive: true });
    const tmp = join(folder, `.${randomUUID()}.tmp`);
    await writeFile(tmp, JSON.stringify({ key, message }));
    try {
      await link(tmp, join(folder, `${fileName(key)}.json`));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }
}

/**
 * A message that no transport took: none is configured for its channel, or the channel is off.
 * Trying again would not send it; the notification is marked NOT_SENT with this reason.
 */
export class NotSentError extends Error {}

/** The transport of a channel that has none: every message is refused with the reason, never claimed as sent. */
export class NoTransport {
  constructor(readonly reason: string) {}

  async send(): Promise<never> {
    throw new NotSentError(this.reason);
  }
}

/** A refusal that trying again cannot fix (a number the provider rejects, bad credentials): the notification is FAILED at once. */
export class PermanentRefusal extends Error {}

/** The receiver asks to be called again later (HTTP 429 with Retry-After): not the message's failure, so no attempt is spent. */
export class Throttled extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}
