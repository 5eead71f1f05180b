import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from '../record/index.js';

/**
 * RECORD.md "Entries": an entry is at most 65,535 bytes; larger content is stored beside
 * the log and logged by its SHA-256. When an event's entry would be too large, the store
 * logs it with `data` replaced by a reference to a blob holding the canonical JSON of the
 * original data:
 *
 *     { "$blob": { "sha256": "<64 hex digits>", "size": <bytes> } }
 *
 * Data keys beginning with `$` are reserved to the store. Readers (replay, fsck, the web
 * UI) fetch the blob, check its hash, and read the data from it.
 */
export const BLOB_KEY = '$blob';

export interface BlobRef {
  readonly sha256: string;
  readonly size: number;
}

export function blobReference(ref: BlobRef): JsonObject {
  return { [BLOB_KEY]: { sha256: ref.sha256, size: ref.size } };
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

/** The blob of some data: its canonical JSON bytes and their SHA-256. */
export function makeBlob(data: JsonObject): { ref: BlobRef; content: Uint8Array } {
  const content = new TextEncoder().encode(canonicalJson(data));
  return { ref: { sha256: sha256Hex(content), size: content.length }, content };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
