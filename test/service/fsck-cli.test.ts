import { sql } from 'kysely';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { main } from '../../src/cli/main.js';
import { officeKey } from '../../src/democracy/index.js';
import { createSovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';
import { branchWithMembers, FakeClock } from './service-world.js';

/**
 * `soviet fsck` on the real domain: a democracy log replays (public entries plus private
 * parts) into the same state and the same projections; damage to a projection row or a
 * lost private part is named, and the exit status is 1.
 */
let target: TestTarget;
let flags: string[];
let out: MockInstance<typeof process.stdout.write>;
let err: MockInstance<typeof process.stderr.write>;
const org = 'checked';

const printed = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map((c) => String(c[0])).join('');

/** Runs `statement` on the database behind the CLI's back. */
async function damage<T>(
  statement: (store: DemocracyStore, orgId: number) => Promise<T>,
): Promise<T> {
  const store = await openStore(target.config, { domain: democracyDomain });
  try {
    return await statement(store, (await store.organisation(org)).id);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  target = await createTestTarget(migrations);
  const store = await openStore(target.config, {
    domain: democracyDomain,
    ...(target.template ? { template: target.template } : {}),
  });
  const clock = new FakeClock();
  const service = createSovietService({ store, clock: clock.read });
  const { members, branchId } = await branchWithMembers(service, org, 6);
  const state = await service.state(org);
  const electionId = state.groups.get(officeKey(branchId, 'chair'))?.regularElectionId as string;
  for (const c of members.slice(0, 2))
    await service.execute(org, c, { kind: 'Nominate', electionId, candidateId: c });
  clock.now = (await service.electionView(org, electionId)).nominationsCloseAt;
  await service.tick();
  for (const v of members)
    await service.execute(org, v, {
      kind: 'CastBallot',
      electionId,
      ranking: [v === members[0] ? (members[0] as string) : (members[1] as string)],
    });
  await store.close();
  flags = [
    '--data',
    target.config.dataDir,
    ...(target.config.databaseUrl ? ['--database-url', target.config.databaseUrl] : []),
  ];
});
afterAll(async () => target.drop());
beforeEach(() => {
  out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  out.mockRestore();
  err.mockRestore();
});

describe('soviet fsck on the democracy', () => {
  it('replays a sound log into the same state and projections', async () => {
    expect(await main([...flags, 'fsck'])).toBe(0);
    const line = printed(out);
    expect(line).toMatch(/^checked: \d+ entries, \d+ checkpoints, (\d+) projection rows: ok\n$/);
    // 1 organisation, 3 councils, 6 members, 4 elections, 2 nominations, 1 ballot box.
    expect(Number(/(\d+) projection rows/.exec(line)?.[1])).toBe(1 + 3 + 6 + 4 + 2 + 1);
  });

  it('names a projection row that does not follow from the log', async () => {
    const before = await damage((store, orgId) =>
      sql<{
        council_id: string;
      }>`select council_id from members where org_id = ${orgId} and member_id = 'm2'`.execute(
        store.db,
      ),
    );
    await damage((store, orgId) =>
      sql`update members set council_id = 'c99' where org_id = ${orgId} and member_id = 'm2'`.execute(
        store.db,
      ),
    );
    expect(await main([...flags, 'fsck', org])).toBe(1);
    expect(printed(out)).toContain('projection members: the live row');
    expect(printed(out)).toContain('c99');
    expect(printed(err)).toContain('soviet: FSCK_PROBLEMS:');
    await damage((store, orgId) =>
      sql`update members set council_id = ${before.rows[0]?.council_id} where org_id = ${orgId} and member_id = 'm2'`.execute(
        store.db,
      ),
    );
    out.mockClear();
    expect(await main([...flags, 'fsck', org])).toBe(0);
  });

  it('names a directory name that does not open its commitment on the log', async () => {
    const rename = (name: string) =>
      damage((store, orgId) =>
        sql`update personal_data set value = ${name} where org_id = ${orgId} and subject = 'm2' and field = 'name'`.execute(
          store.db,
        ),
      );
    const { rows } = await damage((store, orgId) =>
      sql<{
        value: string;
      }>`select value from personal_data where org_id = ${orgId} and subject = 'm2' and field = 'name'`.execute(
        store.db,
      ),
    );
    await rename('Mallory');
    expect(await main([...flags, 'fsck', org])).toBe(1);
    expect(printed(out)).toContain('directory: the name of m2 does not open a commitment');
    await rename(rows[0]?.value as string);
    out.mockClear();
    expect(await main([...flags, 'fsck', org])).toBe(0);
  });

  it('names a secret ballot whose private part is lost', async () => {
    await damage((store, orgId) =>
      sql`delete from private_data where org_id = ${orgId} and seq = (select min(seq) from private_data where org_id = ${orgId})`.execute(
        store.db,
      ),
    );
    expect(await main([...flags, 'fsck', org])).toBe(1);
    expect(printed(out)).toMatch(/entry \d+ \(BallotCast\): its private part is missing/);
  });
});
