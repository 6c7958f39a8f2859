import { checkIdentityNumber, citizenIdProblem, taxCodeCheckDigit, taxCodeProblem } from './identity-numbers';

const today = new Date('2026-03-05T00:00:00Z');

describe('personal identification number (CCCD)', () => {
  it('accepts a Huế-registered man born in 1990 and a woman born in 2004', () => {
    expect(citizenIdProblem('046090001234', today)).toBeNull();
    expect(citizenIdProblem('046304123456', today)).toBeNull();
  });

  it('refuses numbers of the wrong length or with other characters', () => {
    expect(citizenIdProblem('04609000123', today)).toMatch(/12 digits/);
    expect(citizenIdProblem('0460900012345', today)).toMatch(/12 digits/);
    expect(citizenIdProblem('04609000123A', today)).toMatch(/12 digits/);
  });

  it('refuses a province code that the circular does not list', () => {
    expect(citizenIdProblem('000090001234', today)).toMatch(/province code/);
    expect(citizenIdProblem('003090001234', today)).toMatch(/province code/);
    expect(citizenIdProblem('097090001234', today)).toMatch(/province code/);
  });

  it('reads the century from the fourth digit and refuses a birth year in the future', () => {
    expect(citizenIdProblem('079226123456', today)).toBeNull(); // 2026
    expect(citizenIdProblem('079227123456', today)).toMatch(/2027/);
    expect(citizenIdProblem('079400123456', today)).toMatch(/2100/);
  });
});

describe('tax code (mã số thuế)', () => {
  it('computes the check digit with weights 31 29 23 19 17 13 7 5 3', () => {
    expect(taxCodeCheckDigit('010023348')).toBe(8);
    expect(taxCodeCheckDigit('031440905')).toBe(8);
  });

  it('accepts a 10-digit code and a 13-digit branch code with or without its dash', () => {
    expect(taxCodeProblem('0100233488')).toBeNull();
    expect(taxCodeProblem('0314409058-002')).toBeNull();
    expect(taxCodeProblem('0314409058002')).toBeNull();
  });

  it('refuses a wrong check digit, an all-zero sequence and a 000 branch', () => {
    expect(taxCodeProblem('0100233480')).toMatch(/check digit/);
    expect(taxCodeProblem('0100000000')).toMatch(/all zeros/);
    expect(taxCodeProblem('0314409058000')).toMatch(/001 to 999/);
    expect(taxCodeProblem('12345')).toMatch(/10 digits/);
  });

  it('refuses nine digits for which no check digit exists (10 − sum mod 11 = 10)', () => {
    // find nine digits whose weighted sum is divisible by 11
    let nine = '';
    for (let n = 10000000; n < 10001000 && !nine; n++) {
      if (taxCodeCheckDigit(String(n).padStart(9, '0')) === null) nine = String(n).padStart(9, '0');
    }
    expect(nine).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(taxCodeProblem(nine + d)).toMatch(/check digit/);
  });
});

describe('checkIdentityNumber', () => {
  it('stores branch tax codes without their dash', () => {
    expect(checkIdentityNumber('ORGANIZATION', '0314409058-002', today)).toEqual({ ok: true, number: '0314409058002' });
  });

  it('checks a citizen number as a citizen number, not as a tax code', () => {
    expect(checkIdentityNumber('CITIZEN', '0100233488', today).ok).toBe(false);
    expect(checkIdentityNumber('ORGANIZATION', '046090001234', today).ok).toBe(false);
  });
});
