/**
 * Dossier code: `{centre code}-{yymmdd}-{sequence}`, e.g. 000.00.12.H57-190305-0001. The
 * sequence is per centre and reception day, at least four digits.
 */
export function formatDossierCode(centreCode: string, receptionDay: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence}`);
  const [year, month, day] = receptionDay.split('-');
  return `${centreCode}-${year.slice(2)}${month}${day}-${String(sequence).padStart(4, '0')}`;
}
