import fc from 'fast-check';
import { at } from './__fixtures__/clock';
import { outcome } from './outcome';
import { localDate, localDateTime, toLocalISOString } from './time';
import type { CalendarDay, OfficePeriod, Outcome, ProcessingTime } from './types';
import { DEFAULT_OFFICE_HOURS, WorkingCalendar } from './working-calendar';

// ---- generators --------------------------------------------------------------------------

const FROM = at('2025-01-01 00:00').getTime();
const TO = at('2028-12-31 00:00').getTime();
const MINUTE = 60_000;

/** Instants in 2025–2028, mostly on whole minutes (to hit 15:00, 11:30, 17:00 exactly), some to the millisecond. */
const instant = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE) },
    { weight: 1, arbitrary: fc.integer({ min: FROM, max: TO }) },
  )
  .map((ms) => new Date(ms));

const declaredDay: fc.Arbitrary<CalendarDay> = fc.record({
  date: fc.integer({ min: 0, max: 4 * 366 - 2 }).map((i) => localDate(new Date(FROM + i * 86_400_000))),
  kind: fc.constantFrom<CalendarDay['kind']>('HOLIDAY', 'MAKEUP_WORKDAY', 'ORDINARY'),
  name: fc.constant('declared'),
});

const officeHours = fc.constantFrom<OfficePeriod[]>(
  DEFAULT_OFFICE_HOURS,
  [
    { start: '07:00', end: '11:30' },
    { start: '13:00', end: '16:30' },
  ],
  [{ start: '08:00', end: '12:00' }],
  [
    { start: '07:30', end: '09:00' },
    { start: '09:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
);

/** The default calendar half of the time; otherwise one with random declarations and office hours. */
const calendar = fc.oneof(
  fc.constant(new WorkingCalendar()),
  fc.record({ declared: fc.array(declaredDay, { maxLength: 40 }), officeHours }).map((o) => new WorkingCalendar(o)),
);

const dayTime: fc.Arbitrary<ProcessingTime> = fc.record({
  amount: fc.integer({ min: 1, max: 60 }),
  unit: fc.constantFrom<ProcessingTime['unit']>('WORKING_DAYS', 'CALENDAR_DAYS'),
});
const anyTime: fc.Arbitrary<ProcessingTime> = fc.oneof(
  dayTime,
  fc.record({ amount: fc.integer({ min: 1, max: 200 }), unit: fc.constant<ProcessingTime['unit']>('WORKING_HOURS') }),
);

// ---- an independent, deliberately naive model ------------------------------------------

const endOfDay = (c: WorkingCalendar) => c.officeHours[c.officeHours.length - 1].end;
const nextDate = (date: string) => localDate(new Date(localDateTime(date).getTime() + 86_400_000));

/** Office minutes between two whole-minute instants, one minute at a time. */
function naiveWorkingMinutes(c: WorkingCalendar, from: Date, to: Date): number {
  const periods = c.officeHours.map((p) => [p.start, p.end]);
  let count = 0;
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) {
    const iso = toLocalISOString(new Date(t)); // YYYY-MM-DDTHH:mm:ss+07:00
    const hhmm = iso.slice(11, 16);
    if (c.isWorkingDay(iso.slice(0, 10)) && periods.some(([s, e]) => hhmm >= s && hhmm < e)) count++;
  }
  return count;
}

/** The due instant of a day-based procedure, stepping one calendar day at a time. */
function naiveDueAt(c: WorkingCalendar, received: Date, time: ProcessingTime): string {
  const iso = toLocalISOString(received);
  let day = iso.slice(0, 10);
  const afterCutoff = iso.slice(11, 23) > '15:00:00.000';
  if (!c.isWorkingDay(day) || afterCutoff) {
    do day = nextDate(day);
    while (!c.isWorkingDay(day));
  }
  if (time.unit === 'WORKING_DAYS') {
    for (let n = 0; n < time.amount;) {
      day = nextDate(day);
      if (c.isWorkingDay(day)) n++;
    }
  } else {
    for (let n = 0; n < time.amount; n++) day = nextDate(day);
    while (!c.isWorkingDay(day)) day = nextDate(day);
  }
  return `${day} ${endOfDay(c)}`;
}

const localDayTime = (d: Date) => toLocalISOString(d).slice(0, 16).replace('T', ' ');

// ---- properties --------------------------------------------------------------------------

describe('Properties of due dates', () => {
  it('a due date for working or calendar days is always a working day at the end of office hours (17:00 by default)', () => {
    fc.assert(
      fc.property(calendar, instant, dayTime, (c, received, time) => {
        const due = c.dueAt(received, time);
        expect(c.isWorkingDay(localDate(due))).toBe(true);
        expect(localDayTime(due).slice(11)).toBe(endOfDay(c));
      }),
      { numRuns: 500 },
    );
  });

  it('the default calendar is due at 17:00 local', () => {
    fc.assert(
      fc.property(instant, dayTime, (received, time) => {
        expect(toLocalISOString(new WorkingCalendar().dueAt(received, time)).slice(11)).toBe('17:00:00+07:00');
      }),
    );
  });

  it('day-based due dates equal a naive day-by-day count', () => {
    fc.assert(
      fc.property(calendar, instant, dayTime, (c, received, time) => {
        expect(localDayTime(c.dueAt(received, time))).toBe(naiveDueAt(c, received, time));
      }),
      { numRuns: 500 },
    );
  });

  it('a later reception never gives an earlier due date', () => {
    fc.assert(
      fc.property(calendar, instant, instant, anyTime, (c, a, b, time) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(c.dueAt(late, time).getTime()).toBeGreaterThanOrEqual(c.dueAt(early, time).getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('a longer processing time never gives an earlier due date', () => {
    fc.assert(
      fc.property(calendar, instant, anyTime, fc.integer({ min: 1, max: 30 }), (c, received, time, extra) => {
        const longer = { ...time, amount: time.amount + extra };
        expect(c.dueAt(received, longer).getTime()).toBeGreaterThanOrEqual(c.dueAt(received, time).getTime());
      }),
    );
  });

  it('A working days then B more working days equals A+B working days', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (c, received, a, b) => {
          const dueA = c.dueAt(received, { amount: a, unit: 'WORKING_DAYS' });
          const dueAB = c.dueAt(received, { amount: a + b, unit: 'WORKING_DAYS' });
          expect(c.addWorkingMinutes(dueA, b * c.minutesPerWorkingDay)).toEqual(dueAB);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a working-hours due date is exactly N hours of office time after reception', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 200 }), (c, received, n) => {
        const due = c.dueAt(received, { amount: n, unit: 'WORKING_HOURS' });
        expect(c.workingMinutesBetween(received, due)).toBe(n * 60);
      }),
    );
  });
});

describe('Properties of office time', () => {
  it('adding A minutes then B minutes equals adding A+B minutes', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (c, from, a, b) => {
          expect(c.addWorkingMinutes(c.addWorkingMinutes(from, a), b)).toEqual(c.addWorkingMinutes(from, a + b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the office time between an instant and that instant plus M minutes is M', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 50_000 }), (c, from, m) => {
        expect(c.workingMinutesBetween(from, c.addWorkingMinutes(from, m))).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('office time is additive: from A to C = from A to B + from B to C', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (c, x, y, z) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const whole = c.workingMinutesBetween(a, d);
        expect(c.workingMinutesBetween(a, b) + c.workingMinutesBetween(b, d)).toBeCloseTo(whole, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('office time equals a naive minute-by-minute count (spans up to 4 days)', () => {
    const shortSpan = fc
      .tuple(fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }), fc.integer({ min: -60, max: 4 * 1440 }))
      .map(([m, len]) => [new Date(m * MINUTE), new Date((m + len) * MINUTE)] as const);
    fc.assert(
      fc.property(calendar, shortSpan, (c, [from, to]) => {
        expect(c.workingMinutesBetween(from, to)).toBe(naiveWorkingMinutes(c, from, to));
      }),
      { numRuns: 150 },
    );
  });

  it('working days between are office minutes over the minutes of one working day', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (c, a, b) => {
        expect(c.workingDaysBetween(a, b) * c.minutesPerWorkingDay).toBeCloseTo(c.workingMinutesBetween(a, b), 6);
      }),
    );
  });
});

describe('Properties of pauses', () => {
  it('pausing and resuming at the same instant gives the same due instant', () => {
    fc.assert(
      fc.property(calendar, instant, anyTime, fc.double({ min: 0, max: 1, noNaN: true }), (c, received, time, f) => {
        const due = c.dueAt(received, time);
        const pausedAt = new Date(received.getTime() + Math.floor((due.getTime() - received.getTime()) * f));
        expect(c.resume(pausedAt, c.remainingWorkingMinutes(pausedAt, due))).toEqual(due);
      }),
      { numRuns: 500 },
    );
  });

  it('the time left after resumption is the time left when paused', () => {
    fc.assert(
      fc.property(calendar, instant, anyTime, instant, instant, (c, received, time, p, r) => {
        const due = c.dueAt(received, time);
        const [pausedAt, resumedAt] = p <= r ? [p, r] : [r, p];
        const left = c.remainingWorkingMinutes(pausedAt, due);
        const newDue = c.resume(resumedAt, left);
        expect(c.remainingWorkingMinutes(resumedAt, newDue)).toBeCloseTo(left, 9);
        expect(newDue.getTime()).toBeGreaterThanOrEqual(resumedAt.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('a dossier paused after its due instant has no time left', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (c, a, b) => {
        const [due, pausedAt] = a <= b ? [a, b] : [b, a];
        expect(c.remainingWorkingMinutes(pausedAt, due)).toBe(0);
      }),
    );
  });
});

describe('Properties of outcomes', () => {
  const rank: Record<Outcome, number> = { EARLY: 0, ON_TIME: 1, LATE: 2 };

  it('resolving later never gives a better outcome', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, due) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(rank[outcome(late, due)]).toBeGreaterThanOrEqual(rank[outcome(early, due)]);
      }),
      { numRuns: 500 },
    );
  });

  it('a later due date never gives a worse outcome', () => {
    fc.assert(
      fc.property(instant, instant, instant, (resolved, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(rank[outcome(resolved, late)]).toBeLessThanOrEqual(rank[outcome(resolved, early)]);
      }),
    );
  });

  it('resolving at the due instant is on time', () => {
    fc.assert(fc.property(instant, (due) => expect(outcome(due, due)).toBe('ON_TIME')));
  });
});
