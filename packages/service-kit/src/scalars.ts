import { GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, parseIsoInstant } from '@onestop/calendar';
import { badInput } from './errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An impossible day or hour (2026-02-30T10:00Z, 24:00) is refused, never shifted to another instant. */
function parseInstant(value: unknown): Date {
  const date = parseIsoInstant(value);
  if (!date)
    throw badInput(`DateTime must be a real ISO-8601 instant with a time zone (got ${String(value).slice(0, 40)})`);
  return date;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw badInput('Date must be YYYY-MM-DD');
  if (!isCalendarDate(value)) throw badInput(`Impossible Date ${String(value)}`);
  return value;
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
