import { MAX_PROCESSING_AMOUNT } from '@onestop/calendar';
import type { ProcedureComponent } from './documents';

/** What an ADMIN sends to create a procedure or a new version of it. */
export interface ProcedureDraft {
  code: string;
  name: string;
  sector: string;
  levels: Array<'PROVINCE' | 'DISTRICT' | 'COMMUNE'>;
  feeVnd: number;
  processingTime: { amount: number; unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS' };
  components?: ProcedureComponent[] | null;
}

/** Every problem of a draft, so the catalogue keeper fixes them all at once; empty when valid. */
export function procedureProblems(p: ProcedureDraft): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(p.code ?? ''))
    problems.push('code: letters, digits, ".", "_" or "-", at most 64');
  if (!p.name?.trim()) problems.push('name is required');
  if (!p.sector?.trim()) problems.push('sector is required');
  if (!p.levels?.length) problems.push('levels: at least one level');
  else if (new Set(p.levels).size !== p.levels.length) problems.push('levels: each level once');
  if (!Number.isInteger(p.feeVnd) || p.feeVnd < 0) problems.push('feeVnd must be a whole, non-negative amount');
  const amount = p.processingTime?.amount;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_PROCESSING_AMOUNT) {
    problems.push(`processingTime.amount must be from 1 to ${MAX_PROCESSING_AMOUNT}`);
  }
  const codes = new Set<string>();
  for (const c of p.components ?? []) {
    if (!c.code?.trim()) problems.push('components: every component needs a code');
    else if (codes.has(c.code)) problems.push(`components: ${c.code} appears twice`);
    codes.add(c.code);
    if (!c.name?.trim()) problems.push(`components: ${c.code} needs a name`);
    if (!c.documentType?.trim()) problems.push(`components: ${c.code} needs a documentType`);
  }
  return problems;
}
