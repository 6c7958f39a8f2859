import { Later } from './Later';

/** Public tracking from a receipt: dossier code and verifier (/track). */
export default function Track() {
  return <Later />;
}
