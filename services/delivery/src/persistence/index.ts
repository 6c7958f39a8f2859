import { CentreReplica, CentreReplica1764000000050 } from '@onestop/service-kit';
import { Delivery } from './entities/delivery.entity';
import { Notification, type NotificationStatus } from './entities/notification.entity';
import { PostalEvent } from './entities/postal-event.entity';
import { SatisfactionRating } from './entities/satisfaction-rating.entity';
import { Initial1764000000300 } from './migrations/1764000000300-initial';
import { Collector1764000000330 } from './migrations/1764000000330-collector';
import { RatingAtCounter1764000000340 } from './migrations/1764000000340-rating-at-counter';
import { ProcessingCentre1764000000345 } from './migrations/1764000000345-processing-centre';
import { SmsReceipts1764000000350 } from './migrations/1764000000350-sms-receipts';

export { Delivery, Notification, PostalEvent, SatisfactionRating, type NotificationStatus };
export const entities = [Delivery, Notification, PostalEvent, SatisfactionRating, CentreReplica];
export const migrations = [
  CentreReplica1764000000050,
  Initial1764000000300,
  Collector1764000000330,
  RatingAtCounter1764000000340,
  ProcessingCentre1764000000345,
  SmsReceipts1764000000350,
];
export { returnsDeskDossierIds, type ReturnsQueue } from './returns-desk';
export { requeueNotification } from './notifications';
