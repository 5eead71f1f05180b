import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { JsonObject } from './canonical-json.js';

/**
 * RECORD.md "Entries": an entry is at most 65,535 bytes; larger content is stored beside
 * the log and logged by its SHA-256. An entry whose data was too large logs, in its
 * place, a reference to a blob holding the canonical JSON of that data:
 *
 *     { "$blob": { "sha256": "<64 hex digits>", "size": <bytes> } }
 *
 * Data keys beginning with `$` are reserved to the store, which writes blobs
 * (store/large-entry.ts); readers (the replay, fsck, the recount in the CLI and in the
 * browser) fetch the blob, check it with `blobMatches`, and read the data from it.
 */
export const BLOB_KEY = '$blob';

export interface BlobRef {
  readonly sha256: string;
  readonly size: number;
}

/** The blob that a logged `data` refers to, if it is a blob reference. */
export function blobRefOf(data: JsonObject): BlobRef | undefined {
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== BLOB_KEY) return undefined;
  const ref = data[BLOB_KEY] as Record<string, unknown> | null;
  if (
    typeof ref !== 'object' ||
    ref === null ||
    typeof ref.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(ref.sha256) ||
    typeof ref.size !== 'number'
  ) {
    return undefined;
  }
  return { sha256: ref.sha256, size: ref.size };
}

/** Whether `content` is the blob `ref` names: its size and SHA-256 (@noble, so it runs anywhere). */
export function blobMatches(ref: BlobRef, content: Uint8Array): boolean {
  return content.length === ref.size && bytesToHex(sha256(content)) === ref.sha256;
}
