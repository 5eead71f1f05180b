/**
 * The record: one verifiable, append-only log per organisation (RECORD.md). Pure: no I/O,
 * no clock, no entropy (keys are generated from bytes the caller supplies); SHA-256 and
 * Ed25519 come in as parameters (`nodeTreeHasher`/`nodeEd25519` on the server,
 * `nobleTreeHasher`/`nobleEd25519` in the browser).
 *
 * - Entries: RFC 8785 canonical JSON of an {@link EntryEnvelope} (≤ 65,535 bytes).
 * - Tree: RFC 6962 §2.1 hashing; the store keeps a {@link TreeState} (right frontier)
 *   and the stratum hashes {@link appendLeaves} reports, and answers proofs with
 *   {@link inclusionProof}/{@link consistencyProof} through a {@link StratumReader};
 *   anyone checks them with {@link verifyInclusion}/{@link verifyConsistency} (RFC 9162).
 * - Publication: C2SP tlog-tiles paths and bundles, tlog-checkpoint, signed-note with
 *   Ed25519; {@link assertConsistentBeforeSigning} guards every signature.
 * - {@link verifyLog}: the whole-log verifier behind `soviet verify`.
 *
 * The browser imports the modules it needs directly (not this index, which re-exports
 * the node:crypto implementations too).
 */
export * from './blob-ref.js';
export * from './bytes.js';
export * from './canonical-json.js';
export * from './checkpoint.js';
export * from './checkpoint-guard.js';
export * from './compact-range.js';
export * from './ed25519.js';
export * from './entry.js';
export * from './entry-bundle.js';
export * from './errors.js';
export * from './log-roots.js';
export * from './node-ed25519.js';
export * from './node-tree-hasher.js';
export * from './note-key.js';
export * from './proof-verify.js';
export * from './signed-note.js';
export * from './tile-builder.js';
export * from './tile-capture.js';
export * from './tile-path.js';
export * from './tree-hasher.js';
export * from './tree-proofs.js';
export * from './verify-log.js';
