import { PMap } from './pmap.js';

/** The state of signed acts (acts.ts; docs/design/record.md, "Signed acts"). */

/** A member's registered key. */
export interface MemberKey {
  readonly keyId: string;
  readonly memberId: string;
  /** Raw Ed25519 public key, base64. */
  readonly publicKey: string;
  readonly label: string;
  readonly registeredAt: number;
  readonly revokedAt: number | null;
}

export interface ActsState {
  readonly keys: PMap<MemberKey>;
  /** Ids of acts accepted in the last 2 × ACT_WINDOW_MS (older ones are stale anyway). */
  readonly recent: PMap<number>;
  /** The same ids by `${time}|${id}`, oldest first, to forget them in O(log n) each. */
  readonly recentByTime: PMap<string>;
}

export const emptyActs = (): ActsState => ({
  keys: PMap.empty(),
  recent: PMap.empty(),
  recentByTime: PMap.empty(),
});

/** What a member signs: the body of `POST /api/v1/orgs/<org>/acts`, as canonical JSON. */
export interface Act {
  /** The organisation's log origin (its checkpoint's first line). */
  readonly origin: string;
  readonly by: string;
  /** 32 lowercase hex digits the signer draws at random. */
  readonly id: string;
  /** When it was signed, ms since the epoch. */
  readonly issued: number;
  /** The command as the member signed it (a DemocracyCommand). */
  readonly command: { readonly kind: string };
}

/** The verified signature `decide` receives with a member's act (server-checked). */
export interface ActProof {
  readonly act: Act;
  readonly signature: {
    readonly keyId: string;
    /** RFC 9421 `created`, in seconds. */
    readonly created: number;
    /** Base64 Ed25519 signature. */
    readonly value: string;
  };
}
