import { Applicant } from './entities/applicant.entity';
import { CalendarDay } from './entities/calendar-day.entity';
import { Centre } from './entities/centre.entity';
import { DigitalRecord } from './entities/digital-record.entity';
import { Dossier } from './entities/dossier.entity';
import { DossierComponent } from './entities/dossier-component.entity';
import { DossierSequence } from './entities/dossier-sequence.entity';
import { Procedure } from './entities/procedure.entity';
import { RecordAccess } from './entities/record-access.entity';
import { RecordReuse } from './entities/record-reuse.entity';
import { Initial1764000000100 } from './migrations/1764000000100-initial';
import { RecordAccess1764000007100 } from './migrations/1764000007100-record-access';
import { PersonalDataAccess1764000016300 } from './migrations/1764000016300-personal-data-access';
import { TrackingFailure1764000016200 } from './migrations/1764000016200-tracking-failure';

export {
  Applicant,
  CalendarDay,
  Centre,
  DigitalRecord,
  Dossier,
  DossierComponent,
  DossierSequence,
  Procedure,
  RecordAccess,
  RecordReuse,
};
export const entities = [
  Applicant,
  CalendarDay,
  Centre,
  DigitalRecord,
  Dossier,
  DossierComponent,
  DossierSequence,
  Procedure,
  RecordAccess,
  RecordReuse,
];
export const migrations = [
  Initial1764000000100,
  RecordAccess1764000007100,
  TrackingFailure1764000016200,
  PersonalDataAccess1764000016300,
];
export { centreTreeIsEmpty, lockCentreTree } from './centre-tree';
export { applicantNumberOf, centresServing, logPersonalDataRead } from './personal-data';
