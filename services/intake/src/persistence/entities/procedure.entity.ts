import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcedureComponent } from '../../domain/documents';

/** One version of a procedure; a new version is a new row, so a dossier keeps the one it was received under. */
@Entity({ name: 'procedure' })
export class Procedure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'boolean', default: true })
  current: boolean;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  sector: string;

  @Column({ type: 'text', array: true })
  levels: Array<'PROVINCE' | 'DISTRICT' | 'COMMUNE'>;

  @Column({ type: 'int', name: 'fee_vnd' })
  feeVnd: number;

  @Column({ type: 'int', name: 'time_amount' })
  timeAmount: number;

  @Column({ type: 'text', name: 'time_unit' })
  timeUnit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS';

  /** The components (thành phần hồ sơ) of this version, with their national document types. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  components: ProcedureComponent[];

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
