import { currentWorkflow } from '../persistence/workflows';
import type { ProcessingContext } from '../deps';

/** Processing's field of intake's Procedure: the workflow template a new dossier starts with. */
export const ProcedureType = {
  __resolveReference: (ref: { code: string }) => ref,
  workflow: (p: { code: string }, _: unknown, ctx: ProcessingContext) => currentWorkflow(ctx.db.manager, p.code),
};

export const WorkflowType = {
  isDefault: (w: { version: number }) => w.version === 0,
};

/** Steps stored before kinds existed are TASK steps without send-back limits or branches. */
export const WorkflowStepType = {
  kind: (s: { kind?: string }) => s.kind ?? 'TASK',
  sendBackTo: (s: { sendBackTo?: string[] }) => s.sendBackTo ?? [],
  branches: (s: { branches?: unknown[] }) => s.branches ?? [],
  agency: (s: { agencyCentreId?: string | null }) => (s.agencyCentreId ? { id: s.agencyCentreId } : null),
};
