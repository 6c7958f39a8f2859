import type { WorkingCalendar } from '@onestop/calendar';
import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_BYTES, blobStoreEnv, openBlobStore, type BlobStore } from '@onestop/blob-store';
import {
  CentreDirectory,
  DeclaredCalendar,
  envGroups,
  variable,
  type ServiceContext,
  type ServiceRuntime,
} from '@onestop/service-kit';
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

/** Intake's own variables, parsed at start with every service's (service-kit's service-config.ts). */
export const intakeSettings = envGroups({
  blobs: blobStoreEnv,
  intake: z.object({
    UPLOAD_MAX_BYTES: variable.int(1).default(DEFAULT_UPLOAD_MAX_BYTES),
    TRACKING_CODE_LIMITS: variable.parsedBy(parseFailureLimits),
  }),
});
export type IntakeSettings = z.output<typeof intakeSettings>;

export function createIntakeDeps(runtime: ServiceRuntime<IntakeSettings>): IntakeDeps {
  const { blobs, intake } = runtime.config.settings;
  const declared = new DeclaredCalendar(runtime.db, 'calendar_day', runtime.config.tuning.calendarTtlMs);
  return {
    calendar: () => declared.current(),
    blobs: openBlobStore(blobs, runtime.config.dataDir ?? '.data'),
    centres: new CentreDirectory(runtime.db, 'centre'),
    uploadMaxBytes: intake.UPLOAD_MAX_BYTES,
    publicUrl: (runtime.config.publicUrl ?? '').replace(/\/$/, ''),
    trackingFailures: new TrackingFailures(runtime.db, intake.TRACKING_CODE_LIMITS),
  };
}
