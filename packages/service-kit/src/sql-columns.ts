import type { EntityManager, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** A column as a hand-written statement uses it: its name, its type for a cast, and the value a property becomes. */
export interface SqlColumn {
  property: string;
  name: string;
  type: string;
  value(entity: object): unknown;
}

const known = new WeakMap<object, SqlColumn[]>();

/**
 * An entity's columns (the primary key first) for statements written by hand where TypeORM's
 * query builder cost more than the statement (the event handlers' hot paths). Read from the
 * entity's metadata, so that a new column needs no change here.
 */
export function sqlColumns(manager: EntityManager, entity: EntityTarget<unknown>): SqlColumn[] {
  const metadata = manager.connection.getMetadata(entity);
  let columns = known.get(metadata);
  if (!columns) {
    columns = [...metadata.columns]
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
      .map((c) => ({
        property: c.propertyName,
        name: c.databaseName,
        type: `${String(c.type)}${c.isArray ? '[]' : ''}`,
        value: (e: object) => sqlValue(c, e),
      }));
    known.set(metadata, columns);
  }
  return columns;
}

function sqlValue(column: ColumnMetadata, entity: object): unknown {
  let value = (entity as Record<string, unknown>)[column.propertyName];
  if (column.transformer && !Array.isArray(column.transformer)) value = column.transformer.to(value);
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return column.type === 'jsonb' || column.type === 'json' ? JSON.stringify(value) : value;
}
