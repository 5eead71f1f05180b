import { describe, expect, it } from 'vitest';
import { fromBase64 } from './bytes.js';
import { nodeTreeHasher } from './node-tree-hasher.js';
import { verifyConsistency, verifyInclusion } from './proof-verify.js';
import {
  referenceConsistencyProof,
  referenceInclusionProof,
  referenceRoot,
} from './reference-tree.js';
import { consistencyProbes, inclusionProbes } from './testing/datasets.js';
import { nobleTreeHasher } from './tree-hasher.js';

// Vector byte fields are standard base64, but some mutations are deliberately not
// canonical or not 32 bytes ("ZG9uJ3QgY2FyZSAx"): decode them leniently.
const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

describe('transparency-dev/merkle inclusion probes (RFC 9162 §2.1.3.2)', () => {
  const probes = inclusionProbes();
  it('finds the probes', () => {
    expect(probes.length).toBeGreaterThan(90);
    expect(probes.filter((p) => !p.wantErr).length).toBeGreaterThanOrEqual(6);
  });
  for (const probe of probes) {
    it(`${probe.file}: ${probe.desc} → ${probe.wantErr ? 'rejected' : 'accepted'}`, () => {
      const check = verifyInclusion(
        probe.leafIdx,
        probe.treeSize,
        b64(probe.leafHash),
        probe.proof.map(b64),
        b64(probe.root),
        nodeTreeHasher,
      );
      expect(check.ok).toBe(!probe.wantErr);
    });
  }
});

describe('transparency-dev/merkle consistency probes (RFC 9162 §2.1.4.2)', () => {
  const probes = consistencyProbes();
  it('finds the probes', () => {
    expect(probes.length).toBeGreaterThan(90);
  });
  for (const probe of probes) {
    it(`${probe.file}: ${probe.desc} → ${probe.wantErr ? 'rejected' : 'accepted'}`, () => {
      const check = verifyConsistency(
        probe.size1,
        probe.size2,
        b64(probe.root1),
        b64(probe.root2),
        probe.proof.map(b64),
        nobleTreeHasher,
      );
      expect(check.ok).toBe(!probe.wantErr);
    });
  }
});

describe('proofs of the literal RFC 6962 reference, every pair up to size 70', () => {
  const leaves = Array.from({ length: 70 }, (_, i) =>
    nodeTreeHasher.hashLeaf(Uint8Array.of(i, 0xa5)),
  );
  const roots = Array.from({ length: 71 }, (_, n) =>
    referenceRoot(leaves.slice(0, n), nodeTreeHasher),
  );
  const flip = (h: Uint8Array) => {
    const copy = h.slice();
    copy[7] = (copy[7] as number) ^ 0x10;
    return copy;
  };

  it('verifies every inclusion proof and rejects it at any other index or size, or altered', () => {
    for (let n = 1; n <= 70; n++) {
      const tree = leaves.slice(0, n);
      for (let m = 0; m < n; m++) {
        const proof = referenceInclusionProof(m, tree, nodeTreeHasher);
        const leaf = leaves[m] as Uint8Array;
        const root = roots[n] as Uint8Array;
        expect(verifyInclusion(m, n, leaf, proof, root, nodeTreeHasher).ok).toBe(true);
        expect(verifyInclusion(m, n, flip(leaf), proof, root, nodeTreeHasher).ok).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, flip(root), nodeTreeHasher).ok).toBe(false);
        if (m + 1 < n)
          expect(verifyInclusion(m + 1, n, leaf, proof, root, nodeTreeHasher).ok).toBe(false);
        // (A different tree size is not always detectable from the path alone: the proof
        // for leaf 0 of 5 also chains to that root as size 6. Sizes are bound by the
        // signed checkpoint, not by the proof; the vectors cover size mutations.)
        proof.forEach((_, i) => {
          const bad = proof.map((h, j) => (j === i ? flip(h) : h));
          expect(verifyInclusion(m, n, leaf, bad, root, nodeTreeHasher).ok).toBe(false);
        });
        expect(verifyInclusion(m, n, leaf, [...proof, root], root, nodeTreeHasher).ok).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, leaf, proof.slice(1), root, nodeTreeHasher).ok).toBe(false);
        }
      }
    }
  });

  it('verifies every consistency proof and rejects altered proofs, roots and sizes', () => {
    for (let n = 2; n <= 70; n++) {
      for (let m = 1; m < n; m++) {
        const proof = referenceConsistencyProof(m, leaves.slice(0, n), nodeTreeHasher);
        const r1 = roots[m] as Uint8Array;
        const r2 = roots[n] as Uint8Array;
        expect(verifyConsistency(m, n, r1, r2, proof, nodeTreeHasher).ok).toBe(true);
        expect(verifyConsistency(m, n, flip(r1), r2, proof, nodeTreeHasher).ok).toBe(false);
        expect(verifyConsistency(m, n, r1, flip(r2), proof, nodeTreeHasher).ok).toBe(false);
        if (m > 1)
          expect(verifyConsistency(m - 1, n, r1, r2, proof, nodeTreeHasher).ok).toBe(false);
        proof.forEach((_, i) => {
          const bad = proof.map((h, j) => (j === i ? flip(h) : h));
          expect(verifyConsistency(m, n, r1, r2, bad, nodeTreeHasher).ok).toBe(false);
        });
      }
      expect(
        verifyConsistency(n, n, roots[n] as Uint8Array, roots[n] as Uint8Array, [], nodeTreeHasher)
          .ok,
      ).toBe(true);
    }
  });

  it('accepts only 32-byte hashes in proofs', () => {
    const proof = referenceInclusionProof(3, leaves.slice(0, 10), nodeTreeHasher);
    const short = [...proof.slice(0, -1), (proof.at(-1) as Uint8Array).subarray(0, 31)];
    expect(
      verifyInclusion(
        3,
        10,
        leaves[3] as Uint8Array,
        short,
        roots[10] as Uint8Array,
        nodeTreeHasher,
      ),
    ).toEqual({
      ok: false,
      reason: 'every hash must be 32 bytes',
    });
    expect(fromBase64('ZG9uJ3QgY2FyZSAx')).toHaveLength(12);
  });
});
