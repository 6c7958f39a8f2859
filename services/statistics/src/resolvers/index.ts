import { dateTimeScalars } from '@onestop/service-kit';
import { DossierType } from './dossier';
import { Query } from './query';

export const resolvers = {
  ...dateTimeScalars,
  Query,
  Dossier: DossierType,
};
