/**
 * npm run db:setup
 * As a superuser (DATABASE_URL): the platform's roles, every migration run by the owner, each
 * service role's grants (README "Database roles"). docker-compose.yml runs it once before the
 * services, which then connect as their own roles. The passwords come from the environment
 * (DATABASE_OWNER_PASSWORD, GATEWAY_DATABASE_PASSWORD, <SERVICE>_DATABASE_PASSWORD): the services
 * are configured with the same ones.
 */
import { errorLine, preparePlatformDatabase, rolePasswordsFromEnv } from '@onestop/service-kit';
import { SERVICE_NAMES } from '@onestop/events';
import { resolveDatabaseUrl } from './platform-env';
import { SERVICE_DEFINITIONS } from './lib/platform-database';

async function main() {
  const passwords = rolePasswordsFromEnv(process.env);
  const missing = [
    'DATABASE_OWNER_PASSWORD',
    'GATEWAY_DATABASE_PASSWORD',
    ...SERVICE_NAMES.map((s) => `${s.toUpperCase()}_DATABASE_PASSWORD`),
  ].filter((name) => !process.env[name]);
  if (missing.length)
    throw new Error(
      `Set ${missing.join(', ')}: the services log in with these passwords (e.g. \`openssl rand -hex 24\` each)`,
    );
  const urls = await preparePlatformDatabase(await resolveDatabaseUrl(), SERVICE_DEFINITIONS, {
    passwords,
    queueOnPostgres: !process.env.REDIS_URL,
  });
  console.log(
    `database ready: owner ${urls.roles.owner}; ${SERVICE_NAMES.map((s) => `${s} as ${urls.roles.services[s]}`).join(', ')}; gateway as ${urls.roles.gateway}`,
  );
}

main().catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
