import { checkBrandname, internationalNumber, receiptOutcome, retryAfterMs } from './sms';
import { notificationKey, notificationOfKey } from './idempotency';

describe('SMS facts', () => {
  it('writes Vietnamese mobile numbers as gateways take them', () => {
    expect(internationalNumber('0905123456')).toBe('84905123456');
    expect(internationalNumber('0905 123 456')).toBe('84905123456');
    expect(internationalNumber('+84905123456')).toBe('84905123456');
    expect(internationalNumber('84905123456')).toBe('84905123456');
  });

  it('accepts a registered brandname and says what is wrong with another', () => {
    expect(checkBrandname('TTHCC-HUE')).toBeNull();
    expect(checkBrandname('')).toBe('is empty');
    expect(checkBrandname('TRUNGTAMHCCHUE')).toBe('is longer than 11 characters');
    expect(checkBrandname('Huế')).toMatch(/only letters/);
  });

  it('reads delivery statuses, including the SMPP short forms', () => {
    expect(receiptOutcome('DELIVERED')).toBe('DELIVERED');
    expect(receiptOutcome('delivrd')).toBe('DELIVERED');
    for (const s of ['UNDELIVERED', 'EXPIRED', 'REJECTD', 'failed']) expect(receiptOutcome(s)).toBe('UNDELIVERED');
    for (const s of ['PENDING', 'SENT', 'ENROUTE', '']) expect(receiptOutcome(s)).toBe('PENDING');
  });

  it('waits what Retry-After says, in seconds or as a date, within bounds', () => {
    const now = new Date('2026-03-05T02:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(new Date(now.getTime() + 5000).toUTCString(), now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBe(30_000);
    expect(retryAfterMs('86400', now)).toBe(3_600_000);
  });
});

describe('idempotency keys of notifications', () => {
  it('is the notification id, and a fresh key for each resend after a gateway had accepted it', () => {
    const id = 'a6c4e3f2-1111-4222-8333-444455556666';
    expect(notificationKey(id, 0)).toBe(id);
    expect(notificationKey(id, 2)).toBe(`${id}.2`);
    expect(notificationOfKey(notificationKey(id, 2))).toBe(id);
    expect(notificationOfKey(id)).toBe(id);
  });
});
