import { formatMessage } from '../errors/define-errors.js';
import { SovietError } from '../errors/soviet-error.js';
import { bytesEqual, rangeEqual, toBase64 } from './bytes.js';
import { type Checkpoint, parseCheckpoint } from './checkpoint.js';
import { type Ed25519, nobleEd25519 } from './ed25519.js';
import { decodeEntry } from './entry.js';
import { entryOffsets } from './entry-bundle.js';
import { recordErrors } from './errors.js';
import type { NoteVerifier } from './note-key.js';
import { openNote, parseNote } from './signed-note.js';
import { rootFromPartialTiles } from './tile-builder.js';
import { CHECKPOINT_PATH, TILE_WIDTH, type TileRef, tilePath, tileSpans } from './tile-path.js';
import { HASH_SIZE, reduceInPlace, rootOfHashes, type TreeHasher } from './tree-hasher.js';
import { rangeHash } from './tree-proofs.js';

/**
 * Fetches one resource of a tlog-tiles log by its path relative to the log prefix
 * (`checkpoint`, `tile/0/000`, `tile/entries/x001/234.p/5`, …). Resolves null when the
 * log does not have it (HTTP 404, no such file); rejects on any other failure.
 */
export type LogFetcher = (path: string) => Promise<Uint8Array | null>;

export interface VerifyProgress {
  /** Entries rehashed and checked so far. */
  readonly entriesDone: number;
  /** The checkpoint's tree size. */
  readonly size: number;
}

export interface VerifyLogOptions {
  readonly fetch: LogFetcher;
  readonly hasher: TreeHasher;
  readonly ed25519?: Ed25519;
  /** The log's origin; the checkpoint's first line must equal it. */
  readonly origin?: string;
  /**
   * The log's public key. Without it the signature is not checked and the result says
   * `signerVerified: false`: the tiles and entries are checked against the checkpoint's
   * root, and the checkpoint against the previous one, but anyone could have written it.
   */
  readonly verifier?: NoteVerifier;
  /** A signed checkpoint of this log seen earlier: the log must extend it. */
  readonly previousCheckpoint?: string;
  /** Also read every entry as a Soviet entry envelope whose seq is its index. */
  readonly decodeEnvelopes?: boolean;
  /**
   * A check of every entry in log order after it is rehashed (the CLI's act audit,
   * democracy/act-audit.ts): a reason refuses the log, VERIFY_ENTRY_REFUSED naming the
   * entry. `checkEnd` runs after the last entry.
   */
  readonly checkEntry?: (entry: Uint8Array, index: number) => string | null;
  readonly checkEnd?: () => string | null;
  /** Fetches in flight at once (default 16). */
  readonly concurrency?: number;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

export interface LogVerified {
  readonly ok: true;
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** The checkpoint exactly as fetched (a signed note): keep it to check the next run. */
  readonly checkpointNote: string;
  readonly checkpoint: Checkpoint;
  /** True when the checkpoint's signature by `verifier` was checked. */
  readonly signerVerified: boolean;
  /** The size of the previous checkpoint this one was checked to extend. */
  readonly previousSize?: number;
  readonly hashTiles: number;
  readonly entryBundles: number;
  readonly envelopesChecked: boolean;
}

export type VerifyFailureCode = Extract<keyof typeof recordErrors, `VERIFY_${string}`>;

/**
 * Why a log failed verification, naming the first bad resource: `path` is the tile,
 * bundle or checkpoint; `index` the entry; `level`/`hashIndex` the hash in a tile.
 * `code` and `params` are a catalogue error (recordErrors), `message` its sentence.
 */
export interface LogVerifyFailure {
  readonly ok: false;
  readonly code: VerifyFailureCode;
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly path?: string;
  readonly index?: number;
  readonly level?: number;
  readonly hashIndex?: number;
}

export type VerifyLogResult = LogVerified | LogVerifyFailure;

/** A failure result as a SovietError (for a CLI or HTTP handler to report). */
export function failureError(failure: LogVerifyFailure): SovietError {
  return new SovietError(failure.code, recordErrors[failure.code].message, failure.params);
}

function failure(
  code: VerifyFailureCode,
  params: Record<string, string | number>,
  where: { path?: string; index?: number; level?: number; hashIndex?: number } = {},
): LogVerifyFailure {
  return {
    ok: false,
    code,
    message: formatMessage(recordErrors[code].message, params),
    params,
    ...where,
  };
}

/** Thrown inside the verifier to stop at the first definite failure. */
class Stop extends Error {
  constructor(readonly result: LogVerifyFailure) {
    super(result.message);
  }
}

/**
 * Verifies a whole C2SP tlog-tiles log (RECORD.md, "Verification", steps 1–3):
 *
 * 1. fetches `checkpoint` and checks its signature by `verifier` (C2SP signed-note) and
 *    its syntax (C2SP tlog-checkpoint), and that it names `origin`;
 * 2. fetches every entry bundle and hash tile that the size requires (falling back to
 *    the full tile when a partial one is gone, as tlog-tiles allows), rehashes every
 *    entry (RFC 6962 §2.1), checks each level-0 tile against the entries, each higher
 *    tile against the tiles below, and the root against the checkpoint;
 * 3. checks that the tree extends `previousCheckpoint` (same root at its size).
 *
 * Data problems are results, not exceptions: on failure it names the first bad place.
 * When entries and tiles disagree it decides which one was altered by which of them
 * reproduces the signed root: entries that do mean a tile was altered, and tiles that
 * do mean an entry was. Throws only for a bad `previousCheckpoint` argument.
 */
export async function verifyLog(options: VerifyLogOptions): Promise<VerifyLogResult> {
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof Stop) return error.result;
    throw error;
  }
}

