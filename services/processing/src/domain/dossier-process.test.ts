import { WorkingCalendar } from '@onestop/calendar';
import { stepDueAt } from './clock';
import {
  assign,
  close,
  completeStep,
  decide,
  enterAtFirstStep,
  inboxRoleOf,
  NotAtStep,
  restartClock,
  sendBack,
  stopClock,
  type ProcessState,
} from './dossier-process';
import { RefusedTransition } from './lifecycle';
import { defaultWorkflow } from './workflow';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const calendar = new WorkingCalendar({ declared: [] });
const steps = defaultWorkflow('P').steps; // RECEIVE (intake, 4 h) → REVIEW (specialist, 24 h) → DECIDE (leader, 8 h)

/** A dossier received on Monday 3 March 2025 at 08:00, due ten working days later. */
function received(): ProcessState {
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
  };
}

describe('what each action does to a dossier in processing', () => {
  it('a received dossier waits at the first step, in the intake officer’s inbox, due that step’s hours after reception', () => {
    const receivedAt = at('2025-03-03', '08:00');
    expect(enterAtFirstStep(calendar, steps, receivedAt)).toEqual({
      status: 'RECEIVED',
      stepIndex: 0,
      stepStartedAt: receivedAt,
      stepDueAt: stepDueAt(calendar, receivedAt, 4),
      inboxRole: 'INTAKE_OFFICER',
      assigneeId: null,
    });
  });

  it('completing the handover starts processing at the next step, in the specialist’s inbox, and grades the finished step', () => {
    const d = received();
    const doneAt = at('2025-03-03', '09:00');
    const { patch, finished, outcome } = completeStep(calendar, d, doneAt);
    expect(patch).toEqual({
      status: 'PROCESSING',
      stepIndex: 1,
      stepStartedAt: doneAt,
      stepDueAt: stepDueAt(calendar, doneAt, 24),
      inboxRole: 'SPECIALIST',
      assigneeId: null,
      branches: null,
      inboxRoles: null,
    });
    expect(finished.code).toBe('RECEIVE');
    expect(outcome).toBe('ON_TIME'); // done on its due day, before the due instant: early counts whole days only
    expect(completeStep(calendar, d, at('2025-03-04', '16:00')).outcome).toBe('LATE');
  });

  it('the decision step is decided, not completed, and only the decision step may be decided', () => {
    const atReview = { ...received(), status: 'PROCESSING' as const, stepIndex: 1 };
    expect(() => decide(atReview, at('2025-03-05', '10:00'))).toThrow(NotAtStep);
    // The review was due on Friday: finished on Wednesday it was early.
    expect(
      completeStep(calendar, { ...atReview, stepDueAt: at('2025-03-07', '08:00') }, at('2025-03-05', '10:00')).outcome,
    ).toBe('EARLY');
    const atDecision = { ...atReview, stepIndex: 2 };
    expect(() => completeStep(calendar, atDecision, at('2025-03-05', '10:00'))).toThrow(NotAtStep);
    expect(decide(atDecision, at('2025-03-05', '10:00'))).toEqual({
      status: 'RESOLVED',
      resolvedAt: at('2025-03-05', '10:00'),
      inboxRole: null,
      inboxRoles: null,
    });
  });

  it('a supplementation request stops the clock and leaves every inbox; the answer restarts it with the time it kept', () => {
    const d = { ...received(), status: 'PROCESSING' as const, stepIndex: 1, stepDueAt: at('2025-03-07', '08:00') };
    const paused = { ...d, ...stopClock(calendar, d, at('2025-03-05', '08:00'), 'REQUEST_SUPPLEMENT') };
    expect(paused.status).toBe('SUPPLEMENT_REQUESTED');
    expect(paused.inboxRole).toBeNull();
    expect(inboxRoleOf(paused.status, steps, paused.stepIndex)).toBeNull();
    expect(paused.pausedRemainingMinutes).toBeGreaterThan(0);

    // Seven calendar days later (five working days): every due instant moves five working days on.
    const resumed = restartClock(calendar, paused, at('2025-03-12', '08:00'), 'SUBMIT_SUPPLEMENT');
    expect(resumed).toMatchObject({
      status: 'PROCESSING',
      inboxRole: 'SPECIALIST',
      pausedAt: null,
      pausedRemainingMinutes: null,
    });
    expect(resumed.dueAt).toEqual(at('2025-03-24', '08:00'));
    expect(resumed.stepDueAt).toEqual(at('2025-03-14', '08:00'));
  });

  it('withdrawal ends processing, empties the inbox and forgets a pause', () => {
    const d = {
      ...received(),
      status: 'SUPPLEMENT_REQUESTED' as const,
      pausedAt: at('2025-03-05', '08:00'),
      pausedRemainingMinutes: 100,
    };
    expect(close(d, 'WITHDRAW')).toEqual({
      status: 'WITHDRAWN',
      inboxRole: null,
      inboxRoles: null,
      pausedAt: null,
      pausedRemainingMinutes: null,
      pausedStatutoryMinutes: null,
      pausedStepMinutes: null,
    });
  });

  it('an action the lifecycle does not allow changes nothing and says why', () => {
    expect(() => close(received(), 'STOP')).toThrow(RefusedTransition);
    expect(() => stopClock(calendar, received(), at('2025-03-03', '09:00'), 'REQUEST_SUPPLEMENT')).toThrow(
      /cannot request supplement/,
    );
  });
});

