import { badInput, checkLength, conflict, isUniqueViolation } from '@onestop/service-kit';
import { workflowProblems, type StepCondition, type WorkflowBranch, type WorkflowStep } from '../domain/workflow';
import { authorizeCatalogue } from '../resolvers/access';
import { nowOf, type ProcessingContext } from '../deps';
import { required } from './act';

export interface DefineWorkflowInput {
  procedureCode: string;
  steps: WorkflowStep[];
}

/** A new version of a procedure's workflow template (a root centre's ADMIN); dossiers already in keep theirs. */
export async function defineWorkflow(ctx: ProcessingContext, input: DefineWorkflowInput) {
  const caller = await authorizeCatalogue(ctx, 'defineWorkflow');
  const procedureCode = required(input.procedureCode, 'procedureCode', 'code');
  for (const s of input.steps) {
    checkLength(s.code, 'steps.code', 'code');
    checkLength(s.name, 'steps.name', 'name');
  }
  for (const b of input.steps.flatMap((s) => s.branches ?? [])) {
    checkLength(b.code, 'steps.branches.code', 'code');
    checkLength(b.name, 'steps.branches.name', 'name');
  }
  const steps = input.steps.map(stepOf);
  const problems = workflowProblems(steps);
  if (problems.length) throw badInput(problems.join('; '), { problems });
  try {
    return await ctx.deps.stores.transaction((stores) =>
      stores.workflows.defineVersion(procedureCode, steps, caller.name, nowOf(ctx.deps)),
    );
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('Another version of this workflow was defined at the same moment; try again');
    throw err;
  }
}

/** A step as stored: the fields of its kind only (old-shape steps stay exactly as they were). */
function stepOf(s: WorkflowStep): WorkflowStep {
  const step: WorkflowStep = {
    code: s.code?.trim(),
    name: s.name?.trim(),
    role: s.role,
    durationHours: s.durationHours,
  };
  const condition = conditionOf(s.condition);
  if (s.kind && s.kind !== 'TASK') step.kind = s.kind;
  if (s.sendBackTo?.length) step.sendBackTo = s.sendBackTo.map((c) => c.trim());
  if (condition) step.condition = condition;
  if (s.branches?.length) {
    step.branches = s.branches.map((b) => {
      const branch: WorkflowBranch = {
        code: b.code?.trim(),
        name: b.name?.trim(),
        role: b.role,
        durationHours: b.durationHours,
      };
      const c = conditionOf(b.condition);
      if (c) branch.condition = c;
      return branch;
    });
  }
  if (s.agencyCentreId) step.agencyCentreId = s.agencyCentreId;
  return step;
}

const conditionOf = (c: StepCondition | null | undefined): StepCondition | null =>
  c && (c.applicantKind != null || c.feeAtLeastVnd != null)
    ? {
        ...(c.applicantKind != null ? { applicantKind: c.applicantKind } : {}),
        ...(c.feeAtLeastVnd != null ? { feeAtLeastVnd: c.feeAtLeastVnd } : {}),
      }
    : null;
