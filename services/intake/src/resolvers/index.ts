import { dateTimeScalars } from '@onestop/service-kit';
import { ApplicantType, applicantQueries } from './applicants';
import { calendarMutations, calendarQueries } from './calendar';
import { centreMutations, centreQueries } from './centres';
import { dossierQueries } from './dossiers';
import { procedureMutations, procedureQueries } from './procedures';
import { receptionMutations } from './reception';
import { importMutations } from './import';
import {
  CentreType,
  DigitalRecordType,
  DossierComponentType,
  DossierTrackingType,
  DossierType,
  ProcedureType,
  RecordAccessType,
  RecordReuseType,
} from './types';

export const resolvers = {
  ...dateTimeScalars,
  Query: { ...centreQueries, ...calendarQueries, ...procedureQueries, ...applicantQueries, ...dossierQueries },
  Mutation: {
    ...centreMutations,
    ...calendarMutations,
    ...procedureMutations,
    ...receptionMutations,
    ...importMutations,
  },
  Centre: CentreType,
  Procedure: ProcedureType,
  Applicant: ApplicantType,
  Dossier: DossierType,
  DossierComponent: DossierComponentType,
  DigitalRecord: DigitalRecordType,
  RecordReuse: RecordReuseType,
  RecordAccess: RecordAccessType,
  DossierTracking: DossierTrackingType,
};
