import { signCheckpoint } from '../checkpoint.js';
import type { Ed25519 } from '../ed25519.js';
import { generateNoteKey, type NoteSigner, type NoteVerifier } from '../note-key.js';
import { buildTiles } from '../tile-builder.js';
import type { TreeHasher } from '../tree-hasher.js';
import type { LogFetcher } from '../verify-log.js';

/**
 * Test support: deterministic keys and logs built in memory, for the record's tests, the
 * verify command's tests and the benchmark. Not part of the record's API.
 */

/** The tessera test log's public keys (tlog-vectors/SOURCE.md; upstream build_log.sh). */
export const TESSERA_ORIGIN = 'example.com/log/testdata';
export const TESSERA_VKEY =
  'example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx';
export const TESSERA_SKEY =
  'PRIVATE+KEY+example.com/log/testdata+33d7b496+AeymY/SZAX0jZcJ8enZ5FY1Dz+wTML2yWSkK+9DSF3eg';
/** Its entries, in order (SOURCE.md). */
export const TESSERA_ENTRIES =
  'one two three four five six seven eit nain ten ileven twelf threeten fourten fivten'.split(' ');

/** A deterministic test key: the seed is `fill` repeated. */
export function testKey(
  name: string,
  fill: number,
  ed: Ed25519,
): { signer: NoteSigner; verifier: NoteVerifier; vkey: string } {
  return generateNoteKey(name, new Uint8Array(32).fill(fill), ed);
}

/** Deterministic entries of varied length (1 to `maxLength` bytes) for entry `i`. */
export function testEntries(count: number, maxLength = 40, salt = 0): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const length = 1 + ((i * 7919 + salt * 104_729) % maxLength);
    return Uint8Array.from({ length }, (_, j) => (i * 31 + j * 17 + salt) & 0xff);
  });
}

export interface SignedTestLog {
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly checkpoint: string;
  /** Every resource, the checkpoint included, by path. */
  readonly files: Map<string, Uint8Array>;
}

/** A complete signed tlog-tiles log of the given entries. */
export function signedTestLog(
  origin: string,
  entries: readonly Uint8Array[],
  signer: NoteSigner,
  hasher: TreeHasher,
  ed: Ed25519,
): SignedTestLog {
  const built = buildTiles(entries, hasher);
  const checkpoint = signCheckpoint(
    { origin, size: built.size, rootHash: built.rootHash, extensions: [] },
    [signer],
    ed,
  );
  const files = new Map(built.files);
  files.set('checkpoint', new TextEncoder().encode(checkpoint));
  return { size: built.size, rootHash: built.rootHash, checkpoint, files };
}

/** A fetcher over an in-memory map of resources. */
export function mapFetcher(files: ReadonlyMap<string, Uint8Array>): LogFetcher {
  return async (path) => files.get(path) ?? null;
}
