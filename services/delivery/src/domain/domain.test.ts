import {
  applyPostalEvent,
  awaitsDecision,
  canConfirmPickup,
  canRate,
  canRateAtCounter,
  projectDecision,
  statusOnDecision,
} from './delivery-state';
import { linkPath, signLink, verifyLink } from './download-link';
import { render, vietnamTime } from './templates';

describe('delivery state', () => {
  it('sends a decided result to the counter, the post or the download link', () => {
    expect(statusOnDecision('COUNTER', true)).toEqual({ status: 'READY', counterFallback: false });
    expect(statusOnDecision('POST', false)).toEqual({ status: 'BOOKING', counterFallback: false });
    expect(statusOnDecision('ONLINE', true)).toEqual({ status: 'READY', counterFallback: false });
    expect(statusOnDecision('ONLINE', false)).toEqual({ status: 'READY', counterFallback: true });
  });

  it('confirms a pickup only of a result waiting at the counter', () => {
    expect(canConfirmPickup({ method: 'COUNTER', status: 'READY', counterFallback: false }).refused).toBe(false);
    expect(canConfirmPickup({ method: 'POST', status: 'READY', counterFallback: true }).refused).toBe(false);
    expect(canConfirmPickup({ method: 'COUNTER', status: 'PICKED_UP', counterFallback: false }).refused).toBe(true);
    expect(canConfirmPickup({ method: 'COUNTER', status: 'AWAITING_RESULT', counterFallback: false }).refused).toBe(
      true,
    );
    expect(canConfirmPickup({ method: 'ONLINE', status: 'READY', counterFallback: false }).refused).toBe(true);
    expect(canConfirmPickup({ method: 'POST', status: 'BOOKED', counterFallback: false }).refused).toBe(true);
  });

  it('moves a parcel forward with the courier callbacks and keeps repeated or late ones', () => {
    expect(applyPostalEvent('BOOKED', 'ACCEPTED')).toEqual({
      kind: 'move',
      status: 'ACCEPTED',
      returned: false,
      fallback: false,
    });
    expect(applyPostalEvent('ACCEPTED', 'IN_TRANSIT')).toEqual({
      kind: 'move',
      status: 'IN_TRANSIT',
      returned: false,
      fallback: false,
    });
    expect(applyPostalEvent('IN_TRANSIT', 'DELIVERED')).toEqual({
      kind: 'move',
      status: 'DELIVERED',
      returned: true,
      fallback: false,
    });
    expect(applyPostalEvent('BOOKED', 'DELIVERED')).toMatchObject({ kind: 'move', status: 'DELIVERED' });
    expect(applyPostalEvent('IN_TRANSIT', 'ACCEPTED')).toEqual({ kind: 'keep' });
    expect(applyPostalEvent('IN_TRANSIT', 'IN_TRANSIT')).toEqual({ kind: 'keep' });
    expect(applyPostalEvent('DELIVERED', 'DELIVERED')).toEqual({ kind: 'keep' });
  });

  it('sends a parcel that came back or could not be delivered to the counter', () => {
    expect(applyPostalEvent('IN_TRANSIT', 'RETURNED')).toEqual({
      kind: 'move',
      status: 'READY',
      returned: false,
      fallback: true,
    });
    expect(applyPostalEvent('ACCEPTED', 'FAILED')).toEqual({
      kind: 'move',
      status: 'READY',
      returned: false,
      fallback: true,
    });
  });

  it('refuses callbacks after the journey ended or before the booking', () => {
    expect(applyPostalEvent('DELIVERED', 'RETURNED')).toMatchObject({ refused: true });
    expect(applyPostalEvent('READY', 'IN_TRANSIT')).toMatchObject({ refused: true });
    expect(applyPostalEvent('BOOKING', 'ACCEPTED')).toMatchObject({ refused: true });
  });

  it('lets the applicant rate only a returned result', () => {
    expect(canRate({ status: 'PICKED_UP' }).refused).toBe(false);
    expect(canRate({ status: 'DELIVERED' }).refused).toBe(false);
    expect(canRate({ status: 'DOWNLOADED' }).refused).toBe(false);
    expect(canRate({ status: 'READY' }).refused).toBe(true);
  });

  it('lets the returns desk take a rating only for a result handed over at the counter', () => {
    expect(canRateAtCounter({ status: 'PICKED_UP' }).refused).toBe(false);
    expect(canRateAtCounter({ status: 'DELIVERED' }).refused).toBe(true);
    expect(canRateAtCounter({ status: 'DOWNLOADED' }).refused).toBe(true);
    expect(canRateAtCounter({ status: 'READY' }).refused).toBe(true);
  });
});

