import type { DossierSubmittedV1 } from '@onestop/events';
import { actorOf, type Caller } from '@onestop/service-kit';
import type { Applicant, Centre, Dossier, Procedure } from '../persistence';

/** The one builder of DossierSubmitted, from the rows a reception (or a counter refusal) just wrote. */
export function dossierSubmitted(
  d: Dossier, procedure: Procedure, centre: Centre, applicant: Applicant, caller: Caller,
  extra: Pick<DossierSubmittedV1, 'components' | 'refusal'>,
): DossierSubmittedV1 {
  return {
    dossierId: d.id, code: d.code, status: d.status === 'RECEIVED' ? 2 : 1, channel: d.channel,
    submittedAt: d.submittedAt.toISOString(), receivedAt: d.receivedAt?.toISOString() ?? null,
    receptionDay: d.receptionDay, dueAt: d.dueAt?.toISOString() ?? null,
    procedure: { id: procedure.id, code: procedure.code, name: procedure.name, sector: procedure.sector, version: procedure.version,
      processingTime: { amount: procedure.timeAmount, unit: procedure.timeUnit } },
    receivingCentre: { id: centre.id, code: centre.code, level: centre.level },
    applicant: { id: applicant.id, kind: applicant.kind, identityNumber: applicant.identityNumber, fullName: applicant.fullName,
      phone: applicant.phone, email: applicant.email },
    delivery: { method: d.deliveryMethod, address: d.deliveryAddress }, actor: actorOf(caller), ...extra,
  };
}
