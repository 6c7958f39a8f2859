import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@onestop/events';
import {
  generateIdentityKeys,
  preparePlatformDatabase,
  runService,
  serviceConfigFromEnv,
  type PlatformDatabaseUrls,
  type RunningService,
  type ServiceConfig,
  type ServiceDefinition,
} from '@onestop/service-kit';
import { startGateway, type GatewayOptions, type RunningGateway } from '@onestop/gateway';
import { intakeService } from '@onestop/intake';
import { processingService } from '@onestop/processing';
import { deliveryService } from '@onestop/delivery';
import { statisticsService } from '@onestop/statistics';
import { contractOperation, createTestDatabase, deleteRedisPrefix, TEST_REDIS_URL } from '@onestop/test-support';
import { signToken, type TokenClaims } from '@onestop/service-kit';

export type QueueBackend = 'redis' | 'postgres';

const DEFINITIONS: Record<ServiceName, ServiceDefinition<any>> = {
  intake: intakeService,
  processing: processingService,
  delivery: deliveryService,
  statistics: statisticsService,
};

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }>;
}

export interface PlatformOptions {
  backend?: QueueBackend;
  /** Which services get a worker (relay + consumer); all by default. */
  workers?: ServiceName[];
  /** The gateway's proxy trust and limits, for tests of per-client limits. */
  gateway?: Pick<GatewayOptions, 'trustProxy' | 'limits'>;
  /**
   * Each service as its own database role, the owner running the migrations, as `npm start` does
   * (database-roles.ts). Off by default: tests read across schemas through a service's DataSource.
   */
  roles?: boolean;
  /** An existing database (a restored backup) instead of a new one; stop() leaves it in place. */
  databaseUrl?: string;
  /** An existing data folder (restored blobs) instead of a new one; stop() leaves it in place too. */
  dataDir?: string;
}

/**
 * The whole platform in one test process: a database of its own, the four services with their
 * workers, and the gateway over real HTTP, on free ports. `stop()` leaves nothing behind.
 */
export class TestPlatform {
  readonly services = {} as Record<ServiceName, RunningService<any>>;
  gateway!: RunningGateway;
  readonly jwtSecret = randomBytes(24).toString('hex');
  /** The courier's callback credential (the gateway's COURIER_CALLBACK_SECRET): a bearer for recordPostalEvent only. */
  readonly courierCredential = randomBytes(24).toString('hex');
  /** The test database as the server's superuser (tests look at any schema through it). */
  databaseUrl!: string;
  /** Each role's URL when started with `roles`. */
  roleUrls?: PlatformDatabaseUrls;
  readonly backend: QueueBackend;
  private dropDatabase?: () => Promise<void>;
  private readonly prefix = `t${randomBytes(5).toString('hex')}`;
  private keys!: { privateJwk: string; publicJwk: string };
  readonly dataDir: string;
  private readonly ports = {} as Record<ServiceName, number>;

  private constructor(private readonly opts: PlatformOptions) {
    this.backend = opts.backend ?? (process.env.TEST_QUEUE_BACKEND as QueueBackend) ?? 'redis';
    this.dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'onestop-test-'));
  }

  static async start(opts: PlatformOptions = {}): Promise<TestPlatform> {
    const platform = new TestPlatform(opts);
    try {
      await platform.boot();
    } catch (err) {
      await platform.stop();
      throw err;
    }
    return platform;
  }

  get url(): string {
    return this.gateway.url;
  }

  /** The key the gateway signs identities with, for a second gateway on the same services (the benchmark's peer). */
  get identityPrivateJwk(): string {
    return this.keys.privateJwk;
  }

  serviceConfig(
    name: ServiceName,
    roles = { api: true, worker: (this.opts.workers ?? Object.keys(DEFINITIONS)).includes(name) },
  ): ServiceConfig {
    const databaseUrl = this.roleUrls?.services[name] ?? this.databaseUrl;
    // The service's configuration as its process parses it (a test sets a variable in process.env
    // before it starts the platform), with the harness's database, keys, ports and folder.
    const parsed = serviceConfigFromEnv(DEFINITIONS[name], {
      ...process.env,
      DATABASE_URL: databaseUrl,
      IDENTITY_PUBLIC_JWK: this.keys.publicJwk,
    });
    return {
      ...parsed,
      databaseUrl,
      queue: {
        ...parsed.queue,
        redisUrl: this.backend === 'redis' ? TEST_REDIS_URL : undefined,
        databaseUrl,
        prefix: this.prefix,
      },
      port: this.ports[name] ?? 0,
      identityPublicJwk: this.keys.publicJwk,
      roles,
      publicUrl: this.gateway?.url,
      dataDir: this.dataDir,
      metrics: { port: 0 },
    };
  }

  private async boot(): Promise<void> {
    const db = this.opts.databaseUrl ? { url: this.opts.databaseUrl, drop: undefined } : await createTestDatabase();
    this.databaseUrl = db.url;
    this.dropDatabase = db.drop;
    this.keys = await generateIdentityKeys();
    if (this.opts.roles) {
      this.roleUrls = await preparePlatformDatabase(db.url, Object.values(DEFINITIONS), {
        queueOnPostgres: this.backend === 'postgres',
      });
    }
    // Services one after the other: their migrations create schemas in the same new database.
    for (const name of Object.keys(DEFINITIONS) as ServiceName[]) await this.startService(name);
    this.gateway = await startGateway({
      port: 0,
      subgraphs: (Object.keys(DEFINITIONS) as ServiceName[]).map((name) => ({ name, url: this.services[name].url! })),
      jwtSecret: this.jwtSecret,
      courierCallbackSecret: this.courierCredential,
      identityPrivateJwk: this.keys.privateJwk,
      queue: { ...this.serviceConfig('intake').queue, ...(this.roleUrls && { databaseUrl: this.roleUrls.gatewayUrl }) },
      metrics: { port: 0 },
      ...this.opts.gateway,
    });
  }

  /** Starts (or restarts, on its former port) one service. */
  async startService(name: ServiceName, roles?: ServiceConfig['roles']): Promise<RunningService<any>> {
    const service = await runService(DEFINITIONS[name], this.serviceConfig(name, roles));
    if (service.port) this.ports[name] = service.port;
    this.services[name] = service;
    return service;
  }

  async stopService(name: ServiceName): Promise<void> {
    await this.services[name]?.stop();
  }

  token(claims: TokenClaims): Promise<string> {
    return signToken(this.jwtSecret, claims);
  }

  async graphql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, status: res.status };
  }

  /** Runs an operation of the outer contract (contract/portal.graphql) exactly as written there. */
  contract<T = any>(
    operationName: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    return this.graphql<T>(contractOperation(operationName), variables, token);
  }

  /** Like contract(), but fails the test on any error and returns data. */
  contractOk<T = any>(operationName: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    return this.ok<T>(contractOperation(operationName), variables, token);
  }

  /** Like graphql(), but fails the test on any error and returns data. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.graphql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** What an operator's Prometheus reads from a part of the platform: its `/metrics` text. */
  async scrape(part: ServiceName | 'gateway'): Promise<string> {
    const url = part === 'gateway' ? this.gateway.metricsUrl : this.services[part].metricsUrl;
    const res = await fetch(url!);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    return res.text();
  }

  async stop(): Promise<void> {
    await this.gateway?.stop().catch(() => undefined);
    for (const service of Object.values(this.services)) await service.stop().catch(() => undefined);
    await this.dropDatabase?.().catch(() => undefined);
    if (this.backend === 'redis') await deleteRedisPrefix(TEST_REDIS_URL, this.prefix).catch(() => undefined);
    if (!this.opts.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
