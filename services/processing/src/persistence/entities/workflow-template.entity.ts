import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkflowStep } from '../../domain/workflow';

/** A version of a procedure's ISO process. Versions are never changed; a new definition is a new version. */
@Entity({ name: 'workflow_template' })
export class WorkflowTemplateRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'procedure_code' })
  procedureCode: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  steps: WorkflowStep[];

  @Column({ type: 'timestamptz', name: 'defined_at' })
  definedAt: Date;

  @Column({ type: 'text', name: 'defined_by' })
  definedBy: string;
}
