import type { DataSource } from 'typeorm';
import { authorizeOn } from './authorization';
import { CentreDirectory } from './centres';
import { mayRead } from './object-guards';

/** A centre tree that counts the statements sent to it: commune C below province P. */
function countingTree() {
  const P = { id: 'p', code: 'P', name: 'Tỉnh', level: 'PROVINCE', parentId: null };
  const C = { id: 'c', code: 'P.C', name: 'Xã', level: 'COMMUNE', parentId: 'p' };
  const db = {
    statements: 0,
    async query(_sql: string, [id]: string[]) {
      this.statements++;
      return id === 'c' ? [C, P] : id === 'p' ? [P] : [];
    },
  };
  return { db, centres: new CentreDirectory(db as unknown as DataSource, 'centre_replica') };
}

describe("CentreDirectory.forRequest: a centre's ancestors once per request", () => {
  const officer = { id: 'o', name: 'Cán bộ', role: 'INTAKE_OFFICER', centre: 'P.C' } as const;

  it('reads them once for the root check and the guards of one request', async () => {
    const { db, centres } = countingTree();
    const ctx = { caller: officer };
    await authorizeOn(centres.forRequest(ctx), officer, 'dossier', { centreIds: ['c'] });
    expect(await mayRead(ctx, centres, { centreIds: ['c'] })).toBe(true);
    expect(await centres.forRequest(ctx).canActIn(officer, 'c')).toBe(true);
    expect(db.statements).toBe(1);
  });

  it('reads them again for the next request, and keeps nothing on the directory itself', async () => {
    const { db, centres } = countingTree();
    await centres.forRequest({}).ancestors('c');
    await centres.forRequest({}).ancestors('c');
    await centres.ancestors('c');
    expect(db.statements).toBe(3);
  });

  it('keeps no failed read: the next check of the request asks again', async () => {
    const { db, centres } = countingTree();
    const failing = Object.assign(db, {
      fail: true,
      async query(this: typeof db & { fail: boolean }) {
        this.statements++;
        if (this.fail) {
          this.fail = false;
          throw new Error('connection lost');
        }
        return [];
      },
    });
    const request = {};
    await expect(centres.forRequest(request).ancestors('c')).rejects.toThrow('connection lost');
    await centres.forRequest(request).ancestors('c');
    expect(failing.statements).toBe(2);
  });
});
