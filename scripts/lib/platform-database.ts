/**
 * The database URL each process of the platform gets. Connected as a superuser (the embedded
 * PostgreSQL, a test server, compose's database-setup), the platform creates its roles, runs every
 * migration as the owner and gives each service its own role (README "Database roles");
 * DATABASE_ROLES=off, or a URL that may not create roles, runs everything on that one URL as before.
 */
import { Client } from 'pg';
import type { ServiceName } from '@onestop/events';
import { preparePlatformDatabase, rolePasswordsFromEnv } from '@onestop/service-kit';
import { intakeService } from '@onestop/intake';
import { processingService } from '@onestop/processing';
import { deliveryService } from '@onestop/delivery';
import { statisticsService } from '@onestop/statistics';

export const SERVICE_DEFINITIONS = [intakeService, processingService, deliveryService, statisticsService];

export interface ProcessDatabaseUrls {
  services: Record<ServiceName, string>;
  gateway: string;
  /** The owner's (or the single URL): operator tools. */
  owner: string;
  summary: string;
}

export async function platformDatabaseUrls(
  url: string,
  log: (line: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessDatabaseUrls> {
  const single = (summary: string): ProcessDatabaseUrls => ({
    services: { intake: url, processing: url, delivery: url, statistics: url },
    gateway: url,
    owner: url,
    summary,
  });
  if (env.DATABASE_ROLES === 'off') return single('one role for every service (DATABASE_ROLES=off)');
  if (env.DATABASE_ROLES && env.DATABASE_ROLES !== 'auto')
    throw new Error(`DATABASE_ROLES must be auto or off, got ${env.DATABASE_ROLES}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  const superuser = await client
    .query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)
    .finally(() => client.end());
  if (!superuser.rows[0]?.rolsuper) {
    log(
      'DATABASE_URL may not create roles: every service connects with it (`npm run db:setup` as a superuser makes a role per service)',
    );
    return single('one role for every service (DATABASE_URL may not create roles)');
  }
  const urls = await preparePlatformDatabase(url, SERVICE_DEFINITIONS, {
    passwords: rolePasswordsFromEnv(env),
    queueOnPostgres: !env.REDIS_URL,
  });
  return {
    services: urls.services,
    gateway: urls.gatewayUrl,
    owner: urls.ownerUrl,
    summary: `a role per service (${Object.values(urls.roles.services).join(', ')}), migrations by ${urls.roles.owner}`,
  };
}
