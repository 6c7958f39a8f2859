import { applicantDigest } from './applicant-digest';

describe('applicantDigest', () => {
  it('recognises the same number, and tells two numbers apart, without keeping the number', () => {
    expect(applicantDigest('046090001234')).toBe(applicantDigest(' 046090001234 '));
    expect(applicantDigest('046090001234')).not.toBe(applicantDigest('079085001234'));
    expect(applicantDigest('046090001234')).not.toContain('046090001234');
  });
});
