import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { AppliedEvents, Watch } from '@onestop/events';

/**
 * How long a command waits for an event in flight before it answers NOT_FOUND or CONFLICT: the
 * relay, the queue and the consumer together take well under a second, up to about 1.5 s on a busy
 * machine and over 2 s on one loaded several times over (a CI run beside other test runs). Only a
 * refusal that an event could lift waits, so the budget costs nothing in the common case.
 */
export const CATCH_UP_MS = 5_000;

/** Refusals that an event still on its way here may lift, with the aggregate that event is about. */
const awaited = new WeakMap<object, string>();

/**
 * Marks a NOT_FOUND or CONFLICT that may only mean this service has not yet applied another
 * service's latest event about `aggregateId`: a dossier it learns of by event, or a state another
 * service moves on. catchingUp waits for that event and runs the command again. Other errors are
 * returned as they are.
 */
export function awaitingEvent<E>(err: E, aggregateId: string): E {
  const code = err instanceof GraphQLError ? err.extensions?.code : undefined;
  if ((code === 'NOT_FOUND' || code === 'CONFLICT') && !awaited.has(err as object))
    awaited.set(err as object, aggregateId);
  return err;
}

/**
 * Runs a command so that an action sent the moment the previous one answered succeeds, whichever
 * service took the previous one (docs/DESIGN.md rule 3). When the command throws a refusal marked by
 * awaitingEvent, it watches that aggregate and runs the command again at once (an event applied
 * before the watch began is not announced), then each time this service applies an event about it
 * — holding no connection and no lock meanwhile, so the command must not be called inside a
 * transaction; after CATCH_UP_MS it runs it a last time and answers what that answers. The common
 * case costs nothing: a command that succeeds, or refuses for a reason no event can lift, answers
 * at once.
 */
export async function catchingUp<T>(
  ctx: { applied?: AppliedEvents; logger?: Logger },
  command: () => Promise<T>,
  waitMs = CATCH_UP_MS,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  const watches = new Map<string, Watch>();
  try {
    for (;;) {
      const readAt = Date.now();
      try {
        return await command();
      } catch (err) {
        const aggregateId = typeof err === 'object' && err ? awaited.get(err) : undefined;
        const left = deadline - Date.now();
        if (!aggregateId || !ctx.applied || left <= 0) throw err;
        const watch = watches.get(aggregateId);
        if (watch) await watch.next(readAt, left);
        else
          await ctx.applied.watch(aggregateId, left).then(
            (w) => void watches.set(aggregateId, w),
            async (failed) => {
              ctx.logger?.warn(
                { err: failed },
                'cannot watch for applied events; trying once more at the end of the wait',
              );
              await sleep(left);
            },
          );
      }
    }
  } finally {
    for (const watch of watches.values()) watch.end();
  }
}
