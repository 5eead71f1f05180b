import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/record/bytes.js';
import { signCheckpoint } from '../../src/record/checkpoint.js';
import { nobleEd25519 } from '../../src/record/ed25519.js';
import { encodeEntry } from '../../src/record/entry.js';
import { generateNoteKey } from '../../src/record/note-key.js';
import {
  referenceConsistencyProof,
  referenceInclusionProof,
  referenceRoot,
} from '../../src/record/reference-tree.js';
import { buildTiles } from '../../src/record/tile-builder.js';
import { nobleTreeHasher } from '../../src/record/tree-hasher.js';
import {
  type RecordSource,
  type RememberedCheckpoint,
  verifyRecord,
} from '../../src/web/components/record-verifier/verify-record.js';

const hasher = nobleTreeHasher;
const ORIGIN = 'soviet.localhost/acme';
const key = generateNoteKey(ORIGIN, new Uint8Array(32).fill(7), nobleEd25519);
const otherKey = generateNoteKey(ORIGIN, new Uint8Array(32).fill(8), nobleEd25519);

function entries(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, seq) =>
    encodeEntry({
      v: 2,
      seq,
      time: `2026-11-26T12:${String(seq % 60).padStart(2, '0')}:00.000Z`,
      type: seq === 0 ? 'OrganisationFounded' : 'MotionProposed',
      actor: seq === 0 ? 'system' : `m${seq % 7}`,
      data: { n: seq },
    }),
  );
}

/**
 * A server over an in-memory log: tiles from the record's tile builder, proofs from the
 * slow RFC 6962 reference (an independent source of truth for the verifier). `tamper`
 * lets a test change what it serves.
 */
function serve(
  log: Uint8Array[],
  tamper: {
    entry?: (index: number, bytes: Uint8Array) => Uint8Array;
    checkpoint?: (note: string) => string;
    proof?: (index: number, proof: Uint8Array[]) => Uint8Array[];
  } = {},
): RecordSource & { calls: string[] } {
  const leaves = log.map((e) => hasher.hashLeaf(e));
  const served = log.map((e, i) => tamper.entry?.(i, e) ?? e);
  const tiles = buildTiles(served, hasher);
  const note = signCheckpoint(
    { origin: ORIGIN, size: log.length, rootHash: referenceRoot(leaves, hasher), extensions: [] },
    [key.signer],
    nobleEd25519,
  );
  const calls: string[] = [];
  return {
    calls,
    async checkpoint(org) {
      calls.push(`checkpoint ${org}`);
      return tamper.checkpoint?.(note) ?? note;
    },
    async tile(_org, path) {
      calls.push(path);
      const bytes = tiles.files.get(path);
      if (!bytes) throw new Error(`no ${path}`);
      return bytes;
    },
    async inclusionProof(_org, index, size) {
      const proof = referenceInclusionProof(index, leaves.slice(0, size), hasher);
      return { proof: (tamper.proof?.(index, proof) ?? proof).map(toBase64) };
    },
    async consistencyProof(_org, from, to) {
      calls.push(`consistency ${from} ${to}`);
      return { proof: referenceConsistencyProof(from, leaves.slice(0, to), hasher).map(toBase64) };
    },
  };
}

const NOW = Date.UTC(2026, 10, 26, 13);

