import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/build-app.js';
import { fingerprintOf } from '../../src/server/idempotency.js';
import { createSovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import type { AppendStep } from '../../src/store/failpoint.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import {
  ApiClient,
  type ApiWorld,
  errorOf,
  FakeClock,
  foundThroughApi,
  PASSWORD,
  TEST_SECURITY,
} from './api-world.js';

/**
 * Safe retries beyond the commands (issue 14): founding an organisation and accepting an
 * invitation take an `Idempotency-Key` too, even when the request creates the account it
 * acts for. A retry whose answer was lost (with its session cookie) gets the first answer
 * and a session of its own, after a crash and a restart as well; it never founds or joins
 * twice, and never gets past the password. What a key keeps holds no password, name,
 * username or token. Marking notices seen and choosing name visibility take a key; logging
 * in and out need none (docs/api.md, "Safe retries").
 */
let handle: TestStore<unknown, unknown, unknown>;
let world: ApiWorld;
/** The failpoint's behaviour for the organisations whose slug starts with `crash`. */
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
    client: () => new ApiClient(app),
    dispose: () => app.close(),
  };
}

beforeAll(async () => {
  handle = (await openTestStore({
    domain: democracyDomain,
    migrations,
    failpoint: async (step, org) => {
      if (org.startsWith('crash')) await onStep?.(step);
    },
  })) as unknown as TestStore<unknown, unknown, unknown>;
  world = await build();
}, 120_000);
afterAll(async () => {
  await world?.app.close();
  await handle?.dispose();
});

const withKey = (key: string) => ({ headers: { 'idempotency-key': `"${key}"` } });
const founding = (slug: string, username: string, password = PASSWORD) => ({
  name: `Union of ${slug}`,
  slug,
  founderName: 'Rosa Luxemburg',
  founderCouncil: 'Docks',
  councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
  account: { username, password },
});
/** Who a client's session is, and where it is a member. */
const whoAmI = async (client: ApiClient) =>
  (await client.get('/api/v1/session')).json() as {
    account: { username: string } | null;
    memberships: { org: string; memberId: string }[];
  };
