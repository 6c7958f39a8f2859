import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) throw badInput('DateTime must be an ISO-8601 instant with a time zone');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput(`Impossible DateTime ${value}`);
  return date;
}

function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw badInput('Date must be YYYY-MM-DD');
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw badInput(`Impossible Date ${value}`);
  return value as string;
}

/** DateTime (an ISO-8601 instant) and Date (YYYY-MM-DD), as every subgraph declares them. */
export const dateTimeScalars = {
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
    parseValue: parseInstant,
    parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : null),
  }),
  Date: new GraphQLScalarType({
    name: 'Date',
    serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  }),
};
