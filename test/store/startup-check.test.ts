import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SovietError } from '../../src/errors/soviet-error.js';
import { nodeTreeHasher } from '../../src/record/index.js';
import type { CounterCommand, CounterEvent, CounterState } from '../support/counter-domain.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

/**
 * The stored log checked on start (issue 14): when a process first loads a log it
 * recomputes every leaf hash from the stored entries and the root from them, and checks
 * the root against the last signed checkpoint (whose signature it checks). A log that
 * fails is refused with LOG_ALTERED, nothing is appended to it, and the other
 * organisations keep working.
 */
const T0 = Date.UTC(2026, 4, 1);
let handle: TestStore<CounterState, CounterCommand, CounterEvent>;

const add = (counter: string): CounterCommand => ({ kind: 'add', counter, amount: 1, actor: 'm' });

beforeAll(async () => {
  handle = await openTestStore();
});
afterAll(async () => handle.dispose());

async function orgWithEntries(slug: string) {
  const store = handle.store;
  const org = await store.createOrganisation(slug, T0);
  for (const counter of ['apples', 'pears', 'plums'])
    await store.execute(slug, add(counter), { now: T0 });
  return org.id;
}

async function refusedCode(slug: string): Promise<string | undefined> {
  try {
    await handle.store.execute(slug, add('more'), { now: T0 + 1 });
  } catch (error) {
    return error instanceof SovietError ? error.code : String(error);
  }
  return undefined;
}

describe('a stored log altered behind the server', () => {
  it('is refused on start when an entry was changed, and other organisations keep working', async () => {
    const altered = await orgWithEntries('altered-entry');
    await orgWithEntries('untouched');
    const row = await handle.store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('org_id', '=', altered)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    const forged = Buffer.from(Buffer.from(row.entry).toString('utf8').replace('pears', 'grape'));
    await handle.store.db
      .updateTable('log_entries')
      .set({ entry: forged })
      .where('org_id', '=', altered)
      .where('seq', '=', 1)
      .execute();
    await handle.reopen();
    const before = await handle.store.head('altered-entry');
    expect(await refusedCode('altered-entry')).toBe('LOG_ALTERED');
    expect(await handle.store.head('altered-entry')).toEqual(before);
    expect((await handle.store.execute('untouched', add('more'), { now: T0 + 1 })).firstSeq).toBe(
      3,
    );
  });

  it('is refused when an entry and its stored leaf hash were both changed', async () => {
    const altered = await orgWithEntries('altered-leaf');
    const row = await handle.store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('org_id', '=', altered)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const forged = Buffer.from(Buffer.from(row.entry).toString('utf8').replace('plums', 'prune'));
    await handle.store.db
      .updateTable('log_entries')
      .set({ entry: forged, leaf_hash: nodeTreeHasher.hashLeaf(forged) })
      .where('org_id', '=', altered)
      .where('seq', '=', 2)
      .execute();
    await handle.reopen();
    expect(await refusedCode('altered-leaf')).toBe('LOG_ALTERED');
  });

  it('is refused when the signature of its checkpoint is not valid', async () => {
    const altered = await orgWithEntries('altered-signature');
    const head = await handle.store.db
      .selectFrom('log_heads')
      .select('checkpoint')
      .where('org_id', '=', altered)
      .executeTakeFirstOrThrow();
    const lines = head.checkpoint.split('\n');
    const sig = lines.findIndex((l) => l.startsWith('— '));
    const last = lines[sig] as string;
    lines[sig] = `${last.slice(0, -3)}${last.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    await handle.store.db
      .updateTable('log_heads')
      .set({ checkpoint: lines.join('\n') })
      .where('org_id', '=', altered)
      .execute();
    await handle.reopen();
    expect(await refusedCode('altered-signature')).toBe('LOG_ALTERED');
  });
});
