import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes.js';
import { encodeEntry } from './entry.js';
import { parseEntryBundle } from './entry-bundle.js';
import { nodeEd25519 } from './node-ed25519.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { parseVerifierKey } from './note-key.js';
import { referenceRoot } from './reference-tree.js';
import { tesseraFetcher, tesseraFile } from './testing/datasets.js';
import {
  mapFetcher,
  signedTestLog,
  TESSERA_ORIGIN,
  TESSERA_VKEY,
  testEntries,
  testKey,
} from './testing/fixtures.js';
import { parseTilePath } from './tile-path.js';
import { nobleTreeHasher } from './tree-hasher.js';
import {
  type LogFetcher,
  type VerifyLogOptions,
  type VerifyLogResult,
  verifyLog,
} from './verify-log.js';

const hasher = nodeTreeHasher;
const ed = nodeEd25519;
const ORIGIN = 'soviet.example/org/tenants';
const key = testKey(ORIGIN, 0x42, ed);
const entries = testEntries(600, 12);
const log = signedTestLog(ORIGIN, entries, key.signer, hasher, ed);
const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes as Uint8Array);

const verify = (
  fetch: LogFetcher,
  extra: Partial<VerifyLogOptions> = {},
): Promise<VerifyLogResult> =>
  verifyLog({ fetch, hasher, ed25519: ed, origin: ORIGIN, verifier: key.verifier, ...extra });

function withFile(path: string, bytes: Uint8Array | undefined): Map<string, Uint8Array> {
  const files = new Map(log.files);
  if (bytes === undefined) files.delete(path);
  else files.set(path, bytes);
  return files;
}

describe('verifyLog on the tessera test log (a log we did not write)', () => {
  const tessera = parseVerifierKey(TESSERA_VKEY);

  it('verifies every checkpoint from size 0 to 15, and each against every earlier one', async () => {
    for (let n = 0; n <= 15; n++) {
      for (let m = 0; m <= n; m++) {
        const result = await verifyLog({
          fetch: tesseraFetcher(n),
          hasher,
          ed25519: ed,
          origin: TESSERA_ORIGIN,
          verifier: tessera,
          previousCheckpoint: text(tesseraFile(`checkpoint.${m}`)),
        });
        expect(result).toMatchObject({ ok: true, size: n, signerVerified: true, previousSize: m });
      }
    }
  });

  it('finds a later checkpoint inconsistent with the current, smaller log', async () => {
    const result = await verifyLog({
      fetch: tesseraFetcher(9),
      hasher: nobleTreeHasher,
      verifier: tessera,
      previousCheckpoint: text(tesseraFile('checkpoint.10')),
    });
    expect(result).toMatchObject({ ok: false, code: 'VERIFY_INCONSISTENT' });
    expect(result.ok ? '' : result.message).toMatch(/fewer entries than before/);
  });
});

