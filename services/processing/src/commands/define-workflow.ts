import { badInput, checkLength, conflict, isUniqueViolation } from '@onestop/service-kit';
import { workflowProblems, type WorkflowStep } from '../domain/workflow';
import { authorizeCatalogue } from '../resolvers/access';
import { nowOf, type ProcessingContext } from '../deps';
import { required } from './act';

export interface DefineWorkflowInput { procedureCode: string; steps: WorkflowStep[] }

/** A new version of a procedure's workflow template (a root centre's ADMIN); dossiers already in keep theirs. */
export async function defineWorkflow(ctx: ProcessingContext, input: DefineWorkflowInput) {
  const caller = await authorizeCatalogue(ctx, 'defineWorkflow');
  const procedureCode = required(input.procedureCode, 'procedureCode', 'code');
  for (const s of input.steps) {
    checkLength(s.code, 'steps.code', 'code');
    checkLength(s.name, 'steps.name', 'name');
  }
  const steps = input.steps.map((s) => ({ code: s.code?.trim(), name: s.name?.trim(), role: s.role, durationHours: s.durationHours }));
  const problems = workflowProblems(steps);
  if (problems.length) throw badInput(problems.join('; '), { problems });
  try {
    return await ctx.deps.stores.transaction((stores) => stores.workflows.defineVersion(procedureCode, steps, caller.name, nowOf(ctx.deps)));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('Another version of this workflow was defined at the same moment; try again');
    throw err;
  }
}