async function fetchOrStop(fetcher: LogFetcher, path: string): Promise<Uint8Array | null> {
  try {
    return await fetcher(path);
  } catch (error) {
    throw new Stop(
      failure(
        'VERIFY_FETCH_FAILED',
        { path, reason: error instanceof Error ? error.message : String(error) },
        { path },
      ),
    );
  }
}

function openCheckpointNote(
  note: Uint8Array | string,
  path: string,
  verifier: NoteVerifier | undefined,
  ed: Ed25519,
): { checkpoint: Checkpoint; text: string } {
  let text: string;
  try {
    text = verifier ? openNote(note, [verifier], ed).text : parseNote(note).text;
  } catch (error) {
    if (!(error instanceof SovietError)) throw error;
    if (error.code === 'RECORD_NOTE_INVALID') {
      throw new Stop(
        failure(
          'VERIFY_CHECKPOINT_INVALID',
          { path, reason: String(error.params.reason) },
          { path },
        ),
      );
    }
    throw new Stop(
      failure(
        'VERIFY_SIGNATURE_INVALID',
        { path, keyName: verifier?.name ?? '', reason: error.message.replace(/\.$/, '') },
        { path },
      ),
    );
  }
  try {
    return { checkpoint: parseCheckpoint(text), text };
  } catch (error) {
    if (!(error instanceof SovietError)) throw error;
    throw new Stop(
      failure('VERIFY_CHECKPOINT_INVALID', { path, reason: String(error.params.reason) }, { path }),
    );
  }
}

/** A bounded-concurrency, in-order stream of async results. */
function* windowed<T>(
  count: number,
  concurrency: number,
  start: (i: number) => Promise<T>,
): Generator<Promise<T>> {
  const pending: Promise<T>[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    while (next < count && pending.length < concurrency) {
      const started = start(next++);
      // Mark as handled: after an early stop, fetches still in flight must not become
      // unhandled rejections. Awaiting the promise still throws.
      started.catch(() => undefined);
      pending.push(started);
    }
    yield pending.shift() as Promise<T>;
  }
}

