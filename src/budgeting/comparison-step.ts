import type { Profile } from './profile.js';

export interface ComparisonOutcome {
  /** Voters better off with the Method of Equal Shares' outcome. */
  readonly prefersEqualShares: number;
  /** Voters better off with greedy's. */
  readonly prefersGreedy: number;
  /** Whether the outcome of Equal Shares stands (greedy wins only with more voters). */
  readonly keepsEqualShares: boolean;
}

/**
 * The comparison step that some cities add after the Method of Equal Shares
 * (`equalshares/…-comparison` in Pabulib; the compute tool's comparison "satisfaction",
 * which Pabulib's checker uses): each voter's satisfaction with an outcome is the sum of
 * their weights for its funded projects — for approval ballots, how many of the projects
 * they voted for are funded. Greedy's outcome replaces Equal Shares' only if strictly more
 * voters are more satisfied with it than with Equal Shares'.
 */
export function compareWithGreedy(
  profile: Profile,
  equalShares: readonly number[],
  greedy: readonly number[],
): ComparisonOutcome {
  const inMes = new Uint8Array(profile.m);
  const inGreedy = new Uint8Array(profile.m);
  for (const c of equalShares) inMes[c] = 1;
  for (const c of greedy) inGreedy[c] = 1;
  let prefersEqualShares = 0;
  let prefersGreedy = 0;
  for (let i = 0; i < profile.n; i++) {
    let mes = 0;
    let grd = 0;
    const end = profile.ballotStart[i + 1] ?? 0;
    for (let e = profile.ballotStart[i] ?? 0; e < end; e++) {
      const c = profile.ballotProject[e] ?? 0;
      const w = profile.ballotWeight[e] ?? 0;
      if (inMes[c] === 1) mes += w;
      if (inGreedy[c] === 1) grd += w;
    }
    if (mes > grd) prefersEqualShares += 1;
    else if (grd > mes) prefersGreedy += 1;
  }
  return {
    prefersEqualShares,
    prefersGreedy,
    keepsEqualShares: prefersGreedy <= prefersEqualShares,
  };
}
