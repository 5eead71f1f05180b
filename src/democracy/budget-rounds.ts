import {
  type BudgetBallot,
  type BudgetInstance,
  RULE_NAMES,
  type RuleName,
  selectProjects,
} from '../budgeting/index.js';
import { seededLot } from '../counting/index.js';
import { DAY } from './constitution.js';
import { formatMoney, isCurrency, minorUnitDigits } from './currency.js';
import { democracyError } from './errors.js';
import type { ProjectTally } from './events/budget-events.js';
import type { MotionBody } from './motion-body.js';
import { PMap } from './pmap.js';
import { activeMember, lineage } from './queries.js';
import { receiptFor } from './secrets.js';
import type { Council, Motion, OrgState } from './state.js';
import { checkAmount, checkText, currencyProblem, nextTreasuryId } from './treasury.js';
import type { TreasuryCommand } from './treasury-commands.js';
import {
  type BudgetBallotContent,
  type BudgetRound,
  type PublishedBudgetBallot,
  ROUND_VOTE_TYPES,
} from './treasury-state.js';
import type { Tx } from './tx.js';

/**
 * Participatory budgets (RULES.md, "Treasury and distribution": "a council opens a round
 * with a budget; members propose projects with costs; members vote; the Method of Equal
 * Shares picks the funded projects").
 *
 * - A `budget` motion of a council, once passed, opens a round: every power comes from a
 *   vote, and the budget, vote type and rule are what the voting body decided.
 * - The electorate is the members of the council's subtree (for a base council, its
 *   members): members, not their delegates, decide what the money is spent on. They
 *   propose projects during the proposal phase (`nominationDays`), then vote during the
 *   voting phase (`votingDays`), both fixed when the round opens.
 * - Ballots are secret like every member's ballot (RECORD.md): the record shows the
 *   count while voting is open; at the close the ballots are published by receipt.
 * - At the close the round's rule (`equalshares/add1` unless the motion chose another
 *   pabulib rule) runs on the published ballots through `src/budgeting`, with exact
 *   arithmetic. A project no ballot names cannot be funded. The last tie-break (after
 *   score, or after lower cost and more votes) is an order of the projects drawn by lot
 *   from the closing checkpoint, recorded with the result so that anyone can recount.
 * - Every funded project becomes a spending authorisation of its cost to its payee.
 */

type Cmd<K extends TreasuryCommand['kind']> = Extract<TreasuryCommand, { kind: K }>;
type BudgetBody = Extract<MotionBody, { kind: 'budget' }>;

/** The most projects a round takes (the closing entry lists each with its tally). */
export const MAX_PROJECTS = 300;
/** Points each voter spreads in a cumulative round unless the motion says otherwise. */
export const DEFAULT_POINTS = 10;
export const DEFAULT_RULE: RuleName = 'equalshares/add1';
/** A part of the published ballots stays well below an entry's 64 KiB. */
const PUBLISH_BYTES = 30_000;
const PUBLISH_MAX = 200;

