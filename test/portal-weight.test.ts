import { BUDGET_BYTES, portalWeight } from '../scripts/portal-weight';

/**
 * A phone's first visit of a public page (/, /track, /procedures/:code) loads at most 250 kB of
 * compressed script and style, in the compressed form the gateway sends (gzip, the larger of the
 * two it offers). Builds the portal first when its sources changed (about 30 s here).
 */
describe("the public pages' weight on a first visit", () => {
  let weights: Awaited<ReturnType<typeof portalWeight>>;
  beforeAll(async () => {
    weights = await portalWeight();
  }, 240_000);

  it.each(['/', '/track', '/procedures/:code'])('%s loads at most 250 kB of compressed script and style', (path) => {
    const page = weights.find((w) => w.path === path)!;
    expect(page.files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(page.brotli).toBeLessThanOrEqual(page.gzip);
    expect(page.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("does not load the officers' pages or their libraries", () => {
    for (const page of weights) {
      expect(
        page.files.filter((f) => /\/(Counter|Inbox|Dossier|Returns|Dashboard|Admin|Me|MeSubmit|Workspace)-/.test(f)),
      ).toEqual([]);
    }
  });
});
