import { mayBeAskedForSupplement } from './supplementation';

describe('mayBeAskedForSupplement', () => {
  it('holds for the open statuses processing may have moved on to SUPPLEMENT_REQUESTED from', () => {
    for (const status of ['RECEIVED', 'PROCESSING', 'FINANCIAL_OBLIGATION'])
      expect(mayBeAskedForSupplement(status)).toBe(true);
  });

  it('does not hold once the dossier is closed, new, or already asked', () => {
    for (const status of [
      'NEW',
      'NOT_ACCEPTED',
      'SUPPLEMENT_REQUESTED',
      'WITHDRAWN',
      'STOPPED',
      'RESOLVED',
      'RETURNED',
    ]) {
      expect(mayBeAskedForSupplement(status)).toBe(false);
    }
  });
});
