import type { ResultReturnedV1 } from '@onestop/events';
import { actorOf, type Caller } from '@onestop/service-kit';

/**
 * The one builder of ResultReturned: a pickup, a delivered parcel, a download, and a return from a
 * historical import (whose instant is passed on as the import wrote it).
 */
export function resultReturned(
  dossierId: string,
  method: ResultReturnedV1['method'],
  returnedAt: Date | string,
  caller: Caller | null,
): ResultReturnedV1 {
  return {
    dossierId,
    method,
    returnedAt: typeof returnedAt === 'string' ? returnedAt : returnedAt.toISOString(),
    actor: caller ? actorOf(caller) : null,
  };
}
