/**
 * What `npm start` (and the scripts beside it: db:setup, backup, restore) read from the
 * environment, beyond what it hands the processes it starts (their own schemas: service-kit's
 * service-config.ts, each service's deps.ts, gateway/src/config.ts). Parsed at the script's top.
 */
import { z } from 'zod';
import { GATEWAY_PORT, PLATFORM_SERVICES, SERVICE_NAMES, servicePortVariable, type ServiceName } from '@onestop/events';
import { variable } from '@onestop/service-kit';

const optionalText = () => variable.text().optional();

export const startEnv = z.object({
  PORT: variable.port().default(GATEWAY_PORT),
  ...(Object.fromEntries(
    PLATFORM_SERVICES.map((s) => [servicePortVariable(s.name), variable.port().default(s.port)]),
  ) as Record<string, z.ZodDefault<ReturnType<typeof variable.port>>>),
  METRICS_PORT: variable.port().optional(),
  DATABASE_URL: variable.url('postgres', 'postgresql').optional(),
  DATABASE_ROLES: variable.oneOf(['auto', 'off']).default('auto'),
  DATABASE_OWNER_PASSWORD: optionalText(),
  GATEWAY_DATABASE_PASSWORD: optionalText(),
  ...(Object.fromEntries(
    SERVICE_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_PASSWORD`, optionalText()]),
  ) as Record<string, z.ZodOptional<z.ZodString>>),
  PG_BIN_DIR: optionalText(),
  REDIS_URL: variable.url('redis', 'rediss').optional(),
  AUTH_JWT_SECRET: optionalText(),
  AUTH_JWKS_URL: variable.httpUrl().optional(),
  PUBLIC_URL: variable.httpUrl().optional(),
  DATA_DIR: optionalText(),
  LOG_LEVEL: optionalText(),
  DEMO_HISTORY: optionalText(),
  /** Node's own; `npm start` and the bench give each process a heap limit unless it is set. */
  NODE_OPTIONS: optionalText(),
});
export type StartEnv = z.output<typeof startEnv>;

/** A service's port under `npm start` (INTAKE_PORT, …, or its default from the one list). */
export const portOf = (env: StartEnv, name: ServiceName): number =>
  (env as unknown as Record<string, number>)[servicePortVariable(name)];
