import { describe, expect, it } from 'vitest';
import {
  canonicalJsonBytes,
  decodeEntry,
  MAX_ENTRY_BYTES,
  nodeTreeHasher,
} from '../record/index.js';
import { blobRefOf, sha256Hex } from './large-entry.js';
import { prepareEntry, readEntry } from './logged-entry.js';

const T = Date.UTC(2026, 0, 2, 3, 4, 5, 6);

/** The entry size of a note whose text is `n` ASCII characters. */
function sizeWithText(n: number): number {
  return prepareEntry({ type: 'test.noted', actor: 'a', data: { text: 'x'.repeat(n) } }, 7, T).bytes
    .length;
}

describe('prepareEntry', () => {
  it('writes the envelope as canonical JSON and hashes it as an RFC 6962 leaf', () => {
    const p = prepareEntry(
      { type: 'test.added', actor: 'm-1', data: { b: 1, a: [true, null] } },
      3,
      T,
    );
    expect(new TextDecoder().decode(p.bytes)).toBe(
      '{"actor":"m-1","data":{"a":[true,null],"b":1},"seq":3,"time":"2026-01-02T03:04:05.006Z","type":"test.added","v":2}',
    );
    expect(Buffer.from(p.leafHash).equals(Buffer.from(nodeTreeHasher.hashLeaf(p.bytes)))).toBe(
      true,
    );
    expect(p.blob).toBeUndefined();
    expect(p.secret).toBeUndefined();
  });

  it('keeps an entry of exactly 65,535 bytes inline and moves one byte more to a blob', () => {
    const overhead = sizeWithText(0);
    const fits = MAX_ENTRY_BYTES - overhead;
    expect(sizeWithText(fits)).toBe(MAX_ENTRY_BYTES);
    const inline = prepareEntry(
      { type: 'test.noted', actor: 'a', data: { text: 'x'.repeat(fits) } },
      7,
      T,
    );
    expect(inline.blob).toBeUndefined();

    const data = { text: 'x'.repeat(fits + 1) };
    const big = prepareEntry({ type: 'test.noted', actor: 'a', data }, 7, T);
    expect(big.bytes.length).toBeLessThan(200);
    const content = canonicalJsonBytes(data);
    expect(big.blob?.content).toEqual(content);
    const ref = blobRefOf(decodeEntry(big.bytes).data);
    expect(ref).toEqual({ sha256: sha256Hex(content), size: content.length });
    expect(Buffer.from(big.blob?.sha256 ?? []).toString('hex')).toBe(ref?.sha256);
  });

  it('keeps the secret as canonical JSON beside the entry, never in it', () => {
    const p = prepareEntry(
      {
        type: 'test.voted',
        actor: 'system',
        data: { choice: 'yes' },
        secret: { voter: 'v9', z: 1, a: 2 },
      },
      0,
      T,
    );
    expect(p.secret).toBe('{"a":2,"voter":"v9","z":1}');
    expect(new TextDecoder().decode(p.bytes)).not.toContain('v9');
  });
});

describe('readEntry', () => {
  it('gives back the envelope, the data from its blob, and the secret', () => {
    const data = { text: 'é'.repeat(40_000) };
    const p = prepareEntry({ type: 'test.noted', actor: 'a', data, secret: ['s'] }, 5, T);
    const blobs = new Map([[Buffer.from(p.blob?.sha256 ?? []).toString('hex'), p.blob?.content]]);
    const logged = readEntry(decodeEntry(p.bytes), p.secret, (sha) => blobs.get(sha));
    expect(logged).toEqual({
      seq: 5,
      time: T,
      type: 'test.noted',
      actor: 'a',
      data,
      secret: ['s'],
    });
  });

  it('refuses a missing blob or one that does not match its hash', () => {
    const p = prepareEntry(
      { type: 'test.noted', actor: 'a', data: { text: 'y'.repeat(70_000) } },
      1,
      T,
    );
    const entry = decodeEntry(p.bytes);
    expect(() => readEntry(entry, undefined, () => undefined)).toThrow(/is missing/);
    const altered = Uint8Array.from(p.blob?.content ?? []);
    altered[10] = (altered[10] ?? 0) ^ 1;
    expect(() => readEntry(entry, undefined, () => altered)).toThrow(/does not match its hash/);
  });
});
