/**
 * Signed acts (docs/design/record.md, "Signed acts"): a member's own keys, and the
 * signature of every act a member signs, on the log, so that `soviet verify` can refuse
 * an act in a member's name that the member did not sign.
 */

/** A member registered a key: their first (by password, at joining or founding) or another. */
export interface MemberKeyRegistered {
  readonly kind: 'MemberKeyRegistered';
  readonly at: number;
  readonly by: string;
  /** keyIdOf(publicKey): the first 128 bits of its SHA-256, hex. */
  readonly keyId: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  /** The member's own name for the key ("laptop", "union bot"): at most 60 characters. */
  readonly label: string;
}

/** A member revoked one of their keys: no act signed with it is accepted from now on. */
export interface MemberKeyRevoked {
  readonly kind: 'MemberKeyRevoked';
  readonly at: number;
  readonly by: string;
  readonly keyId: string;
}

/**
 * A member signed the act whose events follow: the next `covers` entries are its
 * consequences (every one with an actor is this member's). The signature is over the
 * act's canonical JSON `{by, command, id, issued, origin}` (acts.ts `actBody`), as an
 * HTTP Message Signature (RFC 9421) of the request that carried it.
 */
export interface MemberActed {
  readonly kind: 'MemberActed';
  readonly at: number;
  readonly by: string;
  /** The act's id (128-bit hex chosen by the signer): an act is accepted once. */
  readonly actId: string;
  /** When the signer says they signed it (ms); within ACT_WINDOW_MS of `at`. */
  readonly issued: number;
  /** The command as signed. */
  readonly command: { readonly kind: string; readonly [field: string]: unknown };
  readonly signature: {
    readonly keyId: string;
    /** RFC 9421 `created`, in seconds. */
    readonly created: number;
    /** Base64 Ed25519 signature of the signature base. */
    readonly value: string;
  };
  /** How many entries after this one the act caused. */
  readonly covers: number;
}

export type ActEvent = MemberKeyRegistered | MemberKeyRevoked | MemberActed;

export const actEventMeanings: Readonly<Record<ActEvent['kind'], string>> = {
  MemberKeyRegistered:
    'A member registered a signing key (Ed25519, public half only). Once a member has a key, every act in their name must be signed by one of their keys: the server refuses and `soviet verify` rejects any that is not.',
  MemberKeyRevoked:
    'A member revoked one of their keys: acts signed with it after this entry are refused.',
  MemberActed:
    "A member signed the act whose events are the next `covers` entries: the command as signed, the act's id and time, and its RFC 9421 signature, which anyone can check against the member's registered key.",
};
