import { sha256 } from '@noble/hashes/sha2.js';

/**
 * A deterministic drawing of lots from a string seed, so that anyone with the seed (the
 * log's signed checkpoint at the close of voting, RULES.md Elections) reproduces every
 * tie the rules leave to lot.
 *
 * The stream: block k (k = 0, 1, 2, …) is SHA-256(UTF-8("soviet/count/lot/v1\n" + seed)
 * ‖ k as 8 bytes big-endian); the blocks are read as big-endian 32-bit words in order.
 * SHA-256 comes from @noble/hashes so that the same code draws the same lots in the
 * browser (the web app's count page) as on the server.
 * `draw(n)` takes words until one is below the largest multiple of n that fits in 2^32
 * (rejection sampling, so every outcome is exactly equally likely) and returns it mod n.
 */
export interface Lot {
  /** A uniformly drawn whole number from 0 to n − 1 (n ≥ 1). */
  draw(n: number): number;
  /** Draws one of `items`, listed in a canonical order chosen by the caller. */
  pick<T>(items: readonly T[]): T;
}

export function seededLot(seed: string): Lot {
  const prefix = new TextEncoder().encode(`soviet/count/lot/v1\n${seed}`);
  const message = new Uint8Array(prefix.length + 8);
  message.set(prefix, 0);
  const counterView = new DataView(message.buffer, prefix.length, 8);
  let counter = 0n;
  let block = new DataView(new ArrayBuffer(0));
  let at = 0;
  const nextWord = (): number => {
    if (at + 4 > block.byteLength) {
      counterView.setBigUint64(0, counter);
      counter += 1n;
      const digest = sha256(message);
      block = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
      at = 0;
    }
    const word = block.getUint32(at);
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
      return items[draw(items.length)] as T;
    },
  };
}
