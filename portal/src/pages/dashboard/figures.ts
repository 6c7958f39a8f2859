import type { TFunction } from 'i18next';

/** The figures of a report row the dashboard shows, in the order of the II.06a table. */
export const COLUMNS = [
  'received',
  'receivedOnline',
  'receivedOffline',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'closedUnresolved',
  'inProgress',
  'inProgressNotDue',
  'inProgressOverdue',
  'onTimeRate',
  'averageProcessingDays',
  'ratings',
  'satisfactionRate',
] as const;
export type Column = (typeof COLUMNS)[number];
export const RATES: readonly Column[] = ['onTimeRate', 'satisfactionRate'];

export type GroupBy = 'CENTRE' | 'LEVEL' | 'PROCEDURE' | 'SECTOR' | 'CHANNEL' | 'MONTH';
export type Figures = { key: string; label: string } & Record<Column, number | null | undefined>;

/** A group's name in the page's language: levels and channels are translated, months read MM/YYYY; names of centres, procedures and sectors are the catalogue's. */
export function groupLabel(t: TFunction, groupBy: GroupBy, row: { key: string; label: string }): string {
  if (row.key === 'TOTAL') return t('dash.total');
  if (groupBy === 'LEVEL') return t(`dash.level.${row.key}`, { defaultValue: row.label });
  if (groupBy === 'CHANNEL') return t(`channel.${row.key}`, { defaultValue: row.label });
  if (groupBy === 'MONTH') return `${row.key.slice(5, 7)}/${row.key.slice(0, 4)}`;
  return row.label;
}

/** A rate (0–1) as a percentage with one decimal, in the page's language; '—' when there is none. */
export function percent(value: number | null | undefined, lang: string): string {
  return value == null
    ? '—'
    : `${(value * 100).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} %`;
}

/** A cell as the screen shows it: counts as integers, rates as percentages, days with two decimals. */
export function cell(column: Column, value: number | null | undefined, lang: string): string {
  if (RATES.includes(column)) return percent(value, lang);
  if (value == null) return '—';
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
}

/**
 * The report as a matrix (rows already labelled in the page's language), header first and the total last, with raw numbers (rates 0–1, as the API
 * gives them): the same figures in the CSV and in the workbook, so that a spreadsheet can add them up.
 */
export function reportMatrix(
  t: TFunction,
  groupBy: GroupBy,
  labelled: Figures[],
  total: Figures,
): Array<Array<string | number | null>> {
  const header = [t(`dash.group.${groupBy}`), ...COLUMNS.map((c) => t(`dash.col.${c}`))];
  const line = (r: Figures) => [r.label, ...COLUMNS.map((c) => r[c] ?? null)];
  return [header, ...labelled.map(line), line({ ...total, label: t('dash.total') })];
}

/** RFC 4180 CSV with a BOM and CRLF, so that Excel opens the Vietnamese text as UTF-8. */
export function toCsv(matrix: Array<Array<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v == null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${matrix.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Hands a file to the browser as a download. */
export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The report as an Excel workbook: a title, the period and the centre, then the same matrix as the
 * CSV, counts as numbers and rates as percentages. ExcelJS is loaded only when a leader asks for it.
 */
export async function toXlsx(
  t: TFunction,
  title: string,
  meta: Array<[string, string]>,
  matrix: Array<Array<string | number | null>>,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.title');
  const ws = wb.addWorksheet(t('dash.file.sheet'));
  ws.addRow([title]).font = { bold: true, size: 13 };
  for (const m of meta) ws.addRow(m);
  ws.addRow([]);
  const headerRow = ws.addRow(matrix[0]);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  for (const r of matrix.slice(1)) ws.addRow(r);
  ws.lastRow!.font = { bold: true };
  ws.getColumn(1).width = 42;
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = 14;
    if (RATES.includes(c)) col.numFmt = '0.0%';
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow.number, xSplit: 1 }];
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
