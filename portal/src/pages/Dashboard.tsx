import { Later } from './Later';

/** The II.06a report with charts for leaders, observers and administrators (/dashboard). */
export default function Dashboard() {
  return <Later />;
}
