import { bytesEqual } from './bytes.js';
import type { Checkpoint } from './checkpoint.js';
import { recordError } from './errors.js';
import { verifyConsistency } from './proof-verify.js';
import type { TreeHasher } from './tree-hasher.js';

/**
 * The log never signs two inconsistent checkpoints (RECORD.md, "Invariants"; C2SP
 * tlog-checkpoint, "Signatures"). Call this with the last signed checkpoint (null when
 * none was ever signed), the one about to be signed, and the consistency proof between
 * them (`consistencyProof(previous.size, next.size, …)`, computed from the stored tree,
 * not from the frontier that produced `next`, so that a corrupt store is caught), and
 * sign only if it returns. Throws RECORD_CHECKPOINT_INCONSISTENT when:
 * - the origin changed, or the tree shrank;
 * - the sizes are equal but the roots are not;
 * - the previous tree was empty but its root was not the empty root;
 * - the proof does not verify (RFC 9162 §2.1.4.2).
 */
export function assertConsistentBeforeSigning(
  previous: Checkpoint | null,
  next: Checkpoint,
  proof: readonly Uint8Array[],
  hasher: TreeHasher,
): void {
  if (previous === null) return;
  const refuse = (reason: string) =>
    recordError('RECORD_CHECKPOINT_INCONSISTENT', {
      size: next.size,
      previousSize: previous.size,
      reason,
    });
  if (previous.origin !== next.origin) throw refuse(`the origin changed from "${previous.origin}"`);
  if (next.size < previous.size) throw refuse('the tree would shrink');
  if (previous.size === 0) {
    if (!bytesEqual(previous.rootHash, hasher.emptyRoot()))
      throw refuse('the empty tree had a non-empty root');
    return;
  }
  const check = verifyConsistency(
    previous.size,
    next.size,
    previous.rootHash,
    next.rootHash,
    proof,
    hasher,
  );
  if (!check.ok) throw refuse(check.reason);
}
