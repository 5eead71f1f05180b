import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Discrepancy, recount, seedChecker } from '../../src/democracy/audit/index.js';
import type { DemocracyEvent, MotionBody } from '../../src/democracy/index.js';
import { publishedLog } from './published-log.js';
import { yesFrom } from './treasury-world.js';
import { DAY, electAll, electMany, passMotion, TREE, World } from './world.js';

/**
 * The recount (issue 14): on an honest log it finds every decision of the system; on a
 * log whose operator rewrote a decision it names the first entry that departs from the
 * rules, with what it concerns and what differs. (Every other democracy test's world is
 * recounted too: world.ts.)
 */

/**
 * One organisation's year: Docks (ten members, a delegation of three seats at one
 * delegate per four members) elects its chair by IRV, its treasurer and its delegate,
 * recalls the chair (a by-election follows), passes a spending motion and pays under it,
 * runs a participatory budget, fails a motion, and elects the next term's three delegates
 * by Scottish STV.
 */
function year() {
  const w = new World();
  w.run('anyone', {
    kind: 'FoundOrganisation',
    name: 'Test Union',
    slug: 'test-union',
    founderName: 'Founder',
    councils: TREE,
    founderCouncil: 'Docks',
    constitution: { delegateRatio: 4 },
  });
  const docks = ['m1', ...w.populate('m1', 9, 'Docker')] as [string, ...string[]];
  const at = (i: number) => docks[i] as string;
  const docksId = w.councilId('Docks');
  const chair = `o:${docksId}:chair`;
  electMany(w, [
    {
      groupKey: chair,
      candidates: [at(1), at(2), at(3)],
      voters: docks,
      ranking: (i) =>
        [
          [at(1), at(2)],
          [at(2), at(3)],
          [at(3), at(1)],
        ][i % 3] as string[],
    },
    { groupKey: `o:${docksId}:treasurer`, candidates: [at(4)], voters: docks },
    { groupKey: `d:${docksId}`, candidates: [at(5)], voters: docks },
  ]);
  // The chair is recalled: a petition, its signatures, a secret vote; a by-election opens.
  const [held] = w.holders(chair);
  const mandate = w.sittingMandate(chair, held as string);
  const [opened] = w.run(at(6), {
    kind: 'OpenRecallPetition',
    mandateId: mandate.id,
    reason: 'Ignored the branch',
  });
  const petitionId = opened?.kind === 'RecallPetitionOpened' ? opened.petitionId : '';
  w.run(at(7), { kind: 'SignRecallPetition', petitionId });
  for (const [i, voter] of docks.entries())
    w.run(voter, { kind: 'CastRecallVote', petitionId, choice: i < 7 ? 'recall' : 'keep' });
  w.advanceDays(7);
  // Money: income, a spending motion passed, a payment under it.
  const treasurer = at(4);
  w.run(treasurer, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' });
  w.run(treasurer, { kind: 'RecordIncome', councilId: docksId, amount: 90_000, source: 'Dues' });
  const spend = motion(w, docks, docksId, {
    kind: 'spending',
    amount: 20_000,
    currency: 'EUR',
    payee: 'Print shop',
  });
  w.run(treasurer, { kind: 'MakePayment', authorisationId: spend, amount: 15_000 });
  // A participatory budget: three projects, approval ballots, Equal Shares.
  motion(w, docks, docksId, {
    kind: 'budget',
    amount: 50_000,
    currency: 'EUR',
    voteType: 'approval',
  });
  const round = [...w.state.treasury.rounds.values()].at(-1);
  const roundId = round?.id as string;
  const projects = ['Library', 'Kitchen', 'Garden'].map((title, i) => {
    const [e] = w.run(at(i + 1), {
      kind: 'ProposeProject',
      roundId,
      title,
      description: `${title} for the branch`,
      cost: [30_000, 20_000, 25_000][i] as number,
      payee: `${title} collective`,
    });
    return e?.kind === 'ProjectProposed' ? e.projectId : '';
  });
  w.tick(round?.proposalsCloseAt as number);
  for (const [i, voter] of docks.entries())
    w.run(voter, {
      kind: 'CastBudgetBallot',
      roundId,
      projects:
        i % 2 === 0 ? [projects[0] as string, projects[1] as string] : [projects[2] as string],
    });
  w.tick(w.state.treasury.rounds.get(roundId)?.votingCloseAt as number);
  // A motion that fails.
  motion(w, docks, docksId, { kind: 'ordinary' }, 'no');
  // The next term's delegation: three seats by Scottish STV.
  w.tick((w.state.groups.get(`d:${docksId}`)?.termEndsAt as number) - 14 * DAY);
  const stv = [at(5), at(6), at(7), at(8)];
  electAll(w, `d:${docksId}`, stv, docks, (i) => [...stv.slice(i % 4), ...stv.slice(0, i % 4)]);
  return { w, docks, docksId };
}

/** Proposes, seconds and votes a motion of Docks (everyone voting `vote`); returns its id. */
function motion(
  w: World,
  docks: readonly string[],
  councilId: string,
  body: MotionBody,
  vote: 'yes' | 'no' = 'yes',
): string {
  const votes = vote === 'yes' ? yesFrom(docks) : Object.fromEntries(docks.map((d) => [d, vote]));
  return passMotion(w, {
    proposer: docks[2] as string,
    seconder: docks[3] as string,
    councilId,
    body,
    votes,
  });
}

const honest = year();
const log = publishedLog(honest.w.log);

/** The published log with the `n`-th event of `kind` (0 first, -1 last) rewritten. */
function forge<K extends DemocracyEvent['kind']>(
  kind: K,
  edit: (e: Extract<DemocracyEvent, { kind: K }>) => DemocracyEvent,
  n = 0,
): { forged: DemocracyEvent[]; seq: number } {
  const seqs = log.flatMap((e, i) => (e.kind === kind ? [i] : []));
  const seq = seqs.at(n) as number;
  const forged = [...log];
  forged[seq] = edit(structuredClone(log[seq]) as Extract<DemocracyEvent, { kind: K }>);
  return { forged, seq };
}

function discrepancyOf(events: readonly DemocracyEvent[]): Discrepancy {
  const result = recount(events);
  if (result.ok) throw new Error('the recount found nothing');
  return result.discrepancy;
}

describe('the recount of an honest log', () => {
  it('finds every decision: counts by IRV and STV, a recall, motions, a budget round, a payment', () => {
    const result = recount(log);
    expect(result.ok ? null : result.discrepancy).toBeNull();
    const stv = honest.w.events('ElectionCounted').at(-1);
    expect(stv?.report?.method).toBe('scottish-stv');
    expect(stv?.elected).toHaveLength(3);
    expect(result.tally).toMatchObject({
      elections: 4,
      recallVotes: 1,
      motions: 3,
      budgetRounds: 1,
      payments: 1,
    });
    expect(result.tally.mandates).toBeGreaterThanOrEqual(6);
    expect(result.tally.decisions + result.tally.acts).toBe(log.length);
    expect(result.events).toBe(log.length);
  });

  it('reports its progress as it goes', async () => {
    const { recounting } = await import('../../src/democracy/audit/index.js');
    const steps = recounting(log, { progressEvery: 50 });
    const seen: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value.done);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((d, i) => i === 0 || d > (seen[i - 1] as number))).toBe(true);
  });
});

