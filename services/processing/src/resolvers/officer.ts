import { perRequest } from '@onestop/service-kit';
import { officerById, type Officer } from '../persistence/officers';
import type { ProcessingContext } from '../deps';

/** An officer as the schema shows them (Officer.centre is a Centre reference). */
export const officerView = (o: Officer) => ({ id: o.id, name: o.name, role: o.role, centre: { id: o.centreId } });

const officerReads = new WeakMap<object, Map<string, Promise<Officer | null>>>();

/** An officer by id, once per request (an inbox page shows the same few assignees many times). */
export async function officerOf(ctx: ProcessingContext, id: string | null | undefined) {
  if (!id) return null;
  const officer = await perRequest(ctx, officerReads, id, () => officerById(ctx.db.manager, id));
  return officer ? officerView(officer) : null;
}
