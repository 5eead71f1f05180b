import { bytesEqual, decodeUtf8 } from './bytes.js';
import { canonicalJsonBytes, type JsonObject, type JsonValue } from './canonical-json.js';
import { recordError } from './errors.js';

/**
 * The entry format version this code writes and reads. Version 2: no personal data in
 * clear (docs/design/record.md, "Personal data"); version 1 carried members' names and
 * was never deployed, so nothing reads it.
 */
export const ENTRY_VERSION = 2;

/**
 * The largest entry, in bytes: a tlog-tiles entry bundle prefixes each entry with a
 * big-endian uint16 length (C2SP tlog-tiles, "Log entries"). RECORD.md: larger content is
 * stored beside the log and logged by its SHA-256.
 */
export const MAX_ENTRY_BYTES = 65_535;

/** The actor of an event that no member caused (a timer, a count, the instance). */
export const SYSTEM_ACTOR = 'system';

/**
 * One event as the record stores it (RECORD.md, "Entries"): everything that must be
 * tamper-evident. The entry bytes are the RFC 8785 canonical JSON of this object.
 *
 * - `v`: the format version, 2.
 * - `seq`: the entry's index in the log, from 0 (the verifier checks seq = index).
 * - `time`: ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (the store passes the clock in).
 * - `type`: the event type from the event catalogue; a name is never reused.
 * - `actor`: the acting member's id, or `"system"`.
 * - `data`: the event's data, a JSON object.
 */
export interface EntryEnvelope {
  readonly v: typeof ENTRY_VERSION;
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  readonly actor: string;
  readonly data: JsonObject;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;
const TYPE = /^[A-Za-z][A-Za-z0-9]*(?:[._:-][A-Za-z0-9]+)*$/;
const ACTOR = /^[\x21-\x7e]{1,200}$/;
const KEYS = ['actor', 'data', 'seq', 'time', 'type', 'v'];

/**
 * The canonical bytes of an envelope. Validates the shape first (RECORD_ENTRY_INVALID) and
 * refuses entries over {@link MAX_ENTRY_BYTES} with RECORD_ENTRY_TOO_LARGE.
 */
export function encodeEntry(envelope: EntryEnvelope): Uint8Array {
  assertEnvelope(envelope);
  const bytes = canonicalJsonBytes(envelope as unknown as JsonValue);
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw recordError('RECORD_ENTRY_TOO_LARGE', { size: bytes.length });
  }
  return bytes;
}

/**
 * Reads entry bytes back into an envelope, for replay and `fsck`. Accepts only what
 * {@link encodeEntry} writes: valid UTF-8, JSON, the envelope shape, and the canonical
 * byte form (so an entry has exactly one spelling: no reordered keys, duplicate keys,
 * whitespace or unnormalised numbers). Anything else is RECORD_ENTRY_INVALID.
 */
export function decodeEntry(bytes: Uint8Array): EntryEnvelope {
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw recordError('RECORD_ENTRY_TOO_LARGE', { size: bytes.length });
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) throw invalid('the bytes are not valid UTF-8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('the bytes are not JSON');
  }
  assertEnvelope(value);
  if (!bytesEqual(canonicalJsonBytes(value as unknown as JsonValue), bytes)) {
    throw invalid('the JSON is not in RFC 8785 canonical form');
  }
  return value;
}

/** Validates the envelope's shape; throws RECORD_ENTRY_INVALID naming the first problem. */
export function assertEnvelope(value: unknown): asserts value is EntryEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('an entry is a JSON object');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.length !== KEYS.length || keys.some((key, i) => key !== KEYS[i])) {
    throw invalid(
      `an entry has exactly the fields ${KEYS.join(', ')}; this one has ${keys.join(', ')}`,
    );
  }
  if (record.v !== ENTRY_VERSION) throw invalid(`v must be ${ENTRY_VERSION}`);
  const seq = record.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw invalid('seq must be a whole number from 0');
  }
  if (typeof record.time !== 'string' || !isUtcTime(record.time)) {
    throw invalid('time must be an ISO 8601 UTC time such as 2025-01-31T12:00:00.000Z');
  }
  if (typeof record.type !== 'string' || record.type.length > 100 || !TYPE.test(record.type)) {
    throw invalid('type must be an event type name such as CouncilCreated');
  }
  if (typeof record.actor !== 'string' || !ACTOR.test(record.actor)) {
    throw invalid('actor must be a member id or "system"');
  }
  const data = record.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid('data must be a JSON object');
  }
}

function isUtcTime(text: string): boolean {
  const m = TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= daysInMonth;
}

function invalid(reason: string) {
  return recordError('RECORD_ENTRY_INVALID', { reason });
}
