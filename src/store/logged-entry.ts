import { SovietError } from '../errors/soviet-error.js';
import {
  canonicalJson,
  ENTRY_VERSION,
  type EntryEnvelope,
  encodeEntry,
  type JsonValue,
  nodeTreeHasher,
} from '../record/index.js';
import type { Envelope, LoggedEnvelope, PersonalRecord } from './domain.js';
import { blobReference, blobRefOf, makeBlob, sha256Hex } from './large-entry.js';

/** One event ready to be written: its entry bytes and what goes beside the log. */
export interface PreparedEntry {
  readonly seq: number;
  readonly bytes: Uint8Array;
  /** RFC 6962 §2.1 leaf hash of `bytes`. */
  readonly leafHash: Uint8Array;
  /** Set when the data was too large for an entry and is logged by hash. */
  readonly blob?: { readonly sha256: Uint8Array; readonly content: Uint8Array };
  /** The canonical JSON of the event's secret, kept privately. */
  readonly secret?: string;
  /** Personal facts for the private directory; subjects whose rows this entry erases. */
  readonly personal?: readonly PersonalRecord[];
  readonly erases?: readonly string[];
}

/**
 * The entry of an event (RECORD.md "Entries"): the canonical JSON of
 * `{ v, seq, time, type, actor, data }`. When that would pass 65,535 bytes, the data goes
 * to a blob and the entry logs its SHA-256 (large-entry.ts).
 */
export function prepareEntry(envelope: Envelope, seq: number, now: number): PreparedEntry {
  const base = {
    v: ENTRY_VERSION,
    seq,
    time: new Date(now).toISOString(),
    type: envelope.type,
    actor: envelope.actor,
  } as const;
  const secret = envelope.secret === undefined ? undefined : canonicalJson(envelope.secret);
  let bytes: Uint8Array;
  let blob: PreparedEntry['blob'];
  try {
    bytes = encodeEntry({ ...base, data: envelope.data });
  } catch (error) {
    if (!(error instanceof SovietError) || error.code !== 'RECORD_ENTRY_TOO_LARGE') throw error;
    const made = makeBlob(envelope.data);
    bytes = encodeEntry({ ...base, data: blobReference(made.ref) });
    blob = { sha256: Buffer.from(made.ref.sha256, 'hex'), content: made.content };
  }
  return {
    seq,
    bytes,
    leafHash: nodeTreeHasher.hashLeaf(bytes),
    ...(blob ? { blob } : {}),
    ...(secret === undefined ? {} : { secret }),
    ...(envelope.personal?.length ? { personal: envelope.personal } : {}),
    ...(envelope.erases?.length ? { erases: envelope.erases } : {}),
  };
}

/** Looks up a blob's content by SHA-256 (hex). */
export type BlobLookup = (sha256: string) => Uint8Array | undefined;

/**
 * Reads a decoded entry (`decodeEntry`) back for replay: resolves a blob
 * reference (checking the blob's hash), and attaches the private secret. Throws if the
 * entry is not canonical, the blob is missing, or its hash differs.
 */
export function readEntry(
  entry: EntryEnvelope,
  secret: string | undefined,
  blobs: BlobLookup,
): LoggedEnvelope {
  let data = entry.data;
  const ref = blobRefOf(data);
  if (ref) {
    const content = blobs(ref.sha256);
    if (!content) throw new Error(`entry ${entry.seq}: blob ${ref.sha256} is missing`);
    if (sha256Hex(content) !== ref.sha256 || content.length !== ref.size) {
      throw new Error(`entry ${entry.seq}: blob ${ref.sha256} does not match its hash`);
    }
    data = JSON.parse(new TextDecoder().decode(content));
  }
  return {
    seq: entry.seq,
    time: Date.parse(entry.time),
    type: entry.type,
    actor: entry.actor,
    data,
    ...(secret === undefined ? {} : { secret: JSON.parse(secret) as JsonValue }),
  };
}
