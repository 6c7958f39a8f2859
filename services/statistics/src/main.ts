import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { statisticsService } from './index';

runServiceFromEnv(statisticsService, process.env).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
