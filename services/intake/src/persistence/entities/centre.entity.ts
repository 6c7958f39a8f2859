import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CentreLevel } from '@onestop/events';

@Entity({ name: 'centre' })
export class Centre {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: CentreLevel;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;
}
