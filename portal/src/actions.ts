import type { User } from './session';

/** What the action panel needs to know of a dossier. */
export interface DossierForActions {
  status?: string | null;
  receivingCentre: { code: string };
  processingCentre?: { code: string } | null;
  currentStep?: { role: string; index: number } | null;
  /** Every step or branch in progress (several during a PARALLEL step). */
  activeSteps?: ActiveStep[] | null;
  interAgency?: { state: string; agency: { code: string } } | null;
  workflow?: { steps: Array<{ code: string; sendBackTo?: string[] | null }> } | null;
  sla?: { state: string } | null;
  delivery?: { status: string } | null;
}

/** A step or branch in progress, as the action panel needs it. */
export interface ActiveStep {
  code: string;
  role: string;
  index: number;
  kind?: string | null;
  branchCode?: string | null;
  agency?: { code: string } | null;
  agencyAccepted?: boolean | null;
}

export type Action =
  | 'complete'
  | 'decide'
  | 'supplement'
  | 'transfer'
  | 'stop'
  | 'apology'
  | 'accept'
  | 'refuse'
  | 'pickup'
  | 'assign'
  | 'sendBack'
  | 'acceptTransfer'
  | 'returnTransfer';

/** What may be done to one branch of a PARALLEL step: its own "done", and its assignment. */
export type BranchAction = 'branchDone' | 'assign';

const open_ = (d: DossierForActions) => d.status === 'RECEIVED' || d.status === 'PROCESSING';
const leads = (user: User) => user.role === 'LEADER' || user.role === 'ADMIN';

/** The steps in progress: activeSteps when the API has them, else the current step alone. */
export function activeOf(d: DossierForActions): ActiveStep[] {
  return d.activeSteps?.length ? d.activeSteps : d.currentStep ? [{ ...d.currentStep, code: '' }] : [];
}

/** The earlier steps the dossier may be sent back to from its step at `index` (none given: any earlier one). */
export function sendBackTargets<S extends { code: string; sendBackTo?: string[] | null }>(
  steps: S[],
  index: number,
): S[] {
  const earlier = steps.slice(0, Math.max(index, 0));
  const allowed = steps[index]?.sendBackTo;
  return allowed?.length ? earlier.filter((s) => allowed.includes(s.code)) : earlier;
}

/** The actions on one branch in progress: the branch's role completes it, a leader of the processing centre assigns it. */
export function branchActions(user: User | null, d: DossierForActions, step: ActiveStep): BranchAction[] {
  if (!user?.centre || !open_(d) || !step.branchCode || d.processingCentre?.code !== user.centre) return [];
  const actions: BranchAction[] = [];
  if (step.role === user.role) actions.push('branchDone');
  if (leads(user)) actions.push('assign');
  return actions;
}

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
  const active = activeOf(d);
  // A branch of a PARALLEL step is done on its own line (branchActions); the panel acts on a single step.
  const step = active.length === 1 && !active[0].branchCode ? active[0] : null;
  const interAgency = step?.kind === 'INTER_AGENCY';
  // An inter-agency step is the agency's once it has accepted it; any other step is the processing centre's.
  const stepIsMine =
    open &&
    !!step &&
    step.role === user.role &&
    (interAgency ? step.agency?.code === user.centre && step.agencyAccepted === true : atProcessing);
  const lastStep = (d.workflow?.steps.length ?? 0) - 1;
  if (stepIsMine) actions.push(step.index >= lastStep ? 'decide' : 'complete');
  if (status === 'PROCESSING' && stepIsMine && !interAgency) actions.push('supplement');
  if (open && atProcessing && step && !interAgency && leads(user)) actions.push('assign');
  const index = active[0]?.index ?? 0;
  if (
    open &&
    atProcessing &&
    active.length > 0 &&
    active.every((s) => s.kind !== 'INTER_AGENCY') &&
    (active.some((s) => s.role === user.role) || leads(user)) &&
    sendBackTargets(d.workflow?.steps ?? [], index).length > 0
  )
    actions.push('sendBack');
  if (
    open &&
    d.interAgency?.state === 'AWAITING_ACCEPTANCE' &&
    d.interAgency.agency.code === user.centre &&
    (step?.role === user.role || leads(user))
  )
    actions.push('acceptTransfer', 'returnTransfer');
  if (open && atProcessing && ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER', 'ADMIN'].includes(user.role))
    actions.push('transfer');
  if (status === 'PROCESSING' && atProcessing && user.role === 'LEADER') actions.push('stop');
  const late = d.sla?.state === 'OVERDUE' || d.sla?.state === 'DUE_SOON';
  if (open && late && atProcessing && (user.role === 'LEADER' || user.role === 'ADMIN')) actions.push('apology');
  if (status === 'NEW' && atReceiving && user.role === 'INTAKE_OFFICER') actions.push('accept', 'refuse');
  if (status === 'RESOLVED' && atReceiving && user.role === 'INTAKE_OFFICER' && d.delivery?.status === 'READY')
    actions.push('pickup');
  return actions;
}
