import type { RuleName } from '../budgeting/index.js';
import type { Choice } from './state.js';
import type { RoundVoteType } from './treasury-state.js';

/**
 * What a motion does when it passes (RULES.md, Motions). The kind fixes the threshold:
 * a constitutional or expulsion motion needs two thirds of yes + no, every other kind
 * more yes than no.
 */
export type MotionBody =
  /** A resolution: it changes nothing but the record. */
  | { readonly kind: 'ordinary' }
  /** Changes one constitution parameter within its entrenched bounds; only the congress. */
  | { readonly kind: 'constitutional'; readonly parameter: string; readonly value: number | string }
  /** Expels a member of this base council. */
  | { readonly kind: 'expulsion'; readonly memberId: string }
  /**
   * Authorises payments from the council's treasury up to `amount` (minor units) to
   * `payee` (treasury.ts). With `mandateId` it is office pay for that mandate's holder;
   * `payeeMemberId` says the payee is that member. Every payment to a person who holds a
   * mandate when it is made stays within the constitution's `wageCap`, whatever the
   * motion calls it (issue 14).
   */
  | {
      readonly kind: 'spending';
      readonly amount: number;
      readonly currency: string;
      readonly payee: string;
      /** What the money is for (up to 2,000 characters). */
      readonly purpose?: string;
      readonly mandateId?: string;
      readonly payeeMemberId?: string;
    }
  /**
   * Opens a participatory-budget round of `amount` (minor units) in this council
   * (budget-rounds.ts): members of its subtree propose projects, then vote as `voteType`
   * says; `rule` (default `equalshares/add1`) picks the funded projects.
   */
  | {
      readonly kind: 'budget';
      readonly amount: number;
      readonly currency: string;
      readonly voteType: RoundVoteType;
      readonly rule?: RuleName;
      /** Cumulative ballots: the points each voter spreads (default 10). */
      readonly points?: number;
      /** Approval and ordinal ballots: the most projects a ballot may name (default: any). */
      readonly maxChoices?: number;
      /** greedy-threshold: the least score a project needs (required for that rule). */
      readonly minScore?: number;
    }
  /** Binds this council's delegates' vote on a motion of the council above. */
  | { readonly kind: 'instruction'; readonly targetMotionId: string; readonly position: Choice }
  /** Creates, merges or dissolves a council in this council's subtree. */
  | { readonly kind: 'structure'; readonly change: StructureChange }
  /**
   * Grants or revokes a read token for the record (only the congress): for a mirror, an
   * auditor or a witness while the record is kept to members. A grant's `tokenHash` is
   * set by decide from the proposer's entropy (the proposer is handed the token).
   */
  | {
      readonly kind: 'readAccess';
      readonly action: 'grant';
      readonly label: string;
      readonly tokenHash?: string;
    }
  | { readonly kind: 'readAccess'; readonly action: 'revoke'; readonly grantId: string };

export type StructureChange =
  | {
      readonly action: 'create';
      readonly name: string;
      readonly councilKind: 'base' | 'delegate';
      readonly parentId: string;
      readonly offices?: readonly string[];
    }
  /** Moves every member of base council `fromId` into base council `intoId` and dissolves `fromId`. */
  | { readonly action: 'merge'; readonly fromId: string; readonly intoId: string }
  /** Dissolves an empty base council, or a delegate council whose children move to its parent. */
  | { readonly action: 'dissolve'; readonly councilId: string };

export type MotionKind = MotionBody['kind'];

export const MOTION_KINDS: readonly MotionKind[] = [
  'ordinary',
  'constitutional',
  'expulsion',
  'spending',
  'instruction',
  'structure',
  'budget',
  'readAccess',
];

/**
 * RULES.md: two thirds for constitutional and expulsion motions, and (issue 14) for a
 * structure motion that dissolves or merges a council; a simple majority otherwise.
 */
export function thresholdOf(body: MotionBody): 'simple-majority' | 'two-thirds' {
  if (body.kind === 'constitutional' || body.kind === 'expulsion') return 'two-thirds';
  if (body.kind === 'structure' && body.change?.action !== 'create') return 'two-thirds';
  return 'simple-majority';
}
