import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHECKPOINT_PATH, tilePath, tilesForSize } from '../record/index.js';
import { storeError } from './errors.js';
import { readTile } from './log-reader.js';
import type { Store } from './store.js';

export interface ExportResult {
  readonly size: number;
  readonly files: number;
  readonly origin: string;
}

/**
 * Writes an organisation's log as a static C2SP tlog-tiles tree under `dir`: `checkpoint`,
 * every hash tile `tile/<L>/<N>[.p/<W>]` and entry bundle `tile/entries/<N>[.p/<W>]` that
 * a tree of the head's size has. Any static file server then serves a log that `soviet
 * verify` (or another tlog-tiles client) accepts. Beside the tiles, `blob/<sha256>` holds
 * the data of each entry too large for the log, which the entry logs by its SHA-256
 * (RECORD.md "Entries"): what `soviet verify --replay` needs to recount the copy. `dir`
 * must be new or empty (EXPORT_TARGET_NOT_EMPTY). `onProgress` gets the files written so
 * far and the total.
 */
export async function exportLog<S, C, E, X extends object>(
  store: Store<S, C, E, X>,
  slug: string,
  dir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportResult> {
  let existing: string[] = [];
  try {
    existing = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing.length > 0) throw storeError('EXPORT_TARGET_NOT_EMPTY', { dir });
  const org = await store.organisation(slug);
  // The head is read once: every tile of a tree of this size is immutable, so the
  // export is a consistent snapshot even while the log grows.
  const head = await store.head(slug);
  const { hashTiles, bundles } = tilesForSize(head.size);
  const refs = [...bundles, ...hashTiles];
  // Blobs are written with their entry and never change; one of an entry appended
  // after the head was read is harmless beside the tree.
  const blobs = await store.db
    .selectFrom('blobs')
    .select(['sha256', 'content'])
    .where('org_id', '=', org.id)
    .execute();
  const total = refs.length + blobs.length + 1;
  let done = 0;
  for (const ref of refs) {
    const path = tilePath(ref);
    const bytes = await readTile(store.db, org.id, head.size, ref, path);
    const file = join(dir, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    done += 1;
    onProgress?.(done, total);
  }
  for (const blob of blobs) {
    mkdirSync(join(dir, 'blob'), { recursive: true });
    writeFileSync(join(dir, 'blob', Buffer.from(blob.sha256).toString('hex')), blob.content);
    done += 1;
    onProgress?.(done, total);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CHECKPOINT_PATH), head.checkpoint);
  onProgress?.(total, total);
  return { size: head.size, files: total, origin: org.origin };
}
