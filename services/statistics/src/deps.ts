import type { ServiceContext, ServiceRuntime } from '@onestop/service-kit';
import { ReplicaCalendar } from './persistence/replica-calendar';

/** Statistics' collaborators, handed to resolvers as ctx.deps. */
export interface StatisticsDeps {
  /** The working calendar for processing times in working days. */
  calendar: ReplicaCalendar;
  /** "Now", for capping stocks of a period that ends in the future; replaceable in tests. */
  now: () => Date;
}

export type StatisticsContext = ServiceContext<StatisticsDeps>;

export function createStatisticsDeps(_runtime?: ServiceRuntime): StatisticsDeps {
  return { calendar: new ReplicaCalendar(), now: () => new Date() };
}
