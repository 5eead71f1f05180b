import type { ApiClient } from '../../api/client.js';
import type { RecordView } from '../../api/soviet-api.js';
import type { RecountSource } from './recount-record.js';
import type { ProofAnswer } from './verify-record.js';

/**
 * The record as the API serves it under `/api/v1/orgs/<org>/log/` (C2SP tlog-tiles
 * layout plus JSON proofs; src/server/routes/log.ts), and an entry's data in full from
 * the record page (`/orgs/<org>/record`), for entries logged by SHA-256.
 */
export function apiRecordSource(client: ApiClient): RecountSource {
  const base = (org: string) => `/orgs/${encodeURIComponent(org)}/log`;
  return {
    checkpoint: (org) => client.text(`${base(org)}/checkpoint`),
    tile: (org, path) => client.bytes(`${base(org)}/${path}`),
    inclusionProof: (org, index, size) =>
      client.get<ProofAnswer>(`${base(org)}/proof/inclusion?index=${index}&size=${size}`),
    consistencyProof: (org, from, to) =>
      client.get<ProofAnswer>(`${base(org)}/proof/consistency?from=${from}&to=${to}`),
    entryData: async (org, index) => {
      const page = await client.get<RecordView>(
        `/orgs/${encodeURIComponent(org)}/record?from=${index}&limit=1`,
      );
      const entry = page.entries[0];
      return entry?.seq === index ? entry.data : undefined;
    },
  };
}
