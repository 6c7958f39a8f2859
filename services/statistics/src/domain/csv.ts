import type { Report, ReportRow } from '../persistence/report-reads';

/** The columns of the CSV export, in the order of form II.06a. */
const COLUMNS: Array<[keyof ReportRow, string]> = [
  ['key', 'key'],
  ['label', 'label'],
  ['received', 'received'],
  ['receivedOnline', 'receivedOnline'],
  ['receivedOffline', 'receivedOffline'],
  ['carriedOver', 'carriedOver'],
  ['resolved', 'resolved'],
  ['resolvedEarly', 'resolvedEarly'],
  ['resolvedOnTime', 'resolvedOnTime'],
  ['resolvedLate', 'resolvedLate'],
  ['closedUnresolved', 'closedUnresolved'],
  ['inProgress', 'inProgress'],
  ['inProgressNotDue', 'inProgressNotDue'],
  ['inProgressOverdue', 'inProgressOverdue'],
  ['onTimeRate', 'onTimeRate'],
  ['averageProcessingDays', 'averageProcessingDays'],
  ['ratings', 'ratings'],
  ['satisfactionRate', 'satisfactionRate'],
];

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV (UTF-8 with a BOM, so that spreadsheet programs show the Vietnamese labels), total last. */
export function reportToCsv(report: Report): string {
  const lines = [COLUMNS.map(([, h]) => h).join(',')];
  for (const row of [...report.rows, report.total]) lines.push(COLUMNS.map(([k]) => field(row[k])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
