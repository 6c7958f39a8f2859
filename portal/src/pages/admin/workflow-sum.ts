/** A working day is 8 working hours (DESIGN.md, working-day calendar). */
export const HOURS_PER_DAY = 8;

export interface StatutoryTime {
  amount: number;
  unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS';
}

/**
 * The workflow's steps against the procedure's statutory processing time, in working days.
 * A limit in calendar days holds at most that many working days, so steps longer than the amount
 * are surely late (shorter ones may still be, around weekends and holidays: the due date tells).
 */
export function compareWithStatutory(hours: Array<number | null | undefined>, time: StatutoryTime | null | undefined) {
  const totalHours = hours.reduce<number>(
    (sum, h) => sum + (typeof h === 'number' && Number.isFinite(h) && h > 0 ? h : 0),
    0,
  );
  const days = totalHours / HOURS_PER_DAY;
  const limitDays = !time ? null : time.unit === 'WORKING_HOURS' ? time.amount / HOURS_PER_DAY : time.amount;
  return { totalHours, days, limitDays, overBy: limitDays != null && days > limitDays + 1e-9 ? days - limitDays : 0 };
}

/** 1.5 → "1,5" in Vietnamese, "1.5" in English; at most two decimals. */
export const decimal = (n: number, english: boolean) => {
  const text = String(Math.round(n * 100) / 100);
  return english ? text : text.replace('.', ',');
};
