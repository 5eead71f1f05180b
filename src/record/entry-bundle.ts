import { MAX_ENTRY_BYTES } from './entry.js';
import { recordError } from './errors.js';

/**
 * C2SP tlog-tiles entry bundles: "sequences of big-endian uint16 length-prefixed log
 * entries". A full bundle holds 256 entries; a partial one 1 to 255.
 */
export function buildEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_BYTES) {
      throw recordError('RECORD_ENTRY_TOO_LARGE', { size: entry.length });
    }
    length += 2 + entry.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const entry of entries) {
    out[offset] = entry.length >>> 8;
    out[offset + 1] = entry.length & 0xff;
    out.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return out;
}

/**
 * The entries of a bundle, as views into `bundle` (no copies). Throws
 * RECORD_BUNDLE_INVALID when a length runs past the end, or when `expectedCount` is given
 * and the bundle holds a different number of entries.
 */
export function parseEntryBundle(bundle: Uint8Array, expectedCount?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  const offsets = entryOffsets(bundle);
  if (typeof offsets === 'string') throw recordError('RECORD_BUNDLE_INVALID', { reason: offsets });
  for (let i = 0; i < offsets.length; i += 2) {
    const start = offsets[i] as number;
    entries.push(bundle.subarray(start, start + (offsets[i + 1] as number)));
  }
  if (expectedCount !== undefined && entries.length !== expectedCount) {
    throw recordError('RECORD_BUNDLE_INVALID', {
      reason: `it holds ${entries.length} entries, not ${expectedCount}`,
    });
  }
  return entries;
}

/**
 * The hot-path form of {@link parseEntryBundle}: the entries' (start, length) pairs, flat
 * (entry j starts at `offsets[2j]` and has `offsets[2j + 1]` bytes), or a sentence saying
 * why the bundle is malformed. Writes into `reuse` when it is large enough, so a caller
 * reading many bundles allocates nothing per bundle.
 */
export function entryOffsets(bundle: Uint8Array, reuse?: Int32Array): Int32Array | string {
  // Two passes (validate and count, then record) keep each loop simple enough for the JIT.
  const n = bundle.length;
  let count = 0;
  for (let p = 0; p < n; count++) {
    if (p + 2 > n) return `entry ${count} has a truncated length prefix at byte ${p}`;
    const length = ((bundle[p] as number) << 8) | (bundle[p + 1] as number);
    if (p + 2 + length > n) {
      return `entry ${count} at byte ${p} claims ${length} bytes but only ${n - p - 2} remain`;
    }
    p += 2 + length;
  }
  const offsets =
    reuse && reuse.length >= 2 * count ? reuse.subarray(0, 2 * count) : new Int32Array(2 * count);
  for (let j = 0, p = 0; j < count; j++) {
    const length = ((bundle[p] as number) << 8) | (bundle[p + 1] as number);
    offsets[2 * j] = p + 2;
    offsets[2 * j + 1] = length;
    p += 2 + length;
  }
  return offsets;
}
