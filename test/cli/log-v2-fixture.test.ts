import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFrozenCatalogue } from '../../scripts/event-catalogue/catalogue-files.js';
import { main } from '../../src/cli/main.js';
import { readLoggedEvents, recount } from '../../src/democracy/audit/index.js';
import type { OrgState } from '../../src/democracy/index.js';
import { TileCapture } from '../../src/record/tile-capture.js';
import { tilePath, tileSpans } from '../../src/record/tile-path.js';
import { NO_NAMES } from '../../src/service/views/names.js';
import { organisationView } from '../../src/service/views/organisation-view.js';

/**
 * A log written in entry format 2 (test/fixtures/log-v2/, made by
 * scripts/generate-log-v2-fixture.ts; see its SOURCE.md) keeps verifying and replaying
 * whatever the current format is: logs already written are never rewritten
 * (docs/design/record.md, "Entries"), so every later version of the code must read them.
 * If this test fails after a change of the entry format or of an event, the change broke
 * the reading of format 2: fix the reader, never the fixture.
 */
const FIXTURE = new URL('../fixtures/log-v2/', import.meta.url).pathname;
const ORIGIN = 'soviet.localhost/harbour';
const VKEY = 'soviet.localhost/harbour+507f48ca+AWYqrZ2m28llj41Z3Smjqyp0cJlrTsh89quqNvlVtQOD';
const SIZE = 1738;
const ROOT = 'Cr96r8rNAaR3xqGKnipou5aHT8aLkDWpT8yHyi+OyTs=';

let work: string;
/** Every entry's bytes, from the fixture's entry bundles. */
let entries: { index: number; bytes: Uint8Array }[];

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The entries [0, SIZE) as the verifier reads them: TileCapture over the bundle files. */
async function readEntries(): Promise<{ index: number; bytes: Uint8Array }[]> {
  const capture = new TileCapture();
  const fetch = capture.wrap(async (path) => new Uint8Array(await readFile(join(FIXTURE, path))));
  for (const { index, width } of tileSpans(SIZE))
    await fetch(tilePath({ kind: 'entry-bundle', index, width }));
  return [...capture.entries(SIZE)];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'soviet-log-v2-'));
  entries = await readEntries();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the committed log of entry format 2', () => {
  it('is what SOURCE.md says, and small', async () => {
    const source = await readFile(join(FIXTURE, 'SOURCE.md'), 'utf8');
    for (const fact of [ORIGIN, VKEY, ROOT, `${SIZE} entries`]) expect(source).toContain(fact);
    const bytes = entries.reduce((sum, e) => sum + e.bytes.length, 0);
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('soviet verify accepts it: signed by its key, every entry rehashed, every envelope a Soviet entry', async () => {
    const result = await run(
      'verify',
      FIXTURE,
      '--origin',
      ORIGIN,
      '--key',
      VKEY,
      '--envelopes',
      '--state-file',
      join(work, 'state.json'),
      '--json',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: true,
      origin: ORIGIN,
      size: SIZE,
      rootHash: ROOT,
      signerVerified: true,
      envelopesChecked: true,
    });
  });

  it('holds every event type of format 2, each entry with the fields the frozen catalogue gives it', () => {
    const frozen = readFrozenCatalogue().entries;
    const seen = new Set<string>();
    for (const { index, bytes } of entries) {
      const entry = JSON.parse(new TextDecoder().decode(bytes));
      expect(entry, `entry ${index}`).toMatchObject({ v: 2, seq: index });
      // Written before any type had a second version: every entry is its type's v1.
      const spec = frozen.find((f) => f.type === entry.type && f.version === 1);
      expect(spec?.entryFormat, `entry ${index}: ${entry.type} v1 frozen for format 2`).toBe(2);
      const fields = Object.keys(spec?.fields ?? {}).filter(
        (f) => !/^(secret|personal)\??$/.test(f),
      );
      const required = fields.filter((f) => !f.endsWith('?'));
      const known = new Set(fields.map((f) => f.replace(/\?$/, '')));
      for (const field of required) expect(entry.data, `entry ${index}`).toHaveProperty(field);
      for (const field of Object.keys(entry.data))
        expect(known.has(field), `entry ${index}: ${entry.type}.${field}`).toBe(true);
      seen.add(entry.type);
    }
    // The 57 types of the catalogue when the fixture was made (it never grows).
    expect(seen.size).toBe(57);
  });

  it("no entry holds an event's secret or personal part, nor a blob reference", () => {
    for (const { index, bytes } of entries) {
      const entry = JSON.parse(new TextDecoder().decode(bytes));
      expect(entry.data, `entry ${index}`).not.toHaveProperty('secret');
      expect(entry.data, `entry ${index}`).not.toHaveProperty('personal');
      expect(entry.data, `entry ${index}`).not.toHaveProperty('$blob');
    }
  });
});

