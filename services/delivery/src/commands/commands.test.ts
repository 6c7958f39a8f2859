import type { GraphQLError } from 'graphql';
import type { Caller } from '@onestop/service-kit';
import type { DeliveryContext } from '../deps';
import type { Delivery, Notification } from '../persistence';
import { InMemoryCentres, InMemoryDeliveryStores } from './in-memory-stores';
import { resendNotification } from './notifications';
import { rateAtCounter, rateService } from './rate';
import { recordPostalEvent } from './record-postal-event';

const DOSSIER = '6f0c2a52-1f43-4a4e-9f0e-2d1a7c1d9b01';
const COURIER: Caller = { id: 'courier', name: 'Courier', role: 'COURIER' as Caller['role'] };
const APPLICANT: Caller = { id: 'c-1', name: 'Nguyễn Văn A', role: 'CITIZEN', identityNumber: '001099012345' };
const ADMIN: Caller = { id: 'a-1', name: 'Admin', role: 'ADMIN', centre: 'H01' };

function delivery(fields: Partial<Delivery>): Delivery {
  return {
    dossierId: DOSSIER,
    dossierCode: 'H01.12-251202-0001',
    procedureName: 'Cấp đổi',
    receivingCentreId: 'centre-1',
    processingCentreId: null,
    method: 'POST',
    status: 'BOOKED',
    counterFallback: false,
    address: '1 Tràng Tiền',
    trackingNumber: 'VN123',
    applicantIdentityNumber: APPLICANT.identityNumber!,
    applicantName: APPLICANT.name,
    applicantPhone: '0912345678',
    applicantEmail: null,
    decision: 'APPROVED',
    result: null,
    readyAt: new Date('2026-12-01T02:00:00Z'),
    bookedAt: null,
    bookingError: null,
    returnedAt: null,
    collectorName: null,
    collectorIdentityNumber: null,
    createdAt: new Date('2026-11-20T02:00:00Z'),
    ...fields,
  } as Delivery;
}

function setUp(caller: Caller | undefined, ...deliveries: Delivery[]) {
  const stores = new InMemoryDeliveryStores(
    new InMemoryCentres([{ id: 'centre-1', code: 'H01', name: 'Bộ phận một cửa', level: 'PROVINCE', parentId: null }]),
  );
  for (const d of deliveries) stores.state.deliveries.set(d.dossierId, d);
  const ctx = { caller, correlationId: 'corr-1', deps: { stores } } as unknown as DeliveryContext;
  return { stores, ctx };
}

const codeOf = (err: unknown) => (err as GraphQLError).extensions?.code;

describe('recordPostalEvent (in-memory stores)', () => {
  it('moves the parcel along and records each callback', async () => {
    const { stores, ctx } = setUp(COURIER, delivery({ status: 'BOOKED' }));
    const result = await recordPostalEvent(ctx, 'VN123', {
      status: 'IN_TRANSIT',
      at: new Date('2026-12-02T03:00:00Z'),
    });
    expect(result.status).toBe('IN_TRANSIT');
    expect(stores.state.deliveries.get(DOSSIER)!.status).toBe('IN_TRANSIT');
    expect(stores.state.postalEvents.map((e) => e.status)).toEqual(['IN_TRANSIT']);
    expect(stores.state.published).toEqual([]);
  });

  it('returns the dossier when the parcel is delivered: ResultReturned by post, the applicant told', async () => {
    const at = new Date('2026-12-02T04:00:00Z');
    const { stores, ctx } = setUp(COURIER, delivery({ status: 'IN_TRANSIT' }));
    await recordPostalEvent(ctx, 'VN123', { status: 'DELIVERED', at });
    const saved = stores.state.deliveries.get(DOSSIER)!;
    expect(saved.status).toBe('DELIVERED');
    expect(saved.returnedAt).toEqual(at);
    expect(stores.state.published).toEqual([
      expect.objectContaining({
        type: 'ResultReturned',
        aggregateId: DOSSIER,
        payload: {
          dossierId: DOSSIER,
          method: 'POST',
          returnedAt: at.toISOString(),
          actor: expect.objectContaining({ id: 'courier' }),
        },
      }),
    ]);
    expect(stores.state.notified).toEqual([{ dossierId: DOSSIER, kind: 'RETURNED' }]);
  });

  it('sends a parcel that came back to the counter', async () => {
    const { stores, ctx } = setUp(COURIER, delivery({ status: 'IN_TRANSIT' }));
    await recordPostalEvent(ctx, 'VN123', { status: 'RETURNED' });
    expect(stores.state.deliveries.get(DOSSIER)).toMatchObject({ status: 'READY', counterFallback: true });
    expect(stores.state.notified).toEqual([{ dossierId: DOSSIER, kind: 'PARCEL_RETURNED' }]);
  });

  it('keeps a repeated callback without moving the parcel back, and refuses one after the journey ended', async () => {
    const { stores, ctx } = setUp(COURIER, delivery({ status: 'IN_TRANSIT' }));
    await recordPostalEvent(ctx, 'VN123', { status: 'ACCEPTED' });
    expect(stores.state.deliveries.get(DOSSIER)!.status).toBe('IN_TRANSIT');
    await recordPostalEvent(ctx, 'VN123', { status: 'RETURNED' });
    await recordPostalEvent(ctx, 'VN123', { status: 'RETURNED' }); // the courier repeats itself
    const late = await recordPostalEvent(ctx, 'VN123', { status: 'IN_TRANSIT' }).catch((err) => err);
    expect(codeOf(late)).toBe('CONFLICT');
    expect(stores.state.postalEvents.map((e) => e.status)).toEqual(['ACCEPTED', 'RETURNED', 'RETURNED']);
    expect(stores.state.deliveries.get(DOSSIER)).toMatchObject({ status: 'READY', counterFallback: true });
  });

  it('answers NOT_FOUND for an unknown parcel and FORBIDDEN to anyone but the courier', async () => {
    const { stores, ctx } = setUp(COURIER, delivery({}));
    expect(codeOf(await recordPostalEvent(ctx, 'VN999', { status: 'ACCEPTED' }).catch((e) => e))).toBe('NOT_FOUND');
    const officer = setUp(ADMIN, delivery({}));
    expect(codeOf(await recordPostalEvent(officer.ctx, 'VN123', { status: 'DELIVERED' }).catch((e) => e))).toBe(
      'FORBIDDEN',
    );
    expect(stores.state.postalEvents).toEqual([]);
    expect(officer.stores.state.deliveries.get(DOSSIER)!.status).toBe('BOOKED');
  });
});

