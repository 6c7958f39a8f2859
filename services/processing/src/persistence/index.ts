import {
  CalendarDayReplica,
  CalendarDayReplica1764000000060,
  CentreReplica,
  CentreReplica1764000000050,
} from '@onestop/service-kit';
import { Apology } from './entities/apology.entity';
import { ClockPause } from './entities/clock-pause.entity';
import { HistoryEntry } from './entities/history-entry.entity';
import { ProcessingDossier, type StoredResult } from './entities/processing-dossier.entity';
import { WorkflowTemplateRow } from './entities/workflow-template.entity';
import { HoldingRow } from './entities/holding.entity';
import { OfficerRow } from './entities/officer.entity';
import { WorkflowCore1764000000220 } from './migrations/1764000000220-workflow-core';
import { Initial1764000000200 } from './migrations/1764000000200-initial';
import { InboxFilters1764000000210 } from './migrations/1764000000210-inbox-filters';
import { IssuedDocuments1764000000250 } from './migrations/1764000000250-issued-documents';

export {
  Apology,
  ClockPause,
  HistoryEntry,
  HoldingRow,
  OfficerRow,
  ProcessingDossier,
  WorkflowTemplateRow,
  type StoredResult,
};
export const entities = [
  ProcessingDossier,
  HistoryEntry,
  WorkflowTemplateRow,
  ClockPause,
  Apology,
  OfficerRow,
  HoldingRow,
  CentreReplica,
  CalendarDayReplica,
];
export const migrations = [
  CentreReplica1764000000050,
  CalendarDayReplica1764000000060,
  Initial1764000000200,
  InboxFilters1764000000210,
  WorkflowCore1764000000220,
  IssuedDocuments1764000000250,
];