describe('the recount of a rewritten log names the entry and what differs', () => {
  it('an election whose recorded winner is not the count’s', () => {
    const { forged, seq } = forge('ElectionCounted', (e) => ({
      ...e,
      elected: [e.elected[0] === 'm2' ? 'm3' : 'm2'],
    }));
    const d = discrepancyOf(forged);
    const counted = log[seq] as Extract<DemocracyEvent, { kind: 'ElectionCounted' }>;
    expect(d).toMatchObject({
      seq,
      type: 'ElectionCounted',
      subject: `election ${counted.electionId}`,
      what: 'elected[0]',
      recounted: JSON.stringify(counted.elected[0]),
    });
  });

  it('a mandate granted to another member than the count elected', () => {
    const { forged, seq } = forge('MandateGranted', (e) => ({ ...e, holderId: 'm9' }));
    const granted = log[seq] as Extract<DemocracyEvent, { kind: 'MandateGranted' }>;
    expect(discrepancyOf(forged)).toMatchObject({
      seq,
      type: 'MandateGranted',
      subject: `election ${granted.electionId}`,
      what: 'holderId',
      recorded: '"m9"',
      recounted: JSON.stringify(granted.holderId),
    });
  });

  it('a motion result flipped', () => {
    const { forged, seq } = forge(
      'MotionVotingClosed',
      (e) => ({ ...e, passed: !e.passed, yes: e.no, no: e.yes }),
      -1,
    );
    const closed = log[seq] as Extract<DemocracyEvent, { kind: 'MotionVotingClosed' }>;
    expect(discrepancyOf(forged)).toMatchObject({
      seq,
      subject: `motion ${closed.motionId}`,
      what: 'passed',
      recorded: 'true',
      recounted: 'false',
    });
  });

  it('a recall vote turned round, a budget round’s selection changed', () => {
    const recall = forge('RecallVoteClosed', (e) => ({ ...e, outcome: 'kept' }));
    expect(discrepancyOf(recall.forged)).toMatchObject({
      seq: recall.seq,
      subject: expect.stringMatching(/^recall petition p\d+$/),
      what: 'outcome',
      recorded: '"kept"',
      recounted: '"recalled"',
    });
    const round = forge('BudgetRoundClosed', (e) => ({
      ...e,
      selected: [...e.selected].reverse(),
    }));
    expect(discrepancyOf(round.forged)).toMatchObject({
      seq: round.seq,
      subject: expect.stringMatching(/^budget round pb\d+$/),
      what: 'selected[0]',
    });
  });

  it('a ballot left out of the published ones', () => {
    const { forged, seq } = forge('BallotsPublished', (e) => ({
      ...e,
      ballots: e.ballots.slice(1),
    }));
    expect(discrepancyOf(forged)).toMatchObject({
      seq: seq - 1,
      type: 'BallotBoxClosed',
      subject: expect.stringMatching(/^election e\d+ \(ballot box b\d+\)$/),
      what: 'ballots published',
      recounted: '10',
      reason: 'published',
    });
  });

  it('a payment beyond what its authorisation left', () => {
    const { forged, seq } = forge('PaymentMade', (e) => ({
      ...e,
      amount: 25_000,
      lines: e.lines.map((l) => ({ ...l, amount: 25_000 })),
    }));
    expect(discrepancyOf(forged)).toMatchObject({
      seq,
      type: 'PaymentMade',
      what: 'act',
      recounted: expect.stringMatching(/^refused by the rules: .*authoris/i),
    });
  });

  it('a decision no deadline and no act gives, and one the log leaves out', () => {
    const { seq } = forge('MandateGranted', (e) => e);
    const inserted = [...log.slice(0, seq + 1), log[seq] as DemocracyEvent, ...log.slice(seq + 1)];
    expect(discrepancyOf(inserted)).toMatchObject({
      seq: seq + 1,
      what: 'event',
      recorded: 'MandateGranted',
    });
    const dropped = [...log.slice(0, seq), ...log.slice(seq + 1)];
    expect(discrepancyOf(dropped)).toMatchObject({
      seq,
      what: 'event',
      recounted: 'MandateGranted',
    });
  });

  it('a log that ends where a count was due', () => {
    // The last count lands when the outgoing delegates' term ends: the expiry comes first,
    // at the same instant, so a log cut after it shows the count was due.
    const close = log.findLastIndex((e) => e.kind === 'BallotBoxClosed');
    expect(log[close - 1]?.kind).toBe('MandateEnded');
    expect(discrepancyOf(log.slice(0, close))).toMatchObject({
      seq: close,
      type: 'end of the log',
      recorded: 'nothing',
    });
    // Cut in the middle of the count: none of the ballots cast are published.
    expect(discrepancyOf(log.slice(0, close + 1))).toMatchObject({
      seq: close,
      what: 'ballots published',
      recorded: '0',
    });
  });

  it('a secret ballot box with a ballot counted twice', () => {
    const cast = log.findIndex((e) => e.kind === 'BallotCast');
    const stuffed = [...log];
    stuffed[cast] = { ...(log[cast] as Extract<DemocracyEvent, { kind: 'BallotCast' }>), cast: 2 };
    expect(discrepancyOf(stuffed)).toMatchObject({
      seq: cast,
      what: 'cast',
      recorded: '2',
      recounted: '1',
    });
  });

  it('a draw seeded otherwise than from the log (when the caller can check seeds)', () => {
    const result = recount(log, {
      checkSeed: (seed) => (seed === honest.w.seed ? null : 'not a root of this log'),
    });
    expect(result.ok).toBe(true);
    const { forged, seq } = forge('BallotBoxClosed', (e) => ({ ...e, seed: 'ab'.repeat(32) }));
    const d = recount(forged, {
      checkSeed: (seed) => (seed === honest.w.seed ? null : 'not a root of this log'),
    });
    expect(d.ok ? null : d.discrepancy).toMatchObject({
      seq,
      what: 'seed',
      recounted: 'not a root of this log',
    });
  });
});

