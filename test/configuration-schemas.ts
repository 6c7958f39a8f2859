import type { z } from 'zod';
import { serviceEnv } from '@onestop/service-kit';
import { gatewayEnv } from '@onestop/gateway';
import { intakeService } from '@onestop/intake';
import { processingService } from '@onestop/processing';
import { deliveryService } from '@onestop/delivery';
import { startEnv } from '../scripts/lib/start-config';

/** Every process kind's configuration schema: what README.md's Configuration table and docker-compose.yml are checked against. */
export const configurationSchemas: Record<string, z.ZodType> = {
  'every service': serviceEnv,
  intake: intakeService.settings!,
  processing: processingService.settings!,
  delivery: deliveryService.settings!,
  gateway: gatewayEnv,
  'npm start': startEnv,
};
