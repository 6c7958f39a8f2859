import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { deliveryService } from './index';

runServiceFromEnv(deliveryService, 4003).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
