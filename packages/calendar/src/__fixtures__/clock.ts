import { localDateTime, toLocalISOString } from '../time';

/** An instant given as local Asia/Ho_Chi_Minh wall-clock time: at('2026-02-13 15:00:01'). */
export function at(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  return localDateTime(date, time);
}

/** An instant shown as local wall-clock time: '2026-02-23 17:00' (seconds and ms only when present). */
export function local(instant: Date): string {
  const iso = toLocalISOString(instant); // 2026-02-23T17:00:00+07:00
  const [date, rest] = iso.slice(0, -6).split('T');
  const time = rest.endsWith(':00') && !rest.includes('.') ? rest.slice(0, 5) : rest;
  return `${date} ${time}`;
}
