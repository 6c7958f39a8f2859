import type { Caller } from '@onestop/service-kit';
import type { DataSource } from 'typeorm';

/** The centres (receiving and processing) of an applicant's dossiers: where the applicant is being served. */
export async function centresServing(db: DataSource, identityNumber: string): Promise<string[]> {
  const rows: Array<{ centre: string | null }> = await db.query(
    `SELECT DISTINCT unnest(ARRAY[d.centre_id, d.processing_centre_id]) AS centre
       FROM dossier d JOIN applicant a ON a.id = d.applicant_id WHERE a.identity_number = $1`,
    [identityNumber],
  );
  return rows.map((r) => r.centre).filter((c): c is string => !!c);
}

export async function applicantNumberOf(db: DataSource, applicantId: string): Promise<string | null> {
  const [row] = await db.query(`SELECT identity_number AS "identityNumber" FROM applicant WHERE id = $1`, [
    applicantId,
  ]);
  return row?.identityNumber ?? null;
}

/** One officer's read of an applicant's contact data or record list (personal_data_access). */
export async function logPersonalDataRead(
  db: DataSource,
  applicantId: string,
  what: 'CONTACT' | 'RECORDS',
  reader: Caller,
): Promise<void> {
  await db.query(
    `INSERT INTO personal_data_access (applicant_id, what, reader_id, reader_name, reader_role, reader_centre, at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [applicantId, what, reader.id, reader.name, reader.role, reader.centre ?? null],
  );
}
