/** Recall (RULES.md, Recall). */
export interface RecallPetitionOpened {
  readonly kind: 'RecallPetitionOpened';
  readonly at: number;
  readonly by: string;
  readonly petitionId: string;
  readonly mandateId: string;
  readonly reason: string;
  /** Breaches of instructions the petition cites. */
  readonly breachIds: readonly string[];
  readonly windowEndsAt: number;
  /** Signatures needed (the opener's counts; at least one other). */
  readonly needed: number;
}

export interface RecallPetitionSigned {
  readonly kind: 'RecallPetitionSigned';
  readonly at: number;
  readonly by: string;
  readonly petitionId: string;
  readonly signatures: number;
}

export interface RecallPetitionLapsed {
  readonly kind: 'RecallPetitionLapsed';
  readonly at: number;
  readonly petitionId: string;
}

export interface RecallVoteOpened {
  readonly kind: 'RecallVoteOpened';
  readonly at: number;
  readonly petitionId: string;
  readonly boxId: string;
  readonly closesAt: number;
  /** Secret ballot (base councils) or open vote (delegate councils). */
  readonly secretBallot: boolean;
  readonly rollSize: number;
  readonly quorumPercent: number;
}

export interface RecallVoteClosed {
  readonly kind: 'RecallVoteClosed';
  readonly at: number;
  readonly petitionId: string;
  /** moot: the mandate had already ended. */
  readonly outcome: 'recalled' | 'kept' | 'moot';
  readonly recall: number;
  readonly keep: number;
  readonly abstain: number;
  readonly quorumNeeded: number;
}

export type RecallEvent =
  | RecallPetitionOpened
  | RecallPetitionSigned
  | RecallPetitionLapsed
  | RecallVoteOpened
  | RecallVoteClosed;

export const recallEventMeanings: Readonly<Record<RecallEvent['kind'], string>> = {
  RecallPetitionOpened:
    'A member of the electing body opened a recall petition against a mandate, with a reason; the opener is its first signature.',
  RecallPetitionSigned: 'A member of the electing body signed the petition.',
  RecallPetitionLapsed: 'The petition did not reach its threshold within the recall window.',
  RecallVoteOpened:
    'The petition reached its threshold: the recall vote opened with its roll and deadline fixed.',
  RecallVoteClosed:
    'The recall vote closed: recalled when more voted to recall than to keep and turnout reached the quorum (the mandate ends in the next event); otherwise kept, and the cooldown starts.',
};
