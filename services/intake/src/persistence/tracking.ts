import type { DataSource } from 'typeorm';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { coolDownSeconds, reachedLimit, type FailureCount, type FailureLimit } from '../domain/tracking';

/**
 * Wrong verifiers per dossier code, one counter per window (rate-limiter-flexible), in table tracking_failure: every
 * intake process (and so every gateway in front of them) sees the same counts.
 */
export class TrackingFailures {
  private readonly windows: RateLimiterPostgres[];

  constructor(
    db: DataSource,
    private readonly limits: readonly FailureLimit[],
  ) {
    this.windows = limits.map(
      (limit) =>
        new RateLimiterPostgres({
          storeClient: db,
          storeType: 'typeorm',
          tableName: 'tracking_failure',
          tableCreated: true,
          keyPrefix: `code-${limit.seconds}s`,
          points: limit.failures,
          duration: limit.seconds,
        }),
    );
  }

  /**
   * Counts an attempt on this code before its verifier is looked at (so that concurrent guesses
   * cannot all slip in before the count): the cool-down it leads to, and whether it just used up
   * a window's share.
   */
  async attempt(code: string): Promise<{ coolDownSeconds: number; reachedLimit: boolean; failures: number }> {
    const counts = (await Promise.all(this.windows.map((w) => w.penalty(code, 1)))).map(countOf);
    return {
      coolDownSeconds: coolDownSeconds(this.limits, counts),
      reachedLimit: reachedLimit(this.limits, counts),
      failures: Math.max(...counts.map((c) => c?.failures ?? 0)),
    };
  }

  /** The verifier was right: the attempt was no failure. */
  async succeeded(code: string): Promise<void> {
    await Promise.all(this.windows.map((w) => w.reward(code, 1)));
  }
}

const countOf = (res: RateLimiterRes | null): FailureCount | null =>
  res && { failures: res.consumedPoints, msLeft: res.msBeforeNext };

/** What public tracking needs of a dossier: its code, procedure and reception, and the applicant's verifiers. */
export async function dossierForTracking(db: DataSource, code: string) {
  const [row] = await db.query(
    `SELECT d.id, d.code, d.received_at AS "receivedAt", p.name AS "procedureName", a.identity_number AS "identityNumber", a.phone
     FROM dossier d JOIN applicant a ON a.id = d.applicant_id JOIN procedure p ON p.id = d.procedure_id WHERE d.code = $1`,
    [code],
  );
  return (row ?? null) as {
    id: string;
    code: string;
    receivedAt: Date | null;
    procedureName: string;
    identityNumber: string;
    phone: string | null;
  } | null;
}

/** What a tracking shows of a dossier found by id (the gateway joins processing's and delivery's parts to it). */
export async function trackingById(db: DataSource, id: string) {
  const [row] = await db.query(
    `SELECT d.id, d.code, d.received_at AS "receivedAt", p.name AS "procedureName" FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.id = $1`,
    [id],
  );
  return (row ?? null) as { id: string; code: string; receivedAt: Date | null; procedureName: string } | null;
}
