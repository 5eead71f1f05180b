/** fast-check generators of small random ballot profiles, for property tests. */
import fc from 'fast-check';
import type { BallotProfile } from '../profile.js';
import { profileFromBallots } from '../profile-from-ballots.js';

export interface ProfileShape {
  /** Most candidates (at least 2). */
  readonly maxCandidates?: number;
  /** Allow ranks holding several candidates (ties / overvotes). */
  readonly ties?: boolean;
  /** Allow withdrawn candidates. */
  readonly withdrawn?: boolean;
  readonly maxBallots?: number;
  readonly maxWeight?: number;
}

/**
 * A random profile: 2..maxCandidates candidates named c0, c1, …; ballots ranking a
 * random subset in random order (possibly empty), some grouped in ties; weights 1..maxWeight;
 * seats 1..candidates. Few candidates and small weights make ties, and so lots, common.
 */
export function arbitraryProfile(shape: ProfileShape = {}): fc.Arbitrary<BallotProfile> {
  const maxC = shape.maxCandidates ?? 6;
  return fc.integer({ min: 2, max: maxC }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const ballot = fc
      .tuple(
        fc.shuffledSubarray(ids),
        fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        fc.integer({ min: 1, max: shape.maxWeight ?? 3 }),
      )
      .map(([order, tieFlags, weight]) => {
        const ranking: (string | string[])[] = [];
        for (const [i, id] of order.entries()) {
          const last = ranking[ranking.length - 1];
          if (shape.ties && i > 0 && tieFlags[i] && tieFlags[0]) {
            if (Array.isArray(last)) last.push(id);
            else ranking[ranking.length - 1] = [last as string, id];
          } else ranking.push(id);
        }
        return { ranking, weight };
      });
    return fc
      .tuple(
        fc.array(ballot, { minLength: 0, maxLength: shape.maxBallots ?? 40 }),
        fc.integer({ min: 1, max: n }),
        shape.withdrawn ? fc.subarray(ids, { maxLength: Math.max(0, n - 1) }) : fc.constant([]),
      )
      .map(([ballots, seats, withdrawn]) =>
        profileFromBallots({ candidates: ids, ballots, seats, withdrawn, title: 'random' }),
      );
  });
}