describe('rateService (in-memory stores)', () => {
  it('records the applicant rating once the result was returned, and announces it without the comment', async () => {
    const { stores, ctx } = setUp(APPLICANT, delivery({ status: 'DELIVERED', returnedAt: new Date() }));
    const rating = await rateService(ctx, DOSSIER, {
      overall: 'SATISFIED',
      comment: '  Nhanh, số điện thoại của tôi 0912345678 ',
    });
    expect(rating).toMatchObject({
      dossierId: DOSSIER,
      overall: 'SATISFIED',
      comment: 'Nhanh, số điện thoại của tôi 0912345678',
      takenAtCounter: false,
    });
    expect(stores.state.ratings.get(DOSSIER)).toMatchObject({ overall: 'SATISFIED' });
    expect(stores.state.published).toEqual([
      expect.objectContaining({
        type: 'ServiceRated',
        payload: { dossierId: DOSSIER, overall: 'SATISFIED', ratedAt: rating.ratedAt.toISOString() },
      }),
    ]);
  });

  it('refuses a rating before the result was returned, a second rating, and anyone but the applicant', async () => {
    const waiting = setUp(APPLICANT, delivery({ status: 'IN_TRANSIT' }));
    expect(codeOf(await rateService(waiting.ctx, DOSSIER, { overall: 'SATISFIED' }).catch((e) => e))).toBe('CONFLICT');
    expect(waiting.stores.state.ratings.size).toBe(0);

    const { stores, ctx } = setUp(APPLICANT, delivery({ status: 'DELIVERED' }));
    await rateService(ctx, DOSSIER, { overall: 'VERY_SATISFIED' });
    expect(codeOf(await rateService(ctx, DOSSIER, { overall: 'NOT_SATISFIED' }).catch((e) => e))).toBe('CONFLICT');
    expect(stores.state.ratings.get(DOSSIER)!.overall).toBe('VERY_SATISFIED');
    expect(stores.state.published).toHaveLength(1);

    const stranger = setUp(
      { ...APPLICANT, id: 'c-2', identityNumber: '001099099999' },
      delivery({ status: 'DELIVERED' }),
    );
    expect(codeOf(await rateService(stranger.ctx, DOSSIER, { overall: 'SATISFIED' }).catch((e) => e))).toBe(
      'FORBIDDEN',
    );
    expect(stranger.stores.state.published).toEqual([]);
  });

  it('refuses a comment over 2000 characters and an id that names no dossier, before reading anything', async () => {
    const { stores, ctx } = setUp(APPLICANT, delivery({ status: 'DELIVERED' }));
    expect(
      codeOf(await rateService(ctx, DOSSIER, { overall: 'SATISFIED', comment: 'x'.repeat(2001) }).catch((e) => e)),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await rateService(ctx, 'not-a-uuid', { overall: 'SATISFIED' }).catch((e) => e))).toBe('NOT_FOUND');
    expect(
      codeOf(await rateAtCounter({ ...ctx, caller: undefined }, DOSSIER, { overall: 'SATISFIED' }).catch((e) => e)),
    ).toBe('UNAUTHENTICATED');
    expect(stores.state.ratings.size).toBe(0);
  });
});

describe('resendNotification (in-memory stores)', () => {
  const notification = (status: Notification['status']) =>
    ({
      id: '0d7e1f5c-55a8-4a1e-8d1c-5d3b3f8b2a10',
      dossierId: DOSSIER,
      kind: 'RESULT_READY',
      channel: 'SMS',
      recipient: '0912345678',
      subject: 's',
      body: 'b',
      status,
      attempts: 6,
      lastError: 'gateway down',
      sentAt: null,
      providerMessageId: null,
      deliveredAt: null,
      series: 0,
      createdAt: new Date(),
    }) as Notification;

  it('queues a FAILED notification again and answers with its dossier code; a SENT one is CONFLICT', async () => {
    const { stores, ctx } = setUp(ADMIN, delivery({}));
    const failed = notification('FAILED');
    stores.state.notifications.set(failed.id, failed);
    const resent = await resendNotification(ctx, failed.id);
    expect(resent).toMatchObject({ status: 'QUEUED', dossierCode: 'H01.12-251202-0001' });
    expect(stores.state.requeued).toEqual([failed.id]);

    const sent = { ...notification('SENT'), id: '1d7e1f5c-55a8-4a1e-8d1c-5d3b3f8b2a11' };
    stores.state.notifications.set(sent.id, sent);
    expect(codeOf(await resendNotification(ctx, sent.id).catch((e) => e))).toBe('CONFLICT');
    expect(stores.state.requeued).toEqual([failed.id]);
  });
});
