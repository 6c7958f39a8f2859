import type { ActorV1, DossierAssignedV1 } from '@onestop/events';
import type { ProcessingDossier } from '../persistence';
import type { Officer } from '../persistence/officers';

/** The one builder of DossierAssigned: who took which step (or branch), from whom. */
export function dossierAssigned(
  d: Pick<ProcessingDossier, 'id' | 'code' | 'processingCentreId'>,
  a: {
    stepCode: string;
    branchCode: string | null;
    officer: Officer;
    previousOfficerId: string | null;
    at: Date;
    actor: ActorV1;
  },
): DossierAssignedV1 {
  return {
    dossierId: d.id,
    code: d.code,
    stepCode: a.stepCode,
    branchCode: a.branchCode,
    officer: { id: a.officer.id, name: a.officer.name, role: a.officer.role },
    previousOfficerId: a.previousOfficerId,
    processingCentreId: d.processingCentreId,
    at: a.at.toISOString(),
    actor: a.actor,
  };
}
