import { fromBase64, toBase64 } from '../../../record/bytes.js';
import { type Checkpoint, openCheckpoint } from '../../../record/checkpoint.js';
import { type Ed25519, nobleEd25519 } from '../../../record/ed25519.js';
import { decodeEntry, type EntryEnvelope } from '../../../record/entry.js';
import { parseEntryBundle } from '../../../record/entry-bundle.js';
import { parseVerifierKey } from '../../../record/note-key.js';
import {
  type ProofCheck,
  verifyConsistency,
  verifyInclusion,
} from '../../../record/proof-verify.js';
import { TILE_WIDTH, tilePath } from '../../../record/tile-path.js';
import { nobleTreeHasher, type TreeHasher } from '../../../record/tree-hasher.js';

/**
 * The record verifier of the browser (RECORD.md "Verification", steps 1 and 3, and the
 * inclusion of each event shown): it checks the organisation's signed checkpoint with
 * the key the member trusts, proves that the log only grew since the checkpoint this
 * browser remembered, and proves each of the latest events to be in the signed tree. It
 * uses the record module's pure functions with @noble's SHA-256 and Ed25519.
 */

/** What the verifier reads from the server: the org's log as the API serves it. */
export interface RecordSource {
  /** The signed checkpoint note (C2SP tlog-checkpoint). */
  checkpoint(org: string): Promise<string>;
  /** An entry bundle by its tlog-tiles path relative to the log (`tile/entries/000.p/5`). */
  tile(org: string, path: string): Promise<Uint8Array>;
  /** RFC 9162 §2.1.3 audit path, as `{ index, size, proof: base64[] }`. */
  inclusionProof(org: string, index: number, size: number): Promise<ProofAnswer>;
  /** RFC 9162 §2.1.4 consistency proof, as `{ from, to, proof: base64[] }`. */
  consistencyProof(org: string, from: number, to: number): Promise<ProofAnswer>;
}

export interface ProofAnswer {
  readonly proof: readonly string[];
}

/** A checkpoint this browser verified before, kept to prove next time that the log only grew. */
export interface RememberedCheckpoint {
  readonly vkey: string;
  readonly size: number;
  /** Base64 of the root hash. */
  readonly rootHash: string;
  /** Unix ms when it was verified. */
  readonly seenAt: number;
}

export type Consistency =
  | { readonly kind: 'first' }
  | { readonly kind: 'same'; readonly previous: RememberedCheckpoint }
  | { readonly kind: 'grown'; readonly previous: RememberedCheckpoint }
  | { readonly kind: 'failed'; readonly previous: RememberedCheckpoint; readonly reason: string };

export interface VerifiedEvent {
  readonly index: number;
  /** The decoded envelope, when the entry is a valid Soviet entry. */
  readonly envelope: EntryEnvelope | undefined;
  /** The entry's inclusion in the signed tree. */
  readonly inclusion: ProofCheck;
}

export interface RecordVerification {
  readonly checkpoint: Checkpoint;
  readonly keyName: string;
  readonly keyId: number;
  readonly consistency: Consistency;
  /** The latest events, newest first. */
  readonly events: readonly VerifiedEvent[];
  /** True when the consistency proof (if any) and every event's inclusion proof hold. */
  readonly ok: boolean;
  /** What to remember for the next visit (only when `ok`). */
  readonly remember: RememberedCheckpoint | undefined;
}

export interface VerifyRecordOptions {
  readonly org: string;
  readonly vkey: string;
  readonly source: RecordSource;
  /** The checkpoint remembered from an earlier visit, if it was verified with the same key. */
  readonly previous?: RememberedCheckpoint | undefined;
  /** How many of the latest events to fetch and prove (default 20). */
  readonly latest?: number;
  /** The time now, Unix ms (the verifier reads no clock). */
  readonly now: number;
  readonly hasher?: TreeHasher;
  readonly ed?: Ed25519;
}

/**
 * Verifies an organisation's record. Throws a SovietError when the key or the checkpoint
 * is bad (RECORD_KEY_INVALID, RECORD_NOTE_INVALID, RECORD_NOTE_BAD_SIGNATURE,
 * RECORD_NOTE_UNSIGNED, RECORD_CHECKPOINT_INVALID — the checkpoint's origin must be the
 * key's name, as Soviet names each org's key after its log), or the server's failure
 * (ApiError); reports failed proofs in the result rather than throwing, so that the page
 * can show which event failed.
 */
