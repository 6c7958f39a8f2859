import { WorkingCalendar } from '@onestop/calendar';
import type { DossierHistoryImportedV1 } from '@onestop/events';
import { stepDueAt } from './clock';
import type { ProcessState } from './dossier-process';
import { replayHistory, timeline } from './historical-lifecycle';
import { defaultWorkflow } from './workflow';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const iso = (date: string, time: string) => at(date, time).toISOString();
const calendar = new WorkingCalendar({ declared: [] });
const steps = defaultWorkflow('P').steps;

/** Received on Monday 3 March 2025 at 08:00, due ten working days later, at the handover step. */
function start(): ProcessState & { resolvedAt: Date | null } {
  const receivedAt = at('2025-03-03', '08:00');
  return {
    status: 'RECEIVED',
    steps,
    stepIndex: 0,
    stepStartedAt: receivedAt,
    stepDueAt: stepDueAt(calendar, receivedAt, 4),
    dueAt: at('2025-03-17', '08:00'),
    statutoryDueAt: at('2025-03-17', '08:00'),
    pausedAt: null,
    pausedRemainingMinutes: null,
    pausedStatutoryMinutes: null,
    pausedStepMinutes: null,
    resolvedAt: null,
  };
}

const history = (h: Partial<DossierHistoryImportedV1>): DossierHistoryImportedV1 =>
  ({
    dossierId: 'd',
    code: 'C',
    steps: [],
    supplements: [],
    decision: null,
    returned: null,
    rating: null,
    ...h,
  }) as DossierHistoryImportedV1;

describe('a dossier’s past life replayed through the live state machine', () => {
  it('orders moments in time, and at one instant: a step, then a request, a supply, the decision', () => {
    const moment = iso('2025-03-05', '10:00');
    const items = timeline({
      decision: { decision: 'APPROVED', decidedAt: moment, reason: null, actor: 'Lãnh đạo', result: null },
      supplements: [{ requestedAt: moment, reason: 'thiếu bản sao', submittedAt: moment }],
      steps: [
        { code: 'REVIEW', role: 'SPECIALIST', completedAt: moment, actor: 'Chuyên viên' },
        { code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: iso('2025-03-03', '09:00'), actor: 'Một cửa' },
      ],
    });
    expect(items.map((i) => i.kind)).toEqual(['STEP', 'STEP', 'REQUEST', 'SUPPLY', 'DECIDE']);
    expect(items[0].at).toEqual(at('2025-03-03', '09:00'));
  });

  it('a bare decision completes the steps the old system did not list, as live work would have, and resolves the dossier', () => {
    const r = replayHistory(
      calendar,
      start(),
      history({
        decision: {
          decision: 'REJECTED',
          decidedAt: iso('2025-03-10', '15:00'),
          reason: 'không đủ điều kiện',
          actor: 'Lãnh đạo',
          result: null,
        },
      }),
    );
    expect(r.lines.map((l) => [l.action, l.stepCode, l.actorName])).toEqual([
      ['COMPLETE_STEP', 'RECEIVE', 'system'],
      ['COMPLETE_STEP', 'REVIEW', 'system'],
      ['DECIDE', 'DECIDE', 'Lãnh đạo'],
    ]);
    expect(r.state.status).toBe('RESOLVED');
    expect(r.patch).toMatchObject({
      status: 'RESOLVED',
      decision: 'REJECTED',
      resolvedAt: at('2025-03-10', '15:00'),
      inboxRole: null,
    });
    // Announced: the start of processing (2→4) and the decision; the implied review changes no status.
    expect(r.announcements.map((a) => [a.action, a.state.status])).toEqual([
      ['COMPLETE_STEP', 'PROCESSING'],
      ['DECIDE', 'RESOLVED'],
    ]);
    expect(r.announcements[1].reason).toBe('không đủ điều kiện');
  });

  it('a supplementation period stops the clock: the due date moves by the working time the applicant took', () => {
    const r = replayHistory(
      calendar,
      start(),
      history({
        steps: [{ code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: iso('2025-03-03', '09:00'), actor: 'Một cửa' }],
        supplements: [
          { requestedAt: iso('2025-03-04', '08:00'), reason: 'thiếu tờ khai', submittedAt: iso('2025-03-11', '08:00') },
        ],
      }),
    );
    expect(r.state.status).toBe('PROCESSING');
    expect(r.state.dueAt).toEqual(at('2025-03-24', '08:00')); // paused five working days (Tue 4 → Tue 11 March)
    expect(r.pauses).toEqual([
      {
        requestedAt: at('2025-03-04', '08:00'),
        reason: 'thiếu tờ khai',
        resumedAt: at('2025-03-11', '08:00'),
        remainingMinutes: expect.any(Number),
      },
    ]);
    expect(r.lines.map((l) => l.action)).toEqual(['COMPLETE_STEP', 'REQUEST_SUPPLEMENT', 'SUBMIT_SUPPLEMENT']);
    expect(r.lines[0]).toMatchObject({ actorName: 'Một cửa', stepOutcome: 'ON_TIME' });
  });

  it('a request still unanswered leaves the dossier waiting for the applicant, in nobody’s inbox', () => {
    const r = replayHistory(
      calendar,
      start(),
      history({ supplements: [{ requestedAt: iso('2025-03-04', '08:00'), reason: 'thiếu', submittedAt: null }] }),
    );
    expect(r.state.status).toBe('SUPPLEMENT_REQUESTED');
    expect(r.patch.inboxRole).toBeNull();
    expect(r.pauses[0].resumedAt).toBeNull();
  });

  it('a step listed after the decision step was reached is kept on the control slip but moves nothing', () => {
    const r = replayHistory(
      calendar,
      start(),
      history({
        steps: [
          { code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: iso('2025-03-03', '09:00'), actor: 'A' },
          { code: 'REVIEW', role: 'SPECIALIST', completedAt: iso('2025-03-04', '09:00'), actor: 'B' },
          { code: 'EXTRA', role: 'SPECIALIST', completedAt: iso('2025-03-05', '09:00'), actor: 'C' },
        ],
      }),
    );
    expect(r.state.stepIndex).toBe(2);
    expect(r.lines[2]).toMatchObject({ stepCode: 'EXTRA', actorName: 'C', stepDueAt: null, stepOutcome: null });
  });
});