async function run(options: VerifyLogOptions): Promise<VerifyLogResult> {
  const { hasher, verifier } = options;
  const ed = options.ed25519 ?? nobleEd25519;
  const concurrency = Math.max(1, options.concurrency ?? 16);

  // Step 1: the checkpoint.
  const raw = await fetchOrStop(options.fetch, CHECKPOINT_PATH);
  if (raw === null)
    return failure(
      'VERIFY_CHECKPOINT_MISSING',
      { path: CHECKPOINT_PATH },
      { path: CHECKPOINT_PATH },
    );
  const noteText = new TextDecoder().decode(raw);
  const { checkpoint } = openCheckpointNote(raw, CHECKPOINT_PATH, verifier, ed);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    return failure(
      'VERIFY_ORIGIN_MISMATCH',
      { found: checkpoint.origin, expected: options.origin },
      { path: CHECKPOINT_PATH },
    );
  }
  const previous = options.previousCheckpoint === undefined ? undefined : readPrevious(options, ed);
  const size = checkpoint.size;
  const root = checkpoint.rootHash;

  // Step 2a: the hash tiles above level 0 (few: 1/256 of level 0), all held in memory.
  const upper = new Map<string, Uint8Array>();
  const upperRefs: TileRef[] = [];
  for (let level = 1, count = Math.floor(size / TILE_WIDTH); count > 0; level++) {
    for (const { index, width } of tileSpans(count))
      upperRefs.push({ kind: 'hash-tile', level, index, width });
    count = Math.floor(count / TILE_WIDTH);
  }
  for (const pending of windowed(upperRefs.length, concurrency, (i) =>
    fetchTile(options.fetch, upperRefs[i] as TileRef, size),
  )) {
    const { ref, bytes } = await pending;
    upper.set(tilePath(ref), bytes);
  }

  // Step 2b: entry bundles with their level-0 tiles, streamed in order.
  const bundleSpans = tileSpans(size);
  const level1 = new Uint8Array(Math.floor(size / TILE_WIDTH) * HASH_SIZE); // E: from entries
  const servedMth = new Map<string, Uint8Array>(); // MTH of served full tiles that differ from E
  const tileMismatches: { path: string; level: number; tile: number; hashIndex: number }[] = [];
  let leafMismatch: { index: number; path: string } | undefined;
  let envelopeFailure: LogVerifyFailure | undefined;
  let refusal: LogVerifyFailure | undefined;
  let partialLeaves: { entries: Uint8Array; served: Uint8Array } | undefined;
  // The previous checkpoint's root needs the level-0 hashes of the tile holding its edge.
  const keepTile =
    previous && previous.size % TILE_WIDTH !== 0 ? Math.floor(previous.size / TILE_WIDTH) : -1;
  let kept: Uint8Array | undefined;
  const offsetScratch = new Int32Array(2 * TILE_WIDTH);
  const leafScratch = new Uint8Array(TILE_WIDTH * HASH_SIZE);
  let entriesDone = 0;
  options.onProgress?.({ entriesDone, size });

  const startBundle = (i: number) => {
    const { index, width } = bundleSpans[i] as { index: number; width: number };
    return Promise.all([
      fetchTile(options.fetch, { kind: 'entry-bundle', index, width }, size),
      fetchTile(options.fetch, { kind: 'hash-tile', level: 0, index, width }, size),
    ]);
  };
  for (const pending of windowed(bundleSpans.length, concurrency, startBundle)) {
    const [bundle, tile] = await pending;
    const { index, width } = bundle.ref;
    const bundlePath = tilePath(bundle.ref);
    const tilePath0 = tilePath(tile.ref);
    const offsets = entryOffsets(bundle.bytes, offsetScratch);
    if (typeof offsets === 'string' || offsets.length !== 2 * width) {
      const reason =
        typeof offsets === 'string'
          ? offsets
          : `it holds ${offsets.length / 2} entries, not ${width}`;
      return failure('VERIFY_BUNDLE_MALFORMED', { path: bundlePath, reason }, { path: bundlePath });
    }
    const leaves = leafScratch.subarray(0, width * HASH_SIZE);
    hasher.hashLeavesInto(bundle.bytes, offsets, leaves);
    const served = tile.bytes;
    if (!rangeEqual(leaves, 0, served, 0, leaves.length)) {
      let j = 0;
      while (rangeEqual(leaves, j * HASH_SIZE, served, j * HASH_SIZE, HASH_SIZE)) j++;
      leafMismatch ??= { index: index * TILE_WIDTH + j, path: bundlePath };
      tileMismatches.push({ path: tilePath0, level: 0, tile: index, hashIndex: j });
      if (width === TILE_WIDTH) servedMth.set(tilePath0, rootOfHashes(served, 0, width, hasher));
    }
    if (options.decodeEnvelopes && envelopeFailure === undefined) {
      envelopeFailure = checkEnvelopes(bundle.bytes, offsets, index * TILE_WIDTH, bundlePath);
    }
    if (options.checkEntry && refusal === undefined) {
      const at = index * TILE_WIDTH;
      refusal = checkEntries(bundle.bytes, offsets, at, bundlePath, options.checkEntry);
    }
    if (index === keepTile) kept = leaves.slice();
    if (width === TILE_WIDTH) {
      level1.set(reduceInPlace(leaves, TILE_WIDTH, hasher), index * HASH_SIZE);
    } else {
      partialLeaves = { entries: leaves.slice(), served };
    }
    entriesDone += width;
    options.onProgress?.({ entriesDone, size });
  }

  // Step 2c: the levels above, recomputed from the entries (E) and compared with the
  // served tiles (S); full tiles reduce to the next level.
  const computed: Uint8Array[] = [new Uint8Array(0), level1];
  for (let level = 1; Math.floor(size / TILE_WIDTH ** level) > 0; level++) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    const here = computed[level] as Uint8Array;
    const next = new Uint8Array(Math.floor(count / TILE_WIDTH) * HASH_SIZE);
    for (const { index, width } of tileSpans(count)) {
      const path = tilePath({ kind: 'hash-tile', level, index, width });
      const served = upper.get(path) as Uint8Array;
      const mine = here.subarray(
        index * TILE_WIDTH * HASH_SIZE,
        (index * TILE_WIDTH + width) * HASH_SIZE,
      );
      if (!rangeEqual(mine, 0, served, 0, mine.length)) {
        let j = 0;
        while (rangeEqual(mine, j * HASH_SIZE, served, j * HASH_SIZE, HASH_SIZE)) j++;
        tileMismatches.push({ path, level, tile: index, hashIndex: j });
        if (width === TILE_WIDTH) servedMth.set(path, rootOfHashes(served, 0, width, hasher));
      }
      if (width === TILE_WIDTH) next.set(rootOfHashes(mine, 0, width, hasher), index * HASH_SIZE);
    }
    computed.push(next);
  }

  const partialOf = (source: 'entries' | 'served') => (level: number) => {
    if (level === 0) return (partialLeaves as { entries: Uint8Array; served: Uint8Array })[source];
    const count = Math.floor(size / TILE_WIDTH ** level);
    const width = count % TILE_WIDTH;
    const index = Math.floor(count / TILE_WIDTH);
    if (source === 'served')
      return upper.get(tilePath({ kind: 'hash-tile', level, index, width })) as Uint8Array;
    return (computed[level] as Uint8Array).subarray(
      index * TILE_WIDTH * HASH_SIZE,
      count * HASH_SIZE,
    );
  };
  const entriesRoot = rootFromPartialTiles(size, partialOf('entries'), hasher);

  if (!bytesEqual(entriesRoot, root)) {
    // The entries do not give the signed root. If the served tiles do, consistently at
    // every level, the tiles are the signed tree and the first entry that differs from
    // them was altered. Otherwise we cannot say which is wrong: report the first
    // disagreement.
    const first = tileMismatches[0];
    const inconsistent = servedTreeInconsistency(
      size,
      upper,
      computed,
      servedMth,
      partialOf('served'),
      root,
      hasher,
    );
    if (inconsistent === undefined && leafMismatch) {
      return failure(
        'VERIFY_ENTRY_MISMATCH',
        { index: leafMismatch.index, path: leafMismatch.path },
        { path: leafMismatch.path, index: leafMismatch.index },
      );
    }
    const path = leafMismatch?.path ?? first?.path ?? inconsistent ?? CHECKPOINT_PATH;
    return failure(
      'VERIFY_ROOT_MISMATCH',
      { size, path },
      { path, ...(leafMismatch ? { index: leafMismatch.index } : {}) },
    );
  }
  // The entries give the signed root, so they are right and any differing tile was altered.
  const badTile = tileMismatches[0];
  if (badTile) {
    return failure(
      'VERIFY_TILE_MISMATCH',
      { path: badTile.path, hashIndex: badTile.hashIndex },
      { path: badTile.path, level: badTile.level, hashIndex: badTile.hashIndex },
    );
  }
  if (envelopeFailure) return envelopeFailure;
  if (refusal) return refusal;
  const atEnd = options.checkEnd?.();
  if (atEnd)
    return failure('VERIFY_ENTRY_REFUSED', { index: size - 1, path: 'checkpoint', reason: atEnd });

  // Step 3: the previous checkpoint's root must be this tree's root at its size.
  if (previous) {
    const reason = inconsistencyWithPrevious(previous, checkpoint, computed, kept, hasher);
    if (reason) {
      return failure(
        'VERIFY_INCONSISTENT',
        { size, previousSize: previous.size, reason },
        { path: CHECKPOINT_PATH },
      );
    }
  }
  return {
    ok: true,
    origin: checkpoint.origin,
    size,
    rootHash: root,
    checkpointNote: noteText,
    checkpoint,
    signerVerified: verifier !== undefined,
    ...(previous ? { previousSize: previous.size } : {}),
    hashTiles: upperRefs.length + bundleSpans.length,
    entryBundles: bundleSpans.length,
    envelopesChecked: options.decodeEnvelopes === true,
  };
}

