import type { ServiceRatedV1 } from '@onestop/events';

/**
 * The one builder of ServiceRated: a rating online or at the counter, and one from a historical
 * import (whose instant is passed on as written). The comment stays in delivery: it may carry personal details that statistics must not keep.
 */
export function serviceRated(rating: {
  dossierId: string;
  overall: ServiceRatedV1['overall'];
  ratedAt: Date | string;
}): ServiceRatedV1 {
  const ratedAt = typeof rating.ratedAt === 'string' ? rating.ratedAt : rating.ratedAt.toISOString();
  return { dossierId: rating.dossierId, overall: rating.overall, ratedAt };
}
