import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/build-app.js';
import { createSovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { ApiClient, FakeClock, PASSWORD, TEST_SECURITY } from './api-world.js';

/**
 * Founding links the founder's account in the same transaction as the log's commit
 * (issue 14): a crash between the commit and the answer leaves an organisation whose
 * founder can log in and act, never an orphan nobody can reach.
 */
let handle: TestStore<unknown, unknown, unknown>;
let failCommitOf: string | undefined;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  handle = (await openTestStore({
    domain: democracyDomain,
    migrations,
    failpoint: (step, org) => {
      if (step === 'committed' && org === failCommitOf) throw new Error('crash after commit');
    },
  })) as unknown as TestStore<unknown, unknown, unknown>;
  const store = handle.store as unknown as DemocracyStore;
  const clock = new FakeClock();
  app = await buildApp({
    store,
    clock: clock.read,
    service: createSovietService({ store, clock: clock.read }),
    security: TEST_SECURITY,
  });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await handle?.dispose();
});

describe('founding and the founder’s account', () => {
  it('are one transaction: a crash after the commit leaves the founder able to log in and act', async () => {
    failCommitOf = 'orphan';
    const founding = await new ApiClient(app).post('/api/v1/orgs', {
      name: 'Orphan Union',
      slug: 'orphan',
      founderName: 'Ann',
      founderCouncil: 'Docks',
      councils: { name: 'Congress', children: [{ name: 'Docks' }] },
      account: { username: 'ann', password: PASSWORD },
    });
    failCommitOf = undefined;
    expect(founding.statusCode).toBe(500);

    const ann = new ApiClient(app);
    const session = await ann.login('ann', PASSWORD);
    expect(session.memberships).toEqual([expect.objectContaining({ org: 'orphan' })]);
    const invited = await ann.post('/api/v1/orgs/orphan/invitations', {});
    expect(invited.statusCode, invited.body).toBe(201);
  });
});
