import { dateTimeScalars } from '@onestop/service-kit';
import { DeliveryType, NotificationType } from './delivery';
import { DossierTrackingType, DossierType } from './dossier';
import { Mutation } from './mutation';
import { Query } from './query';
import type { SatisfactionRating } from '../persistence';

export const resolvers = {
  DateTime: dateTimeScalars.DateTime,
  Query,
  Mutation,
  Dossier: DossierType,
  DossierTracking: DossierTrackingType,
  Delivery: DeliveryType,
  Notification: NotificationType,
  Satisfaction: { recordedBy: (r: SatisfactionRating) => r.recordedByName },
};
