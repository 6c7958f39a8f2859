import { Later } from './Later';

/** One procedure of the catalogue (/procedures/:code). */
export default function Procedure() {
  return <Later />;
}
