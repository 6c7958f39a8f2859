import { coolDownSeconds, DEFAULT_FAILURE_LIMITS, parseFailureLimits, reachedLimit, verifierMatches } from './tracking';

const applicant = { identityNumber: '046090001234', phone: '0912 345 678' };

describe('tracking verifier', () => {
  it('matches the last four digits of the identity number', () => {
    expect(verifierMatches(applicant, '1234')).toBe(true);
    expect(verifierMatches(applicant, '0123')).toBe(false);
  });

  it('matches the phone number however it is written', () => {
    expect(verifierMatches(applicant, '0912345678')).toBe(true);
    expect(verifierMatches(applicant, '+84 912 345 678')).toBe(true);
    expect(verifierMatches(applicant, '0912345679')).toBe(false);
  });

  it('never matches an empty verifier, a short fragment of the phone or an applicant without a phone', () => {
    expect(verifierMatches(applicant, '')).toBe(false);
    expect(verifierMatches(applicant, '345678')).toBe(false);
    expect(verifierMatches({ ...applicant, phone: null }, '0912345678')).toBe(false);
  });
});

describe('failures allowed per dossier code', () => {
  it('reads "failures/seconds" pairs, and defaults to 5 an hour and 20 a day', () => {
    expect(parseFailureLimits(undefined)).toEqual(DEFAULT_FAILURE_LIMITS);
    expect(parseFailureLimits('3/60, 10/3600')).toEqual([
      { failures: 3, seconds: 60 },
      { failures: 10, seconds: 3600 },
    ]);
    expect(() => parseFailureLimits('5 per hour')).toThrow(/TRACKING_CODE_LIMITS/);
    expect(() => parseFailureLimits('0/60')).toThrow(/TRACKING_CODE_LIMITS/);
  });

  it("cools down, once an attempt goes over a window's share, until the longest such window ends", () => {
    const limits = DEFAULT_FAILURE_LIMITS;
    expect(coolDownSeconds(limits, [null, null])).toBe(0);
    expect(
      coolDownSeconds(limits, [
        { failures: 5, msLeft: 1000 },
        { failures: 5, msLeft: 80_000_000 },
      ]),
    ).toBe(0);
    expect(
      coolDownSeconds(limits, [
        { failures: 6, msLeft: 1500 },
        { failures: 6, msLeft: 80_000_000 },
      ]),
    ).toBe(2);
    expect(
      coolDownSeconds(limits, [
        { failures: 1, msLeft: 1500 },
        { failures: 21, msLeft: 80_000_000 },
      ]),
    ).toBe(80_000);
    expect(
      reachedLimit(limits, [
        { failures: 5, msLeft: 1 },
        { failures: 5, msLeft: 1 },
      ]),
    ).toBe(true);
    expect(
      reachedLimit(limits, [
        { failures: 6, msLeft: 1 },
        { failures: 6, msLeft: 1 },
      ]),
    ).toBe(false);
  });

  it('keeps guessing four digits slower than months from any number of addresses', () => {
    const perDay = Math.min(...DEFAULT_FAILURE_LIMITS.map((l) => l.failures * (86_400 / l.seconds)));
    expect(10_000 / 2 / perDay).toBeGreaterThan(90); // days, on average
  });
});
