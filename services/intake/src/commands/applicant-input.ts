import { badInput, checkLength } from '@onestop/service-kit';
import { checkIdentityNumber, type ApplicantKind } from '../domain/identity-numbers';

export interface ApplicantInput {
  kind: ApplicantKind;
  identityNumber: string;
  fullName: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** The applicant as it will be stored, or BAD_USER_INPUT; no I/O. */
export function validApplicant(input: ApplicantInput): ApplicantInput {
  checkLength(input.identityNumber, 'applicant.identityNumber', 'code');
  checkLength(input.fullName, 'applicant.fullName', 'name');
  checkLength(input.email, 'applicant.email', 'name');
  checkLength(input.phone, 'applicant.phone', 'code');
  checkLength(input.address, 'applicant.address', 'address');
  const checked = checkIdentityNumber(input.kind, input.identityNumber);
  if (!checked.ok) throw badInput(checked.problem, { field: 'applicant.identityNumber' });
  const fullName = input.fullName?.trim();
  if (!fullName) throw badInput("The applicant's full name is required", { field: 'applicant.fullName' });
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    throw badInput("The applicant's email is not an address", { field: 'applicant.email' });
  if (input.phone && !/^\+?[\d\s.()-]{8,20}$/.test(input.phone))
    throw badInput("The applicant's phone is not a phone number", { field: 'applicant.phone' });
  return { ...input, identityNumber: checked.number, fullName };
}
