import type { User } from './session';

/** What the action panel needs to know of a dossier. */
export interface DossierForActions {
  status?: string | null;
  receivingCentre: { code: string };
  processingCentre?: { code: string } | null;
  currentStep?: { role: string; index: number } | null;
  workflow?: { steps: Array<{ code: string }> } | null;
  sla?: { state: string } | null;
  delivery?: { status: string } | null;
}

export type Action =
  | 'complete' | 'decide' | 'supplement' | 'transfer' | 'stop' | 'apology'
  | 'accept' | 'refuse' | 'pickup';

/**
 * The actions the signed-in user may take on the dossier now: the authorization matrix
 * (packages/service-kit/src/authorization-matrix.json) and the lifecycle, as the services apply
 * them. The services decide in the end; this only keeps buttons that would be refused off the page.
 */
export function availableActions(user: User | null, d: DossierForActions): Action[] {
  if (!user?.centre) return [];
  const actions: Action[] = [];
  const atProcessing = d.processingCentre?.code === user.centre;
  const atReceiving = d.receivingCentre.code === user.centre;
  const status = d.status ?? '';
  const open = status === 'RECEIVED' || status === 'PROCESSING';
  const stepIsMine = open && atProcessing && d.currentStep?.role === user.role;
  const lastStep = (d.workflow?.steps.length ?? 0) - 1;
  if (stepIsMine) actions.push(d.currentStep!.index >= lastStep ? 'decide' : 'complete');
  if (status === 'PROCESSING' && stepIsMine) actions.push('supplement');
  if (open && atProcessing && ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN'].includes(user.role)) actions.push('transfer');
  if (status === 'PROCESSING' && atProcessing && user.role === 'LEADER') actions.push('stop');
  const late = d.sla?.state === 'OVERDUE' || d.sla?.state === 'DUE_SOON';
  if (open && late && atProcessing && (user.role === 'LEADER' || user.role === 'ADMIN')) actions.push('apology');
  if (status === 'NEW' && atReceiving && user.role === 'INTAKE_OFFICER') actions.push('accept', 'refuse');
  if (status === 'RESOLVED' && atReceiving && user.role === 'INTAKE_OFFICER' && d.delivery?.status === 'READY') actions.push('pickup');
  return actions;
}
