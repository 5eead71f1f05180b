/**
 * Test support: reads the shared transparency-log vectors (`../shared/datasets/tlog-vectors`
 * beside the repository; see its SOURCE.md). Not part of the record's API: only tests
 * import it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LogFetcher } from '../verify-log.js';

export const TLOG_VECTORS = new URL('../../../../shared/datasets/tlog-vectors/', import.meta.url);
export const TESSERA_LOG = new URL('tessera-testdata-log/', TLOG_VECTORS);
/** The tessera log directory as a file-system path (for the CLI). */
export const tesseraLogPath = fileURLToPath(TESSERA_LOG);

/** One transparency-dev/merkle probe: a verification call and whether it must fail. */
export interface InclusionProbe {
  readonly file: string;
  readonly leafIdx: number;
  readonly treeSize: number;
  readonly root: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly desc: string;
  readonly wantErr: boolean;
}

export interface ConsistencyProbe {
  readonly file: string;
  readonly size1: number;
  readonly size2: number;
  readonly root1: string;
  readonly root2: string;
  readonly proof: readonly string[];
  readonly desc: string;
  readonly wantErr: boolean;
}

function jsonFilesUnder(dir: URL, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const child = new URL(name, dir);
    if (statSync(child).isDirectory())
      out.push(...jsonFilesUnder(new URL(`${name}/`, dir), `${prefix}${name}/`));
    else if (name.endsWith('.json')) out.push(`${prefix}${name}`);
  }
  return out;
}

function probes<T>(kind: 'inclusion' | 'consistency'): T[] {
  const base = new URL(`transparency-dev-merkle-testdata/${kind}/`, TLOG_VECTORS);
  return jsonFilesUnder(base).map((file) => {
    const probe = JSON.parse(readFileSync(new URL(file, base), 'utf8'));
    // Go writes an empty proof as null.
    return { ...probe, file: `${kind}/${file}`, proof: probe.proof ?? [] };
  });
}

export const inclusionProbes = (): InclusionProbe[] => probes<InclusionProbe>('inclusion');
export const consistencyProbes = (): ConsistencyProbe[] => probes<ConsistencyProbe>('consistency');

/** A file of the tessera test log, or null when it does not exist. */
export function tesseraFile(path: string): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(new URL(path, TESSERA_LOG)));
  } catch {
    return null;
  }
}

/** A fetcher over the tessera log that serves `checkpoint.<size>` as the checkpoint. */
export function tesseraFetcher(size: number): LogFetcher {
  return async (path) => tesseraFile(path === 'checkpoint' ? `checkpoint.${size}` : path);
}
