import { runServiceFromEnv } from '@onestop/service-kit';
import { deliveryService } from './index';

runServiceFromEnv(deliveryService, 4003).catch((err) => {
  console.error(err);
  process.exit(1);
});
