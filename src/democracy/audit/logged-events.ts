import type { SovietError } from '../../errors/soviet-error.js';
import { type BlobRef, blobMatches, blobRefOf } from '../../record/blob-ref.js';
import { decodeEntry, SYSTEM_ACTOR } from '../../record/entry.js';
import { recordError } from '../../record/errors.js';
import { eventOf, type Json, publicPart } from '../envelope.js';
import type { DemocracyEvent } from '../events/index.js';

/**
 * The public events of a verified log, read from its entries' bytes (RECORD.md
 * "Entries": the canonical JSON of `{v, seq, time, type, actor, data}`), for a replay or
 * a recount in the CLI and in the browser alike. An entry whose data was too large is
 * logged by SHA-256 (record/blob-ref.ts): `loadBlob` fetches that data from wherever the
 * log is kept (the server's record page, an exported copy's `blob/` files) and it is
 * checked against the logged hash here.
 */

/** Fetches the content of the blob an entry logs; throws VERIFY_BLOB_MISSING when it cannot. */
export type BlobLoader = (index: number, ref: BlobRef) => Promise<Uint8Array>;

export interface LoggedEvents {
  /** `events[i]` is entry i's public event. */
  readonly events: DemocracyEvent[];
  /** Entries whose data came from a blob. */
  readonly blobs: number;
}

/**
 * Reads entries [0, n) in order (each one's `seq` must be its index, its `actor` the
 * event's `by` or the system). Throws
 * VERIFY_REPLAY_INVALID naming an entry that is not a Soviet event, VERIFY_BLOB_MISMATCH
 * when a blob is not the data the entry logs.
 */
export async function readLoggedEvents(
  entries: Iterable<{ readonly index: number; readonly bytes: Uint8Array }>,
  loadBlob: BlobLoader,
): Promise<LoggedEvents> {
  const events: DemocracyEvent[] = [];
  let blobs = 0;
  for (const { index, bytes } of entries) {
    let data: Json;
    let entry: ReturnType<typeof decodeEntry>;
    try {
      entry = decodeEntry(bytes);
      if (entry.seq !== index) throw new Error(`its seq is ${entry.seq}, not its index`);
    } catch (error) {
      throw invalid(index, error);
    }
    const ref = blobRefOf(entry.data);
    if (ref) {
      const content = await loadBlob(index, ref);
      if (!blobMatches(ref, content))
        throw recordError('VERIFY_BLOB_MISMATCH', { index, sha256: ref.sha256, size: ref.size });
      data = JSON.parse(new TextDecoder().decode(content)) as Json;
      blobs++;
    } else data = entry.data as Json;
    let event: DemocracyEvent;
    try {
      event = publicPart(eventOf({ type: entry.type, actor: entry.actor, data }));
      // The envelope's actor is the event's `by`, or the system (democracy/envelope.ts).
      const by = (event as { by?: unknown }).by;
      const actor = typeof by === 'string' ? by : SYSTEM_ACTOR;
      if (entry.actor !== actor) throw new Error(`its actor is ${entry.actor}, not ${actor}`);
    } catch (error) {
      throw invalid(index, error);
    }
    events.push(event);
  }
  return { events, blobs };
}

function invalid(index: number, error: unknown): SovietError {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return recordError('VERIFY_REPLAY_INVALID', { index, reason });
}
