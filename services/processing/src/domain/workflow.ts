/**
 * Workflow templates: a procedure's internal ISO 9001 process (quy trình nội bộ) as ordered
 * steps, each done by a role in a number of working hours. The last step is the decision step.
 * Pure: validation and the default template.
 */
export const STEP_ROLES = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export const STEP_KINDS = ['TASK', 'PARALLEL', 'INTER_AGENCY'] as const;
/** TASK: one officer of the role at the processing centre; PARALLEL: departments at once (branches); INTER_AGENCY: liên thông to another agency. */
export type StepKind = (typeof STEP_KINDS)[number];
export const APPLICANT_KINDS = ['CITIZEN', 'ORGANIZATION'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** When a step or branch applies; every part given must hold. */
export interface StepCondition {
  applicantKind?: ApplicantKind | null;
  /** The procedure's fee (lệ phí) is at least this many đồng. */
  feeAtLeastVnd?: number | null;
}

/** A department's part of a PARALLEL step. */
export interface WorkflowBranch {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
  condition?: StepCondition | null;
}

export interface WorkflowStep {
  code: string;
  name: string;
  role: StepRole;
  durationHours: number;
  /** Absent in templates stored before kinds existed: TASK. */
  kind?: StepKind;
  /** Earlier steps this one may send the dossier back to; empty or absent: any earlier step. */
  sendBackTo?: string[];
  condition?: StepCondition | null;
  /** PARALLEL only. */
  branches?: WorkflowBranch[];
  /** INTER_AGENCY only: the receiving agency's centre. */
  agencyCentreId?: string | null;
}

export const kindOf = (step: WorkflowStep): StepKind => step.kind ?? 'TASK';

/** What a dossier's conditions are judged on (from DossierSubmitted). */
export interface DossierFacts {
  applicantKind: ApplicantKind | null;
  feeVnd: number | null;
}

/** A condition holds when every part given holds; an unknown fact fails the part that needs it. */
export function conditionHolds(condition: StepCondition | null | undefined, facts: DossierFacts): boolean {
  if (!condition) return true;
  if (condition.applicantKind && facts.applicantKind !== condition.applicantKind) return false;
  if (condition.feeAtLeastVnd != null && !(facts.feeVnd != null && facts.feeVnd >= condition.feeAtLeastVnd))
    return false;
  return true;
}

/** The branches of a PARALLEL step that apply to this dossier. */
export const applicableBranches = (step: WorkflowStep, facts: DossierFacts): WorkflowBranch[] =>
  (step.branches ?? []).filter((b) => conditionHolds(b.condition, facts));

/**
 * The first step from `from` on that applies: its condition holds and, for PARALLEL, some branch
 * applies. The last step (the decision) always applies.
 */
export function nextApplicableStep(steps: readonly WorkflowStep[], from: number, facts: DossierFacts): number {
  for (let i = from; i < steps.length - 1; i++) {
    const s = steps[i];
    if (!conditionHolds(s.condition, facts)) continue;
    if (kindOf(s) === 'PARALLEL' && applicableBranches(s, facts).length === 0) continue;
    return i;
  }
  return steps.length - 1;
}

/** The steps a dossier at `index` may be sent back to: earlier ones its step's sendBackTo names (any earlier one when empty). */
export function sendBackTargets(steps: readonly WorkflowStep[], index: number): string[] {
  const earlier = steps.slice(0, index).map((s) => s.code);
  const allowed = steps[index]?.sendBackTo ?? [];
  return allowed.length ? earlier.filter((c) => allowed.includes(c)) : earlier;
}

export interface WorkflowTemplate {
  procedureCode: string;
  /** 0 for the default template, which is never stored. */
  version: number;
  steps: WorkflowStep[];
}

/** Receive (tiếp nhận, bàn giao) → review (thẩm định) → decide (phê duyệt, ký). */
export const DEFAULT_STEPS: readonly WorkflowStep[] = [
  {
    code: 'RECEIVE',
    name: 'Tiếp nhận và chuyển hồ sơ (receive and hand over)',
    role: 'INTAKE_OFFICER',
    durationHours: 4,
  },
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
  const problems = linearProblems(steps);
  if (!Array.isArray(steps) || steps.length < 2) return problems;
  const at = (i: number) => `step ${i + 1}`;
  const codes = new Set<string>();
  steps.forEach((s, i) => {
    const kind = kindOf(s);
    if (!STEP_KINDS.includes(kind)) problems.push(`${at(i)}: kind must be one of ${STEP_KINDS.join(', ')}`);
    for (const target of s.sendBackTo ?? []) {
      if (!codes.has(target)) problems.push(`${at(i)}: sendBackTo ${target} is not an earlier step`);
    }
    codes.add(s.code);
    problems.push(...conditionProblems(s.condition, at(i)));
    if ((i === 0 || i === steps.length - 1) && (kind !== 'TASK' || s.condition)) {
      problems.push(`${at(i)}: the first and the last (decision) step are plain TASK steps without a condition`);
    }
    if (kind === 'PARALLEL') {
      const branches = s.branches ?? [];
      if (branches.length < 2 || branches.length > 20) problems.push(`${at(i)}: a PARALLEL step has 2–20 branches`);
      const branchCodes = new Set<string>();
      branches.forEach((b, j) => {
        const bat = `${at(i)} branch ${j + 1}`;
        if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(b.code ?? ''))
          problems.push(`${bat}: code must be 1–40 capital letters, digits, '_', '.', '-'`);
        if (branchCodes.has(b.code)) problems.push(`${bat}: code ${b.code} is used twice`);
        branchCodes.add(b.code);
        if (!b.name?.trim()) problems.push(`${bat}: name is required`);
        if (!STEP_ROLES.includes(b.role)) problems.push(`${bat}: role must be one of ${STEP_ROLES.join(', ')}`);
        if (!validHours(b.durationHours))
          problems.push(`${bat}: durationHours must be more than 0 and at most ${MAX_STEP_HOURS}`);
        problems.push(...conditionProblems(b.condition, bat));
      });
    } else if (s.branches?.length) problems.push(`${at(i)}: only a PARALLEL step has branches`);
    if (kind === 'INTER_AGENCY') {
      if (!s.agencyCentreId) problems.push(`${at(i)}: an INTER_AGENCY step names its agency (agencyCentreId)`);
    } else if (s.agencyCentreId) problems.push(`${at(i)}: only an INTER_AGENCY step names an agency`);
  });
  return problems;
}

