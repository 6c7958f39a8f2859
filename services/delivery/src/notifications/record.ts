import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How many recorded messages a development transport keeps in memory (for tests to read); the file has them all. */
export const RECENT_KEPT = 1_000;

/**
 * What a development transport "sent": appended to a JSON-lines file for a developer to read, and
 * the latest few kept in memory for tests. Bounded, so that a long-running development or bench
 * process does not keep every message it ever sent.
 */
export class MessageRecord<T> {
  private readonly recent: T[] = [];

  constructor(private readonly file?: string, private readonly keep = RECENT_KEPT) {}

  /** The latest messages recorded, oldest first (at most `keep`). */
  get sent(): readonly T[] {
    return this.recent;
  }

  async add(message: T): Promise<void> {
    this.recent.push(message);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(message)}\n`);
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