function readPrevious(options: VerifyLogOptions, ed: Ed25519): Checkpoint {
  const note = options.previousCheckpoint as string;
  const text = options.verifier
    ? openNote(note, [options.verifier], ed).text
    : parseNote(note).text;
  return parseCheckpoint(text);
}

/**
 * Fetches a tile or bundle; when a partial one is missing, tries the full one and keeps
 * its first `width` hashes or entries (C2SP tlog-tiles: partial tiles may be deleted
 * once the full tile exists). Checks a hash tile's length; stops on a missing resource.
 */
async function fetchTile(
  fetcher: LogFetcher,
  ref: TileRef,
  size: number,
): Promise<{ ref: TileRef; bytes: Uint8Array }> {
  const path = tilePath(ref);
  let bytes = await fetchOrStop(fetcher, path);
  let fromFull = false;
  if (bytes === null && ref.width < TILE_WIDTH) {
    bytes = await fetchOrStop(fetcher, tilePath({ ...ref, width: TILE_WIDTH }));
    fromFull = true;
  }
  if (bytes === null) throw new Stop(failure('VERIFY_RESOURCE_MISSING', { path, size }, { path }));
  if (ref.kind === 'hash-tile') {
    const expected = (fromFull ? TILE_WIDTH : ref.width) * HASH_SIZE;
    if (bytes.length !== expected) {
      throw new Stop(
        failure(
          'VERIFY_TILE_MALFORMED',
          { path, reason: `it is ${bytes.length} bytes, not ${expected}` },
          { path, level: ref.level },
        ),
      );
    }
    return { ref, bytes: fromFull ? bytes.subarray(0, ref.width * HASH_SIZE) : bytes };
  }
  if (!fromFull) return { ref, bytes };
  // Cut the full bundle after `width` entries.
  const offsets = entryOffsets(bytes);
  if (typeof offsets === 'string' || offsets.length < 2 * ref.width) {
    const reason = typeof offsets === 'string' ? offsets : 'the full bundle is short';
    throw new Stop(failure('VERIFY_BUNDLE_MALFORMED', { path, reason }, { path }));
  }
  const end = (offsets[2 * ref.width - 2] as number) + (offsets[2 * ref.width - 1] as number);
  return { ref, bytes: bytes.subarray(0, end) };
}

