import { errorLine, runServiceFromEnv } from '@onestop/service-kit';
import { statisticsService } from './index';

runServiceFromEnv(statisticsService, 4004).catch((err) => {
  console.error(errorLine(err));
  process.exit(1);
});
