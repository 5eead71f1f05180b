/**
 * Access to the record (docs/design/record.md, "Who may read the record"): while the
 * constitution keeps the record to members, a passed `readAccess` motion of the congress
 * grants a read token to a mirror, an auditor or a witness, and another revokes it. Only
 * the token's SHA-256 is logged; the proposer was handed the token itself.
 */
export interface ReadAccessGranted {
  readonly kind: 'ReadAccessGranted';
  readonly at: number;
  /** The grant's id: the motion's. */
  readonly grantId: string;
  /** Who the token is for ("the auditors", "mirror at …"): the organisation's business. */
  readonly label: string;
  readonly tokenHash: string;
  readonly motionId: string;
}

export interface ReadAccessRevoked {
  readonly kind: 'ReadAccessRevoked';
  readonly at: number;
  readonly grantId: string;
  readonly motionId: string;
}

export type AccessEvent = ReadAccessGranted | ReadAccessRevoked;

export const accessEventMeanings: Readonly<Record<AccessEvent['kind'], string>> = {
  ReadAccessGranted:
    'A passed read-access motion of the congress granted a read token (logged only as its SHA-256) to the holder it names: they may read the record while it is kept to members.',
  ReadAccessRevoked: 'A passed read-access motion of the congress revoked a read token.',
};
