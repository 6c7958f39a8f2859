import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { processingService } from './index';

runServiceFromEnv(processingService, process.env).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
