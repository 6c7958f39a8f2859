/**
 * Workflow templates: a procedure's internal ISO 9001 process (quy trình nội bộ) as ordered
 * steps, each done by a role in a number of working hours. The last step is the decision step.
 * Pure: validation and the default template.
 */
export const STEP_ROLES = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export interface WorkflowStep {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
}

export interface WorkflowTemplate {
  procedureCode: string;
  /** 0 for the default template, which is never stored. */
  version: number;
  steps: WorkflowStep[];
}

/** Receive (tiếp nhận, bàn giao) → review (thẩm định) → decide (phê duyệt, ký). */
export const DEFAULT_STEPS: readonly WorkflowStep[] = [
  { code: 'RECEIVE', name: 'Tiếp nhận và chuyển hồ sơ (receive and hand over)', role: 'INTAKE_OFFICER', durationHours: 4 },
  { code: 'REVIEW', name: 'Thẩm định hồ sơ (review)', role: 'SPECIALIST', durationHours: 24 },
  { code: 'DECIDE', name: 'Phê duyệt, ký kết quả (decide and sign)', role: 'LEADER', durationHours: 8 },
];

export function defaultWorkflow(procedureCode: string): WorkflowTemplate {
  return { procedureCode, version: 0, steps: DEFAULT_STEPS.map((s) => ({ ...s })) };
}

/** The longest step accepted: a year of working hours. */
export const MAX_STEP_HOURS = 2000;

/**
 * Problems with a template's steps, in words; empty when it is valid. At least two steps: the
 * first is where reception hands the dossier over (it starts processing), the last decides.
 */
export function workflowProblems(steps: WorkflowStep[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(steps) || steps.length < 2) return ['A workflow needs at least two steps: a first (handover) step and the decision step'];
  if (steps.length > 50) problems.push('A workflow has at most 50 steps');
  const codes = new Set<string>();
  steps.forEach((s, i) => {
    const at = `step ${i + 1}`;
    if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(s.code ?? '')) problems.push(`${at}: code must be 1–40 capital letters, digits, '_', '.', '-'`);
    if (codes.has(s.code)) problems.push(`${at}: code ${s.code} is used twice`);
    codes.add(s.code);
    if (!s.name?.trim()) problems.push(`${at}: name is required`);
    if (!STEP_ROLES.includes(s.role)) problems.push(`${at}: role must be one of ${STEP_ROLES.join(', ')}`);
    if (!(typeof s.durationHours === 'number' && Number.isFinite(s.durationHours) && s.durationHours > 0 && s.durationHours <= MAX_STEP_HOURS)) {
      problems.push(`${at}: durationHours must be more than 0 and at most ${MAX_STEP_HOURS}`);
    }
  });
  return problems;
}

export const isDecisionStep = (steps: readonly WorkflowStep[], index: number): boolean => index === steps.length - 1;
