import { LATEST_VERSION, type EventType } from './catalogue';
import type { EventEnvelope } from './envelope';

/**
 * One step of an event's history: its payload at version `from` as version `from + 1` would carry
 * it (a new field given its value for the old events, a renamed one moved). Pure.
 */
export type Upcaster = (payload: any) => unknown;

/** Per event type, the step from each older version (keyed by the version it starts from). */
export type Upcasters = { [T in EventType]?: { [from: number]: Upcaster } };

/**
 * The catalogue's steps. Every event is at version 1 today, so there is none yet. A change to a
 * payload's shape is a new version: its interface in EventPayloads, its number in catalogue.ts's
 * NEWER_VERSIONS, and here the step that brings the version before it up (consumers keep accepting
 * every version they were ever sent: the outboxes and the queues still hold the old ones).
 */
export const UPCASTERS: Upcasters = {};

/** An event of a version this consumer does not know (a publisher deployed first): not applied, retried. */
export class UnknownEventVersionError extends Error {}

/** The version an event is applied at: the catalogue's latest, or later when `upcasters` go further. */
export function currentVersion(type: EventType, upcasters: Upcasters = UPCASTERS): number {
  const steps = Object.keys(upcasters[type] ?? {}).map(Number);
  return Math.max(LATEST_VERSION[type] ?? 1, ...steps.map((from) => from + 1));
}

/**
 * The event as its current version: handlers are written against one shape (the catalogue's
 * latest) and never look at `version`. Each step from the event's own version on is applied in
 * turn; a version newer than this consumer knows, or a missing step, throws.
 */
export function upcast(event: EventEnvelope, upcasters: Upcasters = UPCASTERS): EventEnvelope {
  const current = currentVersion(event.type, upcasters);
  const version = event.version ?? 1;
  if (version === current) return event;
  if (version > current)
    throw new UnknownEventVersionError(`${event.type} v${version} is newer than this consumer knows (v${current})`);
  let payload = event.payload;
  for (let from = version; from < current; from++) {
    const step = upcasters[event.type]?.[from];
    if (!step) throw new UnknownEventVersionError(`${event.type}: no step from v${from} to v${from + 1}`);
    payload = step(payload);
  }
  return { ...event, version: current, payload };
}
