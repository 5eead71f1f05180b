import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BudgetInstance, type RuleName, selectProjects } from '../../src/budgeting/index.js';
import {
  type DemocracyEvent,
  envelopeOf,
  evolve,
  initialState,
  type MotionBody,
  publicPart,
} from '../../src/democracy/index.js';
import type { BudgetRound, RoundVoteType } from '../../src/democracy/treasury-state.js';
import { balances, books, income, passInDocks, pay } from './treasury-world.js';
import { DAY, northWithDelegates, passMotion, World } from './world.js';

/** Opens a round in Docks by a passed budget motion; returns the round. */
function openRound(b: ReturnType<typeof books>, body: Partial<MotionBody> = {}): BudgetRound {
  passInDocks(
    b,
    {
      kind: 'budget',
      amount: 100_000,
      currency: 'EUR',
      voteType: 'approval',
      ...body,
    } as MotionBody,
    'Participatory budget',
  );
  const round = [...b.w.state.treasury.rounds.values()].at(-1);
  if (!round) throw new Error('no round opened');
  return round;
}

function propose(w: World, by: string, roundId: string, title: string, cost: number): string {
  const [e] = w.run(by, {
    kind: 'ProposeProject',
    roundId,
    title,
    description: `${title}, described.`,
    cost,
    payee: `${title} collective`,
  });
  if (e?.kind !== 'ProjectProposed') throw new Error('not proposed');
  return e.projectId;
}

/**
 * The published ballots and the closing event of a round, read from the log alone, and
 * the round counted again from them by an independent call of the budgeting module.
 */
function recount(log: readonly DemocracyEvent[], round: BudgetRound) {
  const closed = log.find(
    (e): e is Extract<DemocracyEvent, { kind: 'BudgetRoundClosed' }> =>
      e.kind === 'BudgetRoundClosed' && e.roundId === round.id,
  );
  if (!closed) throw new Error('the round did not close');
  const ballots = log.flatMap((e) =>
    e.kind === 'BudgetBallotsPublished' && e.roundId === round.id ? e.ballots : [],
  );
  const costs = new Map<string, number>();
  for (const e of log)
    if (e.kind === 'ProjectProposed' && e.roundId === round.id) costs.set(e.projectId, e.cost);
  const named = new Set(ballots.flatMap((b) => b.projects));
  const instance: BudgetInstance = {
    budget: BigInt(round.budget),
    scale: round.scale,
    voteType: round.voteType,
    projects: closed.order
      .filter((id) => named.has(id))
      .map((id) => ({ id, cost: BigInt(costs.get(id) ?? 0) })),
    ballots: ballots.map((b) => ({
      voterId: b.receipt,
      projects: b.projects,
      ...(b.points ? { points: b.points } : {}),
    })),
    ...(round.minScore !== null ? { scoreThreshold: BigInt(round.minScore) } : {}),
  };
  const selection = instance.projects.length > 0 ? selectProjects(instance, round.rule) : null;
  return { closed, ballots, selected: selection ? [...selection.selected] : [], selection };
}

