import { Client } from 'pg';
import type { EventType, ServiceName } from './catalogue';
import type { EventEnvelope } from './envelope';

export interface ReadEventLogOptions {
  /** Events to skip: those at or below this sequence of each source's outbox. */
  afterSequence?: Partial<Record<ServiceName, number>>;
  /** Only these event types. */
  types?: readonly EventType[];
  /** Rows fetched per source and round trip. */
  pageSize?: number;
}

/**
 * OPERATOR TOOL, not for services (rule 1: no service reads another's tables). Reads the durable
 * event history — each source service's `outbox` table, whose rows are kept after relaying — and
 * yields it as envelopes (the same shape the relay puts on the bus), each source in its outbox
 * order (its causal order), the sources merged by occurredAt. Used to rebuild a read model
 * from scratch (npm run stats:rebuild); it opens its own connection and only reads.
 */
export async function* readEventLog(
  databaseUrl: string,
  sources: readonly ServiceName[],
  opts: ReadEventLogOptions = {},
): AsyncGenerator<EventEnvelope> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pageSize = opts.pageSize ?? 2000;
    const cursors = sources.map((source) => ({
      source,
      after: opts.afterSequence?.[source] ?? 0,
      buffer: [] as EventEnvelope[],
      done: false,
    }));
    const fill = async (c: (typeof cursors)[number]) => {
      if (c.buffer.length > 0 || c.done) return;
      const { rows } = await client.query(
        `SELECT sequence, id, type, version, aggregate_id, payload, correlation_id, occurred_at
           FROM "${c.source}".outbox WHERE sequence > $1 ${opts.types ? 'AND type = ANY($3)' : ''}
          ORDER BY sequence LIMIT $2`,
        opts.types ? [c.after, pageSize, opts.types] : [c.after, pageSize],
      );
      if (rows.length < pageSize) c.done = true;
      for (const row of rows) {
        c.buffer.push({
          id: row.id,
          type: row.type,
          version: row.version,
          sequence: Number(row.sequence),
          source: c.source,
          aggregateId: row.aggregate_id,
          occurredAt: new Date(row.occurred_at).toISOString(),
          correlationId: row.correlation_id,
          payload: row.payload,
        });
      }
      if (rows.length) c.after = Number(rows[rows.length - 1].sequence);
    };
    for (;;) {
      for (const c of cursors) await fill(c);
      let next: (typeof cursors)[number] | undefined;
      for (const c of cursors)
        if (c.buffer.length && (!next || c.buffer[0].occurredAt < next.buffer[0].occurredAt)) next = c;
      if (!next) return;
      yield next.buffer.shift()!;
    }
  } finally {
    await client.end();
  }
}

/** The last sequence of each source's outbox now: where a replay that must not chase new events stops. */
export async function eventLogHeads(
  databaseUrl: string,
  sources: readonly ServiceName[],
): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const source of sources) {
      const { rows } = await client.query(`SELECT coalesce(max(sequence), 0) AS head FROM "${source}".outbox`);
      out[source] = Number(rows[0].head);
    }
    return out;
  } finally {
    await client.end();
  }
}
