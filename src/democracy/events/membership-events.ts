import type { PersonalFact } from '../personal.js';

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
  /**
   * SHA-256(salt ‖ name) of the name the person joined with (democracy/personal.ts): the
   * name itself is never logged, it lives in the private member directory.
   */
  readonly nameCommitment: string;
  readonly councilId: string;
  /** The invitation used (null for the founder). */
  readonly invitationId: string | null;
  /** The name and salt, for the directory: never logged, never replayed. */
  readonly personal?: readonly PersonalFact[];
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

/**
 * A person asked for their personal data to be erased (GDPR art. 17): the directory's
 * rows and salts are deleted in the same transaction (crypto-shredding), so no name can
 * be recovered, while every entry stays byte for byte as it was. Carries no personal data.
 */
export interface MemberErased {
  readonly kind: 'MemberErased';
  readonly at: number;
  readonly by: string;
  readonly memberId: string;
}

export type MembershipEvent =
  | MemberInvited
  | MemberJoined
  | MemberLeft
  | MemberTransferred
  | MemberExpelled
  | MemberErased;

export const membershipEventMeanings: Readonly<Record<MembershipEvent['kind'], string>> = {
  MemberInvited:
    'A member invited a person to their base council with a single-use token (logged only as its SHA-256) valid until `expiresAt`.',
  MemberJoined:
    'A person joined a base council, with an invitation (or as the founder); the log holds only a salted commitment to their name (`nameCommitment`), the name lives in the private member directory.',
  MemberLeft: 'A member left the organisation; their mandates end in the events that follow.',
  MemberTransferred: 'A member moved from one base council to another.',
  MemberExpelled:
    'A passed expulsion motion (two thirds) of their base council expelled a member; their mandates end in the events that follow.',
  MemberErased:
    'A former member had their personal data erased: the directory rows and salts behind their commitments were deleted, so views show "former member"; no entry changed.',
};
