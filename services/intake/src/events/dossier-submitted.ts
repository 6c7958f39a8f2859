import type { ActorV1, DossierSubmittedV1 } from '@onestop/events';
import type { Applicant, Centre, Dossier, Procedure } from '../persistence';

/** What DossierSubmitted tells of the dossier: a reception's row, or an imported dossier's facts. */
export type SubmittedDossier = Pick<
  Dossier,
  | 'id'
  | 'code'
  | 'status'
  | 'channel'
  | 'submittedAt'
  | 'receivedAt'
  | 'receptionDay'
  | 'dueAt'
  | 'deliveryMethod'
  | 'deliveryAddress'
>;

/** The one builder of DossierSubmitted: a reception, a counter refusal and the historical import. */
export function dossierSubmitted(
  d: SubmittedDossier,
  procedure: Procedure,
  centre: Pick<Centre, 'id' | 'code' | 'level'>,
  applicant: Pick<Applicant, 'id' | 'kind' | 'identityNumber' | 'fullName' | 'phone' | 'email'>,
  actor: ActorV1,
  extra: Pick<DossierSubmittedV1, 'components' | 'refusal' | 'imported'>,
): DossierSubmittedV1 {
  return {
    dossierId: d.id,
    code: d.code,
    status: d.status === 'RECEIVED' ? 2 : 1,
    channel: d.channel,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: d.receivedAt?.toISOString() ?? null,
    receptionDay: d.receptionDay,
    dueAt: d.dueAt?.toISOString() ?? null,
    procedure: {
      id: procedure.id,
      code: procedure.code,
      name: procedure.name,
      sector: procedure.sector,
      version: procedure.version,
      processingTime: { amount: procedure.timeAmount, unit: procedure.timeUnit },
      feeVnd: procedure.feeVnd,
    },
    receivingCentre: { id: centre.id, code: centre.code, level: centre.level },
    applicant: {
      id: applicant.id,
      kind: applicant.kind,
      identityNumber: applicant.identityNumber,
      fullName: applicant.fullName,
      phone: applicant.phone,
      email: applicant.email,
    },
    delivery: { method: d.deliveryMethod, address: d.deliveryAddress },
    actor,
    ...extra,
  };
}
