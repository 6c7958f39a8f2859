import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, serviceConfigFromEnv, variablesOf } from '@onestop/service-kit';
import { gatewayOptionsFromEnv } from '@onestop/gateway';
import { intakeService } from '@onestop/intake';
import { deliveryService } from '@onestop/delivery';
import { statisticsService } from '@onestop/statistics';
import { configurationSchemas } from './configuration-schemas';

/**
 * Each process parses its environment once at start (service-kit's config.ts): a missing or
 * malformed variable stops it with every problem listed, variable by variable; the README's
 * Configuration table lists exactly the variables the schemas know.
 */
const JWK = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'abc' });
const SERVICE = { DATABASE_URL: 'postgres://u:p@db:5432/onestop', IDENTITY_PUBLIC_JWK: JWK };
const noClaimMapping = () => ({}) as never;

/** The problems a start would list, or [] when it starts. */
function problemsOf(start: () => unknown): string[] {
  try {
    start();
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe("a service process's configuration", () => {
  it('types what it reads, with the defaults of the one list of services', () => {
    const config = serviceConfigFromEnv(intakeService, {
      ...SERVICE,
      ROLE: 'worker',
      DATABASE_POOL_SIZE: '4',
      UPLOAD_MAX_BYTES: '2048',
      QUEUE_PREFIX: '',
    });
    expect(config).toMatchObject({
      databaseUrl: SERVICE.DATABASE_URL,
      port: 4001,
      roles: { api: false, worker: true },
      queue: { prefix: undefined, poolSize: 10 },
      tuning: {
        databasePoolSize: 4,
        sessionTimeouts: { lockMs: 10_000, statementMs: 120_000, idleInTransactionMs: 60_000 },
      },
      settings: {
        blobs: { kind: 'file' },
        intake: {
          UPLOAD_MAX_BYTES: 2048,
          TRACKING_CODE_LIMITS: [
            { failures: 5, seconds: 3600 },
            { failures: 20, seconds: 86400 },
          ],
        },
      },
    });
    expect(serviceConfigFromEnv(statisticsService, { ...SERVICE, PORT: '0' }).port).toBe(0);
  });

  it('lists every missing variable', () => {
    expect(problemsOf(() => serviceConfigFromEnv(statisticsService, {}))).toEqual([
      expect.stringMatching(/^DATABASE_URL: is required/),
      expect.stringMatching(/^IDENTITY_PUBLIC_JWK: is required/),
    ]);
  });

  it("lists every malformed variable, the shared ones and the service's own together", () => {
    const problems = problemsOf(() =>
      serviceConfigFromEnv(intakeService, {
        ...SERVICE,
        PORT: 'eighty',
        IDENTITY_PUBLIC_JWK: '{"kty":"OKP",',
        ROLE: 'both',
        DATABASE_POOL_SIZE: '0',
        LOG_LEVEL: 'loud',
        UPLOAD_MAX_BYTES: '10MB',
        TRACKING_CODE_LIMITS: '5 per hour',
        BLOB_STORE: 's3',
      }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'BLOB_STORE',
      'DATABASE_POOL_SIZE',
      'IDENTITY_PUBLIC_JWK',
      'LOG_LEVEL',
      'PORT',
      'ROLE',
      'TRACKING_CODE_LIMITS',
      'UPLOAD_MAX_BYTES',
    ]);
    expect(problems).toContain('PORT: must be a port number (0–65535) (got "eighty")');
    expect(problems).toContain('ROLE: must be one of api, worker, all (got "both")');
    expect(problems).toContain('UPLOAD_MAX_BYTES: must be a whole number (got "10MB")');
    expect(problems).toContainEqual(expect.stringMatching(/^BLOB_STORE: BLOB_STORE=s3 needs S3_BUCKET/));
    // a secret's value never appears in the list
    expect(problems.find((p) => p.startsWith('IDENTITY_PUBLIC_JWK'))).not.toContain('kty');
  });

  it('says all of it in the error a start prints', () => {
    expect(() =>
      serviceConfigFromEnv(statisticsService, {
        DATABASE_URL: 'mysql://db',
        IDENTITY_PUBLIC_JWK: JWK,
        METRICS_PORT: '70000',
      }),
    ).toThrow(
      'statistics cannot start: 2 settings are wrong\n  - METRICS_PORT: must be a port number (0–65535) (got "70000")\n  - DATABASE_URL: must be a postgres or postgresql URL',
    );
  });

  it("checks delivery's transports and link secret at start", () => {
    const problems = problemsOf(() =>
      serviceConfigFromEnv(deliveryService, {
        ...SERVICE,
        NODE_ENV: 'production',
        SMS: 'on',
        SMS_GATEWAY_URL: 'https://sms.example.vn',
        SMS_BRANDNAME: 'TTHCC-HUE',
        NOTIFICATION_ATTEMPTS: 'many',
        SMS_RECEIPT_POLL_SECONDS: '-1',
        COURIER_BASE_URL: 'courier.example.vn',
        SMTP_URL: 'http://mail',
      }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'COURIER_BASE_URL',
      'DOWNLOAD_LINK_SECRET',
      'NOTIFICATION_ATTEMPTS',
      'SMS',
      'SMS_GATEWAY_URL',
      'SMS_RECEIPT_POLL_SECONDS',
      'SMTP_URL',
    ]);
    expect(problems).toContainEqual(
      expect.stringMatching(/^SMS_GATEWAY_URL: SMS_GATEWAY_URL is set without credentials/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^DOWNLOAD_LINK_SECRET: must be set in production/));

    const config = serviceConfigFromEnv(deliveryService, {
      ...SERVICE,
      SMS_RECEIPT_POLL_SECONDS: '0.2',
      COURIER_TIMEOUT_MS: '500',
    });
    expect(config.settings).toMatchObject({
      delivery: { SMS_RECEIPT_POLL_SECONDS: 0.2, NOTIFICATION_ATTEMPTS: 6, DOWNLOAD_LINK_TTL_HOURS: 72 },
      courier: { COURIER_TIMEOUT_MS: 500 },
    });
  });
});

describe("the gateway process's configuration", () => {
  const GATEWAY = { IDENTITY_PRIVATE_JWK: JWK, AUTH_JWT_SECRET: 'a-secret' };

  it("finds each service on the list's port unless told, and types its limits", () => {
    const options = gatewayOptionsFromEnv(
      { ...GATEWAY, DELIVERY_URL: 'http://delivery:4003/graphql', TRACKING_RATE_LIMIT: '5/30', TRUST_PROXY: '1' },
      noClaimMapping,
    );
    expect(options.port).toBe(4000);
    expect(options.subgraphs).toEqual([
      { name: 'intake', url: 'http://127.0.0.1:4001/graphql' },
      { name: 'processing', url: 'http://127.0.0.1:4002/graphql' },
      { name: 'delivery', url: 'http://delivery:4003/graphql' },
      { name: 'statistics', url: 'http://127.0.0.1:4004/graphql' },
    ]);
    expect(options.limits).toEqual({ tracking: { points: 5, durationSeconds: 30 } });
    expect(options.trustProxy).toBe(1);
    expect(options.queue).toBeUndefined();
  });

  it('stops on a missing identity key at start, not at the first request', () => {
    expect(problemsOf(() => gatewayOptionsFromEnv({ AUTH_JWT_SECRET: 'a-secret' }, noClaimMapping))).toEqual([
      expect.stringMatching(/^IDENTITY_PRIVATE_JWK: is required/),
    ]);
  });

  it('lists every malformed variable', () => {
    const problems = problemsOf(() =>
      gatewayOptionsFromEnv(
        {
          IDENTITY_PRIVATE_JWK: 'not json',
          PORT: '4000a',
          GRAPHQL_MAX_DEPTH: 'deep',
          TRACKING_RATE_LIMIT: '10 per minute',
          INTAKE_URL: 'intake:4001',
          COURIER_CALLBACK_SECRET: 'short',
          AUTH_OIDC_ISSUER: 'http://keycloak/realms/onestop',
        },
        noClaimMapping,
      ),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AUTH_OIDC_CLIENT_ID',
      'COURIER_CALLBACK_SECRET',
      'GRAPHQL_MAX_DEPTH',
      'IDENTITY_PRIVATE_JWK',
      'INTAKE_URL',
      'PORT',
      'TRACKING_RATE_LIMIT',
    ]);
    expect(problems).toContain('TRACKING_RATE_LIMIT: must read like "10/60" (lookups/seconds) (got "10 per minute")');
    expect(problems).toContain('COURIER_CALLBACK_SECRET: must be at least 16 characters');
  });
});

describe('README.md: the Configuration table', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('\n## Configuration\n'),
    readme.indexOf('\n## ', readme.indexOf('\n## Configuration\n') + 1),
  );
  /** The variables each row names in its first column. */
  const documented = new Set(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])),
  );
  const known = new Set(Object.values(configurationSchemas).flatMap((schema) => variablesOf(schema)));

  it('reads the table', () => {
    expect(documented.size).toBeGreaterThan(50);
    expect(known.size).toBeGreaterThan(50);
  });

  it.each([...known].sort())('documents %s, a variable a configuration schema reads', (name) => {
    expect(documented.has(name)).toBe(true);
  });

  it.each([...documented].sort())('%s, documented, is read by a configuration schema', (name) => {
    expect(known.has(name)).toBe(true);
  });
});
