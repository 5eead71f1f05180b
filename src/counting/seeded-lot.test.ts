import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededLot } from './seeded-lot.js';

describe('seededLot', () => {
  it('is reproducible from the seed, and differs between seeds', () => {
    const a = Array.from(
      { length: 50 },
      (() => {
        const l = seededLot('abc');
        return () => l.draw(1000);
      })(),
    );
    const b = Array.from(
      { length: 50 },
      (() => {
        const l = seededLot('abc');
        return () => l.draw(1000);
      })(),
    );
    const c = Array.from(
      { length: 50 },
      (() => {
        const l = seededLot('abd');
        return () => l.draw(1000);
      })(),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('reads the documented stream: SHA-256(prefix ‖ seed ‖ counter), 32-bit words, rejection sampling', () => {
    const block = createHash('sha256')
      .update('soviet/count/lot/v1\nseed')
      .update(Buffer.alloc(8))
      .digest();
    const first = block.readUInt32BE(0);
    // n = 2^32 / 2 divides 2^32: no rejection, so the first draw is the first word mod n.
    expect(seededLot('seed').draw(2 ** 31)).toBe(first % 2 ** 31);
    expect(seededLot('seed').draw(1)).toBe(0);
  });

  it('draws every outcome about equally often', () => {
    const lot = seededLot('uniform');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const k = lot.draw(3);
      counts[k] = (counts[k] as number) + 1;
    }
    for (const n of counts) expect(n).toBeGreaterThan(9_000);
  });

  it('refuses to draw among none', () => {
    expect(() => seededLot('x').draw(0)).toThrow(RangeError);
  });
});
