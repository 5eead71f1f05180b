import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SovietError } from '../../src/errors/soviet-error.js';
import {
  decodeEntry,
  nodeTreeHasher,
  parseCheckpoint,
  parseNote,
  verifyConsistency,
  verifyInclusion,
} from '../../src/record/index.js';
import { fsck } from '../../src/store/fsck.js';
import type { CounterEvent, CounterState } from '../support/counter-domain.js';
import { COUNTER_LIMIT, type CounterCommand } from '../support/counter-domain.js';
import { verifyStoredLog } from '../support/log-check.js';
import { type CounterStore, openTestStore, type TestStore } from '../support/test-store.js';

const T0 = Date.UTC(2026, 0, 1);
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;
let store: CounterStore;
let orgCount = 0;

async function newOrg(): Promise<string> {
  orgCount += 1;
  const slug = `org-${orgCount}`;
  await store.createOrganisation(slug, T0);
  return slug;
}

const add = (counter: string, amount = 1, actor = 'm1'): CounterCommand => ({
  kind: 'add',
  counter,
  amount,
  actor,
});

async function entryRows(orgId: number) {
  return store.db
    .selectFrom('log_entries')
    .select(['seq', 'entry'])
    .where('org_id', '=', orgId)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  handle = await openTestStore();
  store = handle.store;
});
afterAll(async () => handle.dispose());

describe('organisations', () => {
  it('creates an organisation with an empty log signed at size 0', async () => {
    const slug = await newOrg();
    const org = await store.organisation(slug);
    expect(org.origin).toBe(`soviet.localhost/${slug}`);
    const head = await store.head(slug);
    expect(head.size).toBe(0);
    const cp = parseCheckpoint(parseNote(head.checkpoint).text);
    expect(cp).toMatchObject({ origin: org.origin, size: 0 });
    expect(Buffer.from(cp.rootHash).equals(Buffer.from(nodeTreeHasher.emptyRoot()))).toBe(true);
    const verified = await verifyStoredLog(store, slug);
    expect(verified.ok).toBe(true);
  });

  it('refuses a duplicate or malformed name, and reports an unknown one', async () => {
    const slug = await newOrg();
    await expect(store.createOrganisation(slug, T0)).rejects.toMatchObject({ code: 'ORG_EXISTS' });
    for (const bad of ['', 'Upper', '-lead', 'sp ace', 'a'.repeat(64), 'x/y']) {
      await expect(store.createOrganisation(bad, T0)).rejects.toMatchObject({
        code: 'ORG_BAD_SLUG',
      });
    }
    await expect(store.execute('nobody', add('a'), { now: T0 })).rejects.toMatchObject({
      code: 'ORG_NOT_FOUND',
    });
  });

  it('gives each organisation its own key name over the one instance key', async () => {
    const a = await newOrg();
    const b = await newOrg();
    const [ka, kb] = [await store.verifierKey(a), await store.verifierKey(b)];
    expect(ka.split('+')[0]).toBe(`soviet.localhost/${a}`);
    expect(kb.split('+')[0]).toBe(`soviet.localhost/${b}`);
    // Same Ed25519 public key (third part), different names and so key ids.
    expect(ka.split('+')[2]).toBe(kb.split('+')[2]);
    expect(ka.split('+')[1]).not.toBe(kb.split('+')[1]);
  });
});

