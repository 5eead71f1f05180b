import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { referenceRoot } from './reference-tree.js';
import { nobleTreeHasher, reduceInPlace, rootOfHashes } from './tree-hasher.js';

const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('RFC 6962 §2.1 hashing', () => {
  it('hashes the empty tree as SHA-256 of nothing (the known constant)', () => {
    const expected = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(toHex(nodeTreeHasher.emptyRoot())).toBe(expected);
    expect(toHex(nobleTreeHasher.emptyRoot())).toBe(expected);
  });

  it('hashes a leaf as SHA-256(0x00 ‖ entry) with node:crypto and with noble', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (entry) => {
        const expected = sha(Uint8Array.of(0), entry);
        expect(nodeTreeHasher.hashLeaf(entry)).toEqual(expected);
        expect(nobleTreeHasher.hashLeaf(entry)).toEqual(expected);
      }),
    );
  });

  it('the interior hash equals SHA-256(0x01 ‖ left ‖ right) with node:crypto and with noble', () => {
    fc.assert(
      fc.property(hash32, hash32, (left, right) => {
        const expected = sha(Uint8Array.of(1), left, right);
        expect(nodeTreeHasher.hashChildren(left, right)).toEqual(expected);
        expect(nobleTreeHasher.hashChildren(left, right)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('hashChildrenInto reads at offsets and may write over its own inputs', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 100, maxLength: 100 }),
        fc.nat(36),
        fc.nat(36),
        fc.nat(68),
        (buf, lo, ro, oo) => {
          const expected = sha(
            Uint8Array.of(1),
            buf.subarray(lo, lo + 32),
            buf.subarray(ro, ro + 32),
          );
          for (const hasher of [nodeTreeHasher, nobleTreeHasher]) {
            const copy = buf.slice();
            hasher.hashChildrenInto(copy, lo, copy, ro, copy, oo);
            expect(copy.subarray(oo, oo + 32)).toEqual(expected);
          }
        },
      ),
    );
  });

  it('reduces flat hashes to the same root as the literal RFC 6962 MTH, for 1 to 300 leaves', () => {
    for (let n = 1; n <= 300; n++) {
      const leaves = Array.from({ length: n }, (_, i) =>
        nodeTreeHasher.hashLeaf(Uint8Array.of(i & 0xff, i >> 8)),
      );
      const flat = new Uint8Array(n * 32);
      leaves.forEach((leaf, i) => {
        flat.set(leaf, i * 32);
      });
      const expected = referenceRoot(leaves, nodeTreeHasher);
      expect(rootOfHashes(flat, 0, n, nodeTreeHasher)).toEqual(expected);
      expect(reduceInPlace(flat.slice(), n, nobleTreeHasher)).toEqual(expected);
    }
  });

  it('matches the RFC 6962 reference tree roots published by transparency-dev (8 leaves)', () => {
    // The leaves of the classic RFC 6962 test tree and the root of each prefix, in hex,
    // as listed in transparency-dev/merkle's testonly/constants.go.
    const leaves = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ];
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const hashes = leaves.map((hex) =>
      nodeTreeHasher.hashLeaf(Uint8Array.from(Buffer.from(hex, 'hex'))),
    );
    roots.forEach((root, i) => {
      expect(toHex(referenceRoot(hashes.slice(0, i + 1), nodeTreeHasher))).toBe(root);
    });
  });
});
