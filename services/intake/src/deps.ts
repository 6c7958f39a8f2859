import type { WorkingCalendar } from '@onestop/calendar';
import { DEFAULT_UPLOAD_MAX_BYTES, blobStoreFromEnv, type BlobStore } from '@onestop/blob-store';
import { CentreDirectory, DeclaredCalendar, type ServiceContext, type ServiceRuntime } from '@onestop/service-kit';
import { parseFailureLimits } from './domain/tracking';
import { TrackingFailures } from './persistence/tracking';

/** Intake's collaborators, built once per process and handed to resolvers as ctx.deps. */
export interface IntakeDeps {
  /** The working calendar with the days an ADMIN declared (table calendar_day). */
  calendar(): Promise<WorkingCalendar>;
  blobs: BlobStore;
  centres: CentreDirectory;
  /** Largest accepted upload per file, bytes (env UPLOAD_MAX_BYTES, default 10 MiB). */
  uploadMaxBytes: number;
  /** Base for links to printable documents: the gateway's public URL, or '' for relative links. */
  publicUrl: string;
  /** Wrong tracking verifiers per dossier code, shared by every intake process (env TRACKING_CODE_LIMITS). */
  trackingFailures: TrackingFailures;
}

export type IntakeContext = ServiceContext<IntakeDeps>;

export function createIntakeDeps(runtime: ServiceRuntime): IntakeDeps {
  const declared = new DeclaredCalendar(runtime.db, 'calendar_day');
  return {
    calendar: () => declared.current(),
    blobs: blobStoreFromEnv(process.env, runtime.config.dataDir ?? '.data'),
    centres: new CentreDirectory(runtime.db, 'centre'),
    uploadMaxBytes: uploadLimitFromEnv(process.env.UPLOAD_MAX_BYTES),
    publicUrl: (runtime.config.publicUrl ?? '').replace(/\/$/, ''),
    trackingFailures: new TrackingFailures(runtime.db, parseFailureLimits(process.env.TRACKING_CODE_LIMITS)),
  };
}

function uploadLimitFromEnv(value: string | undefined): number {
  if (!value) return DEFAULT_UPLOAD_MAX_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1) throw new Error(`UPLOAD_MAX_BYTES must be a positive integer, got ${value}`);
  return bytes;
}
