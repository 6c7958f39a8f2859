import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The name of each procedure code, for the labels of a report grouped by procedure. */
@Entity({ name: 'procedure_label' })
export class ProcedureLabel {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  sector: string;

  @Column({ type: 'int' })
  version: number;
}
