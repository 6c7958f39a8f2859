import { Later } from '../Later';

/** Reference data for administrators: centres, procedures, calendar, failed events (/admin/*). */
export default function Admin() {
  return <Later />;
}