/** Every leaf of a value, as a path and a changed copy of the value. */
function mutations(value: unknown): ((root: unknown) => unknown)[] {
  const out: ((root: unknown) => unknown)[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      if (v.length > 0) out.push((root) => setAt(root, path, v.slice(1)));
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'kind') walk(x, [...path, k]);
    } else {
      const changed =
        typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : v === null ? 0 : `${v}x`;
      out.push((root) => setAt(root, path, changed));
    }
  };
  walk(value, []);
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

/**
 * Decisions of the system whose every field the recount re-derives (a published ballot's
 * receipt is only its voter's to check; members' acts are taken as recorded).
 */
const SYSTEM = new Set([
  'ElectionCounted',
  'MandateGranted',
  'MandateEnded',
  'VotingOpened',
  'ElectionOpened',
  'BallotBoxClosed',
  'RecallVoteOpened',
  'RecallVoteClosed',
  'DebateOpened',
  'MotionVotingOpened',
  'MotionVotingClosed',
  'SpendingAuthorised',
  'BudgetRoundOpened',
  'BudgetVotingOpened',
  'BudgetRoundClosed',
]);

describe('Properties: the recount catches any change to a decision of the system', () => {
  const targets = log.flatMap((e, seq) =>
    SYSTEM.has(e.kind) && !('by' in e) ? mutations(e).map((mutate) => ({ seq, mutate })) : [],
  );

  it(`changing any one field of any of them (${targets.length} ways) is found at or before it`, () => {
    expect(targets.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: targets.length - 1 }), (k) => {
        const { seq, mutate } = targets[k] as (typeof targets)[number];
        const forged = [...log];
        forged[seq] = mutate(log[seq]) as DemocracyEvent;
        const result = recount(forged, {
          checkSeed: (seed) => (seed === honest.w.seed ? null : 'not a root of this log'),
        });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.discrepancy.seq).toBeLessThanOrEqual(seq);
      }),
      { numRuns: 150 },
    );
  });

  it('an honest log of one day more still recounts clean', () => {
    honest.w.advanceDays(1);
    expect(recount(publishedLog(honest.w.log)).ok).toBe(true);
  });
});

describe('the seed of a draw', () => {
  // Roots of a made-up log: the root at size k is `r<k>`.
  const rootAt = (k: number) => `r${k}`;

  it('is a root of the log up to the closing entry, never older than one used before', () => {
    const check = seedChecker(rootAt);
    expect(check('r40', 45)).toBeNull();
    expect(check('r40', 47)).toBeNull(); // the same batch's second close
    expect(check('r46', 60)).toBeNull();
    expect(check('r45', 70)).toMatch(/^not the root of this log at any size from 46 to 70/);
    expect(check('r50', 70)).toBeNull(); // a later checkpoint
    expect(check('r71', 70)).toMatch(/^not the root of this log/); // signed after the close
    expect(check('ff'.repeat(32), 90)).toMatch(/^not the root of this log/);
  });
});