describe('Participatory budgets: a council opens a round with a budget; members propose projects, vote in secret; the rule picks the funded projects', () => {
  it('runs a full round: open by motion, propose, vote, close; the funded projects become authorisations and are paid', () => {
    const b = books();
    const { w, docks } = b;
    const mill = w.seedCouncil(docks[0] as string, 'Mill', 1)[0] as string;
    const round = openRound(b);
    const opened = w.events('BudgetRoundOpened')[0];
    expect(opened).toMatchObject({
      councilId: b.docksId,
      budget: 100_000,
      currency: 'EUR',
      scale: 2,
      rule: 'equalshares/add1',
      proposalsCloseAt: (opened?.at ?? 0) + 7 * DAY,
      votingCloseAt: (opened?.at ?? 0) + 14 * DAY,
    });
    const p1 = propose(w, docks[0] as string, round.id, 'Library', 60_000);
    const p2 = propose(w, docks[6] as string, round.id, 'Garden', 30_000);
    const p3 = propose(w, docks[7] as string, round.id, 'Mural', 30_000);
    const p4 = propose(w, docks[8] as string, round.id, 'Kiosk', 10_000);
    const base = {
      kind: 'ProposeProject' as const,
      roundId: round.id,
      description: '',
      payee: 'P',
    };
    w.refuse(
      docks[1] as string,
      { ...base, title: 'Palace', cost: 100_001 },
      'PROJECT_TOO_EXPENSIVE',
    );
    w.refuse(mill, { ...base, title: 'Elsewhere', cost: 100 }, 'NOT_IN_ELECTORATE');
    w.refuse(docks[1] as string, { ...base, title: '', cost: 100 }, 'BAD_COMMAND');
    w.refuse(docks[1] as string, { ...base, title: 'Free', cost: 0 }, 'BAD_COMMAND');
    w.refuse(
      docks[1] as string,
      { kind: 'WithdrawProject', projectId: p4 },
      'NOT_PROJECT_PROPOSER',
    );
    w.run(docks[8] as string, { kind: 'WithdrawProject', projectId: p4 });
    const ballot = (projects: string[]) => ({
      kind: 'CastBudgetBallot' as const,
      roundId: round.id,
      projects,
    });
    w.refuse(docks[0] as string, ballot([p1]), 'VOTING_NOT_OPEN');

    w.tick(round.proposalsCloseAt);
    expect(w.events('BudgetVotingOpened').at(-1)).toMatchObject({
      projects: [p1, p2, p3],
      rollSize: 10,
    });
    w.refuse(docks[1] as string, { ...base, title: 'Late', cost: 100 }, 'ROUND_PHASE');
    w.refuse(
      docks[8] as string,
      { kind: 'WithdrawProject', projectId: p1 },
      'NOT_PROJECT_PROPOSER',
    );
    const late = w.join(docks[0] as string, 'Latecomer');
    w.refuse(late, ballot([p1]), 'NOT_ON_ROLL');
    w.refuse(mill, ballot([p1]), 'NOT_ON_ROLL');
    w.refuse(docks[0] as string, ballot([p4]), 'BAD_BALLOT');
    w.refuse(docks[0] as string, ballot([p1, p1]), 'BAD_BALLOT');
    w.refuse(docks[0] as string, ballot([]), 'BAD_BALLOT');
    w.refuse(docks[0] as string, ballot(['pj99']), 'BAD_BALLOT');
    w.refuse(docks[0] as string, { ...ballot([p1]), points: [1] }, 'BAD_BALLOT');
    // Voters 0–5 support the library; 6–9 the garden, and 7–9 the mural too.
    docks.forEach((v, i) => {
      const events = w.run(v, ballot(i < 6 ? [p1] : i >= 7 ? [p3, p2] : [p2]));
      const cast = events[0];
      // The record shows the count only: the voter and the ballot are private.
      expect(cast && envelopeOf(cast)).toMatchObject({
        type: 'BudgetBallotCast',
        actor: null,
        data: { cast: i + 1 },
      });
      expect(cast && publicPart(cast)).toEqual({
        kind: 'BudgetBallotCast',
        at: w.now,
        roundId: round.id,
        cast: i + 1,
      });
    });
    w.refuse(docks[0] as string, ballot([p2]), 'ALREADY_VOTED');

    w.tick(round.votingCloseAt);
    const { closed, ballots, selected } = recount(w.log, round);
    expect(ballots).toHaveLength(10);
    expect(ballots.map((x) => x.receipt)).toEqual([...ballots.map((x) => x.receipt)].sort());
    // The approval ballots are normalised to the ballot's order.
    expect(
      ballots
        .filter((x) => x.projects.length === 2)
        .every((x) => x.projects.join() === [p2, p3].join()),
    ).toBe(true);
    // Equal Shares with cost utilities: each voter holds 10,000; the library (6 supporters,
    // 10,000 each) and the garden (4, 7,500 each) are bought; the mural's 3 supporters
    // have 2,500 left each, and any larger share would overspend (60 + 30 + 30 > 100).
    expect(closed.selected).toEqual([p1, p2]);
    expect(selected).toEqual(closed.selected);
    expect(closed.spent).toBe(90_000);
    expect(closed.tally).toEqual([
      { projectId: p1, votes: 6, score: 6 },
      { projectId: p2, votes: 4, score: 4 },
      { projectId: p3, votes: 3, score: 3 },
    ]);
    expect(w.state.treasury.rounds.get(round.id)?.phase).toBe('closed');
    expect(w.state.treasury.authorisations.get(p1)).toMatchObject({
      amount: 60_000,
      currency: 'EUR',
      payee: 'Library collective',
      purpose: 'Library',
      decision: { kind: 'budget', roundId: round.id, projectId: p1 },
    });
    expect(w.state.treasury.authorisations.has(p3)).toBe(false);
    // No timer of the round is left on the agenda.
    expect([...w.state.timers.values()].some((t) => t.ref === round.id)).toBe(false);

    income(b, 95_000);
    w.run(b.treasurer, pay(b, p1, 60_000));
    w.refuse(b.treasurer, pay(b, p2, 30_001), 'AUTHORISATION_EXCEEDED');
    w.run(b.treasurer, pay(b, p2, 30_000));
    w.refuse(b.treasurer, pay(b, p3, 1), 'AUTHORISATION_UNKNOWN');
    expect(w.events('PaymentMade').map((p) => p.decision)).toEqual([
      { kind: 'budget', roundId: round.id, projectId: p1 },
      { kind: 'budget', roundId: round.id, projectId: p2 },
    ]);
    expect(balances(w, b.docksId)).toMatchObject({ cash: 5_000, expenses: 90_000 });

    w.expectReplayEqualsLive();
    // A public replay (no secrets) knows the published ballots and the result, not the voters.
    const pub = w.log.map(publicPart).reduce(evolve, initialState());
    const live = w.state.treasury.rounds.get(round.id);
    const replayed = pub.treasury.rounds.get(round.id);
    expect(replayed?.published).toEqual(live?.published);
    expect(replayed?.selected).toEqual(live?.selected);
    expect(replayed?.voted.size).toBe(0);
    expect(live?.voted.size).toBe(10);
    expect([...pub.treasury.authorisations.entries()]).toEqual([
      ...w.state.treasury.authorisations.entries(),
    ]);
  });

  it('a delegate council’s round is decided by the members of its subtree; cumulative points; greedy by score', () => {
    const w = new World();
    const o = northWithDelegates(w);
    const depot = w.seedCouncil(o.founder, 'Depot', 1)[0] as string;
    const [d, m] = [o.docks[1] as string, o.mill[1] as string];
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: {
        kind: 'budget',
        amount: 50_000,
        currency: 'EUR',
        voteType: 'cumulative',
        points: 5,
        rule: 'greedy',
      },
      votes: { [d]: 'yes', [m]: 'yes' },
    });
    const round = [...w.state.treasury.rounds.values()][0] as BudgetRound;
    expect(round).toMatchObject({
      councilId: o.northId,
      points: 5,
      rule: 'greedy',
      voteType: 'cumulative',
    });
    // Members of the branches below propose, not only the delegates; South's may not.
    const a = propose(w, o.docks[5] as string, round.id, 'Bus', 30_000);
    const bb = propose(w, o.mill[5] as string, round.id, 'Bikes', 25_000);
    const c = propose(w, o.mill[6] as string, round.id, 'Benches', 20_000);
    w.refuse(
      depot,
      {
        kind: 'ProposeProject',
        roundId: round.id,
        title: 'X',
        description: '',
        cost: 1,
        payee: 'X',
      },
      'NOT_IN_ELECTORATE',
    );
    w.tick(round.proposalsCloseAt);
    expect(w.state.treasury.rounds.get(round.id)?.rollSize).toBe(20);
    const cast = (v: string, projects: string[], points?: number[]) =>
      w.run(v, {
        kind: 'CastBudgetBallot',
        roundId: round.id,
        projects,
        ...(points ? { points } : {}),
      });
    w.refuse(
      o.docks[0] as string,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: [a], points: [6] },
      'BAD_BALLOT',
    );
    w.refuse(
      o.docks[0] as string,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: [a, bb], points: [3, 3] },
      'BAD_BALLOT',
    );
    w.refuse(
      o.docks[0] as string,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: [a], points: [0] },
      'BAD_BALLOT',
    );
    w.refuse(
      o.docks[0] as string,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: [a] },
      'BAD_BALLOT',
    );
    w.refuse(
      depot,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: [a], points: [5] },
      'NOT_ON_ROLL',
    );
    // Scores: Bus 5×4 = 20; Bikes 3×3 + 2 = 11; Benches 2×3 + 5 + 5 = 16.
    for (const v of o.docks.slice(0, 4)) cast(v, [a], [5]);
    for (const v of o.mill.slice(0, 3)) cast(v, [c, bb], [2, 3]);
    cast(o.mill[3] as string, [bb], [2]);
    cast(o.mill[4] as string, [c], [5]);
    cast(o.docks[4] as string, [c], [5]);
    w.tick(round.votingCloseAt);
    const { closed, selected } = recount(w.log, round);
    // Greedy by score: Bus (30,000) fits; Benches (20,000) fits exactly; Bikes does not.
    expect(closed.selected).toEqual([a, c]);
    expect(selected).toEqual(closed.selected);
    expect(closed.tally.map((t) => [t.projectId, t.votes, t.score])).toEqual([
      [a, 4, 20],
      [bb, 4, 11],
      [c, 5, 16],
    ]);
    expect(closed.spent).toBe(50_000);
    expect(w.state.treasury.authorisations.get(c)?.councilId).toBe(o.northId);
    w.expectReplayEqualsLive();
  });

  it('ranked ballots score by position; the rule chosen by the motion decides', () => {
    const b = books();
    const round = openRound(b, { voteType: 'ordinal', rule: 'greedy-no-skip', maxChoices: 2 });
    const ids = ['A', 'B', 'C'].map((t, i) =>
      propose(b.w, b.docks[i] as string, round.id, t, 40_000),
    );
    b.w.tick(round.proposalsCloseAt);
    b.w.refuse(
      b.docks[0] as string,
      { kind: 'CastBudgetBallot', roundId: round.id, projects: ids },
      'BAD_BALLOT',
    );
    const [a, bb, c] = ids as [string, string, string];
    // Positional points for a ranking of k: k, k − 1, …: A = 2+2+1+1 = 6, B = 1+1+2 = 4, C = 2.
    b.w.run(b.docks[0] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: [a, bb],
    });
    b.w.run(b.docks[1] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: [a, bb],
    });
    b.w.run(b.docks[2] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: [bb, a],
    });
    b.w.run(b.docks[3] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: [c, a],
    });
    b.w.tick(round.votingCloseAt);
    const { closed, selected } = recount(b.w.log, round);
    expect(closed.tally.map((t) => t.score)).toEqual([6, 4, 2]);
    // Greedy without skipping: A and B fit (80,000), C does not, and the count stops.
    expect(closed.selected).toEqual([a, bb]);
    expect(selected).toEqual(closed.selected);
  });

  it('a round with no project lapses; a budget motion is checked when proposed', () => {
    const b = books();
    const round = openRound(b);
    b.w.tick(round.votingCloseAt + DAY);
    expect(b.w.events('BudgetRoundLapsed')).toEqual([
      {
        kind: 'BudgetRoundLapsed',
        at: round.proposalsCloseAt,
        roundId: round.id,
        reason: 'no project was proposed',
      },
    ]);
    expect([...b.w.state.timers.values()].some((t) => t.ref === round.id)).toBe(false);
    const bad = (body: Record<string, unknown>) =>
      b.w.refuse(
        b.docks[3] as string,
        {
          kind: 'ProposeMotion',
          councilId: b.docksId,
          title: 'PB',
          text: 'x',
          body: {
            kind: 'budget',
            amount: 1000,
            currency: 'EUR',
            voteType: 'approval',
            ...body,
          } as MotionBody,
        },
        'MOTION_NOT_ALLOWED',
      );
    bad({ currency: 'USD' }); // the ledger is kept in EUR
    bad({ amount: 0 });
    bad({ voteType: 'choose-1' });
    bad({ rule: 'lottery' });
    bad({ points: 10 });
    bad({ voteType: 'cumulative', maxChoices: 2 });
    bad({ rule: 'greedy-threshold' });
    bad({ minScore: 3 });
  });

  it('a server that was down catches up: both phases end in order, each exactly once', () => {
    const b = books();
    const round = openRound(b);
    propose(b.w, b.docks[0] as string, round.id, 'Only', 1_000);
    b.w.tick(round.votingCloseAt + 30 * DAY);
    const kinds = b.w.log.map((e) => e.kind).filter((k) => k.startsWith('Budget'));
    expect(kinds).toEqual(['BudgetRoundOpened', 'BudgetVotingOpened', 'BudgetRoundClosed']);
    const closed = b.w.events('BudgetRoundClosed')[0];
    expect(closed).toMatchObject({ at: round.votingCloseAt, cast: 0, selected: [], spent: 0 });
  });
});

