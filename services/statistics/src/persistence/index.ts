import {
  CalendarDayReplica,
  CalendarDayReplica1764000000060,
  CentreReplica,
  CentreReplica1764000000050,
} from '@onestop/service-kit';
import { DossierFact } from './entities/dossier-fact.entity';
import { ProcedureLabel } from './entities/procedure-label.entity';
import { Initial1764000000400 } from './migrations/1764000000400-initial';
import { SubtreeCounters1764000000410 } from './migrations/1764000000410-subtree-counters';
import { SectorCounters1764000000420 } from './migrations/1764000000420-sector-counters';
import { DossierReach1764000000430 } from './migrations/1764000000430-dossier-reach';

export { DossierFact, ProcedureLabel };
export const entities = [DossierFact, ProcedureLabel, CentreReplica, CalendarDayReplica];
export const migrations = [
  CentreReplica1764000000050,
  CalendarDayReplica1764000000060,
  Initial1764000000400,
  SubtreeCounters1764000000410,
  SectorCounters1764000000420,
  DossierReach1764000000430,
];
