import type { MotionBody } from '../motion-body.js';
import type { Choice } from '../state.js';

/** Motions, instructions and breaches (RULES.md, Motions; Mandated delegation). */
export interface MotionProposed {
  readonly kind: 'MotionProposed';
  readonly at: number;
  readonly by: string;
  readonly motionId: string;
  readonly councilId: string;
  readonly title: string;
  readonly text: string;
  readonly body: MotionBody;
  readonly secondersNeeded: number;
}

export interface MotionSeconded {
  readonly kind: 'MotionSeconded';
  readonly at: number;
  readonly by: string;
  readonly motionId: string;
}

export interface DebateOpened {
  readonly kind: 'DebateOpened';
  readonly at: number;
  readonly motionId: string;
  readonly closesAt: number;
}

export interface MotionWithdrawn {
  readonly kind: 'MotionWithdrawn';
  readonly at: number;
  readonly by: string;
  readonly motionId: string;
}

export interface AmendmentProposed {
  readonly kind: 'AmendmentProposed';
  readonly at: number;
  readonly by: string;
  readonly amendmentId: string;
  readonly motionId: string;
  /** The motion's text if the amendment is adopted. */
  readonly text: string;
}

export interface AmendmentVotingOpened {
  readonly kind: 'AmendmentVotingOpened';
  readonly at: number;
  readonly motionId: string;
  readonly closesAt: number;
  /** Secret ballot (base councils) or open vote (delegate councils). */
  readonly secretBallot: boolean;
  readonly rollSize: number;
  readonly quorumPercent: number;
  readonly boxes: readonly { readonly amendmentId: string; readonly boxId: string }[];
}

export interface AmendmentResult {
  readonly amendmentId: string;
  readonly adopted: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export interface AmendmentVotingClosed {
  readonly kind: 'AmendmentVotingClosed';
  readonly at: number;
  readonly motionId: string;
  readonly results: readonly AmendmentResult[];
  /** The motion's text after the adopted amendments, applied in the order proposed. */
  readonly text: string;
}

export interface MotionVotingOpened {
  readonly kind: 'MotionVotingOpened';
  readonly at: number;
  readonly motionId: string;
  readonly boxId: string;
  readonly closesAt: number;
  /** Secret ballot (base councils) or open vote (delegate councils). */
  readonly secretBallot: boolean;
  readonly rollSize: number;
  readonly quorumPercent: number;
}

export interface MotionVotingClosed {
  readonly kind: 'MotionVotingClosed';
  readonly at: number;
  readonly motionId: string;
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly quorumNeeded: number;
  readonly threshold: 'simple-majority' | 'two-thirds';
  readonly reason: string;
  /** Why a passed motion could not take effect (e.g. its council was dissolved meanwhile). */
  readonly effectVoid: string | null;
}

export interface InstructionIssued {
  readonly kind: 'InstructionIssued';
  readonly at: number;
  /** The instruction motion that passed. */
  readonly instructionId: string;
  readonly councilId: string;
  readonly targetMotionId: string;
  readonly position: Choice;
}

export interface BreachRecorded {
  readonly kind: 'BreachRecorded';
  readonly at: number;
  readonly breachId: string;
  readonly mandateId: string;
  readonly memberId: string;
  /** The instructing council: the delegate's constituents. */
  readonly councilId: string;
  readonly motionId: string;
  readonly instructionId: string;
  readonly instructed: Choice;
  /** `none`: the delegate was on the roll and did not vote (recorded at the close). */
  readonly voted: Choice | 'none';
}

export interface SpendingAuthorised {
  readonly kind: 'SpendingAuthorised';
  readonly at: number;
  readonly motionId: string;
  readonly councilId: string;
  readonly amount: number;
  readonly currency: string;
  readonly payee: string;
  /** What the money is for (present when the motion gave one). */
  readonly purpose?: string;
  /** Office pay: the mandate whose holder it pays (present only for a wage; the wage cap applies). */
  readonly mandateId?: string;
  /** The payee is this member (present when the motion said so); the wage cap applies while they hold a mandate. */
  readonly payeeMemberId?: string;
}

export type MotionEvent =
  | MotionProposed
  | MotionSeconded
  | DebateOpened
  | MotionWithdrawn
  | AmendmentProposed
  | AmendmentVotingOpened
  | AmendmentVotingClosed
  | MotionVotingOpened
  | MotionVotingClosed
  | InstructionIssued
  | BreachRecorded
  | SpendingAuthorised;

export const motionEventMeanings: Readonly<Record<MotionEvent['kind'], string>> = {
  MotionProposed: "A member of a council's voting body proposed a motion of a kind.",
  MotionSeconded: 'Another member of the voting body supported the motion.',
  DebateOpened: 'The motion had its seconders: debate opened, with its closing time fixed.',
  MotionWithdrawn: 'The proposer withdrew the motion before it went to a vote.',
  AmendmentProposed: 'A member proposed an amendment (a new text for the motion) during debate.',
  AmendmentVotingOpened:
    'Debate closed with amendments: each is voted on before the motion, in boxes opened now with their roll and deadline fixed.',
  AmendmentVotingClosed:
    "The amendment votes closed; adopted amendments changed the motion's text.",
  MotionVotingOpened: 'The vote on the motion opened, with its roll and deadline fixed.',
  MotionVotingClosed:
    'The vote on the motion closed: passed or failed by the quorum and the threshold of its kind; its effects follow.',
  InstructionIssued:
    "A passed instruction binds the council's delegates' vote on a named motion of the council above.",
  BreachRecorded:
    'A delegate voted against a standing instruction of the council that elected them, or did not vote at all (`voted: none`, recorded when the vote closed); their constituents see it and a recall petition may cite it.',
  SpendingAuthorised:
    "A passed spending motion authorised a payment from the council's treasury (amount, currency, payee; a purpose, or the mandate whose office it pays); payments under it never exceed it.",
};
