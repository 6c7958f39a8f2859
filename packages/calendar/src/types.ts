export type CalendarDayKind = 'HOLIDAY' | 'MAKEUP_WORKDAY' | 'ORDINARY';

/** A day of the calendar. `date` is 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** An office period of a working day, 'HH:mm' local time, start < end. */
export interface OfficePeriod {
  start: string;
  end: string;
}

export type TimeUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS';

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
}

export type Outcome = 'EARLY' | 'ON_TIME' | 'LATE';
