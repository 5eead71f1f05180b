import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntryBundle, parseEntryBundle } from './entry-bundle.js';
import { tesseraFile } from './testing/datasets.js';
import { TESSERA_ENTRIES } from './testing/fixtures.js';

describe('entry bundles', () => {
  it('round-trip any entries', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 256 }), (entries) => {
        const bundle = buildEntryBundle(entries);
        expect(bundle.length).toBe(entries.reduce((n, e) => n + 2 + e.length, 0));
        expect(parseEntryBundle(bundle, entries.length)).toEqual(entries);
      }),
    );
  });

  it('read the tessera log bundles as the documented entries', () => {
    for (let n = 1; n <= 15; n++) {
      const bundle = tesseraFile(`tile/entries/000.p/${n}`) as Uint8Array;
      const entries = parseEntryBundle(bundle, n).map((e) => new TextDecoder().decode(e));
      expect(entries).toEqual(TESSERA_ENTRIES.slice(0, n));
      expect(buildEntryBundle(entries.map((e) => new TextEncoder().encode(e)))).toEqual(bundle);
    }
  });

  it('use a big-endian uint16 length, up to 65,535 bytes', () => {
    const big = new Uint8Array(65_535).fill(7);
    const bundle = buildEntryBundle([big, Uint8Array.of(1)]);
    expect([...bundle.subarray(0, 2)]).toEqual([0xff, 0xff]);
    expect(parseEntryBundle(bundle)).toEqual([big, Uint8Array.of(1)]);
    expect(() => buildEntryBundle([new Uint8Array(65_536)])).toThrowError(/65,535 bytes/);
  });

  it('refuse truncated bundles and wrong counts', () => {
    const bundle = buildEntryBundle([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    expect(() => parseEntryBundle(bundle.subarray(0, bundle.length - 1))).toThrowError(
      /claims 1 bytes but only 0 remain/,
    );
    expect(() => parseEntryBundle(bundle.subarray(0, 6))).toThrowError(/truncated length prefix/);
    expect(() => parseEntryBundle(bundle, 3)).toThrowError(/holds 2 entries, not 3/);
  });
});
