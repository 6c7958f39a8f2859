import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository carries its own copy of the outer contract (contract/) and of the design that its
 * comments cite (docs/DESIGN.md), so that it stands alone.
 * Where the steering copy is laid beside the repository (../shared/contract, as on the project's
 * machines and in CI, or SHARED_CONTRACT_DIR), the two must be equal byte for byte.
 */
const OWN = join(__dirname, '..', 'contract');
const STEERING = process.env.SHARED_CONTRACT_DIR ?? join(__dirname, '..', '..', 'shared', 'contract');
const OWN_DESIGN = join(__dirname, '..', 'docs', 'DESIGN.md');
const STEERING_DESIGN = join(STEERING, '..', 'DESIGN.md');

describe('the repository’s copy of the outer contract', () => {
  it('holds the API contract, its README and the portal’s contract', () => {
    expect(readdirSync(OWN).sort()).toEqual(expect.arrayContaining(['README.md', 'portal-ui.md', 'portal.graphql']));
  });

  const steering = existsSync(STEERING) ? readdirSync(STEERING).sort() : [];
  (steering.length ? it.each(steering) : it.skip.each(['(no steering copy beside the repository)']))(
    '%s equals the steering copy',
    (file) => {
      expect(existsSync(join(OWN, file))).toBe(true);
      expect(readFileSync(join(OWN, file), 'utf8')).toBe(readFileSync(join(STEERING, file), 'utf8'));
    },
  );
});

describe('the repository’s copy of the design', () => {
  it('is there, with the rules the code cites', () => {
    const design = readFileSync(OWN_DESIGN, 'utf8');
    expect(design).toMatch(/Working-day calendar/);
    expect(design).toMatch(/Dossier lifecycle/);
  });

  (existsSync(STEERING_DESIGN) ? it : it.skip)('equals the steering copy', () => {
    expect(readFileSync(OWN_DESIGN, 'utf8')).toBe(readFileSync(STEERING_DESIGN, 'utf8'));
  });
});
