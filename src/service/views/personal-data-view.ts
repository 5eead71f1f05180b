import type { AccountRecord } from '../../accounts/account-record.js';

/** A person's data as `GET /api/v1/account/data` answers it (service/personal-data.ts): types only. */
export interface PersonalData {
  readonly generatedAt: number;
  readonly account: AccountRecord;
  readonly organisations: readonly OrganisationData[];
}

export interface OrganisationData {
  readonly org: string;
  readonly memberId: string;
  readonly status: 'active' | 'left' | 'expelled' | null;
  readonly joinedAt: number | null;
  readonly councilId: string | null;
  /** Each personal fact the directory holds, with the salt and the commitment on the log. */
  readonly facts: readonly {
    readonly seq: number;
    readonly field: string;
    readonly value: string;
    readonly salt: string;
    readonly commitment: string;
  }[];
}
