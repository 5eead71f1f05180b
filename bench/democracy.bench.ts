import {
  type CouncilSpec,
  type DecideContext,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  evolve,
  initialState,
  invitationToken,
  type OrgState,
} from '../src/democracy/index.js';
import type { BenchResult } from './bench-types.js';

/**
 * The democracy core alone (no database): a synthetic organisation of `bases × perBase`
 * members (default 1,000 × 100 = 100,000) in base councils under 40 districts and a
 * congress. Measures founding and populating it, one election in every base council
 * with every member voting, and replaying the whole log from empty. The baseline is the
 * same organisation at 1/100 of the size, in the same process: if `evolve` and `decide`
 * cost O(what an event touches), the cost per event stays flat as the organisation
 * grows 100-fold (the ratio stays near 1; O(organisation) would make it ~100).
 * SOVIET_BENCH_BASES and SOVIET_BENCH_PER_BASE shrink it for a quick run.
 */
export async function run(): Promise<BenchResult> {
  const bases = Number(process.env.SOVIET_BENCH_BASES ?? 1000);
  const perBase = Number(process.env.SOVIET_BENCH_PER_BASE ?? 100);
  const small = simulate(
    Math.max(40, Math.round(bases / 10)),
    Math.max(10, Math.round(perBase / 10)),
  );
  const big = simulate(bases, perBase);
  const figures: Record<string, number | string> = {
    members: big.members,
    baseCouncils: bases,
    events: big.events,
    foundAndPopulateMs: round(big.populateMs),
    electionsMs: round(big.electionMs),
    ballots: big.ballots,
    replayMs: round(big.replayMs),
    usPerEventPopulate: round((big.populateMs * 1000) / big.populateEvents),
    usPerEventReplay: round((big.replayMs * 1000) / big.events),
    baselineMembers: small.members,
    baselineUsPerEventReplay: round((small.replayMs * 1000) / small.events),
    replayCostRatioBigOverBaseline: round(
      big.replayMs / big.events / (small.replayMs / small.events),
    ),
    populateCostRatioBigOverBaseline: round(
      big.populateMs / big.populateEvents / (small.populateMs / small.populateEvents),
    ),
  };
  console.table(figures);
  return {
    name: 'democracy',
    figures,
    notes: [
      'Pure domain only (decide + evolve in memory); the store adds the database per event.',
      'Ratios compare the cost per event of the full organisation with one 100 times smaller, measured in the same process.',
    ],
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function simulate(bases: number, perBase: number) {
  const districts = 40;
  const tree: CouncilSpec = {
    name: 'Congress',
    children: Array.from({ length: districts }, (_, d) => ({
      name: `District ${d + 1}`,
      children: Array.from({ length: Math.ceil(bases / districts) }, (_, b) => ({
        name: `Branch ${d + 1}.${b + 1}`,
      })).slice(
        0,
        Math.max(
          0,
          Math.min(Math.ceil(bases / districts), bases - d * Math.ceil(bases / districts)),
        ),
      ),
    })).filter((d) => d.children.length > 0),
  };
  let state: OrgState = initialState();
  const log: DemocracyEvent[] = [];
  let now = Date.UTC(2026, 0, 1);
  let counter = 0;
  const entropy = () => (++counter).toString(16).padStart(32, '0');
  const exec = (actor: string, command: DemocracyCommand, e = entropy()) => {
    const ctx: DecideContext = { now, actor, seed: 'ab'.repeat(32), entropy: e };
    const events = decide(state, command, ctx);
    for (const ev of events) state = evolve(state, ev);
    for (const ev of events) log.push(ev);
    return events;
  };
  const t0 = performance.now();
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
    const [joined] = exec('newcomer', {
      kind: 'JoinWithInvitation',
      token: invitationToken(e),
      name,
    }).filter((x) => x.kind === 'MemberJoined');
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
  const populateEvents = log.length;
  const populateMs = performance.now() - t0;
  // One election in every base council: the chair, two candidates, everyone votes.
  const t1 = performance.now();
  let ballots = 0;
  const elections: string[] = [];
  for (const [i, baseId] of baseIds.entries()) {
    const g = state.groups.get(`o:${baseId}:chair`);
    const id = g?.regularElectionId ?? g?.byElectionId;
    if (!id) throw new Error(`no chair election in ${baseId}`);
    elections.push(id);
    const members = rolls[i] as string[];
    for (const c of members.slice(0, 2))
      exec(c, { kind: 'Nominate', electionId: id, candidateId: c });
  }
  now = Math.max(...elections.map((id) => state.elections.get(id)?.nominationsCloseAt ?? 0));
  exec('system', { kind: 'AdvanceTime', now });
  for (const [i, id] of elections.entries()) {
    const members = rolls[i] as string[];
    const candidates = state.elections.get(id)?.candidates ?? [];
    for (const [k, v] of members.entries()) {
      exec(v, {
        kind: 'CastBallot',
        electionId: id,
        ranking: k % 3 === 0 ? [...candidates].reverse() : candidates,
      });
      ballots++;
    }
  }
  now = Math.max(...elections.map((id) => state.elections.get(id)?.votingCloseAt ?? 0));
  exec('system', { kind: 'AdvanceTime', now });
  const electionMs = performance.now() - t1;
  const granted = log.filter((e) => e.kind === 'MandateGranted').length;
  if (granted < baseIds.length) throw new Error(`only ${granted} mandates granted`);
  // Replay the whole log from empty.
  const t2 = performance.now();
  let replayed = initialState();
  for (const e of log) replayed = evolve(replayed, e);
  const replayMs = performance.now() - t2;
  if (replayed.members.size !== state.members.size) throw new Error('replay differs');
  return {
    members: state.members.size,
    events: log.length,
    populateEvents,
    populateMs,
    electionMs,
    ballots,
    replayMs,
  };
}
