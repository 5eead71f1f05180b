import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type BlobLoader,
  type Discrepancy,
  type RecountResult,
  readLoggedEvents,
  recounting,
  seedChecker,
} from '../democracy/audit/index.js';
import type { SovietError } from '../errors/soviet-error.js';
import { recordError } from '../record/errors.js';
import { logRoots } from '../record/log-roots.js';
import { nodeTreeHasher } from '../record/node-tree-hasher.js';
import type { TileCapture } from '../record/tile-capture.js';
import { progressBar } from './progress.js';

/**
 * The recount behind `soviet verify --replay` (RECORD.md "Verification", step 4; issue
 * 14): the verified entries read as events (data logged by SHA-256 from `loadBlob`) and
 * every decision of the system recomputed by the rules (democracy/audit), each draw's
 * seed checked against the roots of this very log (from the verified hash tiles).
 */
export interface Recounted {
  readonly result: RecountResult;
  /** Entries whose data came from a blob. */
  readonly blobs: number;
}

export async function recountVerified(
  capture: TileCapture,
  size: number,
  loadBlob: BlobLoader,
): Promise<Recounted> {
  const { events, blobs } = await readLoggedEvents(capture.entries(size), loadBlob);
  const checkSeed = seedChecker(logRoots(capture.strata(size), nodeTreeHasher));
  const progress = progressBar('recounting', 'entries');
  try {
    const steps = recounting(events, { checkSeed });
    for (;;) {
      const next = steps.next();
      if (next.done) return { result: next.value, blobs };
      progress.update(next.value.done, next.value.total);
      // Let the bar draw (its timer) between parts of a long recount.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    progress.stop();
  }
}

/** VERIFY_RECOUNT_MISMATCH, naming the entry, what it concerns and what differs. */
export function recountError(d: Discrepancy): SovietError {
  return recordError('VERIFY_RECOUNT_MISMATCH', { ...d });
}

/**
 * Blob data from an exported copy (`soviet export` writes each as `blob/<sha256>` beside
 * the tiles); the reader checks it against the logged hash.
 */
export function directoryBlobs(dir: string): BlobLoader {
  return async (index, ref) => {
    try {
      return new Uint8Array(await readFile(join(dir, 'blob', ref.sha256)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      throw recordError('VERIFY_BLOB_MISSING', {
        index,
        sha256: ref.sha256,
        reason: `the copy has no file blob/${ref.sha256}`,
      });
    }
  };
}
