import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/build-app.js';
import { createSovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import type { AppendStep } from '../../src/store/failpoint.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import {
  type ApiClient,
  type ApiWorld,
  errorOf,
  FakeClock,
  foundThroughApi,
  joinThroughApi,
  TEST_SECURITY,
} from './api-world.js';

/**
 * Safe retries (issue 14): a command sent with an `Idempotency-Key` runs once. A retry
 * with the same key and request gets the first answer, even when that answer was lost to
 * a crash after the commit, and after a restart; the same key with another request is
 * refused (422), one still in flight too (409); keys belong to the account.
 */
let handle: TestStore<unknown, unknown, unknown>;
let world: ApiWorld;
let ann: ApiClient;
let bob: ApiClient;
let motionsUrl: string;
/** The failpoint's behaviour for the organisation `keys`. */
let onStep: ((step: AppendStep | 'committed') => void | Promise<void>) | undefined;
const clock = new FakeClock();

async function build(): Promise<ApiWorld> {
  const store = handle.store as unknown as DemocracyStore;
  const service = createSovietService({ store, clock: clock.read });
  const app = await buildApp({ store, clock: clock.read, service, security: TEST_SECURITY });
  await app.ready();
  return {
    app,
    store,
    service,
    clock,
    handle,
    client: () => world.client(),
    dispose: () => app.close(),
  };
}

beforeAll(async () => {
  handle = (await openTestStore({
    domain: democracyDomain,
    migrations,
    failpoint: async (step, org) => {
      if (org === 'keys') await onStep?.(step);
    },
  })) as unknown as TestStore<unknown, unknown, unknown>;
  world = await build();
  const { ApiClient } = await import('./api-world.js');
  world = { ...world, client: () => new ApiClient(world.app) };
  ({ client: ann } = await foundThroughApi(world, { slug: 'keys', username: 'ann' }));
  ({ client: bob } = await joinThroughApi(world, 'keys', ann, 'bob', 'Bob'));
  const org = (await ann.get('/api/v1/orgs/keys')).json() as {
    tree: { children: { id: string; name: string }[] };
  };
  const docks = org.tree.children.find((c) => c.name === 'Docks')?.id as string;
  motionsUrl = `/api/v1/orgs/keys/councils/${docks}/motions`;
}, 120_000);
afterAll(async () => {
  await world?.app.close();
  await handle?.dispose();
});

const motion = (title: string) => ({
  title,
  text: 'The branch resolves.',
  body: { kind: 'ordinary' },
});
const withKey = (key: string) => ({ headers: { 'idempotency-key': `"${key}"` } });
const motionCount = async () => (await world.service.state('keys')).motions.size;

describe('the Idempotency-Key header', () => {
  it('replays the first answer to a retry, and runs the command once', async () => {
    const before = await motionCount();
    const first = await ann.post(motionsUrl, motion('Once'), withKey('k-once'));
    expect(first.statusCode, first.body).toBe(201);
    const retry = await ann.post(motionsUrl, motion('Once'), withKey('k-once'));
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await motionCount()).toBe(before + 1);
  });

  it('refuses the same key with another request (422), and keeps keys per account', async () => {
    await ann.post(motionsUrl, motion('Mine'), withKey('k-shared'));
    const other = await ann.post(motionsUrl, motion('Not the same'), withKey('k-shared'));
    expect(other.statusCode).toBe(422);
    expect(errorOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const before = await motionCount();
    const bobs = await bob.post(motionsUrl, motion('Mine'), withKey('k-shared'));
    expect(bobs.statusCode).toBe(201);
    expect(await motionCount()).toBe(before + 1);
  });

  it('refuses a retry while the first request is in flight (409)', async () => {
    // Held inside the first request's command (a request's guard waits for the log, so
    // this is shown on the server's key store itself).
    const keys = world.app.idempotency;
    const request = { accountId: 1, key: 'k-slow', fingerprint: new Uint8Array(32) };
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = keys.run(request, async () => {
      await held;
      return { status: 201, body: {} };
    });
    await expect(keys.run(request, async () => ({ status: 201, body: {} }))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
    });
    release();
    expect(await first).toEqual({ status: 201, body: {} });
  });

  it('answers a retry after a crash between commit and answer, and after a restart, without running it twice', async () => {
    onStep = (step) => {
      if (step === 'committed') throw new Error('crash after commit');
    };
    const before = await motionCount();
    const lost = await ann.post(motionsUrl, motion('Lost answer'), withKey('k-crash'));
    onStep = undefined;
    expect(lost.statusCode).toBe(500);
    expect(await motionCount()).toBe(before + 1);

    await world.app.close();
    await handle.reopen();
    const rebuilt = await build();
    world = { ...rebuilt, client: world.client };
    (ann as unknown as { app: unknown }).app = world.app;
    const retry = await ann.post(motionsUrl, motion('Lost answer'), withKey('k-crash'));
    expect(retry.statusCode, retry.body).toBe(201);
    expect((retry.json() as { motionId: string }).motionId).toBeDefined();
    expect(await motionCount()).toBe(before + 1);
  });

  it('refuses a malformed key and leaves requests without one as they were', async () => {
    const bad = await ann.post(motionsUrl, motion('Bad key'), {
      headers: { 'idempotency-key': '"a\\"b' },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('IDEMPOTENCY_KEY_INVALID');
    const before = await motionCount();
    await ann.post(motionsUrl, motion('Twice'));
    await ann.post(motionsUrl, motion('Twice'));
    expect(await motionCount()).toBe(before + 2);
  });
});
