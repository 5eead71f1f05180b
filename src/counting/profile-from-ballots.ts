import { countingError } from './errors.js';
import { PackedBuilder } from './packed-builder.js';
import {
  type BallotProfile,
  type Candidate,
  MAX_CANDIDATES,
  type ProfileInput,
  type Ranking,
  TIED_WITH_PREVIOUS,
} from './profile.js';

/**
 * Builds a profile from the domain's ballots (rankings of candidate ids, best first;
 * an inner array is a group ranked equal), aggregating identical rankings into one
 * weighted line. Refuses unknown or repeated candidates and bad weights
 * (BALLOT_UNKNOWN_CANDIDATE, BALLOT_DUPLICATE_CANDIDATE, BALLOT_BAD_WEIGHT, with `ballot`
 * the 1-based index in `input.ballots`) and bad candidate lists (COUNT_BAD_CANDIDATES).
 */
export function profileFromBallots(input: ProfileInput): BallotProfile {
  const candidates: Candidate[] = input.candidates.map((c) =>
    typeof c === 'string' ? { id: c, name: c } : { id: c.id, name: c.name },
  );
  if (candidates.length > MAX_CANDIDATES)
    throw countingError('COUNT_BAD_CANDIDATES', {
      reason: `at most ${MAX_CANDIDATES} are supported`,
    });
  const index = new Map<string, number>();
  for (const [i, c] of candidates.entries()) {
    if (typeof c.id !== 'string' || c.id === '')
      throw countingError('COUNT_BAD_CANDIDATES', {
        reason: 'every candidate needs a non-empty id',
      });
    if (index.has(c.id))
      throw countingError('COUNT_BAD_CANDIDATES', { reason: `"${c.id}" is listed twice` });
    index.set(c.id, i);
  }
  const withdrawn: number[] = [];
  for (const id of input.withdrawn ?? []) {
    const i = index.get(id);
    if (i === undefined)
      throw countingError('COUNT_BAD_CANDIDATES', {
        reason: `withdrawn "${id}" is not a candidate`,
      });
    if (!withdrawn.includes(i)) withdrawn.push(i);
  }
  // Aggregate identical rankings: key = the packed marks.
  const lineOf = new Map<string, number>();
  const rankings: number[][] = [];
  const weights: number[] = [];
  for (const [b, ballot] of input.ballots.entries()) {
    const ranking: Ranking = Array.isArray(ballot)
      ? (ballot as Ranking)
      : (ballot as { ranking: Ranking }).ranking;
    const weight = Array.isArray(ballot) ? 1 : (ballot as { weight: number }).weight;
    if (!Number.isSafeInteger(weight) || weight < 1)
      throw countingError('BALLOT_BAD_WEIGHT', { ballot: b + 1, weight });
    const marks: number[] = [];
    const seen = new Set<number>();
    for (const rank of ranking) {
      const group = typeof rank === 'string' ? [rank] : rank;
      for (const [g, id] of group.entries()) {
        const c = index.get(id);
        if (c === undefined)
          throw countingError('BALLOT_UNKNOWN_CANDIDATE', { ballot: b + 1, candidate: id });
        if (seen.has(c))
          throw countingError('BALLOT_DUPLICATE_CANDIDATE', { ballot: b + 1, candidate: id });
        seen.add(c);
        marks.push(g > 0 ? c | TIED_WITH_PREVIOUS : c);
      }
    }
    const key = marks.join(',');
    const line = lineOf.get(key);
    if (line === undefined) {
      lineOf.set(key, rankings.length);
      rankings.push(marks);
      weights.push(weight);
    } else weights[line] = (weights[line] as number) + weight;
  }
  const builder = new PackedBuilder();
  for (const [i, marks] of rankings.entries()) {
    for (const m of marks) builder.mark(m);
    builder.close(weights[i] as number);
  }
  return {
    kind: 'BallotProfile',
    title: input.title ?? '',
    candidates,
    seats: input.seats ?? 1,
    withdrawn: withdrawn.sort((a, b) => a - b),
    ballots: builder.build(),
  };
}
