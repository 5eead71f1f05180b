/** Membership (RULES.md, Membership). */
export interface MemberInvited {
  readonly kind: 'MemberInvited';
  readonly at: number;
  readonly by: string;
  readonly invitationId: string;
  readonly councilId: string;
  /** SHA-256 (hex) of the single-use token; the token itself is never logged. */
  readonly tokenHash: string;
  readonly expiresAt: number;
}

export interface MemberJoined {
  readonly kind: 'MemberJoined';
  readonly at: number;
  readonly memberId: string;
  readonly name: string;
  readonly councilId: string;
  /** The invitation used (null for the founder). */
  readonly invitationId: string | null;
}

export interface MemberLeft {
  readonly kind: 'MemberLeft';
  readonly at: number;
  readonly by: string;
  readonly memberId: string;
}

export interface MemberTransferred {
  readonly kind: 'MemberTransferred';
  readonly at: number;
  readonly by: string;
  readonly memberId: string;
  readonly fromId: string;
  readonly toId: string;
}

export interface MemberExpelled {
  readonly kind: 'MemberExpelled';
  readonly at: number;
  readonly memberId: string;
  readonly motionId: string;
}

export type MembershipEvent =
  | MemberInvited
  | MemberJoined
  | MemberLeft
  | MemberTransferred
  | MemberExpelled;

export const membershipEventMeanings: Readonly<Record<MembershipEvent['kind'], string>> = {
  MemberInvited:
    'A member invited a person to their base council with a single-use token (logged only as its SHA-256) valid until `expiresAt`.',
  MemberJoined: 'A person joined a base council, with an invitation (or as the founder).',
  MemberLeft: 'A member left the organisation; their mandates end in the events that follow.',
  MemberTransferred: 'A member moved from one base council to another.',
  MemberExpelled:
    'A passed expulsion motion (two thirds) of their base council expelled a member; their mandates end in the events that follow.',
};
