import { WorkingCalendar } from '@onestop/calendar';
import { mayApologise, newAppointmentProblem, pause, resume, slaAt, stepDueAt, stepOutcome } from './clock';
import {
  completeStep,
  decide,
  enterAtFirstStep,
  NotAtStep,
  restartClock,
  stopClock,
  type ProcessState,
} from './dossier-process';
import { RefusedTransition } from './lifecycle';
import { defaultWorkflow, workflowProblems } from './workflow';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
// Monday 10 March 2025 declared a day off.
const calendar = new WorkingCalendar({ declared: [{ date: '2025-03-10', kind: 'HOLIDAY', name: 'Nghỉ bù' }] });
const steps = defaultWorkflow('P').steps;

describe('the clock', () => {
  it('a step is due its duration of office time after it starts', () => {
    expect(stepDueAt(calendar, at('2025-03-07', '16:00'), 4)).toEqual(at('2025-03-11', '10:30')); // 60 on Friday, Monday off, 180 on Tuesday
  });

  it('a pause over a weekend and a declared holiday keeps exactly the office time left', () => {
    const was = {
      dueAt: at('2025-03-17', '17:00'),
      statutoryDueAt: at('2025-03-17', '17:00'),
      stepDueAt: at('2025-03-07', '10:30'),
    };
    const kept = pause(calendar, at('2025-03-07', '10:00'), was);
    expect(kept).toEqual({ remainingMinutes: 2550, statutoryRemainingMinutes: 2550, stepRemainingMinutes: 30 });
    expect(resume(calendar, at('2025-03-11', '09:00'), kept, was)).toEqual({
      dueAt: at('2025-03-18', '16:00'),
      statutoryDueAt: at('2025-03-18', '16:00'),
      stepDueAt: at('2025-03-11', '09:30'),
    });
  });

  it('a due instant already past when the clock stops stays where it was', () => {
    const was = { dueAt: at('2025-03-17', '17:00'), statutoryDueAt: at('2025-03-05', '17:00'), stepDueAt: null };
    const kept = pause(calendar, at('2025-03-07', '10:00'), was);
    expect(kept.statutoryRemainingMinutes).toBeNull();
    expect(resume(calendar, at('2025-03-11', '09:00'), kept, was).statutoryDueAt).toEqual(at('2025-03-05', '17:00'));
  });

  it('SLA: on track, due soon within one working day of office time, overdue after the due instant', () => {
    const due = at('2025-03-18', '17:00');
    expect(slaAt(calendar, at('2025-03-17', '16:59'), due).state).toBe('ON_TRACK');
    expect(slaAt(calendar, at('2025-03-17', '17:00'), due)).toEqual({ state: 'DUE_SOON', remainingWorkingHours: 7.5 });
    expect(slaAt(calendar, at('2025-03-19', '08:30'), due)).toEqual({ state: 'OVERDUE', remainingWorkingHours: -1 });
    expect(mayApologise(calendar, at('2025-03-14', '10:00'), due)).toBe(false);
    expect(mayApologise(calendar, at('2025-03-18', '10:00'), due)).toBe(true);
  });

  it('a step finished on a day before its due day is EARLY, by its due instant ON_TIME, after it LATE', () => {
    const due = at('2025-03-12', '10:00');
    expect(stepOutcome(at('2025-03-11', '16:00'), due)).toBe('EARLY');
    expect(stepOutcome(at('2025-03-12', '10:00'), due)).toBe('ON_TIME');
    expect(stepOutcome(at('2025-03-12', '10:01'), due)).toBe('LATE');
  });
});

describe('the dossier process', () => {
  const received = (): ProcessState =>
    ({
      status: 'RECEIVED',
      steps,
      stepIndex: 0,
      stepStartedAt: null,
      stepDueAt: null,
      dueAt: at('2025-03-17', '17:00'),
      statutoryDueAt: at('2025-03-17', '17:00'),
      pausedAt: null,
      pausedRemainingMinutes: null,
      pausedStatutoryMinutes: null,
      pausedStepMinutes: null,
      ...enterAtFirstStep(calendar, steps, at('2025-03-03', '08:00')),
    }) as ProcessState;

  it('walks the steps; the decision is taken at the last one only', () => {
    let d = received();
    expect(d.stepDueAt).toEqual(at('2025-03-03', '14:00')); // 4 hours from 08:00: 210 minutes to 11:30, 30 after 13:30
    expect(() => decide(d, at('2025-03-03', '09:00'))).toThrow(RefusedTransition);
    const first = completeStep(calendar, d, at('2025-03-03', '09:00'));
    expect(first).toMatchObject({
      finished: { code: 'RECEIVE' },
      outcome: 'ON_TIME',
      patch: { status: 'PROCESSING', stepIndex: 1, inboxRole: 'SPECIALIST' },
    });
    d = { ...d, ...first.patch } as ProcessState;
    expect(() => decide(d, at('2025-03-04', '09:00'))).toThrow(NotAtStep);
    d = { ...d, ...completeStep(calendar, d, at('2025-03-04', '09:00')).patch } as ProcessState;
    expect(() => completeStep(calendar, d, at('2025-03-04', '10:00'))).toThrow(NotAtStep);
    expect(decide(d, at('2025-03-04', '10:00'))).toEqual({
      status: 'RESOLVED',
      resolvedAt: at('2025-03-04', '10:00'),
      inboxRole: null,
      inboxRoles: null,
    });
  });

  it('stops and restarts the clock, leaving the inbox meanwhile', () => {
    let d = received();
    d = { ...d, ...completeStep(calendar, d, at('2025-03-04', '09:00')).patch } as ProcessState;
    const stopped = stopClock(calendar, d, at('2025-03-07', '10:00'), 'REQUEST_SUPPLEMENT');
    expect(stopped).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', inboxRole: null, pausedRemainingMinutes: 2550 });
    d = { ...d, ...stopped } as ProcessState;
    expect(() => restartClock(calendar, d, at('2025-03-11', '09:00'), 'CONFIRM_FINANCIAL_OBLIGATION')).toThrow(
      RefusedTransition,
    );
    expect(restartClock(calendar, d, at('2025-03-11', '09:00'), 'SUBMIT_SUPPLEMENT')).toMatchObject({
      status: 'PROCESSING',
      dueAt: at('2025-03-18', '16:00'),
      inboxRole: 'SPECIALIST',
      pausedAt: null,
    });
  });

  it('validates workflow templates', () => {
    expect(workflowProblems(steps)).toEqual([]);
    expect(workflowProblems([steps[0]])).toHaveLength(1);
    expect(workflowProblems([steps[0], { ...steps[1], role: 'CITIZEN' as never, durationHours: -1 }]).length).toBe(2);
  });
});

describe("an apology's new appointment", () => {
  const now = new Date('2026-03-02T03:00:00Z');
  const current = new Date('2026-03-03T10:00:00Z');
  it('is after now and the current appointment, within a year', () => {
    expect(newAppointmentProblem(new Date('2026-03-10T10:00:00Z'), now, current)).toBeNull();
    expect(newAppointmentProblem(new Date('2026-03-03T09:00:00Z'), now, current)).toMatch(/later than now/);
    expect(newAppointmentProblem(new Date('2026-03-01T09:00:00Z'), now, null)).toMatch(/later than now/);
    expect(newAppointmentProblem(new Date('9999-12-31T10:00:00Z'), now, current)).toMatch(/within 366 days/);
  });
});
