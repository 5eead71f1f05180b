/** What the account tables hold about a person (accounts/account-data.ts): types only, so the web app can import them. */
export interface AccountRecord {
  readonly id: number;
  readonly username: string;
  readonly createdAt: number;
  readonly passwordChangedAt: number;
  readonly sessions: readonly { readonly createdAt: number; readonly lastSeenAt: number }[];
  readonly notices: readonly {
    readonly kind: string;
    readonly data: unknown;
    readonly createdAt: number;
    readonly seenAt: number | null;
  }[];
  readonly memberships: readonly { readonly org: string; readonly memberId: string | null }[];
}
