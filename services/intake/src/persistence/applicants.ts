import type { EntityManager } from 'typeorm';
import type { ApplicantInput } from '../commands/applicant-input';
import { Applicant } from './entities/applicant.entity';

/** The latest contact details win; a detail left out keeps the one on file. */
export async function upsertApplicant(manager: EntityManager, input: ApplicantInput): Promise<Applicant> {
  // A returning applicant with nothing new is only read: the upsert would lock their row until
  // commit and queue all of that applicant's concurrent receptions behind each other.
  const known = await manager.findOneBy(Applicant, { identityNumber: input.identityNumber });
  if (
    known &&
    known.kind === input.kind &&
    known.fullName === input.fullName &&
    (input.phone ?? known.phone) === known.phone &&
    (input.email ?? known.email) === known.email &&
    (input.address ?? known.address) === known.address
  )
    return known;
  await manager.query(
    `INSERT INTO applicant (kind, identity_number, full_name, phone, email, address) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (identity_number) DO UPDATE SET full_name = EXCLUDED.full_name,
       phone = COALESCE(EXCLUDED.phone, applicant.phone), email = COALESCE(EXCLUDED.email, applicant.email),
       address = COALESCE(EXCLUDED.address, applicant.address)`,
    [input.kind, input.identityNumber, input.fullName, input.phone ?? null, input.email ?? null, input.address ?? null],
  );
  return manager.findOneByOrFail(Applicant, { identityNumber: input.identityNumber });
}
