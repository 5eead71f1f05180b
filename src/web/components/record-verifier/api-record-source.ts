import type { ApiClient } from '../../api/client.js';
import type { ProofAnswer, RecordSource } from './verify-record.js';

/**
 * The record as the API serves it under `/api/v1/orgs/<org>/log/` (C2SP tlog-tiles
 * layout plus JSON proofs; src/server/routes/log.ts).
 */
export function apiRecordSource(client: ApiClient): RecordSource {
  const base = (org: string) => `/orgs/${encodeURIComponent(org)}/log`;
  return {
    checkpoint: (org) => client.text(`${base(org)}/checkpoint`),
    tile: (org, path) => client.bytes(`${base(org)}/${path}`),
    inclusionProof: (org, index, size) =>
      client.get<ProofAnswer>(`${base(org)}/proof/inclusion?index=${index}&size=${size}`),
    consistencyProof: (org, from, to) =>
      client.get<ProofAnswer>(`${base(org)}/proof/consistency?from=${from}&to=${to}`),
  };
}
