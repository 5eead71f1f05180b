import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededLot as browserLot } from './seeded-lot.js';
import { referenceSeededLot as nodeLot } from './testing/reference-lot.js';

describe('the seeded lot against its node:crypto reference', () => {
  it('draws exactly what the reference draws, for any seed and any sizes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 0x1_0000_0000 }), { minLength: 1, maxLength: 60 }),
        (seed, sizes) => {
          const a = nodeLot(seed);
          const b = browserLot(seed);
          for (const n of sizes) expect(b.draw(n)).toBe(a.draw(n));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('picks the same items, over several SHA-256 blocks', () => {
    const items = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'];
    const a = nodeLot('a checkpoint root');
    const b = browserLot('a checkpoint root');
    const picksA = Array.from({ length: 100 }, () => a.pick(items));
    const picksB = Array.from({ length: 100 }, () => b.pick(items));
    expect(picksB).toEqual(picksA);
    expect(new Set(picksB).size).toBe(items.length);
  });

  it('refuses impossible draws as the reference does', () => {
    expect(() => browserLot('x').draw(0)).toThrow(RangeError);
    expect(() => nodeLot('x').draw(0)).toThrow(RangeError);
    expect(() => browserLot('x').draw(1.5)).toThrow(RangeError);
  });
});