describe('download links', () => {
  const now = new Date('2026-03-05T02:00:00Z');
  const link = signLink('secret', 'd-1', new Date(now.getTime() + 3600_000));

  it('verifies a link it signed until it expires', () => {
    expect(verifyLink('secret', link, now)).toEqual({ valid: true });
    expect(verifyLink('secret', link, new Date(now.getTime() + 3600_000))).toEqual({ valid: false, reason: 'EXPIRED' });
  });

  it('refuses a link for another dossier, a later expiry, another secret or a garbled signature', () => {
    expect(verifyLink('secret', { ...link, dossierId: 'd-2' }, now)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verifyLink('secret', { ...link, expires: link.expires + 3600 }, now)).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyLink('other', link, now)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verifyLink('secret', { ...link, signature: 'zz' }, now)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verifyLink('secret', { ...link, expires: 'soon' }, now)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('is a path under the gateway', () => {
    expect(linkPath(link)).toBe(`/delivery/results/d-1?expires=${link.expires}&signature=${link.signature}`);
  });
});

describe('notification templates', () => {
  const facts = { code: 'H57-260305-0001', fullName: 'Nguyễn Văn An' };

  it('carry the dossier code in every message', () => {
    for (const kind of [
      'REGISTERED',
      'RECEIVED',
      'SUPPLEMENT_REQUESTED',
      'RESULT_READY',
      'APOLOGY',
      'PARCEL_RETURNED',
      'RETURNED',
    ] as const) {
      const m = render(kind, facts);
      expect(m.subject).toContain(facts.code);
      expect(m.text).toContain(facts.code);
      expect(m.short).toContain(facts.code);
    }
  });

  it('tell where the result is', () => {
    expect(render('RESULT_READY', { ...facts, method: 'POST', trackingNumber: 'EP123VN' }).text).toContain(
      'mã vận đơn EP123VN',
    );
    expect(render('RESULT_READY', { ...facts, method: 'ONLINE', downloadUrl: 'https://x/y' }).text).toContain(
      'https://x/y',
    );
    expect(render('RESULT_READY', { ...facts, method: 'COUNTER' }).text).toContain('nhận tại quầy');
    expect(render('RESULT_READY', { ...facts, method: 'POST', counterFallback: true }).text).toContain('nhận tại quầy');
  });

  it('write times in Vietnam', () => {
    expect(vietnamTime('2026-03-05T10:00:00.000Z')).toBe('17:00 05/03/2026');
    expect(render('RECEIVED', { ...facts, dueAt: '2026-03-19T10:00:00.000Z' }).text).toContain('17:00 19/03/2026');
  });
});

describe('masked recipients', () => {
  it('keep the start of an address and the end of a number', () => {
    const { maskRecipient } = require('./masking');
    expect(maskRecipient('an.nguyen@example.vn')).toBe('an***@example.vn');
    expect(maskRecipient('0905123456')).toBe('09*****456');
    expect(maskRecipient('123')).toBe('***');
  });
});

describe('awaitsDecision', () => {
  it('holds only before the decision reached delivery', () => {
    expect(awaitsDecision({ status: 'AWAITING_RESULT' })).toBe(true);
    for (const status of ['READY', 'BOOKING', 'PICKED_UP', 'DOWNLOADED'] as const)
      expect(awaitsDecision({ status })).toBe(false);
  });
});

describe('projectDecision: processing has decided, delivery has not heard yet', () => {
  const decided = { status: 'RESOLVED', decision: 'APPROVED', resolvedAt: '2026-03-05T02:30:00.000Z' };
  it('an approval makes an online result READY to download, a posted one BOOKING', () => {
    expect(projectDecision({ method: 'ONLINE', status: 'AWAITING_RESULT' }, decided)).toEqual({
      status: 'READY',
      counterFallback: false,
      readyAt: new Date(decided.resolvedAt),
    });
    expect(projectDecision({ method: 'POST', status: 'AWAITING_RESULT' }, decided)?.status).toBe('BOOKING');
  });
  it('projects nothing before the decision, for a rejection, or once delivery knows', () => {
    expect(
      projectDecision({ method: 'ONLINE', status: 'AWAITING_RESULT' }, { status: 'PROCESSING', decision: null }),
    ).toBeNull();
    expect(
      projectDecision({ method: 'ONLINE', status: 'AWAITING_RESULT' }, { ...decided, decision: 'REJECTED' }),
    ).toBeNull();
    expect(projectDecision({ method: 'ONLINE', status: 'DOWNLOADED' }, decided)).toBeNull();
  });
});
