import { hash } from 'node:crypto';
import { HASH_SIZE, leafScratchFor, makeTreeHasher, type TreeHasher } from './tree-hasher.js';

/**
 * SHA-256 through node:crypto, with the digest read as a latin1 ('binary') string: a Buffer digest
 * costs a native allocation per call (more than the hashing of a short message), while a
 * 32-character string is cheap to make and to copy out of.
 */
function digestInto(message: Uint8Array, out: Uint8Array, offset: number): void {
  const digest = hash('sha256', message, 'binary');
  for (let i = 0; i < HASH_SIZE; i++) out[offset + i] = digest.charCodeAt(i);
}

const generic = makeTreeHasher((data) => {
  const out = new Uint8Array(HASH_SIZE);
  digestInto(data, out, 0);
  return out;
});

const interior = new Uint8Array(1 + 2 * HASH_SIZE);
interior[0] = 1;

/**
 * The server-side TreeHasher: SHA-256 through node:crypto (OpenSSL, with SHA-NI where the
 * CPU has it), writing digests in place so the verifier's hot loops allocate nothing.
 */
export const nodeTreeHasher: TreeHasher = {
  ...generic,
  hashChildrenInto(left, lo, right, ro, out, oo) {
    interior.set(left.subarray(lo, lo + HASH_SIZE), 1);
    interior.set(right.subarray(ro, ro + HASH_SIZE), 1 + HASH_SIZE);
    digestInto(interior, out, oo);
  },
  hashLeavesInto(data, offsets, out) {
    // forEachLeafMessage's loop, inlined: this is the verifier's hottest loop.
    const scratch = leafScratchFor(data);
    for (let j = 0; 2 * j < offsets.length; j++) {
      const start = offsets[2 * j] as number;
      if (start < 1) throw new RangeError('an entry must not start at byte 0');
      scratch[start - 1] = 0;
      digestInto(
        scratch.subarray(start - 1, start + (offsets[2 * j + 1] as number)),
        out,
        j * HASH_SIZE,
      );
    }
  },
};
