import {
  type RecountResult,
  readLoggedEvents,
  recounting,
  seedChecker,
} from '../../../democracy/audit/index.js';
import { canonicalJson, type JsonValue } from '../../../record/canonical-json.js';
import { nobleEd25519 } from '../../../record/ed25519.js';
import { recordError } from '../../../record/errors.js';
import { logRoots } from '../../../record/log-roots.js';
import { parseVerifierKey } from '../../../record/note-key.js';
import { TileCapture } from '../../../record/tile-capture.js';
import { CHECKPOINT_PATH } from '../../../record/tile-path.js';
import { nobleTreeHasher } from '../../../record/tree-hasher.js';
import { failureError, type LogFetcher, verifyLog } from '../../../record/verify-log.js';
import type { RecordSource } from './verify-record.js';

/**
 * The record page's "Recount" (issue 14; docs/design/record.md "The recount"): the
 * browser verifies the whole log against the checkpoint signed by the key the member
 * trusts (every entry rehashed, every tile checked), reads every event from the very
 * bytes it checked, and recounts: every decision of the system recomputed by the rules
 * (src/democracy/audit, the same code the server and `soviet verify --replay` run),
 * each draw's seed checked to be a root of this log. Nothing the server says is taken
 * on trust but members' acts and the published ballots, which their authors can check.
 */

/** What the recount reads besides the verifier's record: an entry's data in full (large entries). */
export interface RecountSource extends RecordSource {
  /** The data of entry `index`, as the record page serves it. */
  entryData(org: string, index: number): Promise<unknown>;
}

export type RecountPhase = 'verifying' | 'recounting';

export interface RecountRecordOptions {
  readonly org: string;
  readonly vkey: string;
  readonly source: RecountSource;
  readonly onProgress?: (phase: RecountPhase, done: number, total: number) => void;
  /** Lets the page draw between parts of a long recount (default: a macrotask). */
  readonly breathe?: () => Promise<void>;
}

export interface RecordRecount {
  /** The size of the verified log. */
  readonly size: number;
  readonly result: RecountResult;
}

/**
 * Verifies and recounts an organisation's record. Throws a SovietError when the log does
 * not verify (the `VERIFY_*` code of the first bad tile or entry) or an entry cannot be
 * read; a log that verifies but departs from the rules is a result, not an error.
 */
export async function recountRecord(options: RecountRecordOptions): Promise<RecordRecount> {
  const { org, source } = options;
  const breathe = options.breathe ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const verifier = parseVerifierKey(options.vkey.trim());
  const capture = new TileCapture();
  const verified = await verifyLog({
    fetch: capture.wrap(fetcherOf(source, org)),
    hasher: nobleTreeHasher,
    ed25519: nobleEd25519,
    origin: verifier.name,
    verifier,
    concurrency: 6,
    onProgress: (p) => options.onProgress?.('verifying', p.entriesDone, p.size),
  });
  if (!verified.ok) throw failureError(verified);
  const { size } = verified;
  const { events } = await readLoggedEvents(capture.entries(size), async (index, ref) => {
    const data = await source.entryData(org, index);
    if (typeof data !== 'object' || data === null || '$blob' in data)
      throw recordError('VERIFY_BLOB_MISSING', {
        index,
        sha256: ref.sha256,
        reason: 'the record page gives only the reference',
      });
    return new TextEncoder().encode(canonicalJson(data as JsonValue));
  });
  const checkSeed = seedChecker(logRoots(capture.strata(size), nobleTreeHasher));
  const steps = recounting(events, { checkSeed, progressEvery: 500 });
  for (;;) {
    const next = steps.next();
    if (next.done) return { size, result: next.value };
    options.onProgress?.('recounting', next.value.done, next.value.total);
    await breathe();
  }
}

/** The log's tlog-tiles resources through the API; a missing one is null, as verifyLog expects. */
function fetcherOf(source: RecordSource, org: string): LogFetcher {
  return async (path) => {
    try {
      if (path === CHECKPOINT_PATH) return new TextEncoder().encode(await source.checkpoint(org));
      return await source.tile(org, path);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 404 || status === 410) return null;
      throw error;
    }
  };
}
