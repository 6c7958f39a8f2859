import { runServiceFromEnv } from '@onestop/service-kit';
import { statisticsService } from './index';

runServiceFromEnv(statisticsService, 4004).catch((err) => {
  console.error(err);
  process.exit(1);
});
