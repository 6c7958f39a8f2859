import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { intakeService } from './index';

runServiceFromEnv(intakeService, process.env).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
