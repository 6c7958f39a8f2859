import { WorkingCalendar } from '@onestop/calendar';
import { optionsFrom } from '../scripts/simulate';
import { generate } from '../scripts/simulate/generate';
import { demoHistoryLines } from '../scripts/demo-history';

describe("the simulator's province-year", () => {
  it('keeps the Huế 2018 shares by default: 3.8 % of the resolved late, the in-progress count as asked', () => {
    const o = optionsFrom(
      new Map([
        ['size', '20000'],
        ['seed', '2018'],
      ]),
    );
    const { total, lines } = generate(new WorkingCalendar(), o);
    expect(lines).toHaveLength(20_000);
    expect(total.received).toBe(20_000);
    expect(total.inProgress).toBe(o.inProgress);
    expect(total.resolved + total.inProgress).toBe(total.received);
    expect(total.resolvedLate / total.resolved).toBeCloseTo(0.038, 3);
    expect((total.resolvedEarly + total.resolvedOnTime) / total.resolved).toBeGreaterThan(0.96);
  });
});

describe("the demo history's window", () => {
  /** Every instant a line says something happened at (all but due dates, which lie ahead), as `field=instant`. */
  const instants = (value: unknown, key = ''): string[] =>
    typeof value === 'string'
      ? /^\d{4}-\d\d-\d\dT/.test(value) && key !== 'dueAt'
        ? [`${key}=${value}`]
        : []
      : Array.isArray(value)
        ? value.flatMap((v) => instants(v, key))
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => instants(v, k))
          : [];

  // A first start at any hour, Vietnam time: before office hours the last afternoon's dossiers are not handed over yet.
  it.each(['01:00', '07:45', '12:00', '16:30', '23:30'])(
    'ends at the first start (%s in Huế) with nothing after it',
    (hour) => {
      const until = `2026-12-03T${hour}:00+07:00`;
      const sim = demoHistoryLines(new WorkingCalendar(), { size: 1500, until });
      const late = sim.lines
        .flatMap((line) => instants(line))
        .filter((field) => Date.parse(field.split('=')[1]) > Date.parse(until));
      expect(late).toEqual([]);
      expect(sim.lines.length).toBeGreaterThan(1400);
    },
  );
});
