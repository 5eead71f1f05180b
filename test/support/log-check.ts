import { SovietError } from '../../src/errors/soviet-error.js';
import {
  type LogFetcher,
  nodeEd25519,
  nodeTreeHasher,
  parseVerifierKey,
  utf8,
  type VerifyLogResult,
  verifyLog,
} from '../../src/record/index.js';
import type { Store } from '../../src/store/store.js';

/** A tlog-tiles fetcher over a store, as the HTTP API serves it (null where it would 404). */
export function storeFetcher<S, C, E>(store: Store<S, C, E>, org: string): LogFetcher {
  return async (path) => {
    if (path === 'checkpoint') return utf8((await store.head(org)).checkpoint);
    try {
      return (await store.tile(org, path)).bytes;
    } catch (error) {
      if (error instanceof SovietError && error.code === 'LOG_BAD_TILE') return null;
      throw error;
    }
  };
}

/**
 * Verifies an organisation's stored log with the record's verifier (RECORD.md
 * "Verification" 1–3): signature by the org's key, every entry and tile, envelopes.
 */
export async function verifyStoredLog<S, C, E>(
  store: Store<S, C, E>,
  org: string,
  previousCheckpoint?: string,
): Promise<VerifyLogResult> {
  const { origin } = await store.organisation(org);
  return verifyLog({
    fetch: storeFetcher(store, org),
    hasher: nodeTreeHasher,
    ed25519: nodeEd25519,
    origin,
    verifier: parseVerifierKey(await store.verifierKey(org)),
    decodeEnvelopes: true,
    ...(previousCheckpoint ? { previousCheckpoint } : {}),
  });
}
