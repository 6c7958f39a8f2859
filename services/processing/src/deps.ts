import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@onestop/calendar';
import { blobStoreFromEnv, type BlobStore } from '@onestop/blob-store';
import { documentSignerFromEnv, type DocumentSigner } from '@onestop/documents';
import { CentreDirectory, DeclaredCalendar, type ServiceContext, type ServiceRuntime } from '@onestop/service-kit';
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

export function createProcessingDeps(runtime: ServiceRuntime): ProcessingDeps {
  const declared = new DeclaredCalendar(runtime.db, 'calendar_day_replica');
  const calendar = (within?: EntityManager) => declared.current(within);
  const centres = new CentreDirectory(runtime.db, 'centre_replica');
  return {
    now: () => Date.now(),
    calendar,
    centres,
    stores: processingStores(runtime.db, { calendar, centres }),
    blobs: blobStoreFromEnv(process.env, runtime.config.dataDir ?? '.data'),
    signer: documentSignerFromEnv(process.env, runtime.config.dataDir ?? '.data', (message) => runtime.logger.warn(message)),
    slaSweepEveryMs: Number(process.env.SLA_SWEEP_EVERY_MS ?? 60_000),
  };
}

export const nowOf = (deps: ProcessingDeps): Date => new Date(deps.now());
