import { Later } from './Later';

/** Online submission by a citizen, service level 4 (/me/submit). */
export default function MeSubmit() {
  return <Later />;
}
