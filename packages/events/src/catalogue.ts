/**
 * The catalogue of domain events: what each service tells the others (rule 2 of docs/DESIGN.md).
 * Every event is versioned; a change to a payload's shape is a new version, and consumers
 * accept every version they have ever been sent.
 */
import type { DossierStatus, LifecycleAction } from './dossier-status';

export type ServiceName = 'intake' | 'processing' | 'delivery' | 'statistics';
/** The services by name, in the platform's order (platform-services.ts holds the one list). */
export { SERVICE_NAMES, SERVICE_NAMES as SERVICES } from './platform-services';

export type CentreLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type Channel = 'COUNTER' | 'ONLINE' | 'POST';
export type DeliveryMethod = 'COUNTER' | 'POST' | 'ONLINE';
export type TimeUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS';

export interface CentreChangedV1 {
  centreId: string;
  code: string;
  name: string;
  level: CentreLevel;
  parentId: string | null;
}

export interface CalendarDayChangedV1 {
  date: string;
  kind: 'HOLIDAY' | 'MAKEUP_WORKDAY' | 'ORDINARY';
  name: string;
}

export interface ProcedureChangedV1 {
  procedureId: string;
  code: string;
  name: string;
  sector: string;
  levels: CentreLevel[];
  version: number;
  processingTime: { amount: number; unit: TimeUnit };
  feeVnd?: number;
  /** The components (thành phần hồ sơ) of this version. */
  components?: Array<{ code: string; name: string; required: boolean; documentType: string }>;
}

/** A dossier was submitted: at a counter or by post it is received at once (status 2), online it waits (status 1). */
export interface DossierSubmittedV1 {
  dossierId: string;
  code: string;
  status: 1 | 2;
  channel: Channel;
  submittedAt: string;
  /** Set when received (status 2). */
  receivedAt: string | null;
  receptionDay: string | null;
  dueAt: string | null;
  /** feeVnd: the procedure's fee (lệ phí) at reception; processing judges step conditions on it (absent in events published before it). */
  procedure: {
    id: string;
    code: string;
    name: string;
    sector: string;
    version: number;
    processingTime: { amount: number; unit: TimeUnit };
    feeVnd?: number;
  };
  receivingCentre: { id: string; code: string; level: CentreLevel };
  /** Contact details travel to delivery for notifications; statistics must not keep them. */
  applicant: {
    id: string;
    kind: 'CITIZEN' | 'ORGANIZATION';
    identityNumber: string;
    fullName: string;
    phone: string | null;
    email: string | null;
  };
  delivery: { method: DeliveryMethod; address: string | null };
  /** Who received it (the intake officer, or the citizen online); processing writes it on the control slip. */
  actor?: ActorV1;
  /** How each component was satisfied: the digitised record, uploaded now or reused. */
  components?: Array<{ componentCode: string; recordId: string; reused: boolean }>;
  /** Set for a dossier brought from another one-stop system (historical import): past work, nobody is notified. */
  imported?: boolean;
  /**
   * Set for a walk-in refused at the counter (status 1 here, the actor is the officer): processing
   * records the refusal (1 → 3) as it does refuseDossier's, so the dossier is counted and has its slip.
   */
  refusal?: { reason: string; at: string };
}

/** An online dossier was accepted by an intake officer (1 → 2). */
export interface DossierAcceptedV1 {
  dossierId: string;
  receivedAt: string;
  receptionDay: string;
  dueAt: string;
  actor: ActorV1;
}

/**
 * An online dossier was refused at reception (1 → 3) by an intake officer. Intake decides both
 * acceptance and refusal under one lock on its dossier row, so that an online dossier is never
 * both accepted and refused; processing, the lifecycle's owner, applies it and announces the
 * status change to the others.
 */
export interface DossierRefusedV1 {
  dossierId: string;
  reason: string;
  refusedAt: string;
  actor: ActorV1;
}

/** The applicant supplied what was asked; the clock resumes at resumedAt. */
export interface SupplementSubmittedV1 {
  dossierId: string;
  resumedAt: string;
  recordIds: string[];
  actor: ActorV1;
}

export interface ActorV1 {
  id: string;
  name: string;
  role: string;
  centre?: string;
}