describe('verifyLog on a generated log of 600 entries', () => {
  it('verifies it: two full tiles and a partial one at level 0, a partial one at level 1', async () => {
    const progress: number[] = [];
    const result = await verify(mapFetcher(log.files), {
      onProgress: (p) => progress.push(p.entriesDone),
      concurrency: 2,
    });
    expect(result).toMatchObject({
      ok: true,
      size: 600,
      signerVerified: true,
      hashTiles: 4,
      entryBundles: 3,
    });
    expect(result.ok && result.rootHash).toEqual(
      referenceRoot(
        entries.map((e) => hasher.hashLeaf(e)),
        hasher,
      ),
    );
    expect(progress).toEqual([0, 256, 512, 600]);
    expect([...log.files.keys()].sort()).toEqual([
      'checkpoint',
      'tile/0/000',
      'tile/0/001',
      'tile/0/002.p/88',
      'tile/1/000.p/2',
      'tile/entries/000',
      'tile/entries/001',
      'tile/entries/002.p/88',
    ]);
  });

  it('checks consistency with earlier checkpoints of the same log at tile boundaries', async () => {
    for (const m of [0, 1, 255, 256, 257, 511, 512, 513, 599, 600]) {
      const earlier = signedTestLog(ORIGIN, entries.slice(0, m), key.signer, hasher, ed);
      const result = await verify(mapFetcher(log.files), {
        previousCheckpoint: earlier.checkpoint,
      });
      expect(result, `previous size ${m}`).toMatchObject({ ok: true, previousSize: m });
    }
  });

  it('detects a history rewritten and re-signed with the same key, through the earlier checkpoint', async () => {
    const forked = entries.map((e, i) => (i === 123 ? utf8('rewritten') : e));
    for (const m of [124, 256, 300, 600]) {
      const earlier = signedTestLog(ORIGIN, forked.slice(0, m), key.signer, hasher, ed);
      const result = await verify(mapFetcher(log.files), {
        previousCheckpoint: earlier.checkpoint,
      });
      expect(result).toMatchObject({ ok: false, code: 'VERIFY_INCONSISTENT', path: 'checkpoint' });
      expect(result.ok ? '' : result.message).toMatch(
        new RegExp(`its root at size ${m} is .*The log has been rewritten`),
      );
    }
    // Before the rewritten entry, the two histories agree.
    const agreed = signedTestLog(ORIGIN, forked.slice(0, 123), key.signer, hasher, ed);
    expect(
      await verify(mapFetcher(log.files), { previousCheckpoint: agreed.checkpoint }),
    ).toMatchObject({ ok: true });
  });

  it('reports the signer, the origin and the key', async () => {
    const other = testKey(ORIGIN, 0x43, ed);
    expect(await verify(mapFetcher(log.files), { verifier: other.verifier })).toMatchObject({
      ok: false,
      code: 'VERIFY_SIGNATURE_INVALID',
      path: 'checkpoint',
    });
    expect(
      await verify(mapFetcher(log.files), { origin: 'soviet.example/org/other' }),
    ).toMatchObject({
      ok: false,
      code: 'VERIFY_ORIGIN_MISMATCH',
      message:
        'The checkpoint names the log "soviet.example/org/tenants", not the expected "soviet.example/org/other".',
    });
    // Without a key everything but the signer is checked, and the result says so.
    expect(
      await verify(mapFetcher(log.files), { verifier: undefined, origin: undefined }),
    ).toMatchObject({
      ok: true,
      signerVerified: false,
    });
  });

  it('names missing resources and failed fetches', async () => {
    expect(await verify(mapFetcher(withFile('tile/0/001', undefined)))).toMatchObject({
      ok: false,
      code: 'VERIFY_RESOURCE_MISSING',
      path: 'tile/0/001',
    });
    expect(await verify(mapFetcher(withFile('checkpoint', undefined)))).toMatchObject({
      code: 'VERIFY_CHECKPOINT_MISSING',
    });
    const failing: LogFetcher = async (path) => {
      if (path === 'tile/entries/001') throw new Error('connection reset');
      return log.files.get(path) ?? null;
    };
    expect(await verify(failing)).toMatchObject({
      ok: false,
      code: 'VERIFY_FETCH_FAILED',
      message: 'Fetching tile/entries/001 failed: connection reset.',
    });
  });

  it('falls back to full tiles when the partial ones are gone (the log grew)', async () => {
    const grown = signedTestLog(ORIGIN, testEntries(768, 12), key.signer, hasher, ed);
    // The log kept the level-1 partial tile of size 600 (no full level-1 tile exists yet),
    // but replaced the level-0 partial tile and bundle by full ones.
    const files = new Map(
      [...grown.files].filter(
        ([path]) => path.startsWith('tile/0/') || path.startsWith('tile/entries/'),
      ),
    );
    expect([...files.keys()].filter((path) => path.includes('.p/'))).toEqual([]);
    files.set('tile/1/000.p/2', log.files.get('tile/1/000.p/2') as Uint8Array);
    files.set('checkpoint', log.files.get('checkpoint') as Uint8Array);
    expect(await verify(mapFetcher(files))).toMatchObject({ ok: true, size: 600 });
  });

  it('names malformed tiles and bundles', async () => {
    const tile = log.files.get('tile/0/000') as Uint8Array;
    expect(await verify(mapFetcher(withFile('tile/0/000', tile.subarray(0, 8160))))).toMatchObject({
      code: 'VERIFY_TILE_MALFORMED',
      path: 'tile/0/000',
    });
    const bundle = log.files.get('tile/entries/002.p/88') as Uint8Array;
    const longer = new Uint8Array([...bundle, 0, 1, 7]);
    expect(await verify(mapFetcher(withFile('tile/entries/002.p/88', longer)))).toMatchObject({
      code: 'VERIFY_BUNDLE_MALFORMED',
      path: 'tile/entries/002.p/88',
      message: 'The entry bundle tile/entries/002.p/88 is malformed: it holds 89 entries, not 88.',
    });
  });
});

/** Where verification must say a log was altered, after one byte of `path` changed at `pos`. */
function expectedPlace(
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
  pos: number,
): { codes: string[]; index?: number; hashIndex?: number } {
  if (path === 'checkpoint')
    return { codes: ['VERIFY_CHECKPOINT_INVALID', 'VERIFY_SIGNATURE_INVALID'] };
  const ref = parseTilePath(path);
  if (ref.kind === 'hash-tile')
    return { codes: ['VERIFY_TILE_MISMATCH'], hashIndex: Math.floor(pos / 32) };
  const original = parseEntryBundle(files.get(path) as Uint8Array);
  let start = 0;
  for (const [j, entry] of original.entries()) {
    if (pos < start + 2) return { codes: ['VERIFY_BUNDLE_MALFORMED', 'VERIFY_ENTRY_MISMATCH'] };
    if (pos < start + 2 + entry.length)
      return { codes: ['VERIFY_ENTRY_MISMATCH'], index: ref.index * 256 + j };
    start += 2 + entry.length;
  }
  throw new Error('position outside the bundle');
}

