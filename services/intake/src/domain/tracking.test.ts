import { verifierMatches } from './tracking';

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