/** Every change of a dossier's lifecycle, published by its owner, processing. */
export interface DossierStatusChangedV1 {
  dossierId: string;
  code: string;
  /** What moved it (the lifecycle's action; processing's domain/lifecycle.ts). */
  action: LifecycleAction;
  /** Where it now stands; `nationalStatusCode` is the same status as the national portal numbers it. */
  status: DossierStatus;
  nationalStatusCode: number;
  at: string;
  dueAt: string | null;
  resolvedAt: string | null;
  processingCentreId: string;
  /** Working minutes left when the clock stopped (supplementation, financial obligation). */
  remainingWorkingMinutes: number | null;
  reason: string | null;
  /** The components asked for, with a supplementation request. */
  componentCodes?: string[];
  /** The due date the law sets (moved only by pauses); `dueAt` is the appointment shown to the applicant, later after an apology. Statistics judge lateness by this one. */
  statutoryDueAt?: string | null;
  actor: ActorV1 | null;
  /** Past work applied from a historical import (DossierHistoryImported): nobody is notified. */
  imported?: boolean;
}

export interface ResultDocumentV1 {
  recordId: string;
  documentType: string;
  title: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  validUntil: string | null;
  fileName?: string;
}

export interface DossierDecidedV1 {
  dossierId: string;
  code: string;
  decision: 'APPROVED' | 'REJECTED';
  reason: string | null;
  resolvedAt: string;
  dueAt: string;
  processingCentreId: string;
  result: ResultDocumentV1 | null;
  actor: ActorV1;
  /** A decision from a historical import: how the result was returned (and rated) in the old system; nobody is notified. */
  imported?: ImportedReturnV1;
}