/** Every string in a JSON value. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];
const rows = async () =>
  (
    await sql<{
      account_id: number;
      key: string;
      fingerprint: Uint8Array;
      status: number;
      response: string;
    }>`select account_id, key, fingerprint, status, response from idempotency_keys`.execute(
      world.store.db,
    )
  ).rows;

describe('founding with an Idempotency-Key', () => {
  it('a retry that lost the answer and its cookie gets the first answer, logged in, and founds once', async () => {
    const first = await world
      .client()
      .post('/api/v1/orgs', founding('dock', 'rosa'), withKey('found-dock'));
    expect(first.statusCode, first.body).toBe(201);
    // The browser lost the answer, and the session cookie with it: a fresh jar retries.
    const retrying = world.client();
    const retry = await retrying.post(
      '/api/v1/orgs',
      founding('dock', 'rosa'),
      withKey('found-dock'),
    );
    expect(retry.statusCode, retry.body).toBe(201);
    const { csrfToken: firstCsrf, ...answer } = first.json() as { csrfToken: string };
    const { csrfToken: retryCsrf, ...replayed } = retry.json() as { csrfToken: string };
    expect(replayed).toEqual(answer);
    // A session of its own: a new one, as at every login.
    expect(retryCsrf).not.toBe(firstCsrf);
    expect(retrying.csrf).toBe(retryCsrf);
    expect(await whoAmI(retrying)).toMatchObject({
      account: { username: 'rosa' },
      memberships: [{ org: 'dock', memberId: 'm1' }],
    });
    expect((await world.service.organisations()).filter((o) => o.slug === 'dock')).toHaveLength(1);
  });

  it('a logged-in retry gets the first answer with its own session’s CSRF token', async () => {
    const client = world.client();
    const first = await client.post(
      '/api/v1/orgs',
      founding('mill', 'clara'),
      withKey('found-mill'),
    );
    expect(first.statusCode, first.body).toBe(201);
    const retry = await client.post(
      '/api/v1/orgs',
      founding('mill', 'clara'),
      withKey('found-mill'),
    );
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toEqual(first.json());
  });

  it('never gets past the password, and refuses the key for another founding', async () => {
    const stranger = world.client();
    const wrong = await stranger.post(
      '/api/v1/orgs',
      founding('dock', 'rosa', 'not the password she chose'),
      withKey('found-dock'),
    );
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong).code).toBe('LOGIN_FAILED');
    expect((await whoAmI(stranger)).account).toBeNull();
    const other = await stranger.post(
      '/api/v1/orgs',
      founding('yard', 'rosa'),
      withKey('found-dock'),
    );
    expect(other.statusCode).toBe(422);
    expect(errorOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a key, a second founding of the same slug is refused as before.
    const again = await world.client().post('/api/v1/orgs', founding('dock', 'rosa2'));
    expect(errorOf(again).code).toBe('ORG_EXISTS');
  });

  it('answers a retry after a crash between commit and answer, and after a restart, founding once', async () => {
    onStep = (step) => {
      if (step === 'committed') throw new Error('crash after commit');
    };
    const lost = await world
      .client()
      .post('/api/v1/orgs', founding('crash-dock', 'emma'), withKey('found-crash'));
    onStep = undefined;
    expect(lost.statusCode).toBe(500);

    await world.app.close();
    await handle.reopen();
    world = await build();
    const retrying = world.client();
    const retry = await retrying.post(
      '/api/v1/orgs',
      founding('crash-dock', 'emma'),
      withKey('found-crash'),
    );
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toMatchObject({ org: 'crash-dock', memberId: 'm1' });
    expect(await whoAmI(retrying)).toMatchObject({
      memberships: [{ org: 'crash-dock', memberId: 'm1' }],
    });
    const founded = (await world.service.organisations()).filter((o) => o.slug === 'crash-dock');
    expect(founded).toHaveLength(1);
  });
});

describe('accepting an invitation with an Idempotency-Key', () => {
  let founder: ApiClient;
  let token: string;
  beforeAll(async () => {
    ({ client: founder } = await foundThroughApi(world, { slug: 'pier', username: 'nadia' }));
    const invited = await founder.post('/api/v1/orgs/pier/invitations', {});
    token = (invited.json() as { invitation: { token: string } }).invitation.token;
  });
  const accept = (username: string, password = PASSWORD) => ({
    token,
    name: 'Alexandra Kollontai',
    account: { username, password },
  });
  const members = async () => (await world.service.state('pier')).members.size;

  it('a retry that lost the answer gets the first one, logged in, and joins once', async () => {
    const before = await members();
    const url = '/api/v1/orgs/pier/invitations/accept';
    const first = await world.client().post(url, accept('sasha'), withKey('accept-pier'));
    expect(first.statusCode, first.body).toBe(201);
    const retrying = world.client();
    const retry = await retrying.post(url, accept('sasha'), withKey('accept-pier'));
    expect(retry.statusCode, retry.body).toBe(201);
    const { csrfToken: _a, ...answer } = first.json() as { csrfToken: string };
    const { csrfToken: _b, ...replayed } = retry.json() as { csrfToken: string };
    expect(replayed).toEqual(answer);
    expect(answer).toMatchObject({ org: 'pier', account: { username: 'sasha' } });
    expect(await whoAmI(retrying)).toMatchObject({ memberships: [{ org: 'pier' }] });
    expect(await members()).toBe(before + 1);
    const wrong = await world
      .client()
      .post(url, accept('sasha', 'guessing at her passphrase'), withKey('accept-pier'));
    expect(errorOf(wrong).code).toBe('LOGIN_FAILED');
  });
});

describe('what a key keeps', () => {
  it('a fingerprint and an answer with no password, name, username or token', async () => {
    const kept = await rows();
    const founded = kept.find((r) => r.key === 'found-dock');
    const accepted = kept.find((r) => r.key === 'accept-pier');
    expect(Object.keys(JSON.parse(founded?.response ?? '{}')).sort()).toEqual([
      'memberId',
      'org',
      'origin',
    ]);
    expect(Object.keys(JSON.parse(accepted?.response ?? '{}')).sort()).toEqual([
      'checkpoint',
      'memberId',
      'org',
      'size',
    ]);
    // The fingerprint is of the request without its password: a fast hash of one could
    // be brute-forced; the password is checked by a login at a replay instead.
    const request = (password: string) =>
      fingerprintOf({
        method: 'POST',
        url: '/api/v1/orgs',
        body: founding('dock', 'rosa', password),
      });
    expect(Buffer.from(founded?.fingerprint ?? [])).toEqual(Buffer.from(request(PASSWORD)));
    expect(Buffer.from(request(PASSWORD))).toEqual(Buffer.from(request('anything else at all')));
    for (const row of kept) {
      expect(row.fingerprint).toHaveLength(32);
      const text = JSON.stringify({ ...row, fingerprint: undefined });
      for (const secret of [PASSWORD, 'Rosa Luxemburg', 'Alexandra Kollontai'])
        expect(text).not.toContain(secret);
      expect(stringsIn(JSON.parse(row.response))).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(rosa|clara|sasha|emma)$/)]),
      );
    }
  });
});

describe('the account’s other changes', () => {
  it('marking notices seen and choosing name visibility replay a key, and refuse it for another body', async () => {
    const { client } = await foundThroughApi(world, { slug: 'quay', username: 'lucy' });
    const url = '/api/v1/orgs/quay/me/name-visibility';
    const shown = await client.put(url, { public: true }, withKey('show-name'));
    expect([shown.statusCode, shown.json()]).toEqual([200, { public: true }]);
    const hidden = await client.put(url, { public: false }, withKey('show-name'));
    expect(errorOf(hidden).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await client.get(url)).json()).toEqual({ public: true });
    const again = await client.put(url, { public: true }, withKey('show-name'));
    expect([again.statusCode, again.json()]).toEqual([200, { public: true }]);
    for (let i = 0; i < 2; i++) {
      const seen = await client.post('/api/v1/account/notices/seen', undefined, withKey('seen'));
      expect(seen.statusCode).toBe(204);
    }
  });

  it('logging in and out need no key: a retried login logs in again, checked like any', async () => {
    const client = world.client();
    const first = await client.post(
      '/api/v1/session',
      { username: 'lucy', password: PASSWORD },
      withKey('login'),
    );
    const retry = await client.post(
      '/api/v1/session',
      { username: 'lucy', password: PASSWORD },
      withKey('login'),
    );
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    // Each is a login of its own: a new session, never a stored one.
    expect((retry.json() as { csrfToken: string }).csrfToken).not.toBe(
      (first.json() as { csrfToken: string }).csrfToken,
    );
    for (let i = 0; i < 2; i++)
      expect((await client.delete('/api/v1/session', withKey('logout'))).statusCode).toBe(204);
    expect((await rows()).some((r) => r.key === 'login' || r.key === 'logout')).toBe(false);
  });
});