describe('Participatory budgets: funded projects are what the rule gives on the published ballots (property)', () => {
  const RULES: readonly RuleName[] = [
    'equalshares/add1',
    'equalshares',
    'greedy',
    'greedy-no-skip',
    'equalshares/add1-comparison',
  ];
  it('for random rounds, the closing result equals an independent count of the published ballots, within budget', () => {
    fc.assert(
      fc.property(
        fc.record({
          voteType: fc.constantFrom<RoundVoteType>('approval', 'cumulative', 'ordinal'),
          rule: fc.constantFrom(...RULES),
          budget: fc.integer({ min: 100, max: 100_000 }),
          costs: fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 6 }),
          ballots: fc.array(fc.array(fc.nat(5), { maxLength: 6 }), { minLength: 0, maxLength: 10 }),
        }),
        (x) => {
          const b = books();
          const round = openRound(b, {
            amount: x.budget,
            voteType: x.voteType,
            rule: x.rule,
            ...(x.voteType === 'cumulative' ? { points: 6 } : {}),
          });
          const ids = x.costs
            .filter((cost) => cost <= x.budget)
            .map((cost, i) => propose(b.w, b.docks[i % 10] as string, round.id, `P${i}`, cost));
          b.w.tick(round.proposalsCloseAt);
          x.ballots.forEach((picks, v) => {
            const named = [...new Set(picks.map((p) => ids[p % Math.max(ids.length, 1)]))].filter(
              (id): id is string => id !== undefined,
            );
            if (named.length === 0) return;
            const points = x.voteType === 'cumulative' ? named.map(() => 1) : undefined;
            b.w.run(b.docks[v] as string, {
              kind: 'CastBudgetBallot',
              roundId: round.id,
              projects: named,
              ...(points ? { points } : {}),
            });
          });
          b.w.tick(round.votingCloseAt);
          const live = b.w.state.treasury.rounds.get(round.id) as BudgetRound;
          if (live.phase === 'lapsed') return ids.length === 0;
          const { closed, selected } = recount(b.w.log, round);
          expect(closed.selected).toEqual(selected);
          const cost = (id: string) => b.w.state.treasury.projects.get(id)?.cost ?? 0;
          expect(closed.spent).toBe(closed.selected.reduce((s, id) => s + cost(id), 0));
          expect(closed.spent).toBeLessThanOrEqual(x.budget);
          // Exactly the funded projects are authorised, each for its cost.
          const auths = [...b.w.state.treasury.authorisations.values()].filter(
            (a) => a.decision.kind === 'budget',
          );
          expect(auths.map((a) => [a.id, a.amount]).sort()).toEqual(
            closed.selected.map((id) => [id, cost(id)]).sort(),
          );
          return true;
        },
      ),
      { numRuns: 25 },
    );
  });
});
