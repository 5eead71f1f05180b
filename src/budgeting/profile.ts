import type { BudgetInstance } from './budget-instance.js';
import { budgetingError } from './errors.js';

/**
 * A round compiled into flat arrays that the rules run on: projects and voters become
 * indices, each ballot becomes (project, weight) pairs, and each project keeps the list
 * of its supporters. Built once per round and shared by every rule run on it.
 *
 * A voter's weight for a project is their score for it, as the vote type defines
 * (pabulib.org/format, `vote_type`; the same counting as Pabulib's checker):
 * - approval and choose-1: 1 for each named project;
 * - cumulative and scoring: the points given;
 * - ordinal: the points given if the ballot has them, else by position: with k projects
 *   ranked, the first gets k, the second k − 1, …, the last 1.
 * A project's score is the sum of its weights; its votes are the ballots that name it.
 */
export interface Profile {
  /** Voters (ballots), including any that name no project: each holds a share. */
  readonly n: number;
  /** Projects, in the round's order. */
  readonly m: number;
  readonly ids: readonly string[];
  readonly costs: readonly bigint[];
  /** Ballot of voter i: `ballotProject/ballotWeight[ballotStart[i] .. ballotStart[i+1])`. */
  readonly ballotStart: Int32Array;
  readonly ballotProject: Int32Array;
  readonly ballotWeight: Float64Array;
  /**
   * Supporters of project c (voters with a positive weight for it):
   * `supporter/supporterWeight[supportStart[c] .. supportStart[c+1])`.
   */
  readonly supportStart: Int32Array;
  readonly supporter: Int32Array;
  readonly supporterWeight: Float64Array;
  /** Ballots naming each project. */
  readonly votes: Int32Array;
  /** Each project's score (a whole number below 2^53). */
  readonly scores: Float64Array;
}

function bad(reason: string): never {
  throw budgetingError('PB_BAD_INSTANCE', { reason });
}

/**
 * Compiles and checks a round: project ids unique and non-empty, costs positive, every
 * ballot naming known projects at most once, points whole, non-negative and present
 * exactly where the vote type needs them. Violations throw PB_BAD_INSTANCE.
 */
export function compileProfile(instance: BudgetInstance): Profile {
  const { projects, ballots, voteType } = instance;
  if (instance.budget < 0n) bad('the budget is negative');
  if (!Number.isInteger(instance.scale) || instance.scale < 0 || instance.scale > 18) {
    bad(`the scale ${instance.scale} is not a whole number from 0 to 18`);
  }
  const m = projects.length;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const costs: bigint[] = [];
  for (const [c, project] of projects.entries()) {
    if (project.id === '') bad(`project ${c + 1} has an empty id`);
    if (index.has(project.id)) bad(`the project id "${project.id}" appears twice`);
    if (project.cost <= 0n) bad(`project "${project.id}" does not have a positive cost`);
    index.set(project.id, c);
    ids.push(project.id);
    costs.push(project.cost);
  }

  const n = ballots.length;
  let entries = 0;
  for (const ballot of ballots) entries += ballot.projects.length;
  const ballotStart = new Int32Array(n + 1);
  const ballotProject = new Int32Array(entries);
  const ballotWeight = new Float64Array(entries);
  const votes = new Int32Array(m);
  const scores = new Float64Array(m);
  const supportCount = new Int32Array(m);
  const seen = new Int32Array(m).fill(-1);
  const needsPoints = voteType === 'cumulative' || voteType === 'scoring';
  const mayHavePoints = needsPoints || voteType === 'ordinal';
  let at = 0;
  for (const [i, ballot] of ballots.entries()) {
    ballotStart[i] = at;
    const named = ballot.projects;
    const points = ballot.points;
    if (points !== undefined) {
      if (!mayHavePoints)
        bad(`ballot "${ballot.voterId}" has points, which ${voteType} ballots do not`);
      if (points.length !== named.length) {
        bad(
          `ballot "${ballot.voterId}" names ${named.length} projects but gives ${points.length} points`,
        );
      }
    } else if (needsPoints) {
      bad(`ballot "${ballot.voterId}" has no points, which ${voteType} ballots need`);
    }
    if (voteType === 'choose-1' && named.length !== 1) {
      bad(`ballot "${ballot.voterId}" names ${named.length} projects; choose-1 ballots name one`);
    }
    for (const [r, id] of named.entries()) {
      const c = index.get(id);
      if (c === undefined) bad(`ballot "${ballot.voterId}" names the unknown project "${id}"`);
      if (seen[c] === i) bad(`ballot "${ballot.voterId}" names project "${id}" twice`);
      seen[c] = i;
      let weight = 1;
      if (points !== undefined) {
        weight = points[r] ?? 0;
        if (!Number.isSafeInteger(weight) || weight < 0) {
          bad(
            `ballot "${ballot.voterId}" gives ${weight} points; points are whole and not negative`,
          );
        }
      } else if (voteType === 'ordinal') {
        weight = named.length - r;
      }
      ballotProject[at] = c;
      ballotWeight[at] = weight;
      at += 1;
      votes[c] = (votes[c] ?? 0) + 1;
      scores[c] = (scores[c] ?? 0) + weight;
      if (weight > 0) supportCount[c] = (supportCount[c] ?? 0) + 1;
    }
  }
  ballotStart[n] = at;

  const supportStart = new Int32Array(m + 1);
  for (let c = 0; c < m; c++) supportStart[c + 1] = (supportStart[c] ?? 0) + (supportCount[c] ?? 0);
  const total = supportStart[m] ?? 0;
  const supporter = new Int32Array(total);
  const supporterWeight = new Float64Array(total);
  const fill = supportStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    const end = ballotStart[i + 1] ?? 0;
    for (let e = ballotStart[i] ?? 0; e < end; e++) {
      const weight = ballotWeight[e] ?? 0;
      if (weight <= 0) continue;
      const c = ballotProject[e] ?? 0;
      const slot = fill[c] ?? 0;
      supporter[slot] = i;
      supporterWeight[slot] = weight;
      fill[c] = slot + 1;
    }
  }
  for (const score of scores) {
    if (!Number.isSafeInteger(score)) bad('a project score exceeds 2^53');
  }
  return {
    n,
    m,
    ids,
    costs,
    ballotStart,
    ballotProject,
    ballotWeight,
    supportStart,
    supporter,
    supporterWeight,
    votes,
    scores,
  };
}
