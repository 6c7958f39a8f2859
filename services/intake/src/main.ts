import { runServiceFromEnv } from '@onestop/service-kit';
import { intakeService } from './index';

runServiceFromEnv(intakeService, 4001).catch((err) => {
  console.error(err);
  process.exit(1);
});