describe('the append path', () => {
  it('logs each event as a canonical entry with seq, time, type, actor and data', async () => {
    const slug = await newOrg();
    const done = await store.execute(slug, add('apples', 3, 'alice'), { now: T0 + 1500 });
    expect(done.firstSeq).toBe(0);
    expect(done.size).toBe(1);
    expect(done.events).toEqual([
      { kind: 'added', seq: 0, counter: 'apples', amount: 3, actor: 'alice' },
    ]);
    const org = await store.organisation(slug);
    const [row] = await entryRows(org.id);
    const text = Buffer.from(row?.entry ?? []).toString('utf8');
    expect(text).toBe(
      '{"actor":"alice","data":{"amount":3,"counter":"apples"},"seq":0,"time":"2026-01-01T00:00:01.500Z","type":"test.added","v":2}',
    );
    expect(decodeEntry(row?.entry ?? new Uint8Array()).seq).toBe(0);
    const cp = parseCheckpoint(parseNote(done.checkpoint).text);
    expect(cp.size).toBe(1);
    expect(
      Buffer.from(cp.rootHash).equals(
        Buffer.from(nodeTreeHasher.hashLeaf(row?.entry ?? new Uint8Array())),
      ),
    ).toBe(true);
  });

  it('appends several events of one command with consecutive sequence numbers', async () => {
    const slug = await newOrg();
    await store.execute(slug, add('x'), { now: T0 });
    const done = await store.execute(slug, { kind: 'burst', counter: 'y', count: 5 }, { now: T0 });
    expect(done.firstSeq).toBe(1);
    expect(done.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(done.size).toBe(6);
    expect((await store.state(slug)).counters.get('y')).toBe(5);
  });

  it('writes nothing for a refused command and answers with the refusal', async () => {
    const slug = await newOrg();
    await store.execute(slug, add('a', 2), { now: T0 });
    const before = await store.head(slug);
    const refusal = await store.execute(slug, add('a', -1), { now: T0 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SovietError);
    expect((refusal as SovietError).code).toBe('BAD_REQUEST');
    expect(await store.head(slug)).toEqual(before);
    expect((await store.state(slug)).counters.get('a')).toBe(2);
  });

  it('keeps a command that decides no events out of the log', async () => {
    const slug = await newOrg();
    const done = await store.execute(slug, { kind: 'burst', counter: 'z', count: 0 }, { now: T0 });
    expect(done.events).toEqual([]);
    expect((await store.head(slug)).size).toBe(0);
  });

  it('answers a bug in decide with its error and commits the rest of the batch', async () => {
    const slug = await newOrg();
    const results = await Promise.allSettled([
      store.execute(slug, add('a'), { now: T0 }),
      store.execute(slug, { kind: 'crash' }, { now: T0 }),
      store.execute(slug, add('a'), { now: T0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.state(slug)).counters.get('a')).toBe(2);
    expect((await store.head(slug)).size).toBe(2);
  });
});

describe('group commit', () => {
  it('sequences concurrent commands without gaps or duplicates and shares commits', async () => {
    const slug = await newOrg();
    const n = 300;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => store.execute(slug, add(`c${i % 7}`), { now: T0 + i })),
    );
    const seqs = results.map((r) => r.firstSeq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i));
    // In call order: the queue is first come, first served.
    expect(results.map((r) => r.firstSeq)).toEqual(seqs);
    const org = await store.organisation(slug);
    const checkpoints = await store.db
      .selectFrom('log_checkpoints')
      .select('size')
      .where('org_id', '=', org.id)
      .execute();
    // One signed checkpoint per committed batch (plus size 0): batching merged commands.
    expect(checkpoints.length).toBeLessThan(n / 2);
    // Every acknowledged command saw a checkpoint that includes it.
    for (const r of results) {
      expect(parseCheckpoint(parseNote(r.checkpoint).text).size).toBeGreaterThan(r.firstSeq);
    }
    const verified = await verifyStoredLog(store, slug);
    expect(verified.ok && verified.size).toBe(n);
  });

  it('decides each command of a batch against the state including the earlier ones', async () => {
    const slug = await newOrg();
    await store.execute(slug, add('cap', COUNTER_LIMIT - 3), { now: T0 });
    // Three +1s fit, the fourth would pass the limit: exactly one refusal, wherever it falls.
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => store.execute(slug, add('cap'), { now: T0 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await store.state(slug)).counters.get('cap')).toBe(COUNTER_LIMIT);
  });

  it('gives decide the head as it stands before each command, batch included', async () => {
    const slug = await newOrg();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.execute(slug, add('h'), { now: T0 + i })),
    );
    for (const r of results) expect(r.events[0]?.seq).toBe(r.firstSeq);
  });

  it('keeps the same member from voting twice when both votes arrive at once', async () => {
    const slug = await newOrg();
    const results = await Promise.allSettled([
      store.execute(slug, { kind: 'vote', voter: 'v1', choice: 'yes' }, { now: T0 }),
      store.execute(slug, { kind: 'vote', voter: 'v1', choice: 'no' }, { now: T0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const { tally } = await store.state(slug);
    expect(tally.yes + tally.no).toBe(1);
  });
});

describe('tiles and proofs', () => {
  it('serves tiles, inclusion and consistency proofs that verify against signed roots', async () => {
    const slug = await newOrg();
    // 700 entries: two full level-0 tiles, a partial one, and a partial level-1 tile.
    await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        store.execute(slug, { kind: 'burst', counter: 'p', count: 10 }, { now: T0 + i }),
      ),
    );
    const head = await store.head(slug);
    expect(head.size).toBe(700);
    expect((await store.tile(slug, 'tile/0/000')).immutable).toBe(true);
    expect((await store.tile(slug, 'tile/0/001')).bytes.length).toBe(256 * 32);
    const partial = await store.tile(slug, 'tile/0/002.p/188');
    expect(partial.immutable).toBe(false);
    expect(partial.bytes.length).toBe(188 * 32);
    expect((await store.tile(slug, 'tile/1/000.p/2')).bytes.length).toBe(64);
    await expect(store.tile(slug, 'tile/0/003')).rejects.toMatchObject({ code: 'LOG_BAD_TILE' });
    await expect(store.tile(slug, 'tile/0/002.p/189')).rejects.toMatchObject({
      code: 'LOG_BAD_TILE',
    });
    await expect(store.tile(slug, 'tile/1/000')).rejects.toMatchObject({ code: 'LOG_BAD_TILE' });
    await expect(store.tile(slug, 'tile/9/nonsense')).rejects.toMatchObject({
      code: 'LOG_BAD_TILE',
    });

    const org = await store.organisation(slug);
    const rows = await entryRows(org.id);
    const checkpoints = await store.db
      .selectFrom('log_checkpoints')
      .select(['size', 'checkpoint'])
      .where('org_id', '=', org.id)
      .orderBy('size')
      .execute();
    const roots = new Map(
      checkpoints.map((c) => [
        Number(c.size),
        parseCheckpoint(parseNote(c.checkpoint).text).rootHash,
      ]),
    );
    const sizes = [...roots.keys()].filter((s) => s > 0);
    for (const size of sizes) {
      const root = roots.get(size) as Uint8Array;
      for (const index of [0, size - 1, Math.floor(size / 2), 255, 256, 511, 512].filter(
        (i) => i < size,
      )) {
        const proof = await store.inclusionProof(slug, index, size);
        const leaf = nodeTreeHasher.hashLeaf(rows[index]?.entry ?? new Uint8Array());
        expect(verifyInclusion(index, size, leaf, proof, root, nodeTreeHasher)).toEqual({
          ok: true,
        });
      }
    }
    for (const from of sizes) {
      const proof = await store.consistencyProof(slug, from, 700);
      const check = verifyConsistency(
        from,
        700,
        roots.get(from) as Uint8Array,
        head.root,
        proof,
        nodeTreeHasher,
      );
      expect(check).toEqual({ ok: true });
    }
    await expect(store.inclusionProof(slug, 700, 700)).rejects.toMatchObject({
      code: 'LOG_BAD_PROOF_REQUEST',
    });
    await expect(store.inclusionProof(slug, 0, 701)).rejects.toMatchObject({
      code: 'LOG_BAD_PROOF_REQUEST',
    });
    await expect(store.consistencyProof(slug, 0, 10)).rejects.toMatchObject({
      code: 'LOG_BAD_PROOF_REQUEST',
    });
    await expect(store.consistencyProof(slug, 11, 10)).rejects.toMatchObject({
      code: 'LOG_BAD_PROOF_REQUEST',
    });
    const verified = await verifyStoredLog(store, slug, checkpoints[3]?.checkpoint);
    expect(verified).toMatchObject({ ok: true, size: 700, signerVerified: true });
  });
});

describe('large entries and secrets', () => {
  it('logs data over 65,535 bytes by its SHA-256 and replays it from the blob', async () => {
    const slug = await newOrg();
    const text = 'é'.repeat(40_000); // 80,000 UTF-8 bytes
    await store.execute(slug, { kind: 'note', text, actor: 'bob' }, { now: T0 });
    await store.execute(slug, { kind: 'note', text, actor: 'bob' }, { now: T0 });
    const org = await store.organisation(slug);
    const rows = await entryRows(org.id);
    for (const row of rows) {
      expect(row.entry.length).toBeLessThan(200);
      const entry = decodeEntry(row.entry);
      expect(Object.keys(entry.data)).toEqual(['$blob']);
    }
    const blobs = await store.db
      .selectFrom('blobs')
      .select('content')
      .where('org_id', '=', org.id)
      .execute();
    expect(blobs).toHaveLength(1); // stored once by hash
    expect(JSON.parse(Buffer.from(blobs[0]?.content ?? []).toString('utf8'))).toEqual({ text });
    const notes = await store.db
      .withTables<{ test_notes: { org_id: number; seq: number; length: number } }>()
      .selectFrom('test_notes')
      .select('length')
      .where('org_id', '=', org.id)
      .execute();
    expect(notes.map((n) => n.length)).toEqual([40_000, 40_000]);
    expect((await verifyStoredLog(store, slug)).ok).toBe(true);
  });

  it('keeps who voted out of the public log but replays it after a restart', async () => {
    const slug = await newOrg();
    await store.execute(
      slug,
      { kind: 'vote', voter: 'secret-voter-17', choice: 'yes' },
      { now: T0 },
    );
    const org = await store.organisation(slug);
    const [row] = await entryRows(org.id);
    expect(Buffer.from(row?.entry ?? []).toString('utf8')).not.toContain('secret-voter-17');
    const priv = await store.db
      .selectFrom('private_data')
      .selectAll()
      .where('org_id', '=', org.id)
      .execute();
    expect(priv.map((p) => p.data)).toEqual(['{"voter":"secret-voter-17"}']);

    store = await handle.reopen();
    const state = await store.state(slug);
    expect([...state.voters]).toEqual(['secret-voter-17']);
    await expect(
      store.execute(slug, { kind: 'vote', voter: 'secret-voter-17', choice: 'no' }, { now: T0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('restart', () => {
  it('rebuilds the state from the log and carries on appending where it stopped', async () => {
    const slug = await newOrg();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.execute(slug, add(`r${i % 3}`, i + 1), { now: T0 }),
      ),
    );
    const before = await store.state(slug);
    store = await handle.reopen();
    expect(await store.state(slug)).toEqual(before);
    const next = await store.execute(slug, add('r0'), { now: T0 });
    expect(next.firstSeq).toBe(20);
    const report = await fsck(store, slug);
    expect(report.ok).toBe(true);
  });
});
