import {
  conditionHolds,
  defaultWorkflow,
  nextApplicableStep,
  sendBackTargets,
  workflowProblems,
  type WorkflowStep,
} from './workflow';

const task = (code: string, extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  code,
  name: code,
  role: 'SPECIALIST',
  durationHours: 8,
  ...extra,
});

describe('workflow definitions (issue #20 shapes)', () => {
  it('old definitions stay valid: plain steps without a kind', () => {
    expect(workflowProblems(defaultWorkflow('P').steps)).toEqual([]);
  });

  it('accepts send-back targets, conditions, a PARALLEL step with branches and an INTER_AGENCY step', () => {
    const steps: WorkflowStep[] = [
      task('RECEIVE', { role: 'INTAKE_OFFICER' }),
      task('REVIEW', { condition: { applicantKind: 'ORGANIZATION', feeAtLeastVnd: 0 } }),
      task('DEPARTMENTS', {
        kind: 'PARALLEL',
        role: 'LEADER',
        branches: [
          { code: 'LAND', name: 'Phòng Tài nguyên', role: 'SPECIALIST', durationHours: 16 },
          {
            code: 'BUILD',
            name: 'Phòng Xây dựng',
            role: 'SPECIALIST',
            durationHours: 8,
            condition: { feeAtLeastVnd: 100_000 },
          },
        ],
      }),
      task('TAX', { kind: 'INTER_AGENCY', agencyCentreId: '00000000-0000-4000-8000-000000000001', durationHours: 40 }),
      task('DECIDE', { role: 'LEADER', sendBackTo: ['REVIEW', 'RECEIVE'] }),
    ];
    expect(workflowProblems(steps)).toEqual([]);
  });

  it('refuses what cannot be walked', () => {
    const problems = workflowProblems([
      task('RECEIVE', { kind: 'PARALLEL' }),
      task('REVIEW', {
        sendBackTo: ['DECIDE'],
        branches: [{ code: 'X', name: 'X', role: 'SPECIALIST', durationHours: 1 }],
      }),
      task('P', { kind: 'PARALLEL', branches: [{ code: 'A', name: 'A', role: 'SPECIALIST', durationHours: 1 }] }),
      task('IA', { kind: 'INTER_AGENCY' }),
      task('COND', { condition: { feeAtLeastVnd: -1 } }),
      task('DECIDE', { condition: { applicantKind: 'CITIZEN' } }),
    ]);
    expect(problems).toEqual([
      'step 1: the first and the last (decision) step are plain TASK steps without a condition',
      'step 1: a PARALLEL step has 2–20 branches',
      'step 2: sendBackTo DECIDE is not an earlier step',
      'step 2: only a PARALLEL step has branches',
      'step 3: a PARALLEL step has 2–20 branches',
      'step 4: an INTER_AGENCY step names its agency (agencyCentreId)',
      'step 5: condition.feeAtLeastVnd must be a whole number of đồng, 0 or more',
      'step 6: the first and the last (decision) step are plain TASK steps without a condition',
    ]);
  });

  it('judges conditions on the dossier’s facts; an unknown fact fails the part that needs it', () => {
    expect(conditionHolds(null, { applicantKind: null, feeVnd: null })).toBe(true);
    expect(conditionHolds({ applicantKind: 'ORGANIZATION' }, { applicantKind: 'CITIZEN', feeVnd: 0 })).toBe(false);
    expect(conditionHolds({ feeAtLeastVnd: 1 }, { applicantKind: 'CITIZEN', feeVnd: null })).toBe(false);
    expect(
      conditionHolds({ applicantKind: 'CITIZEN', feeAtLeastVnd: 1 }, { applicantKind: 'CITIZEN', feeVnd: 1 }),
    ).toBe(true);
  });

  it('skips a PARALLEL step none of whose branches applies; names the send-back targets', () => {
    const steps = [
      task('A'),
      task('P', {
        kind: 'PARALLEL',
        branches: [
          { code: 'X', name: 'X', role: 'SPECIALIST', durationHours: 1, condition: { applicantKind: 'ORGANIZATION' } },
          { code: 'Y', name: 'Y', role: 'SPECIALIST', durationHours: 1, condition: { applicantKind: 'ORGANIZATION' } },
        ],
      }),
      task('Z', { sendBackTo: ['A'] }),
    ];
    expect(nextApplicableStep(steps, 1, { applicantKind: 'CITIZEN', feeVnd: 0 })).toBe(2);
    expect(nextApplicableStep(steps, 1, { applicantKind: 'ORGANIZATION', feeVnd: 0 })).toBe(1);
    expect(sendBackTargets(steps, 2)).toEqual(['A']);
    expect(sendBackTargets(steps, 1)).toEqual(['A']);
  });
});
