import { tallyMotion } from '../counting/index.js';
import { democracyError } from './errors.js';
import { inVotingBody } from './queries.js';
import { receiptFor } from './secrets.js';
import type { BallotBox, BallotContent, PublishedBallot } from './state.js';
import type { Tx } from './tx.js';

/** Ballots per BallotsPublished event, so that each log entry stays far below 64 KiB. */
export const PUBLISH_CHUNK = 200;

/**
 * Casts `voter`'s ballot into an open box (RECORD.md, "Secret ballots on a public
 * record"). Refuses a closed box, a voter not on the roll (fixed when the box opened),
 * and a second ballot: with the store's sequencing, two ballots sent at once by one
 * member give exactly one counted and one refusal. A secret box logs the voter, the
 * receipt and the ballot only in the event's `secret`; the receipt comes from the
 * caller's fresh entropy alone. Returns the receipt (null for an open vote).
 */
export function castInBox(
  tx: Tx,
  box: BallotBox,
  voterId: string,
  ballot: BallotContent,
): string | null {
  if (!boxOpenAt(box, tx.now)) throw democracyError('VOTING_NOT_OPEN');
  if (!box.roll.has(voterId)) throw democracyError('NOT_ON_ROLL');
  // A mandate that ends ends its vote at once, in boxes already open too (issue 14): in a
  // delegate council the roll's delegates vote only while they still sit (in a council
  // dissolved meanwhile the roll stands, so that a recall vote under way still resolves).
  const council = tx.state.councils.get(box.councilId);
  if (
    council?.kind === 'delegate' &&
    council.dissolvedAt === null &&
    !inVotingBody(tx.state, box.councilId, voterId)
  )
    throw democracyError('NOT_ON_ROLL');
  if (box.voted.has(voterId)) throw democracyError('ALREADY_VOTED');
  if (!box.secret) {
    tx.emit({ kind: 'VoteCast', at: tx.now, by: voterId, boxId: box.id, ballot });
    return null;
  }
  const receipt = receiptFor(tx.ctx.entropy);
  // A collision of 128-bit receipts means the caller reused its entropy: a bug, not a vote.
  if (box.sealed.has(receipt)) throw democracyError('ENTROPY_TOO_SHORT');
  tx.emit({
    kind: 'BallotCast',
    at: tx.now,
    boxId: box.id,
    cast: box.cast + 1,
    secret: { voterId, receipt, ballot },
  });
  return receipt;
}

/** Whether a box takes ballots at `now`: from its opening until its fixed close. */
export function boxOpenAt(box: BallotBox, now: number): boolean {
  return !box.closed && now >= box.opensAt && now < box.closesAt;
}

/**
 * Closes a box at its deadline and publishes a secret box's ballots sorted by receipt,
 * in parts. Returns every ballot of the box (open boxes: in voter order, without names).
 */
export function closeBox(tx: Tx, boxId: string): readonly BallotContent[] {
  const box = tx.state.boxes.get(boxId) as BallotBox;
  tx.emit({ kind: 'BallotBoxClosed', at: tx.now, boxId, cast: box.cast, seed: tx.ctx.seed });
  if (!box.secret) return [...box.votes.values()];
  // PMap iterates in key order: sorted by receipt, which reveals nothing about voters.
  const ballots: PublishedBallot[] = [...box.sealed.entries()].map(([receipt, ballot]) => ({
    receipt,
    ballot,
  }));
  for (let i = 0; i < ballots.length; i += PUBLISH_CHUNK)
    tx.emit({
      kind: 'BallotsPublished',
      at: tx.now,
      boxId,
      ballots: ballots.slice(i, i + PUBLISH_CHUNK),
    });
  return ballots.map((b) => b.ballot);
}

/** Counts yes/no/abstain (or recall/keep/abstain) ballots. */
export function countChoices(ballots: readonly BallotContent[]): {
  yes: number;
  no: number;
  abstain: number;
} {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const b of ballots) {
    if (b === 'yes' || b === 'recall') yes++;
    else if (b === 'no' || b === 'keep') no++;
    else if (b === 'abstain') abstain++;
  }
  return { yes, no, abstain };
}

/** Quorum and threshold by the counting module's exact rules (RULES.md, Motions). */
export function decideVote(
  box: BallotBox,
  ballots: readonly BallotContent[],
  threshold: 'simple-majority' | 'two-thirds',
) {
  const votes = countChoices(ballots);
  const result = tallyMotion(votes, {
    votingBody: box.rollSize,
    quorum: { numerator: box.quorumPercent, denominator: 100 },
    threshold,
  });
  return { ...votes, result };
}
