import { randomUUID } from 'node:crypto';
import { deleteRedisPrefix, TEST_REDIS_URL } from '@onestop/test-support';
import { MemorySessionStore, RedisSessionStore, type SessionStore } from './session-store';

const prefix = `test-sessions-${randomUUID()}:`;
const stores: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['Redis', () => new RedisSessionStore(TEST_REDIS_URL, prefix)],
];

describe.each(stores)('the session store (%s)', (_name, make) => {
  let store: SessionStore;
  beforeAll(() => void (store = make()));
  afterAll(async () => {
    await store.close();
    await deleteRedisPrefix(TEST_REDIS_URL, prefix).catch(() => undefined);
  });

  it('keeps a session until it is deleted: the old cookie then finds nothing', async () => {
    await store.set('s1', { accessToken: 'a', endsAt: 1 }, 60);
    expect(await store.get('s1')).toEqual({ accessToken: 'a', endsAt: 1 });
    await store.delete('s1');
    expect(await store.get('s1')).toBeUndefined();
  });

  it('forgets a session when its time is up', async () => {
    await store.set('s2', { accessToken: 'b' }, 1);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await store.get('s2')).toBeUndefined();
  });
});
