import { formatDossierCode } from './dossier-code';

describe('dossier code', () => {
  it('joins the centre code, the reception date as yymmdd and a four-digit sequence', () => {
    expect(formatDossierCode('000.00.12.H57', '2019-03-05', 1)).toBe('000.00.12.H57-190305-0001');
  });

  it('grows past four digits on a very busy day instead of wrapping', () => {
    expect(formatDossierCode('H57', '2026-11-25', 12345)).toBe('H57-261125-12345');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatDossierCode('H57', '2026-11-25', 0)).toThrow(RangeError);
  });
});
