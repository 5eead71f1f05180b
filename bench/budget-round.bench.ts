/**
 * `npm run bench budget-round`: a city-sized participatory budget run through a council's
 * round in the democracy domain (src/democracy/budget-rounds.ts): Warsaw 2026 (61,668
 * voters, 83 projects) as one base council, with `equalshares/add1`. The close of voting
 * (publishing every ballot by receipt, then the Method of Equal Shares with completion,
 * exact) is one `AdvanceTime` decision that the store appends in one transaction, so it
 * bounds how long the organisation's log waits.
 *
 * Reported, in seconds: the close (decide + evolve of its events), and the baseline in
 * the same process, `selectProjects` alone on the same instance (the ratio is the
 * domain's overhead: publishing, sorting by receipt, building the instance); replaying
 * the round's events (from opening to close) from the state before it; and the events
 * the close wrote.
 */
import { readFileSync } from 'node:fs';
import { readPb, selectProjects } from '../src/budgeting/index.js';
import {
  type DecideContext,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  evolve,
  initialState,
  invitationToken,
  type OrgState,
  roundInstance,
} from '../src/democracy/index.js';
import type { BenchResult } from './bench-types.js';

const FILE = new URL('../../shared/datasets/pabulib/Poland_Warszawa_2026.pb', import.meta.url);

class Driver {
  state: OrgState = initialState();
  now = Date.UTC(2026, 0, 5, 9);
  log: DemocracyEvent[] = [];
  private n = 0;
  ctx(actor: string): DecideContext {
    this.n++;
    return {
      now: this.now,
      actor,
      seed: 'be'.repeat(32),
      entropy: this.n.toString(16).padStart(32, '0'),
    };
  }
  run(actor: string, command: DemocracyCommand, entropy?: string): readonly DemocracyEvent[] {
    const ctx = this.ctx(actor);
    const events = decide(this.state, command, entropy ? { ...ctx, entropy } : ctx);
    for (const e of events) this.state = evolve(this.state, e);
    this.log.push(...events);
    return events;
  }
  tick(now: number): readonly DemocracyEvent[] {
    this.now = now;
    return this.run('system', { kind: 'AdvanceTime', now });
  }
}

export async function run(): Promise<BenchResult> {
  const file = readPb(readFileSync(FILE, 'utf8'));
  const d = new Driver();
  d.run('anyone', {
    kind: 'FoundOrganisation',
    name: 'Warsaw',
    slug: 'warsaw',
    founderName: 'Voter 1',
    councils: { name: 'City', children: [{ name: 'Residents' }] },
    founderCouncil: 'Residents',
  });
  const voters = ['m1'];
  for (let i = 1; i < file.ballots.length; i++) {
    const entropy = (1_000_000 + i).toString(16).padStart(32, '0');
    d.run('m1', { kind: 'InviteMember' }, entropy);
    const [joined] = d
      .run('newcomer', {
        kind: 'JoinWithInvitation',
        token: invitationToken(entropy),
        name: `Voter ${i + 1}`,
      })
      .filter((e) => e.kind === 'MemberJoined');
    voters.push(joined?.kind === 'MemberJoined' ? joined.memberId : '');
  }
  const councilId = d.state.members.get('m1')?.councilId as string;
  const [proposed] = d.run('m1', {
    kind: 'ProposeMotion',
    councilId,
    title: 'Warsaw 2026',
    text: 'The city budget.',
    body: {
      kind: 'budget',
      amount: Number(file.budget) * 100,
      currency: 'PLN',
      voteType: 'approval',
    },
  });
  const motionId = proposed?.kind === 'MotionProposed' ? proposed.motionId : '';
  d.run('m2', { kind: 'SecondMotion', motionId });
  d.tick(d.state.motions.get(motionId)?.debateClosesAt as number);
  for (const v of voters.slice(0, Math.ceil(voters.length * 0.31)))
    d.run(v, { kind: 'CastMotionVote', motionId, choice: 'yes' });
  const before = d.state;
  const from = d.log.length;
  d.tick(d.state.motions.get(motionId)?.voteClosesAt as number);
  const round = [...d.state.treasury.rounds.values()][0];
  if (!round) throw new Error('the budget motion did not pass');
  const ids = new Map<string, string>();
  for (const [c, p] of file.projects.entries()) {
    const [e] = d.run(voters[c] as string, {
      kind: 'ProposeProject',
      roundId: round.id,
      title: `Project ${p.id}`,
      description: '',
      cost: Number(p.cost) * 100,
      payee: 'City',
    });
    if (e?.kind === 'ProjectProposed') ids.set(p.id, e.projectId);
  }
  d.tick(round.proposalsCloseAt);
  for (const [i, b] of file.ballots.entries())
    d.run(voters[i] as string, {
      kind: 'CastBudgetBallot',
      roundId: round.id,
      projects: b.projects.map((id) => ids.get(id) as string),
    });

  const closeStarted = performance.now();
  const closing = d.tick(round.votingCloseAt);
  const close = (performance.now() - closeStarted) / 1000;
  const closed = closing.find((e) => e.kind === 'BudgetRoundClosed');
  if (closed?.kind !== 'BudgetRoundClosed') throw new Error('the round did not close');

  const live = d.state.treasury.rounds.get(round.id);
  const costs = new Map([...d.state.treasury.projects.values()].map((p) => [p.id, p.cost]));
  const instance = roundInstance(round, costs, closed.order, live?.published ?? []);
  if (!instance) throw new Error('no instance');
  const baseStarted = performance.now();
  const baseline = selectProjects(instance, 'equalshares/add1', { payments: false });
  const base = (performance.now() - baseStarted) / 1000;
  if (baseline.selected.join() !== closed.selected.join()) throw new Error('recount differs');

  const replayStarted = performance.now();
  let replayed = before;
  for (const e of d.log.slice(from)) replayed = evolve(replayed, e);
  const replay = (performance.now() - replayStarted) / 1000;

  const figures = {
    voters: file.ballots.length,
    projects: file.projects.length,
    funded: closed.selected.length,
    closeSeconds: Number(close.toFixed(3)),
    selectProjectsSeconds: Number(base.toFixed(3)),
    closeOverBaseline: Number((close / base).toFixed(2)),
    closeEvents: closing.length,
    replayRoundSeconds: Number(replay.toFixed(3)),
    roundEvents: d.log.length - from,
  };
  console.log(figures);
  return {
    name: 'budget-round',
    figures,
    notes: [
      'close = AdvanceTime at the voting deadline: publishing 61,668 ballots by receipt and equalshares/add1 (exact) in one decision',
      'baseline = selectProjects alone on the same instance, same process',
    ],
  };
}
