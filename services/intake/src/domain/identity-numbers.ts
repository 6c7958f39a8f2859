/**
 * Applicants' identity numbers, validated for shape before anything is written.
 *
 * Citizens: the 12-digit personal identification number (số định danh cá nhân, printed on the
 * citizen identity card, CCCD) of Decree 137/2015/NĐ-CP and Circular 07/2016/TT-BCA (amended
 * by Circular 59/2021/TT-BCA):
 *   - digits 1–3: the province of birth registration, one of the 63 codes of the circular
 *     (001 Hà Nội … 046 Thừa Thiên Huế … 096 Cà Mau; numbers issued before the 2025 merger of
 *     provinces keep their code, so the old list stays the reference);
 *   - digit 4: century and sex: 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd,
 *     6/7 = 23rd, 8/9 = 24th;
 *   - digits 5–6: the last two digits of the year of birth; with digit 4 this gives the year,
 *     which must not lie in the future;
 *   - digits 7–12: a random sequence (no check digit).
 *
 * Organisations: the tax code (mã số thuế) of Circular 105/2020/TT-BTC: 10 digits, the 10th a
 * check digit over the first nine (weights 31 29 23 19 17 13 7 5 3; check = 10 − sum mod 11, and a
 * result of 10 means no valid code has those nine digits — the rule python-stdnum's vn.mst
 * implements), or 13 digits for a dependent unit (branch): the parent's 10 followed by a
 * 3-digit suffix 001–999, often written with a '-' that we accept and remove.
 */

export const CITIZEN_PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 ' +
    '046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 ' +
    '094 095 096'
  ).split(' '),
);

export type ApplicantKind = 'CITIZEN' | 'ORGANIZATION';

/** Why an identity number is refused, in words a counter officer can act on; null when valid. */
export function citizenIdProblem(number: string, today = new Date()): string | null {
  if (!/^\d{12}$/.test(number)) return 'A personal identification number has exactly 12 digits';
  if (!CITIZEN_PROVINCE_CODES.has(number.slice(0, 3)))
    return `${number.slice(0, 3)} is not a province code of a personal identification number`;
  const centuryDigit = Number(number[3]);
  const year = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(number.slice(4, 6));
  if (year > today.getUTCFullYear())
    return `The personal identification number gives a year of birth (${year}) in the future`;
  return null;
}

const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit of a tax code's first nine digits, or null if no digit makes them valid. */
export function taxCodeCheckDigit(firstNine: string): number | null {
  const sum = TAX_CODE_WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** Tax codes are written 0314409058-002 as often as 0314409058002; we store the digits only. */
export function normaliseTaxCode(number: string): string {
  return /^\d{10}-\d{3}$/.test(number) ? number.replace('-', '') : number;
}

export function taxCodeProblem(number: string): string | null {
  const code = normaliseTaxCode(number);
  if (!/^\d{10}(\d{3})?$/.test(code)) return 'A tax code has 10 digits, or 13 for a branch (10 digits, "-", 3 digits)';
  if (code.slice(2, 9) === '0000000') return "A tax code's sequence (digits 3–9) cannot be all zeros";
  if (code.length === 13 && code.endsWith('000')) return 'A branch suffix runs from 001 to 999';
  if (taxCodeCheckDigit(code.slice(0, 9)) !== Number(code[9]))
    return "The tax code's check digit (10th digit) is wrong";
  return null;
}

/** The number as stored, or the reason it is refused. */
export function checkIdentityNumber(
  kind: ApplicantKind,
  number: string,
  today = new Date(),
): { ok: true; number: string } | { ok: false; problem: string } {
  const value = typeof number === 'string' ? number.trim() : '';
  const problem = kind === 'CITIZEN' ? citizenIdProblem(value, today) : taxCodeProblem(value);
  if (problem) return { ok: false, problem };
  return { ok: true, number: kind === 'CITIZEN' ? value : normaliseTaxCode(value) };
}
