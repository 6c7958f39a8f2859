import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { deliveryService } from './index';

runServiceFromEnv(deliveryService, process.env).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