function checkEnvelopes(
  bundle: Uint8Array,
  offsets: Int32Array,
  firstIndex: number,
  path: string,
): LogVerifyFailure | undefined {
  for (let j = 0; 2 * j < offsets.length; j++) {
    const start = offsets[2 * j] as number;
    const index = firstIndex + j;
    let reason: string | undefined;
    try {
      const envelope = decodeEntry(bundle.subarray(start, start + (offsets[2 * j + 1] as number)));
      if (envelope.seq !== index) reason = `its seq is ${envelope.seq}, not its index ${index}`;
    } catch (error) {
      if (!(error instanceof SovietError)) throw error;
      reason = error.message.replace(/\.$/, '');
    }
    if (reason) return failure('VERIFY_ENVELOPE_INVALID', { index, path, reason }, { path, index });
  }
  return undefined;
}

/** Runs `check` over a bundle's entries in order; the first refusal names its entry. */
function checkEntries(
  bundle: Uint8Array,
  offsets: Int32Array,
  firstIndex: number,
  path: string,
  check: (entry: Uint8Array, index: number) => string | null,
): LogVerifyFailure | undefined {
  for (let j = 0; 2 * j < offsets.length; j++) {
    const start = offsets[2 * j] as number;
    const index = firstIndex + j;
    let reason: string | null;
    try {
      reason = check(bundle.subarray(start, start + (offsets[2 * j + 1] as number)), index);
    } catch (error) {
      if (!(error instanceof SovietError)) throw error;
      reason = error.message.replace(/\.$/, '');
    }
    if (reason) return failure('VERIFY_ENTRY_REFUSED', { index, path, reason }, { path, index });
  }
  return undefined;
}