async function tamperAndCheck(
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
  pos: number,
  mask: number,
  options: Partial<VerifyLogOptions>,
) {
  const altered = new Map(files);
  const bytes = (files.get(path) as Uint8Array).slice();
  bytes[pos] = (bytes[pos] as number) ^ mask;
  altered.set(path, bytes);
  const result = await verify(mapFetcher(altered), options);
  const where = `${path} byte ${pos} ^ ${mask}`;
  expect(result.ok, where).toBe(false);
  if (result.ok) return;
  expect(result.path, `${where}: ${result.message}`).toBe(path);
  const expected = expectedPlace(files, path, pos);
  expect(expected.codes, `${where}: ${result.code}`).toContain(result.code);
  if (expected.index !== undefined) expect(result.index, where).toBe(expected.index);
  if (expected.hashIndex !== undefined) expect(result.hashIndex, where).toBe(expected.hashIndex);
}

describe('tampering with any byte is detected and located', () => {
  it('in the tessera log: every byte of every resource', async () => {
    const files = new Map<string, Uint8Array>();
    for (const path of ['checkpoint', 'tile/0/000.p/15', 'tile/entries/000.p/15'])
      files.set(path, tesseraFile(path) as Uint8Array);
    const options = { origin: TESSERA_ORIGIN, verifier: parseVerifierKey(TESSERA_VKEY) };
    for (const [path, bytes] of files) {
      for (let pos = 0; pos < bytes.length; pos++)
        await tamperAndCheck(files, path, pos, 0x01, options);
    }
  });

  it('in the 600-entry log: every byte of the checkpoint, the level-1 tile and a full bundle', async () => {
    for (const path of ['checkpoint', 'tile/1/000.p/2', 'tile/entries/001']) {
      const length = (log.files.get(path) as Uint8Array).length;
      for (let pos = 0; pos < length; pos++) await tamperAndCheck(log.files, path, pos, 0x20, {});
    }
  });

  it('in the 600-entry log: sampled bytes of every resource, any bit pattern', async () => {
    const paths = [...log.files.keys()];
    const place = fc
      .constantFrom(...paths)
      .chain((path) =>
        fc.tuple(
          fc.constant(path),
          fc.nat((log.files.get(path) as Uint8Array).length - 1),
          fc.integer({ min: 1, max: 255 }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(place, async ([path, pos, mask]) => {
        await tamperAndCheck(log.files, path, pos, mask, {});
      }),
      { numRuns: 400 },
    );
  });
});

describe('reading entries as Soviet envelopes', () => {
  const envelopes = (count: number, seqOf = (i: number) => i) =>
    Array.from({ length: count }, (_, i) =>
      encodeEntry({
        v: 2,
        seq: seqOf(i),
        time: '2025-01-01T00:00:00.000Z',
        type: 'MemberJoined',
        actor: 'system',
        data: { n: i },
      }),
    );

  it('accepts a log whose entries are envelopes numbered by their index', async () => {
    const good = signedTestLog(ORIGIN, envelopes(300), key.signer, hasher, ed);
    expect(await verify(mapFetcher(good.files), { decodeEnvelopes: true })).toMatchObject({
      ok: true,
      envelopesChecked: true,
    });
  });

  it('names the first entry that is out of sequence or not an envelope, though the log is intact', async () => {
    const skipped = signedTestLog(
      ORIGIN,
      envelopes(300, (i) => (i < 260 ? i : i + 1)),
      key.signer,
      hasher,
      ed,
    );
    expect(await verify(mapFetcher(skipped.files), { decodeEnvelopes: true })).toMatchObject({
      ok: false,
      code: 'VERIFY_ENVELOPE_INVALID',
      index: 260,
      path: 'tile/entries/001.p/44',
      message:
        'Entry 260 (in tile/entries/001.p/44) is not a valid Soviet entry: its seq is 261, not its index 260.',
    });
    expect(await verify(mapFetcher(skipped.files))).toMatchObject({
      ok: true,
      envelopesChecked: false,
    });
    const foreign = signedTestLog(
      ORIGIN,
      [...envelopes(3), utf8('not json')],
      key.signer,
      hasher,
      ed,
    );
    expect(await verify(mapFetcher(foreign.files), { decodeEnvelopes: true })).toMatchObject({
      code: 'VERIFY_ENVELOPE_INVALID',
      index: 3,
    });
  });
});
