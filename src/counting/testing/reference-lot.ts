import { createHash } from 'node:crypto';

/**
 * The documented lot stream written the obvious way with node:crypto and Buffer: the
 * reference that checks the portable `seededLot`.
 *
 * A deterministic drawing of lots from a string seed, so that anyone with the seed (the
 * log's signed checkpoint at the close of voting, RULES.md Elections) reproduces every
 * tie the rules leave to lot.
 *
 * The stream: block k (k = 0, 1, 2, …) is SHA-256(UTF-8("soviet/count/lot/v1\n" + seed)
 * ‖ k as 8 bytes big-endian); the blocks are read as big-endian 32-bit words in order.
 * `draw(n)` takes words until one is below the largest multiple of n that fits in 2^32
 * (rejection sampling, so every outcome is exactly equally likely) and returns it mod n.
 */
interface Lot {
  /** A uniformly drawn whole number from 0 to n − 1 (n ≥ 1). */
  draw(n: number): number;
  /** Draws one of `items`, listed in a canonical order chosen by the caller. */
  pick<T>(items: readonly T[]): T;
}

export function referenceSeededLot(seed: string): Lot {
  const prefix = Buffer.from(`soviet/count/lot/v1\n${seed}`, 'utf8');
  let counter = 0n;
  let block: Buffer = Buffer.alloc(0);
  let at = 0;
  const nextWord = (): number => {
    if (at + 4 > block.length) {
      const k = Buffer.alloc(8);
      k.writeBigUInt64BE(counter);
      counter += 1n;
      block = createHash('sha256').update(prefix).update(k).digest();
      at = 0;
    }
    const word = block.readUInt32BE(at);
    at += 4;
    return word;
  };
  const draw = (n: number): number => {
    if (!Number.isSafeInteger(n) || n < 1 || n > 0x1_0000_0000)
      throw new RangeError(`cannot draw among ${n}`);
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const w = nextWord();
      if (w < limit) return w % n;
    }
  };
  return {
    draw,
    pick<T>(items: readonly T[]): T {
      const i = draw(items.length);
      return items[i] as T;
    },
  };
}
