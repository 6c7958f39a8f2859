import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { intakeService } from './index';

runServiceFromEnv(intakeService, 4001).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
