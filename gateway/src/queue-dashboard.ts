import type express from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { SERVICES, eventQueueName, type QueueConnection } from '@onestop/events';
import { decide, maskPersonalData, relationsOf, type Caller, type Relation } from '@onestop/service-kit';

/** Every queue of the platform: each service's event queue, and delivery's background work. */
export const PLATFORM_QUEUES: readonly string[] = [
  ...SERVICES.map(eventQueueName),
  'delivery-notifications', // notifications to applicants (email, SMS)
  'delivery-bookings', // express-post bookings with the courier
];

export interface QueueDashboardOptions {
  /** The gateway's connection to BullMQ (REDIS_URL, or the PostgreSQL backend on DATABASE_URL). */
  connection: QueueConnection;
  /** The caller of a request, from its bearer token (undefined without one); throws on an invalid token. */
  authenticate: (req: express.Request) => Promise<Caller | undefined>;
  /** Where an officer's own centre stands in the tree (ROOT_CENTRE, NON_ROOT_CENTRE, UNKNOWN_CENTRE). */
  centreRelation: (caller: Caller) => Promise<Relation>;
  /** Where to mount it; /admin/queues by default. */
  basePath?: string;
  /** More queues to show besides PLATFORM_QUEUES. */
  extraQueues?: string[];
}

/**
 * Bull Board (operators' view of the BullMQ queues: waiting, active, failed jobs; retry, clean)
 * for the authorization matrix's `queueDashboard` cells (a root centre's ADMIN: the queues carry
 * every centre's jobs): no or an invalid token answers 401, anyone else 403. Bull Board's own
 * pages are served only after that check, so its actions (retry, remove, pause) are theirs too.
 * Job payloads and results are shown with the personal fields masked, as in the logs.
 */
export function mountQueueDashboard(app: express.Express, opts: QueueDashboardOptions): void {
  const basePath = opts.basePath ?? '/admin/queues';
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: [...PLATFORM_QUEUES, ...(opts.extraQueues ?? [])].map((name) =>
      masked(new BullMQAdapter(opts.connection.queue(name))),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'One-stop queues' } },
  });
  app.use(basePath, rootAdminOnly(opts), serverAdapter.getRouter());
}

function masked(adapter: BullMQAdapter): BullMQAdapter {
  const mask = (value: unknown) => maskPersonalData(typeof value === 'string' ? parsed(value) : value);
  adapter.setFormatter('data', mask);
  adapter.setFormatter('returnValue', mask);
  return adapter;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function rootAdminOnly(opts: QueueDashboardOptions): express.RequestHandler {
  return async (req, res, next) => {
    let caller: Caller | undefined;
    try {
      caller = await opts.authenticate(req);
    } catch {
      caller = undefined;
    }
    if (!caller)
      return void res
        .status(401)
        .setHeader('www-authenticate', 'Bearer')
        .json({ error: 'A valid ADMIN token is required' });
    let relation: Relation = 'ANY';
    try {
      if (relationsOf('province', caller.role).length > 1) relation = await opts.centreRelation(caller);
    } catch {
      return void res.status(503).json({ error: 'The intake service, which knows the centres, is unavailable' });
    }
    if (decide('queueDashboard', caller.role, relation) !== 'ALLOW') {
      return void res.status(403).json({ error: 'The queue dashboard is for the ADMIN of a root centre only' });
    }
    next();
  };
}
