import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@onestop/calendar';
import { z } from 'zod';
import { blobStoreEnv, openBlobStore, type BlobStore } from '@onestop/blob-store';
import { documentSignerFromEnv, type DocumentSigner } from '@onestop/documents';
import {
  CentreDirectory,
  DeclaredCalendar,
  envGroups,
  variable,
  type ServiceContext,
  type ServiceRuntime,
} from '@onestop/service-kit';
import { processingStores, type ProcessingStoreAccess } from './persistence/stores';

/** Processing's collaborators, handed to resolvers as ctx.deps and to the event handlers. */
export interface ProcessingDeps {
  /** The current instant in ms (Date.now); tests replace it to act at chosen moments. */
  now: () => number;
  /** The working calendar with the days declared at intake (from CalendarDayChanged); inside a transaction, pass its manager. */
  calendar(within?: EntityManager): Promise<WorkingCalendar>;
  /** The centre tree from CentreChanged, for access and transfers. */
  centres: CentreDirectory;
  /** The shared blob store: decisions' result documents go there. */
  blobs: BlobStore;
  /** Signs the slips and the decisions' results with the centre's certificate (SIGNING_P12_PATH, read once at start). */
  signer: DocumentSigner;
  /** The stores commands read and write through (persistence/stores.ts); unit tests hand in memory ones. */
  stores: ProcessingStoreAccess;
  /** How often the SLA watch sweeps (ms). */
  slaSweepEveryMs: number;
}

export type ProcessingContext = ServiceContext<ProcessingDeps>;

/** Processing's own variables, parsed at start with every service's (service-kit's service-config.ts). */
export const processingSettings = envGroups({
  blobs: blobStoreEnv,
  processing: z.object({
    SLA_SWEEP_EVERY_MS: variable.int(1).default(60_000),
  }),
  /** The centre's signing certificate (packages/documents' signing-config.ts). */
  signing: z.object({
    SIGNING_P12_PATH: variable.text().optional(),
    SIGNING_P12_PASSPHRASE: variable.text().optional(),
  }),
});
export type ProcessingSettings = z.output<typeof processingSettings>;

export function createProcessingDeps(runtime: ServiceRuntime<ProcessingSettings>): ProcessingDeps {
  const { blobs, processing, signing } = runtime.config.settings;
  const declared = new DeclaredCalendar(runtime.db, 'calendar_day_replica', runtime.config.tuning.calendarTtlMs);
  const calendar = (within?: EntityManager) => declared.current(within);
  const centres = new CentreDirectory(runtime.db, 'centre_replica');
  return {
    now: () => Date.now(),
    calendar,
    centres,
    stores: processingStores(runtime.db, { calendar, centres }),
    blobs: openBlobStore(blobs, runtime.config.dataDir ?? '.data'),
    signer: documentSignerFromEnv(
      { ...signing, NODE_ENV: runtime.config.tuning.production ? 'production' : undefined },
      runtime.config.dataDir ?? '.data',
      (message) => runtime.logger.warn(message),
    ),
    slaSweepEveryMs: processing.SLA_SWEEP_EVERY_MS,
  };
}

export const nowOf = (deps: ProcessingDeps): Date => new Date(deps.now());
