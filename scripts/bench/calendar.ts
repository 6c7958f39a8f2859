/**
 * How fast the working calendar computes due dates (it runs on every reception).
 *   node -r ./scripts/register.js scripts/bench/calendar.ts
 */
import { WorkingCalendar, type ProcessingTime } from '@onestop/calendar';

const units: ProcessingTime['unit'][] = ['WORKING_DAYS', 'CALENDAR_DAYS', 'WORKING_HOURS'];
const start = Date.UTC(2026, 0, 1);

function measure(label: string, n: number, fn: (i: number) => void) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const perCall = (performance.now() - t0) / n;
  console.log(
    `${label.padEnd(58)} ${(perCall * 1000).toFixed(1).padStart(8)} µs/call  ${Math.round(1000 / perCall)
      .toLocaleString('en')
      .padStart(12)} /s`,
  );
}

const shared = new WorkingCalendar({ declared: [{ date: '2026-02-23', kind: 'HOLIDAY', name: 'Nghỉ thêm' }] });
const when = (i: number) => new Date(start + ((i * 7_919 * 60_000) % (365 * 86_400_000)));
measure('dueAt, one calendar reused', 100_000, (i) =>
  shared.dueAt(when(i), { amount: 1 + (i % 30), unit: units[i % 3] }),
);
measure('dueAt, a new calendar each time (cold holiday cache)', 2_000, (i) =>
  new WorkingCalendar({ declared: [{ date: '2026-02-23', kind: 'HOLIDAY', name: 'Nghỉ thêm' }] }).dueAt(when(i), {
    amount: 1 + (i % 30),
    unit: units[i % 3],
  }),
);
measure('dueAt for 3,650 units, ten-year span', 1_000, (i) =>
  shared.dueAt(new Date(start), { amount: 3650, unit: units[i % 3] }),
);
measure('workingMinutesBetween over ten years', 1_000, () =>
  shared.workingMinutesBetween(new Date(start), new Date(Date.UTC(2036, 0, 1))),
);
