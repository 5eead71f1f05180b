import { type BallotProfile, CANDIDATE_MASK } from './profile.js';
import { drawLot, type LotBook } from './tie-break.js';

/**
 * Approval voting: a ballot approves every candidate it marks (its order and ties do
 * not matter); the `seats` candidates with most approvals are elected, most first. A tie
 * for the last seat(s) is settled by lot (recorded). Withdrawn candidates get nothing.
 */
export function countApproval(
  profile: BallotProfile,
  ids: readonly string[],
  seats: number,
  book: LotBook,
): { approvals: number[]; elected: number[] } {
  const n = ids.length;
  const { lines, weights, offsets, marks } = profile.ballots;
  const approvals = new Float64Array(n);
  for (let line = 0; line < lines; line++) {
    const w = weights[line] as number;
    const stop = offsets[line + 1] as number;
    for (let i = offsets[line] as number; i < stop; i++) {
      const c = (marks[i] as number) & CANDIDATE_MASK;
      approvals[c] = (approvals[c] as number) + w;
    }
  }
  for (const w of profile.withdrawn) approvals[w] = 0;
  const withdrawn = new Set(profile.withdrawn);
  let left = ids.map((_, i) => i).filter((i) => !withdrawn.has(i));
  const elected: number[] = [];
  while (elected.length < seats && left.length > 0) {
    let best = -1;
    for (const c of left)
      if (best === -1 || (approvals[c] as number) > (approvals[best] as number)) best = c;
    const tied = left.filter((c) => approvals[c] === approvals[best]);
    // Only a tie that straddles the seats left needs a lot; otherwise take them in order.
    const next =
      tied.length > seats - elected.length ? drawLot(tied, book, 'elect', 1) : (tied[0] as number);
    elected.push(next);
    left = left.filter((c) => c !== next);
  }
  return { approvals: Array.from(approvals), elected };
}
