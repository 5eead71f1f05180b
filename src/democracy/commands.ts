import type { ActProof } from './acts-state.js';
import type { MotionBody } from './motion-body.js';
import type { Choice, RecallChoice } from './state.js';
import type { TreasuryCommand } from './treasury-commands.js';

/**
 * A council of the founding tree: a council with children is a delegate council, one
 * without is a base council. Names are unique in the tree.
 */
export interface CouncilSpec {
  readonly name: string;
  readonly offices?: readonly string[];
  readonly children?: readonly CouncilSpec[];
}

/**
 * Every command of the democracy domain: immutable values tagged by `kind`. The acting
 * member is `ctx.actor`, never a field of the command, so that a caller cannot act in
 * another's name by editing a request body.
 */
export type DemocracyCommand =
  | {
      readonly kind: 'FoundOrganisation';
      readonly name: string;
      readonly slug: string;
      readonly founderName: string;
      readonly councils: CouncilSpec;
      /** Name of the base council the founder joins. */
      readonly founderCouncil: string;
      /**
       * The founders' choice of constitution parameters (each within its entrenched
       * bounds); the rest take their defaults. E.g. `{ recordVisibility: 'public' }`.
       */
      readonly constitution?: { readonly [parameter: string]: number | string | undefined };
      /** The founder's first signing key (Ed25519, base64) and its label (acts.ts). */
      readonly founderKey?: { readonly publicKey: string; readonly label: string };
    }
  | { readonly kind: 'InviteMember'; readonly councilId?: string }
  | {
      readonly kind: 'JoinWithInvitation';
      readonly token: string;
      readonly name: string;
      /** The new member's first signing key (acts.ts). */
      readonly key?: { readonly publicKey: string; readonly label: string };
    }
  /** Register a signing key: the first by password, any other by a signed act (acts.ts). */
  | { readonly kind: 'RegisterKey'; readonly publicKey: string; readonly label: string }
  | { readonly kind: 'RevokeKey'; readonly keyId: string }
  | { readonly kind: 'LeaveOrganisation' }
  /** Erase my personal data (GDPR art. 17): leave if still a member, then MemberErased. */
  | { readonly kind: 'ErasePersonalData' }
  | { readonly kind: 'TransferMember'; readonly toCouncilId: string }
  | {
      readonly kind: 'Nominate';
      readonly electionId: string;
      readonly candidateId: string;
      /** When nominating oneself: the name one stands under (the service gives the directory's). */
      readonly standingName?: string;
    }
  | {
      readonly kind: 'AcceptNomination';
      readonly electionId: string;
      /** The name the candidate stands under (the service gives the directory's). */
      readonly standingName?: string;
    }
  | { readonly kind: 'DeclineNomination'; readonly electionId: string }
  | {
      readonly kind: 'CastBallot';
      readonly electionId: string;
      readonly ranking: readonly string[];
    }
  | { readonly kind: 'CallElection'; readonly groupKey: string }
  | { readonly kind: 'ResignMandate'; readonly mandateId: string }
  | {
      readonly kind: 'OpenRecallPetition';
      readonly mandateId: string;
      readonly reason: string;
      readonly breachIds?: readonly string[];
    }
  | { readonly kind: 'SignRecallPetition'; readonly petitionId: string }
  | { readonly kind: 'CastRecallVote'; readonly petitionId: string; readonly choice: RecallChoice }
  | {
      readonly kind: 'ProposeMotion';
      readonly councilId: string;
      readonly title: string;
      readonly text: string;
      readonly body: MotionBody;
    }
  | { readonly kind: 'SecondMotion'; readonly motionId: string }
  | { readonly kind: 'WithdrawMotion'; readonly motionId: string }
  | { readonly kind: 'ProposeAmendment'; readonly motionId: string; readonly text: string }
  | { readonly kind: 'CastAmendmentVote'; readonly amendmentId: string; readonly choice: Choice }
  | { readonly kind: 'CastMotionVote'; readonly motionId: string; readonly choice: Choice }
  /** System only: process every deadline ≤ now, in order, exactly once. */
  | { readonly kind: 'AdvanceTime'; readonly now: number }
  /** The treasury and participatory budgets (treasury-commands.ts). */
  | TreasuryCommand;

export type CommandKind = DemocracyCommand['kind'];

/**
 * What `decide` knows beyond the state. Pure: the caller supplies the clock and the
 * randomness.
 */
export interface DecideContext {
  /** Unix time in milliseconds. */
  readonly now: number;
  /** The acting member's id, or 'system' for the server's own commands (AdvanceTime). */
  readonly actor: string;
  /** Hex root hash of the log's latest signed checkpoint: the seed of every draw. */
  readonly seed: string;
  /** Fresh random hex from the caller (≥ 128 bits): receipts and invitation tokens. */
  readonly entropy: string;
  /**
   * The member's signed act, its signature checked by the caller (acts.ts): required
   * once the member has a key, and then logged as MemberActed before the act's events.
   */
  readonly act?: ActProof;
}