describe('the browser record verifier', () => {
  it('verifies the checkpoint and proves the latest events, newest first', async () => {
    const log = entries(300);
    const source = serve(log);
    const result = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source,
      now: NOW,
      latest: 50,
    });
    expect(result.ok).toBe(true);
    expect(result.checkpoint.size).toBe(300);
    expect(result.keyName).toBe(ORIGIN);
    expect(result.events.map((e) => e.index)).toEqual(
      Array.from({ length: 50 }, (_, i) => 299 - i),
    );
    expect(result.events.every((e) => e.inclusion.ok)).toBe(true);
    expect(result.events[0]?.envelope?.data).toEqual({ n: 299 });
    // Entries 250–299 straddle a full bundle and the partial one.
    expect(source.calls).toContain('tile/entries/000');
    expect(source.calls).toContain('tile/entries/001.p/44');
    expect(result.consistency).toEqual({ kind: 'first' });
    expect(result.remember).toMatchObject({ vkey: key.vkey, size: 300, seenAt: NOW });
  });

  it('verifies an empty log', async () => {
    const result = await verifyRecord({ org: 'acme', vkey: key.vkey, source: serve([]), now: NOW });
    expect(result.ok).toBe(true);
    expect(result.events).toEqual([]);
  });

  it('refuses a checkpoint not signed by the trusted key, or altered after signing', async () => {
    const source = serve(entries(5));
    await expect(
      verifyRecord({ org: 'acme', vkey: otherKey.vkey, source, now: NOW }),
    ).rejects.toMatchObject({ code: 'RECORD_NOTE_UNSIGNED' });
    const altered = serve(entries(5), { checkpoint: (note) => note.replace('\n5\n', '\n6\n') });
    await expect(
      verifyRecord({ org: 'acme', vkey: key.vkey, source: altered, now: NOW }),
    ).rejects.toMatchObject({ code: 'RECORD_NOTE_BAD_SIGNATURE' });
    await expect(
      verifyRecord({ org: 'acme', vkey: 'not a key', source, now: NOW }),
    ).rejects.toMatchObject({ code: 'RECORD_KEY_INVALID' });
  });

  it('names the event whose bytes were altered: its proof no longer reaches the signed root', async () => {
    const source = serve(entries(20), {
      entry: (i, bytes) => (i === 17 ? bytes.map((b, j) => (j === 30 ? b ^ 1 : b)) : bytes),
    });
    const result = await verifyRecord({ org: 'acme', vkey: key.vkey, source, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.remember).toBeUndefined();
    const failed = result.events.filter((e) => !e.inclusion.ok).map((e) => e.index);
    expect(failed).toEqual([17]);
  });

  it('fails a forged proof', async () => {
    const source = serve(entries(9), {
      proof: (i, proof) =>
        i === 4 ? proof.map((h, k) => (k === 1 ? hasher.hashLeaf(h) : h)) : proof,
    });
    const result = await verifyRecord({ org: 'acme', vkey: key.vkey, source, now: NOW });
    expect(result.events.find((e) => e.index === 4)?.inclusion.ok).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('proves that the log only grew since the remembered checkpoint', async () => {
    const log = entries(40);
    const first = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(log.slice(0, 25)),
      now: NOW,
    });
    const remembered = first.remember as RememberedCheckpoint;
    const grown = serve(log);
    const second = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: grown,
      previous: remembered,
      now: NOW + 1,
    });
    expect(second.consistency.kind).toBe('grown');
    expect(grown.calls).toContain('consistency 25 40');
    expect(second.ok).toBe(true);
    const same = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(log),
      previous: second.remember,
      now: NOW + 2,
    });
    expect(same.consistency.kind).toBe('same');
  });

  it('detects a rewritten log: same key, different history', async () => {
    const log = entries(30);
    const before = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(log.slice(0, 12)),
      now: NOW,
    });
    const rewritten = [...log];
    rewritten[3] = encodeEntry({
      v: 2,
      seq: 3,
      time: '2026-11-26T12:03:00.000Z',
      type: 'MotionProposed',
      actor: 'm3',
      data: { n: 'rewritten' },
    });
    const after = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(rewritten),
      previous: before.remember,
      now: NOW + 1,
    });
    expect(after.consistency.kind).toBe('failed');
    expect(after.ok).toBe(false);
    const shrunk = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(log.slice(0, 5)),
      previous: before.remember,
      now: NOW + 1,
    });
    expect(shrunk.consistency.kind).toBe('failed');
  });

  it('ignores a remembered checkpoint of another key (the member changed the key on purpose)', async () => {
    const previous: RememberedCheckpoint = {
      vkey: otherKey.vkey,
      size: 3,
      rootHash: 'AAAA',
      seenAt: 1,
    };
    const result = await verifyRecord({
      org: 'acme',
      vkey: key.vkey,
      source: serve(entries(4)),
      previous,
      now: NOW,
    });
    expect(result.consistency.kind).toBe('first');
  });
});