function conditionProblems(c: StepCondition | null | undefined, at: string): string[] {
  if (!c) return [];
  const problems: string[] = [];
  if (c.applicantKind != null && !APPLICANT_KINDS.includes(c.applicantKind))
    problems.push(`${at}: condition.applicantKind must be one of ${APPLICANT_KINDS.join(', ')}`);
  if (c.feeAtLeastVnd != null && !(Number.isInteger(c.feeAtLeastVnd) && c.feeAtLeastVnd >= 0))
    problems.push(`${at}: condition.feeAtLeastVnd must be a whole number of đồng, 0 or more`);
  return problems;
}

const validHours = (h: unknown) => typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= MAX_STEP_HOURS;

/** The checks every step has had since the first version: codes, names, roles, durations. */
function linearProblems(steps: WorkflowStep[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(steps) || steps.length < 2)
    return ['A workflow needs at least two steps: a first (handover) step and the decision step'];
  if (steps.length > 50) problems.push('A workflow has at most 50 steps');
  const codes = new Set<string>();
  steps.forEach((s, i) => {
    const at = `step ${i + 1}`;
    if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(s.code ?? ''))
      problems.push(`${at}: code must be 1–40 capital letters, digits, '_', '.', '-'`);
    if (codes.has(s.code)) problems.push(`${at}: code ${s.code} is used twice`);
    codes.add(s.code);
    if (!s.name?.trim()) problems.push(`${at}: name is required`);
    if (!STEP_ROLES.includes(s.role)) problems.push(`${at}: role must be one of ${STEP_ROLES.join(', ')}`);
    if (!(
      typeof s.durationHours === 'number' &&
      Number.isFinite(s.durationHours) &&
      s.durationHours > 0 &&
      s.durationHours <= MAX_STEP_HOURS
    )) {
      problems.push(`${at}: durationHours must be more than 0 and at most ${MAX_STEP_HOURS}`);
    }
  });
  return problems;
}

export const isDecisionStep = (steps: readonly WorkflowStep[], index: number): boolean => index === steps.length - 1;
