import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierStatus, ResultDocumentV1 } from '@onestop/events';
import type { SlaState } from '../../domain/clock';
import type { ApplicantKind, StepRole, WorkflowStep } from '../../domain/workflow';
import type { BranchState, InterAgencyState } from '../../domain/dossier-process';

/** The decision's result document as the decision event carries it, always with a file name. */
export type StoredResult = ResultDocumentV1 & { fileName: string };

/**
 * The canonical lifecycle of a dossier: processing is its only owner. The reception facts
 * (code, centre, procedure, applicant) are copied from DossierSubmitted once; everything else
 * changes only through a transition, which bumps `version` (optimistic concurrency).
 */
@Entity({ name: 'dossier' })
export class ProcessingDossier {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  status: DossierStatus;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'uuid', name: 'processing_centre_id' })
  processingCentreId: string;

  @Column({ type: 'uuid', name: 'receiving_centre_id' })
  receivingCentreId: string;

  @Column({ type: 'text', name: 'procedure_code' })
  procedureCode: string;

  @Column({ type: 'text', name: 'procedure_name' })
  procedureName: string;

  @Column({ type: 'text', name: 'applicant_identity_number' })
  applicantIdentityNumber: string;

  @Column({ type: 'text', name: 'applicant_name' })
  applicantName: string;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', name: 'received_at', nullable: true })
  receivedAt: Date | null;

  /** The appointment shown to the applicant: the statutory due date, or a later one after an apology. */
  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** The due date the law sets (moved only by pauses): outcomes and statistics use it. */
  @Column({ type: 'timestamptz', name: 'statutory_due_at', nullable: true })
  statutoryDueAt: Date | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  /** 0: the default template. */
  @Column({ type: 'int', name: 'workflow_version', default: 0 })
  workflowVersion: number;

  /** The template's steps as they were when the dossier entered processing. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps: WorkflowStep[];

  @Column({ type: 'int', name: 'step_index', default: 0 })
  stepIndex: number;

  @Column({ type: 'timestamptz', name: 'step_started_at', nullable: true })
  stepStartedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'step_due_at', nullable: true })
  stepDueAt: Date | null;

  /** The current step's role while someone at the processing centre must act (RECEIVED, PROCESSING); null otherwise. Indexed for the inbox. */
  @Column({ type: 'text', name: 'inbox_role', nullable: true })
  inboxRole: StepRole | null;

  @Column({ type: 'timestamptz', name: 'paused_at', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'double precision', name: 'paused_remaining_minutes', nullable: true })
  pausedRemainingMinutes: number | null;

  @Column({ type: 'double precision', name: 'paused_statutory_minutes', nullable: true })
  pausedStatutoryMinutes: number | null;

  @Column({ type: 'double precision', name: 'paused_step_minutes', nullable: true })
  pausedStepMinutes: number | null;

  /** The SLA state last announced by SlaChanged; reads compute the current one. */
  @Column({ type: 'text', name: 'sla_state', default: 'ON_TRACK' })
  slaState: SlaState;

  @Column({ type: 'text', nullable: true })
  decision: 'APPROVED' | 'REJECTED' | null;

  @Column({ type: 'jsonb', nullable: true })
  result: StoredResult | null;

  /** The officer the current (linear) step is assigned to (the token's sub); null: the step's role holds it. */
  @Column({ type: 'text', name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  /** DossierSubmitted's applicant kind and the procedure's fee: what step conditions are judged on. */
  @Column({ type: 'text', name: 'applicant_kind', nullable: true })
  applicantKind: ApplicantKind | null;

  @Column({
    type: 'bigint',
    name: 'fee_vnd',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v == null ? null : Number(v)) },
  })
  feeVnd: number | null;

  /** The branches of the PARALLEL step the dossier is at; null at any other step. */
  @Column({ type: 'jsonb', nullable: true })
  branches: BranchState[] | null;

  /** The roles of the branches still to be done (the inbox lists the dossier once for each). */
  @Column({ type: 'text', array: true, name: 'inbox_roles', nullable: true })
  inboxRoles: StepRole[] | null;

  /** The inter-agency transfer (liên thông) in progress or last done. */
  @Column({ type: 'jsonb', name: 'inter_agency', nullable: true })
  interAgency: InterAgencyState | null;

  @Column({ type: 'int', default: 0 })
  version: number;
}
