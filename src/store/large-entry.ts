import { createHash } from 'node:crypto';
import { BLOB_KEY, type BlobRef } from '../record/blob-ref.js';
import { canonicalJson, type JsonObject } from '../record/index.js';

/**
 * Large entries (RECORD.md "Entries"): the blob reference format and its reader are the
 * record's (record/blob-ref.ts); the store writes blobs, and hashes with node:crypto.
 */
export { BLOB_KEY, type BlobRef, blobRefOf } from '../record/blob-ref.js';

export function blobReference(ref: BlobRef): JsonObject {
  return { [BLOB_KEY]: { sha256: ref.sha256, size: ref.size } };
}

/** The blob of some data: its canonical JSON bytes and their SHA-256. */
export function makeBlob(data: JsonObject): { ref: BlobRef; content: Uint8Array } {
  const content = new TextEncoder().encode(canonicalJson(data));
  return { ref: { sha256: sha256Hex(content), size: content.length }, content };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
