import { dateTimeScalars } from '@onestop/service-kit';
import { CentreType, DossierTrackingType, DossierType } from './dossier';
import { Mutation } from './mutation';
import { ProcedureType, WorkflowStepType, WorkflowType } from './procedure';
import { Query } from './query';

export const resolvers = {
  ...dateTimeScalars,
  Query,
  Mutation,
  Centre: CentreType,
  Dossier: DossierType,
  DossierTracking: DossierTrackingType,
  Procedure: ProcedureType,
  Workflow: WorkflowType,
  WorkflowStep: WorkflowStepType,
};