describe('issue #20: assignment, send-back and conditions', () => {
  const inProcessingAt = (stepIndex: number, over: Partial<ProcessState> = {}): ProcessState => ({
    ...received(),
    status: 'PROCESSING',
    stepIndex,
    ...over,
  });

  it('assigning keeps the status and names the officer; a closed dossier cannot be assigned', () => {
    expect(assign(inProcessingAt(1), 'officer-1')).toEqual({ assigneeId: 'officer-1' });
    expect(() => assign({ ...received(), status: 'STOPPED' }, 'officer-1')).toThrow(RefusedTransition);
  });

  it('sending back restarts the earlier step now, with a due time from the calendar and nobody assigned', () => {
    const now = at('2025-03-05', '15:00'); // Wednesday 15:00: 24 office hours later is Monday 15:00 (8-hour days)
    const { patch, from, to } = sendBack(calendar, inProcessingAt(2, { assigneeId: 'leader-1' }), 'REVIEW', now);
    expect([from.code, to.code]).toEqual(['DECIDE', 'REVIEW']);
    expect(patch).toEqual({
      status: 'PROCESSING',
      stepIndex: 1,
      stepStartedAt: now,
      stepDueAt: stepDueAt(calendar, now, 24),
      inboxRole: 'SPECIALIST',
      assigneeId: null,
      branches: null,
      inboxRoles: null,
    });
  });

  it('sends back only to an earlier step its sendBackTo names (any earlier one when it names none), and not from RECEIVED', () => {
    const limited = steps.map((s) => (s.code === 'DECIDE' ? { ...s, sendBackTo: ['REVIEW'] } : s));
    expect(() =>
      sendBack(calendar, inProcessingAt(2, { steps: limited }), 'RECEIVE', at('2025-03-05', '09:00')),
    ).toThrow(NotAtStep);
    expect(() => sendBack(calendar, inProcessingAt(1), 'DECIDE', at('2025-03-05', '09:00'))).toThrow(NotAtStep);
    expect(sendBack(calendar, inProcessingAt(2), 'RECEIVE', at('2025-03-05', '09:00')).to.code).toBe('RECEIVE');
    expect(() => sendBack(calendar, received(), 'RECEIVE', at('2025-03-05', '09:00'))).toThrow(RefusedTransition);
  });

  it('a step whose condition fails is skipped: the dossier goes on to the next one that applies', () => {
    const withCondition = [
      steps[0],
      {
        code: 'FEE_CHECK',
        name: 'Kiểm tra lệ phí',
        role: 'SPECIALIST' as const,
        durationHours: 4,
        condition: { feeAtLeastVnd: 100_000 },
      },
      {
        code: 'ORG_CHECK',
        name: 'Kiểm tra tổ chức',
        role: 'SPECIALIST' as const,
        durationHours: 4,
        condition: { applicantKind: 'ORGANIZATION' as const },
      },
      steps[2],
    ];
    const now = at('2025-03-03', '09:00');
    const citizenSmallFee = completeStep(
      calendar,
      { ...received(), steps: withCondition, applicantKind: 'CITIZEN', feeVnd: 50_000 },
      now,
    );
    expect([citizenSmallFee.patch.stepIndex, citizenSmallFee.skipped]).toEqual([3, ['FEE_CHECK', 'ORG_CHECK']]);
    const orgBigFee = completeStep(
      calendar,
      { ...received(), steps: withCondition, applicantKind: 'ORGANIZATION', feeVnd: 100_000 },
      now,
    );
    expect([orgBigFee.patch.stepIndex, orgBigFee.skipped]).toEqual([1, []]);
    const orgUnknownFee = completeStep(
      calendar,
      { ...received(), steps: withCondition, applicantKind: 'ORGANIZATION', feeVnd: null },
      now,
    );
    expect([orgUnknownFee.patch.stepIndex, orgUnknownFee.skipped]).toEqual([2, ['FEE_CHECK']]);
  });
});
