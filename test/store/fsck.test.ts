import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEd25519, nodeTreeHasher, signCheckpoint } from '../../src/record/index.js';
import { fsck } from '../../src/store/fsck.js';
import { logSigner } from '../../src/store/instance-key.js';
import {
  type CounterCommand,
  type CounterEvent,
  type CounterState,
  unbatchedCounterDomain,
} from '../support/counter-domain.js';
import { type CounterStore, openTestStore, type TestStore } from '../support/test-store.js';

/**
 * `fsck` must find every kind of damage: each test damages one thing in the database
 * behind the store's back and expects fsck to name it, and an undamaged log to pass.
 */
const T0 = Date.UTC(2026, 3, 1);
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;
let store: CounterStore;

/** An organisation with 600 entries (two full tiles), a blob, a secret vote and projections. */
async function seeded(slug: string): Promise<number> {
  await store.createOrganisation(slug, T0);
  await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      store.execute(slug, { kind: 'burst', counter: `c${i % 4}`, count: 10 }, { now: T0 + i }),
    ),
  );
  await store.execute(slug, { kind: 'note', text: 'n'.repeat(66_000), actor: 'a' }, { now: T0 });
  await store.execute(slug, { kind: 'vote', voter: 'v1', choice: 'yes' }, { now: T0 });
  return (await store.organisation(slug)).id;
}

async function problems(slug: string): Promise<string[]> {
  const report = await fsck(store, slug);
  expect(report.ok).toBe(report.orgs.every((o) => o.problems.length === 0));
  return [...(report.orgs[0]?.problems ?? [])];
}

beforeAll(async () => {
  handle = await openTestStore();
  store = handle.store;
});
afterAll(async () => handle.dispose());

describe('fsck', () => {
  it('passes an undamaged store and counts what it checked', async () => {
    await seeded('clean');
    const report = await fsck(store);
    expect(report.ok).toBe(true);
    const clean = report.orgs.find((o) => o.org === 'clean');
    expect(clean).toMatchObject({ size: 602, problems: [] });
    expect(clean?.checkpoints).toBeGreaterThan(1);
    expect(clean?.projectionRows).toBe(4 + 1 + 1);
    // The replay ran in a rolled-back transaction: the live projections are untouched.
    expect(await problems('clean')).toEqual([]);
  });

  it('accepts projections written in batches when replayed event by event, and the reverse', async () => {
    await seeded('batched');
    store = await handle.reopen({ domain: unbatchedCounterDomain });
    expect(await problems('batched')).toEqual([]);
    await seeded('unbatched');
    store = await handle.reopen();
    expect(await problems('unbatched')).toEqual([]);
  });

  it('finds an altered entry', async () => {
    const id = await seeded('entry');
    await sql`update log_entries set entry = overlay(entry placing '\\x41'::bytea from 20 for 1) where org_id = ${id} and seq = 300`.execute(
      store.db,
    );
    const found = await problems('entry');
    expect(found.some((p) => p.startsWith('entry 300: the stored leaf hash is wrong'))).toBe(true);
  });

  it('finds a missing entry', async () => {
    const id = await seeded('gap');
    await sql`delete from log_entries where org_id = ${id} and seq = 17`.execute(store.db);
    const found = await problems('gap');
    expect(found).toContain('entry 17 is missing');
  });

  it('finds an altered or missing tile hash', async () => {
    const id = await seeded('strata');
    await sql`update log_strata set hash = sha256(hash) where org_id = ${id} and level = 1 and idx = 0`.execute(
      store.db,
    );
    expect(await problems('strata')).toContain('the tile hash at level 1, index 0 is wrong');
    await sql`delete from log_strata where org_id = ${id} and level = 1 and idx = 1`.execute(
      store.db,
    );
    expect(await problems('strata')).toContain('the tile hash at level 1, index 1 is missing');
  });

  it('finds a forged checkpoint signature and a checkpoint that does not match the tree', async () => {
    const id = await seeded('checkpoints');
    const [one] = await store.db
      .selectFrom('log_checkpoints')
      .select(['size', 'checkpoint'])
      .where('org_id', '=', id)
      .where('size', '>', 0)
      .orderBy('size')
      .limit(1)
      .execute();
    const size = Number(one?.size);
    const forged = (one?.checkpoint ?? '').replace(
      / (\S)(\S+)\n$/,
      (_m, c: string, rest: string) => ` ${c === 'A' ? 'B' : 'A'}${rest}\n`,
    );
    await store.db
      .updateTable('log_checkpoints')
      .set({ checkpoint: forged })
      .where('org_id', '=', id)
      .where('size', '=', size)
      .execute();
    const found = await problems('checkpoints');
    expect(
      found.some((p) => p.startsWith(`the checkpoint of size ${size} is not validly signed`)),
    ).toBe(true);

    // Validly signed by the instance key, but for another tree: a split view.
    const { origin } = await store.organisation('checkpoints');
    const { signer } = logSigner(store.internals().key, origin);
    const other = signCheckpoint(
      { origin, size: 600, rootHash: nodeTreeHasher.hashLeaf(new Uint8Array([1])), extensions: [] },
      [signer],
      nodeEd25519,
    );
    await store.db
      .updateTable('log_checkpoints')
      .set({ checkpoint: other })
      .where('org_id', '=', id)
      .where('size', '=', 600)
      .execute();
    expect(await problems('checkpoints')).toContain(
      "the checkpoint of size 600 does not match the entries' tree",
    );
  });

  it('finds a head that does not match the entries', async () => {
    const id = await seeded('head');
    await sql`update log_heads set root = sha256(root), compact_range = '\\x' where org_id = ${id}`.execute(
      store.db,
    );
    const found = await problems('head');
    expect(found).toContain('the head root does not match the entries');
    expect(found).toContain('the head compact range does not match the entries');
  });

  it('finds a blob whose content changed', async () => {
    const id = await seeded('blob');
    await sql`update blobs set content = content || '\\x20'::bytea where org_id = ${id}`.execute(
      store.db,
    );
    const found = await problems('blob');
    expect(found.some((p) => /^entry 600 cannot be read: .*blob/.test(p))).toBe(true);
  });

  it('finds a projection row that the log does not give, or lacks one it does', async () => {
    const id = await seeded('projection');
    await sql`update test_counters set value = value + 1 where org_id = ${id} and counter = 'c1'`.execute(
      store.db,
    );
    await sql`delete from test_tally where org_id = ${id}`.execute(store.db);
    await sql`insert into test_notes (org_id, seq, length) values (${id}, 9999, 3)`.execute(
      store.db,
    );
    const found = await problems('projection');
    expect(
      found.some(
        (p) => p.startsWith('projection test_counters: the live row') && p.includes('"c1"'),
      ),
    ).toBe(true);
    expect(found.some((p) => p.startsWith('projection test_counters: the live table lacks'))).toBe(
      true,
    );
    expect(found.some((p) => p.startsWith('projection test_tally: the live table lacks'))).toBe(
      true,
    );
    expect(
      found.some((p) => p.startsWith('projection test_notes: the live row') && p.includes('9999')),
    ).toBe(true);
    // fsck rolled back its replay: the damage is still there, not silently repaired.
    const rows = await sql`select count(*)::int as n from test_notes where org_id = ${id}`.execute(
      store.db,
    );
    expect((rows.rows[0] as { n: number }).n).toBe(2);
  });

  it('finds lost private data through the replayed state', async () => {
    const id = await seeded('secret');
    await sql`delete from private_data where org_id = ${id}`.execute(store.db);
    const found = await problems('secret');
    expect(found).toContain('replaying the events through evolve does not give the live state');
  });
});
