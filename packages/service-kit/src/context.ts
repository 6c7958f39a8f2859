import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { AppliedEvents } from '@onestop/events';
import type { Caller } from './identity';
import { forbidden, unauthenticated } from './errors';
import type { Role } from './identity';

/** What every resolver sees. `deps` holds the service's own collaborators (blob store, calendar…). */
export interface ServiceContext<D = unknown> {
  caller?: Caller;
  correlationId: string;
  logger: Logger;
  db: DataSource;
  deps: D;
  /** When this service's consumer applies an event about an aggregate (commands waiting for one in flight: catchingUp). */
  applied?: AppliedEvents;
}

/** The caller, or UNAUTHENTICATED. */
export function requireCaller(ctx: Pick<ServiceContext, 'caller'>): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

/** The caller if their role is one of `roles`, otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(ctx: Pick<ServiceContext, 'caller'>, ...roles: Role[]): Caller {
  const caller = requireCaller(ctx);
  if (!(roles as string[]).includes(caller.role)) throw forbidden(`Requires one of the roles ${roles.join(', ')}`);
  return caller;
}

/** The audit trail's view of the caller. */
export function actorOf(caller: Caller) {
  return { id: caller.id, name: caller.name, role: caller.role, centre: caller.centre };
}