describe('replayed and recounted through the democracy (soviet verify --replay)', () => {
  let replayed: { state: OrgState; events: number; blobs: number };
  beforeAll(async () => {
    // The fixture has no entry logged by SHA-256 (checked above): no blob to fetch.
    const noBlobs = async () => {
      throw new Error('the fixture logs no blob');
    };
    const logged = await readLoggedEvents(entries, noBlobs);
    const result = recount(logged.events);
    if (!result.ok) throw new Error(`the recount departs from the log: ${JSON.stringify(result)}`);
    replayed = { state: result.state, events: result.events, blobs: logged.blobs };
  });

  it('soviet verify --replay recounts the exported copy clean', async () => {
    const result = await run(
      'verify',
      FIXTURE,
      '--origin',
      ORIGIN,
      '--key',
      VKEY,
      '--replay',
      '--state-file',
      join(work, 'state-replay.json'),
    );
    expect(result.code, result.err).toBe(0);
  });

  it('replays every entry into the organisation it recorded', () => {
    const { state, events, blobs } = replayed;
    expect([events, blobs]).toEqual([SIZE, 0]);
    expect(state.org).toMatchObject({
      name: 'Federation of Harbour and Transport Workers',
      slug: 'harbour',
      rootCouncilId: 'c1',
    });
    expect(state.constitution).toMatchObject({ termMonths: 12, recordVisibility: 'public' });
  });

  it('members and councils: joined, moved, merged, dissolved, left, expelled, erased', () => {
    const { state } = replayed;
    const members = [...state.members.values()];
    expect(members.filter((m) => m.status === 'active')).toHaveLength(105);
    expect(members.filter((m) => m.status !== 'active').map((m) => [m.id, m.status])).toEqual([
      ['m22', 'left'],
      ['m66', 'left'],
      ['m95', 'expelled'],
      ['m98', 'left'],
    ]);
    expect(state.members.get('m98')?.erasedAt).toBe(1769091300000);
    const councils = [...state.councils.values()];
    expect(councils).toHaveLength(13);
    expect(councils.filter((c) => c.dissolvedAt !== null).map((c) => c.name)).toEqual([
      'Dock Branch',
      'Rail Depot Branch',
    ]);
    expect(state.councils.get('c4')).toMatchObject({ name: 'Shipyard Branch' });
    expect(state.councils.get('c4')?.members.size).toBe(30);
  });

  it('elections: a two-seat STV by-election and the recall of a delegate who broke an instruction', () => {
    const { state } = replayed;
    expect(state.elections.get('e48')).toMatchObject({
      groupKey: 'd:c2',
      kind: 'by',
      method: 'scottish-stv',
      seats: 2,
      elected: ['m27', 'm41'],
    });
    expect(state.petitions.get('p1')).toMatchObject({ mandateId: 'd4', breachIds: ['br1'] });
    expect(state.mandates.get('d4')).toMatchObject({
      holderId: 'm41',
      groupKey: 'd:c3',
      endReason: 'recalled',
    });
  });

  it('the treasury, the budgets and the read token', () => {
    const { state } = replayed;
    const rounds = [...state.treasury.rounds.values()].map((r) => [r.id, r.councilId, r.phase]);
    expect(rounds).toEqual([
      ['pb1', 'c10', 'closed'],
      ['pb2', 'c11', 'lapsed'],
    ]);
    expect([...state.treasury.ledgers.values()].map((l) => [l.councilId, l.currency])).toEqual([
      ['c10', 'EUR'],
      ['c9', 'EUR'],
    ]);
    const paid = [...state.treasury.authorisations.values()].filter((a) => a.paid > 0);
    expect(paid.map((a) => [a.councilId, a.decision.kind, a.paid])).toEqual([
      ['c9', 'motion', 250000],
      ['c10', 'budget', 120000],
    ]);
    expect([...state.readGrants.values()]).toEqual([
      expect.objectContaining({ id: 'mo15', revokedAt: 1774153200000 }),
    ]);
  });

  it('the organisation page renders from the replayed state', () => {
    const view = organisationView({ ...replayed.state, names: NO_NAMES });
    expect(view).toMatchObject({ slug: 'harbour' });
  });
});
