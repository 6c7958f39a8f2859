import { maskPersonalData } from '@onestop/service-kit';
import { failedEventView, serviceOf } from './dead-letters';

describe('a dead letter as the administrators see it', () => {
  const event = {
    id: 'e-1',
    type: 'DossierSubmitted',
    version: 1,
    sequence: 7,
    source: 'intake',
    aggregateId: 'd-1',
    occurredAt: '2026-03-05T02:30:00.000Z',
    correlationId: null,
    payload: {
      dossierId: 'd-1',
      applicantName: 'Nguyễn Văn An',
      applicantPhone: '0905123456',
      procedureCode: 'LLTP-01',
    },
  };

  it('names the event, its dossier, why it failed (first line) and when, with the personal data masked', () => {
    const view = failedEventView(
      'statistics',
      {
        id: 'e-1',
        name: 'DossierSubmitted',
        data: event,
        attemptsMade: 30,
        failedReason: 'read model unavailable\n    at apply',
        finishedOn: Date.UTC(2026, 2, 5, 3),
        timestamp: 0,
      },
      maskPersonalData,
    );
    expect(view).toMatchObject({
      id: 'e-1',
      service: 'STATISTICS',
      type: 'DossierSubmitted',
      aggregateId: 'd-1',
      attempts: 30,
      error: 'read model unavailable',
      failedAt: '2026-03-05T03:00:00.000Z',
    });
    expect(view.payload).toContain('LLTP-01');
    expect(view.payload).not.toContain('Nguyễn');
    expect(view.payload).not.toContain('0905123456');
  });

  it('a batch job lists its events', () => {
    const view = failedEventView(
      'delivery',
      {
        id: 'batch-e-1-2',
        name: 'batch',
        data: { events: [event, { ...event, id: 'e-2' }] },
        attemptsMade: 3,
        timestamp: 0,
      },
      maskPersonalData,
    );
    expect(view).toMatchObject({ type: 'batch', aggregateId: null, service: 'DELIVERY' });
    expect(JSON.parse(view.payload)).toHaveLength(2);
  });

  it("maps the GraphQL enum to the queue's service", () => {
    expect(serviceOf('PROCESSING')).toBe('processing');
  });
});