/**
 * Whether the served tiles alone form the signed tree: every full tile's MTH equals its
 * hash in the tile above, and the partial tiles give the root. Returns the path of the
 * first tile that breaks this, or undefined when they form it.
 */
function servedTreeInconsistency(
  size: number,
  upper: ReadonlyMap<string, Uint8Array>,
  computed: readonly Uint8Array[],
  servedMth: ReadonlyMap<string, Uint8Array>,
  servedPartial: (level: number) => Uint8Array,
  root: Uint8Array,
  hasher: TreeHasher,
): string | undefined {
  for (let level = 0; Math.floor(size / TILE_WIDTH ** (level + 1)) > 0; level++) {
    const parents = Math.floor(size / TILE_WIDTH ** (level + 1));
    for (let index = 0; index < parents; index++) {
      const path = tilePath({ kind: 'hash-tile', level, index, width: TILE_WIDTH });
      // A served tile equal to the recomputed one has the recomputed MTH.
      const mth =
        servedMth.get(path) ??
        (computed[level + 1] as Uint8Array).subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
      const parentWidth =
        index - (index % TILE_WIDTH) + TILE_WIDTH <= parents ? TILE_WIDTH : parents % TILE_WIDTH;
      const parentPath = tilePath({
        kind: 'hash-tile',
        level: level + 1,
        index: Math.floor(index / TILE_WIDTH),
        width: parentWidth,
      });
      const parent = upper.get(parentPath) as Uint8Array;
      if (!rangeEqual(mth, 0, parent, (index % TILE_WIDTH) * HASH_SIZE, HASH_SIZE)) return path;
    }
  }
  return bytesEqual(rootFromPartialTiles(size, servedPartial, hasher), root)
    ? undefined
    : CHECKPOINT_PATH;
}

function inconsistencyWithPrevious(
  previous: Checkpoint,
  current: Checkpoint,
  computed: readonly Uint8Array[],
  kept: Uint8Array | undefined,
  hasher: TreeHasher,
): string | undefined {
  if (previous.origin !== current.origin) return `it is for the log "${previous.origin}"`;
  if (previous.size > current.size) return 'the log has fewer entries than before';
  const lookup = (stratum: number, index: number): Uint8Array => {
    const flat = stratum === 0 ? (kept as Uint8Array) : (computed[stratum] as Uint8Array);
    const offset = stratum === 0 ? (index % TILE_WIDTH) * HASH_SIZE : index * HASH_SIZE;
    return flat.subarray(offset, offset + HASH_SIZE);
  };
  const rootThen = rangeHash({ start: 0, end: previous.size }, lookup, hasher);
  if (!bytesEqual(rootThen, previous.rootHash)) {
    return `its root at size ${previous.size} is ${toBase64(rootThen)}, not ${toBase64(previous.rootHash)}`;
  }
  return undefined;
}
