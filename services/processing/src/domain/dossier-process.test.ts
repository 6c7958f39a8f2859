import { WorkingCalendar } from '@onestop/calendar';
import { stepDueAt } from './clock';
import { close, completeStep, decide, enterAtFirstStep, inboxRoleOf, NotAtStep, restartClock, stopClock, type ProcessState } from './dossier-process';
import { RefusedTransition } from './lifecycle';
import { defaultWorkflow } from './workflow';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const calendar = new WorkingCalendar({ declared: [] });
const steps = defaultWorkflow('P').steps; // RECEIVE (intake, 4 h) → REVIEW (specialist, 24 h) → DECIDE (leader, 8 h)

/** A dossier received on Monday 3 March 2025 at 08:00, due ten working days later. */
function received(): ProcessState {
  const receivedAt = at('2025-03-03', '08:00');
  return {
    status: 'RECEIVED', steps, stepIndex: 0, stepStartedAt: receivedAt, stepDueAt: stepDueAt(calendar, receivedAt, 4),
    dueAt: at('2025-03-17', '08:00'), statutoryDueAt: at('2025-03-17', '08:00'),
    pausedAt: null, pausedRemainingMinutes: null, pausedStatutoryMinutes: null, pausedStepMinutes: null,
  };
}

describe('what each action does to a dossier in processing', () => {
  it('a received dossier waits at the first step, in the intake officer’s inbox, due that step’s hours after reception', () => {
    const receivedAt = at('2025-03-03', '08:00');
    expect(enterAtFirstStep(calendar, steps, receivedAt)).toEqual({
      status: 'RECEIVED', stepIndex: 0, stepStartedAt: receivedAt, stepDueAt: stepDueAt(calendar, receivedAt, 4), inboxRole: 'INTAKE_OFFICER',
    });
  });

  it('completing the handover starts processing at the next step, in the specialist’s inbox, and grades the finished step', () => {
    const d = received();
    const doneAt = at('2025-03-03', '09:00');
    const { patch, finished, outcome } = completeStep(calendar, d, doneAt);
    expect(patch).toEqual({ status: 'PROCESSING', stepIndex: 1, stepStartedAt: doneAt, stepDueAt: stepDueAt(calendar, doneAt, 24), inboxRole: 'SPECIALIST' });
    expect(finished.code).toBe('RECEIVE');
    expect(outcome).toBe('ON_TIME'); // done on its due day, before the due instant: early counts whole days only
    expect(completeStep(calendar, d, at('2025-03-04', '16:00')).outcome).toBe('LATE');
  });

  it('the decision step is decided, not completed, and only the decision step may be decided', () => {
    const atReview = { ...received(), status: 'PROCESSING' as const, stepIndex: 1 };
    expect(() => decide(atReview, at('2025-03-05', '10:00'))).toThrow(NotAtStep);
    // The review was due on Friday: finished on Wednesday it was early.
    expect(completeStep(calendar, { ...atReview, stepDueAt: at('2025-03-07', '08:00') }, at('2025-03-05', '10:00')).outcome).toBe('EARLY');
    const atDecision = { ...atReview, stepIndex: 2 };
    expect(() => completeStep(calendar, atDecision, at('2025-03-05', '10:00'))).toThrow(NotAtStep);
    expect(decide(atDecision, at('2025-03-05', '10:00'))).toEqual({ status: 'RESOLVED', resolvedAt: at('2025-03-05', '10:00'), inboxRole: null });
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
    expect(resumed).toMatchObject({ status: 'PROCESSING', inboxRole: 'SPECIALIST', pausedAt: null, pausedRemainingMinutes: null });
    expect(resumed.dueAt).toEqual(at('2025-03-24', '08:00'));
    expect(resumed.stepDueAt).toEqual(at('2025-03-14', '08:00'));
  });

  it('withdrawal ends processing, empties the inbox and forgets a pause', () => {
    const d = { ...received(), status: 'SUPPLEMENT_REQUESTED' as const, pausedAt: at('2025-03-05', '08:00'), pausedRemainingMinutes: 100 };
    expect(close(d, 'WITHDRAW')).toEqual({
      status: 'WITHDRAWN', inboxRole: null, pausedAt: null, pausedRemainingMinutes: null, pausedStatutoryMinutes: null, pausedStepMinutes: null,
    });
  });

  it('an action the lifecycle does not allow changes nothing and says why', () => {
    expect(() => close(received(), 'STOP')).toThrow(RefusedTransition);
    expect(() => stopClock(calendar, received(), at('2025-03-03', '09:00'), 'REQUEST_SUPPLEMENT')).toThrow(/cannot request supplement/);
  });
});
