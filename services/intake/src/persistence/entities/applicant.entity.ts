import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A citizen (by personal identification number) or an organisation (by tax code). */
@Entity({ name: 'applicant' })
export class Applicant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: 'CITIZEN' | 'ORGANIZATION';

  @Column({ type: 'text', name: 'identity_number', unique: true })
  identityNumber: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;
}
