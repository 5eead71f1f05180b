import { recount } from '../src/democracy/audit/index.js';
import {
  type CouncilSpec,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  envelopeOf,
  eventOf,
  evolve,
  initialState,
  invitationToken,
  type OrgState,
  publicPart,
} from '../src/democracy/index.js';
import type { BenchResult } from './bench-types.js';

/**
 * The recount (issue 14) against the plain replay it extends, on a log with many
 * ballots: `bases × perBase` members (default 200 × 100 = 20,000) in base councils under
 * 20 districts; in every base council a chair election among four by secret ranked
 * ballot and an ordinary motion, every member voting in both, all closed by one tick.
 * Both run on the same public events (each read back through its entry's JSON, without
 * secrets), in the same process: the baseline is `evolve` from the empty state, the
 * figure is `recount` (the replay, plus every count and close re-run, plus one `decide`
 * per member's act), as the ratio of their times. Each is run three times and the
 * fastest kept. SOVIET_BENCH_RECOUNT_BASES and SOVIET_BENCH_RECOUNT_PER_BASE shrink it.
 */
export async function run(): Promise<BenchResult> {
  const bases = Number(process.env.SOVIET_BENCH_RECOUNT_BASES ?? 200);
  const perBase = Number(process.env.SOVIET_BENCH_RECOUNT_PER_BASE ?? 100);
  const t0 = performance.now();
  const { log, ballots } = simulate(bases, perBase);
  const simulateMs = performance.now() - t0;
  const events = log.map((e) => publicPart(eventOf(JSON.parse(JSON.stringify(envelopeOf(e))))));

  const replayMs = fastest(() => {
    let state = initialState();
    for (const e of events) state = evolve(state, e);
    if (state.members.size !== bases * perBase) throw new Error('the replay lost members');
  });
  let tally: Record<string, number> = {};
  const recountMs = fastest(() => {
    const result = recount(events);
    if (!result.ok)
      throw new Error(`the honest log does not recount: ${JSON.stringify(result.discrepancy)}`);
    tally = { ...result.tally };
  });
  const figures: Record<string, number | string> = {
    members: bases * perBase,
    events: events.length,
    ballots,
    electionsCounted: tally.elections ?? 0,
    motionsDecided: tally.motions ?? 0,
    decisions: tally.decisions ?? 0,
    acts: tally.acts ?? 0,
    simulateMs: round(simulateMs),
    replayMs: round(replayMs),
    recountMs: round(recountMs),
    usPerEventReplay: round((replayMs * 1000) / events.length),
    usPerEventRecount: round((recountMs * 1000) / events.length),
    recountOverReplay: round(recountMs / replayMs),
    // For scale: what deciding the log took in the first place (decide + evolve, once).
    recountOverDeciding: round(recountMs / simulateMs),
  };
  console.table(figures);
  return {
    name: 'recount',
    figures,
    notes: [
      'Pure core only (no database, no hashing): the recount and the plain replay over the same public events, in the same process; the fastest of three runs of each.',
      'recountOverReplay is the figure: what recounting every decision costs relative to replaying the log with evolve (soviet verify --replay before issue 14).',
      'The seed check (one root fold per candidate size, from the verified tiles) and reading the entries are outside both timings.',
    ],
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function fastest(f: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function simulate(bases: number, perBase: number) {
  const districts = 20;
  const per = Math.ceil(bases / districts);
  const tree: CouncilSpec = {
    name: 'Congress',
    children: Array.from({ length: districts }, (_, d) => ({
      name: `District ${d + 1}`,
      children: Array.from({ length: Math.max(0, Math.min(per, bases - d * per)) }, (_, b) => ({
        name: `Branch ${d + 1}.${b + 1}`,
      })),
    })).filter((d) => d.children.length > 0),
  };
  let state: OrgState = initialState();
  const log: DemocracyEvent[] = [];
  let now = Date.UTC(2026, 0, 1);
  let counter = 0;
  const entropy = () => (++counter).toString(16).padStart(32, '0');
  const exec = (actor: string, command: DemocracyCommand, e = entropy()) => {
    const events = decide(state, command, { now, actor, seed: 'ab'.repeat(32), entropy: e });
    for (const ev of events) {
      state = evolve(state, ev);
      log.push(ev);
    }
    return events;
  };
  exec('anyone', {
    kind: 'FoundOrganisation',
    name: 'Bench',
    slug: 'bench',
    founderName: 'Founder',
    councils: tree,
    founderCouncil: 'Branch 1.1',
  });
  const join = (inviter: string, name: string): string => {
    const e = entropy();
    exec(inviter, { kind: 'InviteMember' }, e);
    const joined = exec('newcomer', {
      kind: 'JoinWithInvitation',
      token: invitationToken(e),
      name,
    }).find((x) => x.kind === 'MemberJoined');
    return joined?.kind === 'MemberJoined' ? joined.memberId : '';
  };
  const baseIds = [...state.councils.values()].filter((c) => c.kind === 'base').map((c) => c.id);
  const rolls: string[][] = [];
  for (const [i, baseId] of baseIds.entries()) {
    let first = 'm1';
    if (baseId !== state.members.get('m1')?.councilId) {
      first = join('m1', `First ${i}`);
      exec(first, { kind: 'TransferMember', toCouncilId: baseId });
    }
    const members = [first];
    for (let k = 1; k < perBase; k++) members.push(join(first, `Member ${i}.${k}`));
    rolls.push(members);
  }
  // In every base council: four stand for chair, and a motion goes to debate.
  const elections: string[] = [];
  const motions: string[] = [];
  for (const [i, baseId] of baseIds.entries()) {
    const members = rolls[i] as string[];
    const g = state.groups.get(`o:${baseId}:chair`);
    const id = (g?.regularElectionId ?? g?.byElectionId) as string;
    elections.push(id);
    for (const c of members.slice(0, 4))
      exec(c, { kind: 'Nominate', electionId: id, candidateId: c });
    const [proposed] = exec(members[4] as string, {
      kind: 'ProposeMotion',
      councilId: baseId,
      title: 'Hold a strike ballot',
      text: 'The branch holds a strike ballot.',
      body: { kind: 'ordinary' },
    });
    const motionId = proposed?.kind === 'MotionProposed' ? proposed.motionId : '';
    exec(members[5] as string, { kind: 'SecondMotion', motionId });
    motions.push(motionId);
  }
  // Nominations and debate close together (both seven days): voting opens in both.
  now += 7 * 86_400_000;
  exec('system', { kind: 'AdvanceTime', now });
  let ballots = 0;
  for (const [i, id] of elections.entries()) {
    const members = rolls[i] as string[];
    const c = state.elections.get(id)?.candidates ?? [];
    for (const [k, voter] of members.entries()) {
      const r = k % c.length;
      exec(voter, {
        kind: 'CastBallot',
        electionId: id,
        ranking: [...c.slice(r), ...c.slice(0, r)].slice(0, 1 + (k % 3)),
      });
      const choice = (['yes', 'no', 'yes', 'abstain'] as const)[k % 4] ?? 'yes';
      exec(voter, { kind: 'CastMotionVote', motionId: motions[i] as string, choice });
      ballots += 2;
    }
  }
  now += 7 * 86_400_000;
  exec('system', { kind: 'AdvanceTime', now });
  return { log, ballots };
}