export interface ImportedReturnV1 {
  returned: { returnedAt: string; method: DeliveryMethod } | null;
  rating: { overall: 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED'; ratedAt: string } | null;
}

/**
 * A dossier's life after reception in another one-stop system (historical import). Intake publishes it
 * right after the dossier's DossierSubmitted (imported: true); processing applies it through its state
 * machine with the historical timestamps and publishes the usual DossierStatusChanged / DossierDecided
 * (imported: true), delivery then records the return (ResultReturned with the historical returnedAt).
 */
export interface DossierHistoryImportedV1 {
  dossierId: string;
  code: string;
  /** Completed workflow steps, in time order. */
  steps: Array<{ code: string; role: string; completedAt: string; actor: string }>;
  /** Supplementation periods; submittedAt null while the applicant has not supplied yet. */
  supplements: Array<{ requestedAt: string; reason: string; submittedAt: string | null }>;
  /** Null while still in processing. `result.recordId` is the DigitalRecord intake created. */
  decision: {
    decision: 'APPROVED' | 'REJECTED';
    decidedAt: string;
    reason: string | null;
    actor: string | null;
    result: ResultDocumentV1 | null;
  } | null;
  returned: ImportedReturnV1['returned'];
  rating: ImportedReturnV1['rating'];
}

export interface ApologyIssuedV1 {
  dossierId: string;
  code: string;
  reason: string;
  newDueAt: string;
  /** The due date the law set, which stays the one lateness is judged by. */
  statutoryDueAt?: string;
  issuedAt: string;
  actor: ActorV1;
}

export interface SlaChangedV1 {
  dossierId: string;
  state: 'ON_TRACK' | 'DUE_SOON' | 'OVERDUE';
  at: string;
  /** The statutory due date the state was judged against. */
  statutoryDueAt?: string;
  processingCentreId?: string;
}

/** A named officer took a dossier's step or branch (phân công), or it was reassigned; processing's status does not change. */
export interface DossierAssignedV1 {
  dossierId: string;
  code: string;
  stepCode: string;
  branchCode: string | null;
  officer: { id: string; name: string; role: string };
  /** The officer it was taken from (a reassignment), or null. */
  previousOfficerId: string | null;
  processingCentreId: string;
  at: string;
  actor: ActorV1;
}

/** A dossier went back to an earlier step for rework (trả lại), with a reason; its status does not change. */
export interface DossierSentBackV1 {
  dossierId: string;
  code: string;
  fromStepCode: string;
  toStepCode: string;
  reason: string;
  /** The restarted step's new due time. */
  stepDueAt: string;
  processingCentreId: string;
  at: string;
  actor: ActorV1;
}

/**
 * An inter-agency transfer (liên thông) changed: sent to the agency (Transferred), taken by it
 * with its share of the time running until shareDueAt (Accepted), or returned with a reason (Returned).
 */
export interface InterAgencyEventV1 {
  dossierId: string;
  code: string;
  processingCentreId: string;
  agencyCentreId: string;
  stepCode: string;
  sentAt: string;
  shareDueAt: string | null;
  state: 'AWAITING_ACCEPTANCE' | 'ACCEPTED' | 'RETURNED' | 'DONE';
  reason: string | null;
  at: string;
  actor: ActorV1;
}

export interface ResultReturnedV1 {
  dossierId: string;
  method: DeliveryMethod;
  returnedAt: string;
  actor: ActorV1 | null;
}

export interface ServiceRatedV1 {
  dossierId: string;
  overall: 'VERY_SATISFIED' | 'SATISFIED' | 'NOT_SATISFIED';
  ratedAt: string;
}

/** type → version → payload. */
export interface EventPayloads {
  CentreChanged: { 1: CentreChangedV1 };
  CalendarDayChanged: { 1: CalendarDayChangedV1 };
  ProcedureChanged: { 1: ProcedureChangedV1 };
  DossierSubmitted: { 1: DossierSubmittedV1 };
  DossierAccepted: { 1: DossierAcceptedV1 };
  DossierRefused: { 1: DossierRefusedV1 };
  SupplementSubmitted: { 1: SupplementSubmittedV1 };
  DossierStatusChanged: { 1: DossierStatusChangedV1 };
  DossierDecided: { 1: DossierDecidedV1 };
  ApologyIssued: { 1: ApologyIssuedV1 };
  SlaChanged: { 1: SlaChangedV1 };
  DossierAssigned: { 1: DossierAssignedV1 };
  DossierSentBack: { 1: DossierSentBackV1 };
  InterAgencyTransferred: { 1: InterAgencyEventV1 };
  InterAgencyAccepted: { 1: InterAgencyEventV1 };
  InterAgencyReturned: { 1: InterAgencyEventV1 };
  ResultReturned: { 1: ResultReturnedV1 };
  ServiceRated: { 1: ServiceRatedV1 };
  DossierHistoryImported: { 1: DossierHistoryImportedV1 };
}

export type EventType = keyof EventPayloads;
/** The highest version of an event's payload (publishers write it; upcasting.ts brings older ones to it). */
export type LatestVersion<T extends EventType> = 4 extends keyof EventPayloads[T]
  ? 4
  : 3 extends keyof EventPayloads[T]
    ? 3
    : 2 extends keyof EventPayloads[T]
      ? 2
      : 1;
type LatestPayloads = { [T in EventType]: EventPayloads[T][LatestVersion<T> & keyof EventPayloads[T]] };
export type LatestPayload<T extends EventType> = LatestPayloads[T];

/** Who learns of what. The relay copies each outbox row to the queue of every subscriber listed here. */
export const SUBSCRIPTIONS: { [T in EventType]: ServiceName[] } = {
  CentreChanged: ['processing', 'delivery', 'statistics'],
  CalendarDayChanged: ['processing', 'statistics'],
  ProcedureChanged: ['processing', 'statistics'],
  DossierSubmitted: ['processing', 'delivery', 'statistics'],
  DossierAccepted: ['processing', 'delivery', 'statistics'],
  DossierRefused: ['processing'],
  SupplementSubmitted: ['processing'],
  DossierStatusChanged: ['intake', 'delivery', 'statistics'],
  DossierDecided: ['intake', 'delivery', 'statistics'],
  ApologyIssued: ['delivery', 'statistics'],
  SlaChanged: ['statistics'],
  // Issue #20's transitions; statistics (time per officer) subscribes when it consumes them.
  DossierAssigned: [],
  DossierSentBack: [],
  InterAgencyTransferred: [],
  InterAgencyAccepted: [],
  InterAgencyReturned: [],
  ResultReturned: ['processing', 'intake', 'statistics'],
  ServiceRated: ['statistics'],
  DossierHistoryImported: ['processing'],
};

/**
 * The events whose payload has a version after 1, with that version: the type forces an entry for
 * each (a V2 in EventPayloads without its number here does not compile), and upcasting.ts holds the
 * step from each older version.
 */
const NEWER_VERSIONS: { [T in EventType as LatestVersion<T> extends 1 ? never : T]: LatestVersion<T> } = {};

export const LATEST_VERSION: { [T in EventType]: number } = Object.fromEntries(
  Object.keys(SUBSCRIPTIONS).map((type) => [type, (NEWER_VERSIONS as Partial<Record<string, number>>)[type] ?? 1]),
) as { [T in EventType]: number };