const wholeIn = (v: unknown, lo: number, hi: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= lo && v <= hi;

/** Why a budget motion cannot be proposed (or take effect) in `council`, or null. */
export function budgetProblem(state: OrgState, council: Council, body: BudgetBody): string | null {
  if (!wholeIn(body.amount, 1, 1e15))
    return 'the budget must be a positive whole number of minor units (cents)';
  if (!isCurrency(body.currency)) return 'the currency must be an ISO 4217 code such as EUR';
  if (!ROUND_VOTE_TYPES.includes(body.voteType))
    return `the vote type must be one of ${ROUND_VOTE_TYPES.join(', ')}`;
  const rule = body.rule ?? DEFAULT_RULE;
  if (!RULE_NAMES.includes(rule)) return `the rule must be one of ${RULE_NAMES.join(', ')}`;
  if (body.points !== undefined) {
    if (body.voteType !== 'cumulative') return 'only cumulative ballots have points';
    if (!wholeIn(body.points, 1, 1000)) return 'the points per voter must be from 1 to 1,000';
  }
  if (body.maxChoices !== undefined) {
    if (body.voteType === 'cumulative') return 'cumulative ballots are limited by their points';
    if (!wholeIn(body.maxChoices, 1, MAX_PROJECTS))
      return `the most projects per ballot must be from 1 to ${MAX_PROJECTS}`;
  }
  if (rule === 'greedy-threshold' && body.minScore === undefined)
    return 'the rule greedy-threshold needs the least score a project must reach (minScore)';
  if (body.minScore !== undefined) {
    if (rule !== 'greedy-threshold') return 'only the rule greedy-threshold takes a minScore';
    if (!wholeIn(body.minScore, 1, 1e12)) return 'minScore must be a positive whole number';
  }
  return currencyProblem(state, council.id, body.currency);
}

/** A passed budget motion opens its round; deadlines are fixed now (RULES.md). */
export function openRound(tx: Tx, motion: Motion): void {
  const body = motion.body as BudgetBody;
  const c = tx.state.constitution;
  const proposalsCloseAt = tx.now + c.nominationDays * DAY;
  tx.emit({
    kind: 'BudgetRoundOpened',
    at: tx.now,
    roundId: nextTreasuryId(tx.state, 'round'),
    councilId: motion.councilId,
    motionId: motion.id,
    title: motion.title,
    budget: body.amount,
    currency: body.currency,
    scale: minorUnitDigits(body.currency),
    voteType: body.voteType,
    rule: body.rule ?? DEFAULT_RULE,
    points: body.voteType === 'cumulative' ? (body.points ?? DEFAULT_POINTS) : null,
    maxChoices: body.maxChoices ?? null,
    minScore: body.minScore ?? null,
    proposalsCloseAt,
    votingCloseAt: proposalsCloseAt + c.votingDays * DAY,
  });
}

/** Whether `memberId` is an active member of a base council in `councilId`'s subtree. */
export function inElectorate(state: OrgState, councilId: string, memberId: string): boolean {
  const member = activeMember(state, memberId);
  return member !== undefined && lineage(state, member.councilId).some((c) => c.id === councilId);
}

/**
 * The round's roll: the members of the base councils in the council's subtree (for a
 * base council, its own member set, shared at no cost). O(members of the subtree).
 */
export function roundElectorate(state: OrgState, councilId: string): PMap<true> {
  const council = state.councils.get(councilId);
  if (!council) return PMap.empty();
  if (council.kind === 'base') return council.members;
  const ids: string[] = [];
  const walk = (c: Council) => {
    if (c.kind === 'base') ids.push(...c.members.keys());
    for (const childId of c.childIds) {
      const child = state.councils.get(childId);
      if (child) walk(child);
    }
  };
  walk(council);
  ids.sort();
  return PMap.of(ids.map((id) => [id, true as const]));
}

function roundOf(tx: Tx, roundId: unknown): BudgetRound {
  const round = typeof roundId === 'string' ? tx.state.treasury.rounds.get(roundId) : undefined;
  if (!round) throw democracyError('ROUND_UNKNOWN', { roundId: String(roundId) });
  return round;
}

export function proposeProject(tx: Tx, cmd: Cmd<'ProposeProject'>): void {
  const me = tx.member();
  const round = roundOf(tx, cmd.roundId);
  if (round.phase !== 'proposals' || tx.now >= round.proposalsCloseAt)
    throw democracyError('ROUND_PHASE', { phase: round.phase, action: 'propose projects' });
  if (!inElectorate(tx.state, round.councilId, me.id))
    throw democracyError('NOT_IN_ELECTORATE', {
      councilId: round.councilId,
      action: 'propose projects',
    });
  const title = checkText(cmd.title, 'a project title', 1, 200);
  const description = checkText(cmd.description, 'a project description', 0, 5000);
  const payee = checkText(cmd.payee, 'the payee', 1, 200);
  const cost = checkAmount(cmd.cost, 'the cost');
  if (cost > round.budget)
    throw democracyError('PROJECT_TOO_EXPENSIVE', {
      cost: formatMoney(cost, round.currency),
      budget: formatMoney(round.budget, round.currency),
    });
  if (round.projectIds.length >= MAX_PROJECTS)
    throw democracyError('BAD_COMMAND', {
      reason: `a round takes at most ${MAX_PROJECTS} projects`,
    });
  tx.emit({
    kind: 'ProjectProposed',
    at: tx.now,
    by: me.id,
    roundId: round.id,
    projectId: nextTreasuryId(tx.state, 'project'),
    title,
    description,
    cost,
    payee,
  });
}

export function withdrawProject(tx: Tx, cmd: Cmd<'WithdrawProject'>): void {
  const me = tx.member();
  const project =
    typeof cmd.projectId === 'string' ? tx.state.treasury.projects.get(cmd.projectId) : undefined;
  if (!project || project.withdrawn)
    throw democracyError('PROJECT_UNKNOWN', { projectId: String(cmd.projectId) });
  if (project.proposedBy !== me.id) throw democracyError('NOT_PROJECT_PROPOSER');
  const round = roundOf(tx, project.roundId);
  if (round.phase !== 'proposals' || tx.now >= round.proposalsCloseAt)
    throw democracyError('ROUND_PHASE', { phase: round.phase, action: 'withdraw a project' });
  tx.emit({
    kind: 'ProjectWithdrawn',
    at: tx.now,
    by: me.id,
    roundId: round.id,
    projectId: project.id,
  });
}

/**
 * A ballot as the round's vote type allows it, normalised: approval and cumulative
 * ballots list their projects in the ballot's order (the order a voter clicked in tells
 * nothing then); an ordinal ballot keeps its ranking. Throws BAD_BALLOT with the reason.
 */
export function checkBudgetBallot(
  round: BudgetRound,
  projects: unknown,
  points: unknown,
): BudgetBallotContent {
  const bad = (reason: string) => democracyError('BAD_BALLOT', { reason });
  if (!Array.isArray(projects) || projects.length === 0) throw bad('name at least one project');
  const position = new Map(round.ballotProjects.map((id, i) => [id, i]));
  const seen = new Set<string>();
  for (const id of projects) {
    if (typeof id !== 'string' || !position.has(id))
      throw bad(`${String(id)} is not a project on this ballot`);
    if (seen.has(id)) throw bad(`${id} is named twice`);
    seen.add(id);
  }
  const named = projects as string[];
  const byBallotOrder = (a: number, b: number) =>
    (position.get(named[a] as string) ?? 0) - (position.get(named[b] as string) ?? 0);
  const order = named.map((_, i) => i).sort(byBallotOrder);
  if (round.voteType === 'cumulative') {
    if (!Array.isArray(points) || points.length !== named.length)
      throw bad('give points to each project you name, in the same order');
    let sum = 0;
    for (const p of points) {
      if (!wholeIn(p, 1, round.points ?? DEFAULT_POINTS))
        throw bad('points are whole numbers from 1');
      sum += p as number;
    }
    if (sum > (round.points ?? DEFAULT_POINTS))
      throw bad(`you have ${round.points} points to spread, not ${sum}`);
    return {
      projects: order.map((i) => named[i] as string),
      points: order.map((i) => points[i] as number),
    };
  }
  if (points !== undefined) throw bad(`${round.voteType} ballots have no points`);
  if (round.maxChoices !== null && named.length > round.maxChoices)
    throw bad(`name at most ${round.maxChoices} projects`);
  if (round.voteType === 'ordinal') return { projects: [...named] };
  return { projects: order.map((i) => named[i] as string) };
}

/** Whether a round takes ballots at `now`: in its voting phase, until its fixed close. */
export function roundOpenAt(round: BudgetRound, now: number): boolean {
  return round.phase === 'voting' && now < round.votingCloseAt;
}

/**
 * Casts the member's secret budget ballot (RECORD.md, "Secret ballots on a public
 * record"): refused outside the voting phase, off the roll (fixed when voting opened),
 * and a second time. The voter, the receipt (from the caller's fresh entropy alone) and
 * the ballot are only in the event's `secret` until the close.
 */
export function castBudgetBallot(tx: Tx, cmd: Cmd<'CastBudgetBallot'>): void {
  const me = tx.member();
  const round = roundOf(tx, cmd.roundId);
  if (!roundOpenAt(round, tx.now)) throw democracyError('VOTING_NOT_OPEN');
  if (!round.roll.has(me.id)) throw democracyError('NOT_ON_ROLL');
  if (round.voted.has(me.id)) throw democracyError('ALREADY_VOTED');
  const ballot = checkBudgetBallot(round, cmd.projects, cmd.points);
  const receipt = receiptFor(tx.ctx.entropy);
  if (round.sealed.has(receipt)) throw democracyError('ENTROPY_TOO_SHORT');
  tx.emit({
    kind: 'BudgetBallotCast',
    at: tx.now,
    roundId: round.id,
    cast: round.cast + 1,
    secret: { voterId: me.id, receipt, ballot },
  });
}

/** The proposal phase ends: voting opens on the projects not withdrawn, or the round lapses. */
export function closeProposals(tx: Tx, roundId: string): void {
  const round = tx.state.treasury.rounds.get(roundId) as BudgetRound;
  const projects = round.projectIds.filter((id) => !tx.state.treasury.projects.get(id)?.withdrawn);
  const council = tx.state.councils.get(round.councilId);
  const reason =
    council?.dissolvedAt !== null
      ? 'the council has been dissolved'
      : projects.length === 0
        ? 'no project was proposed'
        : null;
  if (reason !== null) {
    tx.emit({ kind: 'BudgetRoundLapsed', at: tx.now, roundId, reason });
    return;
  }
  tx.emit({
    kind: 'BudgetVotingOpened',
    at: tx.now,
    roundId,
    projects,
    rollSize: roundElectorate(tx.state, round.councilId).size,
  });
}

/**
 * The last tie-break of a round: its ballot's projects (in the order proposed) shuffled
 * by Fisher–Yates (i from the last index down to 1, swapping i with a draw among 0…i)
 * with the lot seeded by `${seed}/${roundId}` (counting/seeded-lot.ts).
 */
export function drawOrder(seed: string, roundId: string, projects: readonly string[]): string[] {
  const lot = seededLot(`${seed}/${roundId}`);
  const order = [...projects];
  for (let i = order.length - 1; i > 0; i--) {
    const j = lot.draw(i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

/**
 * The round as the rules see it (budgeting/budget-instance.ts): the budget, the projects
 * some ballot names (in the drawn `order`, the rules' last tie-break), and one ballot per
 * published ballot (its receipt as the voter id). Null when no project has support.
 */
export function roundInstance(
  round: Pick<BudgetRound, 'budget' | 'scale' | 'voteType' | 'minScore'>,
  costs: ReadonlyMap<string, number>,
  order: readonly string[],
  ballots: readonly PublishedBudgetBallot[],
): BudgetInstance | null {
  const named = new Set<string>();
  for (const b of ballots) for (const id of b.projects) named.add(id);
  const projects = order
    .filter((id) => named.has(id))
    .map((id) => ({ id, cost: BigInt(costs.get(id) ?? 0) }));
  if (projects.length === 0) return null;
  return {
    budget: BigInt(round.budget),
    scale: round.scale,
    voteType: round.voteType,
    projects,
    ballots: ballots.map(
      (b): BudgetBallot => ({
        voterId: b.receipt,
        projects: b.projects,
        ...(b.points ? { points: b.points } : {}),
      }),
    ),
    ...(round.minScore !== null ? { scoreThreshold: BigInt(round.minScore) } : {}),
  };
}

/** Votes and score of each project, as the vote type scores them (budgeting/profile.ts). */
export function tallyOf(
  voteType: BudgetRound['voteType'],
  projects: readonly string[],
  ballots: readonly BudgetBallotContent[],
): ProjectTally[] {
  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  for (const b of ballots)
    b.projects.forEach((id, r) => {
      // Cumulative: the points; ordinal: k for the first of k ranked, … 1 for the last.
      const weight =
        voteType === 'cumulative'
          ? (b.points?.[r] ?? 0)
          : voteType === 'ordinal'
            ? b.projects.length - r
            : 1;
      votes.set(id, (votes.get(id) ?? 0) + 1);
      score.set(id, (score.get(id) ?? 0) + weight);
    });
  return projects.map((projectId) => ({
    projectId,
    votes: votes.get(projectId) ?? 0,
    score: score.get(projectId) ?? 0,
  }));
}

/**
 * Voting closes: the ballots are published by receipt, in parts; the rule picks the
 * funded projects from them (src/budgeting, exact); each funded project becomes an
 * authorisation (by the closing event's evolve).
 */
export function closeRound(tx: Tx, roundId: string): void {
  const round = tx.state.treasury.rounds.get(roundId) as BudgetRound;
  // PMap iterates in key order: by receipt, which reveals nothing about voters.
  const ballots: PublishedBudgetBallot[] = [...round.sealed.entries()].map(([receipt, b]) => ({
    receipt,
    ...b,
  }));
  let part: PublishedBudgetBallot[] = [];
  let bytes = 0;
  const flush = () => {
    if (part.length === 0) return;
    tx.emit({ kind: 'BudgetBallotsPublished', at: tx.now, roundId, ballots: part });
    part = [];
    bytes = 0;
  };
  for (const b of ballots) {
    const size = JSON.stringify(b).length + 1;
    if (part.length >= PUBLISH_MAX || bytes + size > PUBLISH_BYTES) flush();
    part.push(b);
    bytes += size;
  }
  flush();
  // The published list is what anyone recounts from; with the secrets it equals `ballots`.
  const published = tx.state.treasury.rounds.get(roundId)?.published ?? ballots;
  const order = drawOrder(tx.ctx.seed, roundId, round.ballotProjects);
  const costs = new Map(
    round.ballotProjects.map((id) => [id, tx.state.treasury.projects.get(id)?.cost ?? 0]),
  );
  const instance = roundInstance(round, costs, order, published);
  const selection = instance ? selectProjects(instance, round.rule, { payments: false }) : null;
  const report = selection?.report;
  tx.emit({
    kind: 'BudgetRoundClosed',
    at: tx.now,
    roundId,
    cast: round.cast,
    seed: tx.ctx.seed,
    order,
    tally: tallyOf(round.voteType, round.ballotProjects, published),
    selected: selection ? [...selection.selected] : [],
    spent: selection ? Number(selection.spent) : 0,
    perVoter:
      report?.kind === 'equal-shares' ? `${report.perVoter.num}/${report.perVoter.den}` : null,
  });
}
