import type { BallotContent, PublishedBallot } from '../state.js';

/**
 * Ballot boxes (RECORD.md, "Secret ballots on a public record"). A secret box logs only
 * that a ballot was cast and the count; who cast it, the receipt and the ballot are in
 * `secret`, kept by the server. At the close the ballots are published by receipt.
 */
export interface BallotCast {
  readonly kind: 'BallotCast';
  readonly at: number;
  readonly boxId: string;
  /** Ballots in the box after this one. */
  readonly cast: number;
  readonly secret?: {
    readonly voterId: string;
    /** Random, given only to the voter; derived from fresh entropy, never from the voter. */
    readonly receipt: string;
    readonly ballot: BallotContent;
  };
}

export interface VoteCast {
  readonly kind: 'VoteCast';
  readonly at: number;
  /** The voter: votes in delegate councils are always open. */
  readonly by: string;
  readonly boxId: string;
  readonly ballot: BallotContent;
}

export interface BallotBoxClosed {
  readonly kind: 'BallotBoxClosed';
  readonly at: number;
  readonly boxId: string;
  readonly cast: number;
  /** The log's latest signed checkpoint root at the close: the seed of any draw. */
  readonly seed: string;
}

export interface BallotsPublished {
  readonly kind: 'BallotsPublished';
  readonly at: number;
  readonly boxId: string;
  /** A part of the sealed ballots, sorted by receipt (the order reveals nothing). */
  readonly ballots: readonly PublishedBallot[];
}

export type BallotEvent = BallotCast | VoteCast | BallotBoxClosed | BallotsPublished;

export const ballotEventMeanings: Readonly<Record<BallotEvent['kind'], string>> = {
  BallotCast:
    'A secret ballot went into a box; the record shows only the box and how many ballots it holds (voter, receipt and ballot are private until the close).',
  VoteCast: 'An open vote (delegate councils): the voter and the vote are public.',
  BallotBoxClosed:
    'Voting closed at its fixed deadline; `seed` is the checkpoint that seeds any draw.',
  BallotsPublished:
    'The sealed ballots of a secret box, each under its random receipt, sorted by receipt (in parts of at most 200).',
};
