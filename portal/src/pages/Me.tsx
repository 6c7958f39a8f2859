import { Later } from './Later';

/** The citizen's own dossiers and digitised records (/me). */
export default function Me() {
  return <Later />;
}
