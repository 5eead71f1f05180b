import { defineErrors, errorFactory } from '../errors/define-errors.js';

/**
 * The record's errors: canonical JSON, entries, the Merkle tree, tiles, signed notes,
 * checkpoints (`RECORD_*`), and what `soviet verify` finds wrong with a log (`VERIFY_*`).
 * Codes are stable forever (docs/errors.md): add new ones, never rename or reuse.
 *
 * The `VERIFY_*` codes are also the `code` of a failed {@link verifyLog} result, so a
 * program and a person read the same vocabulary.
 */
export const recordErrors = defineErrors({
  RECORD_NOT_JSON: {
    status: 422,
    message: 'The value at {path} cannot be written as canonical JSON: {reason}.',
  },
  RECORD_ENTRY_TOO_LARGE: {
    status: 413,
    message:
      'A record entry may be at most 65,535 bytes, and this one is {size} bytes. Store large content beside the log and record its SHA-256.',
  },
  RECORD_ENTRY_INVALID: {
    status: 422,
    message: 'The record entry is not a valid entry envelope: {reason}.',
  },
  RECORD_TREE_STATE_INVALID: {
    status: 500,
    message: 'The saved Merkle tree state is not valid: {reason}.',
  },
  RECORD_TREE_RANGE: {
    status: 400,
    message: 'There is no {what} for a tree of size {size}: {reason}.',
  },
  RECORD_STRATUM_READ: {
    status: 500,
    message:
      'Reading {count} tree hashes at stratum {stratum} from index {from} returned {got} valid hashes.',
  },
  RECORD_TILE_PATH_INVALID: {
    status: 404,
    message: 'The path "{path}" is not a tlog-tiles resource: {reason}.',
  },
  RECORD_BUNDLE_INVALID: {
    status: 422,
    message: 'The entry bundle is malformed: {reason}.',
  },
  RECORD_KEY_INVALID: {
    status: 400,
    message: 'The {what} key is not valid: {reason}.',
  },
  RECORD_NOTE_INVALID: {
    status: 422,
    message: 'The signed note is malformed: {reason}.',
  },
  RECORD_NOTE_BAD_SIGNATURE: {
    status: 422,
    message: 'The signature by key "{name}" on the note does not verify.',
  },
  RECORD_NOTE_UNSIGNED: {
    status: 422,
    message: 'The note carries no signature by the key "{name}".',
  },
  RECORD_CHECKPOINT_INVALID: {
    status: 422,
    message: 'The checkpoint is malformed: {reason}.',
  },
  RECORD_CHECKPOINT_INCONSISTENT: {
    status: 409,
    message:
      'Refusing to sign the checkpoint of size {size}: it is not consistent with the last signed checkpoint of size {previousSize} ({reason}).',
  },
  VERIFY_CHECKPOINT_MISSING: {
    status: 404,
    message: 'The log serves no checkpoint (at {path}).',
  },
  VERIFY_CHECKPOINT_INVALID: {
    status: 422,
    message: "The log's checkpoint ({path}) is malformed: {reason}.",
  },
  VERIFY_SIGNATURE_INVALID: {
    status: 422,
    message: "The log's checkpoint ({path}) is not validly signed by {keyName}: {reason}.",
  },
  VERIFY_ORIGIN_MISMATCH: {
    status: 422,
    message: 'The checkpoint names the log "{found}", not the expected "{expected}".',
  },
  VERIFY_RESOURCE_MISSING: {
    status: 404,
    message: 'The log does not serve {path}, which a tree of size {size} requires.',
  },
  VERIFY_FETCH_FAILED: {
    status: 503,
    message: 'Fetching {path} failed: {reason}.',
  },
  VERIFY_TILE_MALFORMED: {
    status: 422,
    message: 'The hash tile {path} is malformed: {reason}.',
  },
  VERIFY_BUNDLE_MALFORMED: {
    status: 422,
    message: 'The entry bundle {path} is malformed: {reason}.',
  },
  VERIFY_ENTRY_MISMATCH: {
    status: 422,
    message: 'Entry {index} (in {path}) has been altered: its hash does not match the signed tree.',
  },
  VERIFY_TILE_MISMATCH: {
    status: 422,
    message:
      'The hash tile {path} has been altered: its hash {hashIndex} differs from the one the entries give.',
  },
  VERIFY_ROOT_MISMATCH: {
    status: 422,
    message:
      'Neither the entries nor the tiles reproduce the signed root of size {size}; the first disagreement is at {path}.',
  },
  VERIFY_INCONSISTENT: {
    status: 422,
    message:
      'The log of size {size} is not consistent with the checkpoint of size {previousSize} seen before: {reason}. The log has been rewritten.',
  },
  VERIFY_ENVELOPE_INVALID: {
    status: 422,
    message: 'Entry {index} (in {path}) is not a valid Soviet entry: {reason}.',
  },
  VERIFY_ENTRY_REFUSED: {
    status: 422,
    message: 'Entry {index} (in {path}) is refused: {reason}.',
  },
  VERIFY_SOURCE_INVALID: {
    status: 400,
    message: 'Cannot read a log at "{source}": {reason}.',
  },
  VERIFY_STATE_INVALID: {
    status: 422,
    message: 'The verification state file {file} cannot be used: {reason}.',
  },
  VERIFY_REPLAY_INVALID: {
    status: 422,
    message: 'Entry {index} cannot be replayed as a Soviet event: {reason}.',
  },
  VERIFY_BLOB_MISSING: {
    status: 404,
    message:
      "Entry {index} logs its data by SHA-256 ({sha256}), and the log's source does not give that data ({reason}), so the replay cannot check it.",
  },
  VERIFY_BLOB_MISMATCH: {
    status: 422,
    message:
      'The data given for entry {index} is not the data the log records by SHA-256 ({sha256}, {size} bytes).',
  },
  VERIFY_RECOUNT_MISMATCH: {
    status: 422,
    message:
      'The recount departs from the log at entry {seq} ({type}, {subject}): {what}: the log records {recorded}, the rules give {recounted}.',
  },
  VERIFY_REPLAY_MISMATCH: {
    status: 422,
    message:
      "The server's organisation page ({url}) is not what replaying the log's {size} entries gives: {path}: log says {logValue}, server says {serverValue}.",
  },
});

export type RecordErrorCode = keyof typeof recordErrors;

/** Throws-ready constructor of the record's SovietErrors. */
export const recordError = errorFactory(recordErrors);