export async function verifyRecord(options: VerifyRecordOptions): Promise<RecordVerification> {
  const hasher = options.hasher ?? nobleTreeHasher;
  const ed = options.ed ?? nobleEd25519;
  const latest = options.latest ?? 20;
  const verifier = parseVerifierKey(options.vkey.trim());
  const note = await options.source.checkpoint(options.org);
  const { checkpoint } = openCheckpoint(note, verifier, ed, verifier.name);
  const { size, rootHash } = checkpoint;

  const previous =
    options.previous && options.previous.vkey === options.vkey.trim()
      ? options.previous
      : undefined;
  const consistency = await checkConsistency(options, previous, checkpoint, hasher);

  const first = Math.max(0, size - latest);
  const entries = await fetchEntries(options, first, size);
  const events = await Promise.all(
    entries.map(async (entry, k): Promise<VerifiedEvent> => {
      const index = first + k;
      const envelope = decodeQuietly(entry, index);
      const answer = await options.source.inclusionProof(options.org, index, size);
      const proof = decodeProof(answer);
      const inclusion = proof
        ? verifyInclusion(index, size, hasher.hashLeaf(entry), proof, rootHash, hasher)
        : { ok: false as const, reason: 'the proof is not base64 of 32-byte hashes' };
      return { index, envelope, inclusion };
    }),
  );
  events.reverse();
  const ok = consistency.kind !== 'failed' && events.every((e) => e.inclusion.ok);
  return {
    checkpoint,
    keyName: verifier.name,
    keyId: verifier.keyId,
    consistency,
    events,
    ok,
    remember: ok
      ? { vkey: options.vkey.trim(), size, rootHash: toBase64(rootHash), seenAt: options.now }
      : undefined,
  };
}

async function checkConsistency(
  options: VerifyRecordOptions,
  previous: RememberedCheckpoint | undefined,
  checkpoint: Checkpoint,
  hasher: TreeHasher,
): Promise<Consistency> {
  if (!previous || previous.size === 0) return { kind: 'first' };
  const oldRoot = fromBase64(previous.rootHash);
  const fail = (reason: string): Consistency => ({ kind: 'failed', previous, reason });
  if (!oldRoot) return fail('the remembered root hash is unreadable');
  if (checkpoint.size < previous.size) {
    return fail(`the log now has ${checkpoint.size} entries, fewer than ${previous.size}`);
  }
  if (checkpoint.size === previous.size) {
    const same = verifyConsistency(
      previous.size,
      checkpoint.size,
      oldRoot,
      checkpoint.rootHash,
      [],
      hasher,
    );
    return same.ok ? { kind: 'same', previous } : fail(same.reason);
  }
  const answer = await options.source.consistencyProof(options.org, previous.size, checkpoint.size);
  const proof = decodeProof(answer);
  if (!proof) return fail('the proof is not base64 of 32-byte hashes');
  const check = verifyConsistency(
    previous.size,
    checkpoint.size,
    oldRoot,
    checkpoint.rootHash,
    proof,
    hasher,
  );
  return check.ok ? { kind: 'grown', previous } : fail(check.reason);
}

/** Entries [first, size) from the entry bundles that hold them (C2SP tlog-tiles "Log entries"). */
async function fetchEntries(
  options: VerifyRecordOptions,
  first: number,
  size: number,
): Promise<Uint8Array[]> {
  if (size === first) return [];
  const bundles: { index: number; width: number }[] = [];
  for (let b = Math.floor(first / TILE_WIDTH); b * TILE_WIDTH < size; b++) {
    bundles.push({ index: b, width: Math.min(TILE_WIDTH, size - b * TILE_WIDTH) });
  }
  const fetched = await Promise.all(
    bundles.map(async ({ index, width }) => {
      const path = tilePath({ kind: 'entry-bundle', index, width });
      return parseEntryBundle(await options.source.tile(options.org, path), width);
    }),
  );
  const all = fetched.flat();
  const offset = first - (bundles[0]?.index ?? 0) * TILE_WIDTH;
  return all.slice(offset, offset + (size - first));
}

function decodeProof(answer: ProofAnswer): Uint8Array[] | undefined {
  if (!Array.isArray(answer.proof)) return undefined;
  const hashes: Uint8Array[] = [];
  for (const text of answer.proof) {
    const hash = typeof text === 'string' ? fromBase64(text) : undefined;
    if (hash?.length !== 32) return undefined;
    hashes.push(hash);
  }
  return hashes;
}

/** The entry's envelope, or undefined when it is not a valid Soviet entry at this index. */
function decodeQuietly(entry: Uint8Array, index: number): EntryEnvelope | undefined {
  try {
    const envelope = decodeEntry(entry);
    return envelope.seq === index ? envelope : undefined;
  } catch {
    return undefined;
  }
}
