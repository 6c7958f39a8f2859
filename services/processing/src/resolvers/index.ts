import { dateTimeScalars } from '@onestop/service-kit';
import { CentreType, CurrentStepType, DossierTrackingType, DossierType } from './dossier';
import { seeingOfficers } from './officer-seen';
import { Mutation } from './mutation';
import { ProcedureType, WorkflowStepType, WorkflowType } from './procedure';
import { Query } from './query';

export const resolvers = {
  ...dateTimeScalars,
  Query: seeingOfficers(Query),
  Mutation: seeingOfficers(Mutation),
  CurrentStep: CurrentStepType,
  Centre: CentreType,
  Dossier: DossierType,
  DossierTracking: DossierTrackingType,
  Procedure: ProcedureType,
  Workflow: WorkflowType,
  WorkflowStep: WorkflowStepType,
};
