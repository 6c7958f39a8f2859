import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A digitised document (bản điện tử, kết quả số hóa) of its owner (citizen id or tax code): a
 * component received at a counter, or a result that processing issued. The content lives in the
 * blob store under its SHA-256.
 */
@Entity({ name: 'digital_record' })
export class DigitalRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'owner_identity_number' })
  ownerIdentityNumber: string;

  @Column({ type: 'text', name: 'document_type' })
  documentType: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', name: 'file_name', nullable: true })
  fileName: string | null;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bigint', name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'text', name: 'mime_type' })
  mimeType: string;

  @Column({ type: 'date', name: 'valid_until', nullable: true })
  validUntil: string | null;

  @Column({ type: 'uuid', name: 'digitised_at_centre_id', nullable: true })
  digitisedAtCentreId: string | null;

  @Column({ type: 'uuid', name: 'source_dossier_id', nullable: true })
  sourceDossierId: string | null;

  @Column({ type: 'int', name: 'reuse_count', default: 0 })
  reuseCount: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
