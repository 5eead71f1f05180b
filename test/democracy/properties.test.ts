import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  envelopeOf,
  eventOf,
  evolve,
  initialState,
  type OrgState,
  publicPart,
  snapshot,
} from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { expectRecountClean } from './published-log.js';
import { DAY, TREE, World } from './world.js';

/** One random step: which action, and numbers to pick its subjects with. */
const step = fc.record({
  action: fc.integer({ min: 0, max: 29 }),
  i: fc.nat(),
  j: fc.nat(),
  k: fc.nat(),
});
type Step = { action: number; i: number; j: number; k: number };

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;

function activeMembers(s: OrgState): string[] {
  return [...s.members.values()].filter((m) => m.status === 'active').map((m) => m.id);
}

/** Turns a random step into a command against the current state (or null). */
function commandFor(w: World, st: Step): { actor: string; command: DemocracyCommand } | null {
  const s = w.state;
  const members = activeMembers(s);
  const actor = pick(members, st.i);
  if (!actor) return null;
  const elections = [...s.elections.values()].filter((e) => e.phase !== 'closed');
  const election = pick(elections, st.j);
  const mandates = [...s.mandates.values()].filter((m) => m.endedAt === null);
  const petitions = [...s.petitions.values()].filter(
    (p) => p.phase === 'petition' || p.phase === 'vote',
  );
  const motions = [...s.motions.values()].filter(
    (m) => !['passed', 'failed', 'withdrawn'].includes(m.phase),
  );
  const bases = [...s.councils.values()].filter((c) => c.kind === 'base' && c.dissolvedAt === null);
  // Weighted: voting, nominating and signing are common, leaving rare.
  const action =
    [
      0, 2, 3, 4, 4, 4, 4, 6, 7, 7, 7, 7, 17, 17, 9, 10, 10, 11, 11, 11, 11, 12, 12, 12, 13, 14, 15,
      15, 16, 16,
    ][st.action] ?? 16;
  switch (action) {
    case 0:
    case 1:
      return { actor, command: { kind: 'InviteMember' } };
    case 2:
      return { actor, command: { kind: 'LeaveOrganisation' } };
    case 3: {
      const to = pick(bases, st.k);
      return to ? { actor, command: { kind: 'TransferMember', toCouncilId: to.id } } : null;
    }
    case 4:
    case 5: {
      if (!election) return null;
      const candidate = st.k % 2 === 0 ? actor : (pick(members, st.k) as string);
      return {
        actor,
        command: { kind: 'Nominate', electionId: election.id, candidateId: candidate },
      };
    }
    case 6:
      return election
        ? { actor, command: { kind: 'AcceptNomination', electionId: election.id } }
        : null;
    case 7:
    case 8: {
      const voting = pick(
        elections.filter((e) => e.phase === 'voting'),
        st.j,
      );
      if (!voting) return null;
      const c = voting.candidates;
      const ranking = c
        .map((_, n) => c[(n + st.k) % c.length] as string)
        .slice(0, 1 + (st.k % c.length));
      const roll = [...(s.boxes.get(voting.boxId as string)?.roll.keys() ?? [])];
      const voter = pick(roll, st.i) ?? actor;
      return { actor: voter, command: { kind: 'CastBallot', electionId: voting.id, ranking } };
    }
    case 9: {
      const m = pick(mandates, st.j);
      return m
        ? {
            actor: st.k % 3 === 0 ? m.holderId : actor,
            command: { kind: 'ResignMandate', mandateId: m.id },
          }
        : null;
    }
    case 10: {
      const m = pick(mandates, st.j);
      return m
        ? { actor, command: { kind: 'OpenRecallPetition', mandateId: m.id, reason: 'random' } }
        : null;
    }
    case 11: {
      const p = pick(
        petitions.filter((x) => x.phase === 'petition'),
        st.j,
      );
      const council = p && s.councils.get(p.electingCouncilId);
      const signer = pick([...(council?.members.keys() ?? [])], st.i) ?? actor;
      return p
        ? { actor: signer, command: { kind: 'SignRecallPetition', petitionId: p.id } }
        : null;
    }
    case 12: {
      const p = pick(
        petitions.filter((x) => x.phase === 'vote'),
        st.j,
      );
      const choice = (['recall', 'recall', 'keep', 'abstain'] as const)[st.k % 4] ?? 'recall';
      const roll = [...(s.boxes.get(p?.boxId as string)?.roll.keys() ?? [])];
      return p
        ? {
            actor: pick(roll, st.i) ?? actor,
            command: { kind: 'CastRecallVote', petitionId: p.id, choice },
          }
        : null;
    }
    case 13: {
      const member = s.members.get(actor);
      return member
        ? {
            actor,
            command: {
              kind: 'ProposeMotion',
              councilId: member.councilId,
              title: 'M',
              text: 'T',
              body: { kind: 'ordinary' },
            },
          }
        : null;
    }
    case 14: {
      const m = pick(
        motions.filter((x) => x.phase === 'proposed'),
        st.j,
      );
      const council = m && s.councils.get(m.councilId);
      const seconder = pick([...(council?.members.keys() ?? [])], st.i) ?? actor;
      return m ? { actor: seconder, command: { kind: 'SecondMotion', motionId: m.id } } : null;
    }
    case 15: {
      const m = pick(
        motions.filter((x) => x.phase === 'voting'),
        st.j,
      );
      const choice = (['yes', 'no', 'abstain'] as const)[st.k % 3] ?? 'yes';
      const roll = [...(s.boxes.get(m?.boxId as string)?.roll.keys() ?? [])];
      return m
        ? {
            actor: pick(roll, st.i) ?? actor,
            command: { kind: 'CastMotionVote', motionId: m.id, choice },
          }
        : null;
    }
    case 17: {
      const groups = [...s.groups.values()].filter((g) => !g.retired);
      const g = pick(groups, st.j);
      const council = g && s.councils.get(g.electingCouncilId);
      const caller = pick([...(council?.members.keys() ?? [])], st.i) ?? actor;
      return g ? { actor: caller, command: { kind: 'CallElection', groupKey: g.key } } : null;
    }
    default:
      return { actor: 'system', command: { kind: 'AdvanceTime', now: w.now + (st.k % 4) * DAY } };
  }
}

/** Applies a random step; refusals are expected and write nothing. */
function apply(w: World, st: Step): void {
  const c = commandFor(w, st);
  if (!c) return;
  if (c.command.kind === 'AdvanceTime') {
    w.tick(c.command.now);
    return;
  }
  if (c.command.kind === 'InviteMember') {
    w.join(c.actor, `P${w.state.counters.member + 1}`);
    return;
  }
  try {
    w.run(c.actor, c.command);
  } catch (error) {
    if (!(error instanceof SovietError)) throw error;
    if (process.env.DEMOCRACY_STATS)
      stats.set(
        `refused ${c.command.kind} ${error.code}`,
        (stats.get(`refused ${c.command.kind} ${error.code}`) ?? 0) + 1,
      );
  }
}

function checkInvariants(w: World): void {
  const s = w.state;
  const limit = s.constitution.maxConcurrentMandates;
  for (const member of s.members.values()) {
    const sitting = member.mandates.map((id) => s.mandates.get(id));
    // Nobody holds more mandates than allowed...
    expect(sitting.length).toBeLessThanOrEqual(limit);
    if (member.status !== 'active') expect(sitting).toEqual([]);
    // ...nor two seats of one group, nor a seat beyond the rotation limit.
    const groups = sitting.map((m) => m?.groupKey);
    expect(new Set(groups).size).toBe(groups.length);
    for (const m of sitting)
      expect(m?.terms).toBeLessThanOrEqual(s.constitution.maxConsecutiveTerms);
  }
  for (const g of s.groups.values())
    for (const id of g.sitting) expect(s.mandates.get(id)?.endedAt).toBeNull();
}

/** No ballot counted twice or lost: every cast ballot is published exactly once, and the count used them all. */
function checkBallots(w: World): void {
  const cast = new Map<string, string[]>();
  const published = new Map<string, string[]>();
  for (const e of w.log) {
    if (e.kind === 'BallotCast')
      cast.set(e.boxId, [...(cast.get(e.boxId) ?? []), e.secret?.receipt as string]);
    if (e.kind === 'BallotsPublished')
      published.set(e.boxId, [
        ...(published.get(e.boxId) ?? []),
        ...e.ballots.map((b) => b.receipt),
      ]);
  }
  for (const box of w.state.boxes.values()) {
    if (!box.secret || !box.closed) continue;
    const c = [...(cast.get(box.id) ?? [])].sort();
    expect(published.get(box.id) ?? []).toEqual(c);
    expect(new Set(c).size).toBe(c.length);
    expect(box.cast).toBe(c.length);
  }
  for (const e of w.log) {
    if (e.kind !== 'ElectionCounted' || !e.report) continue;
    const election = w.state.elections.get(e.electionId);
    const box = w.state.boxes.get(election?.boxId as string);
    expect(e.report.ballots).toBe(box?.published.length);
  }
}

const stats = new Map<string, number>();
afterAll(() => {
  if (process.env.DEMOCRACY_STATS) console.log(Object.fromEntries(stats));
});

function world(): World {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  w.populate(founder, 5);
  w.seedCouncil(founder, 'Mill', 4);
  // Two candidates stand in each open election, so that random walks reach the votes.
  for (const e of [...w.state.elections.values()]) {
    const body = [...(w.state.councils.get(e.electingCouncilId)?.members.keys() ?? [])];
    for (const c of body.slice(0, 2))
      try {
        w.run(c, { kind: 'Nominate', electionId: e.id, candidateId: c });
      } catch (error) {
        if (!(error instanceof SovietError)) throw error;
      }
  }
  return w;
}

describe('Properties: random sequences of commands never break the invariants', () => {
  it('mandates within the limits, ballots neither lost nor doubled, replay equals the live state', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 100, maxLength: 250 }), (steps) => {
        const w = world();
        for (const st of steps) {
          apply(w, st);
          checkInvariants(w);
        }
        w.tick(w.now + 60 * DAY); // let every vote close
        if (process.env.DEMOCRACY_STATS)
          for (const e of w.log) stats.set(e.kind, (stats.get(e.kind) ?? 0) + 1);
        checkInvariants(w);
        checkBallots(w);
        // Replay equals incremental evolve, including through the record's envelopes.
        let replayed = initialState();
        for (const e of w.log) {
          const logged = JSON.parse(JSON.stringify(envelopeOf(e)));
          replayed = evolve(replayed, eventOf(logged));
        }
        expect(snapshot(replayed)).toEqual(snapshot(w.state));
        // A public replay (no secrets) agrees on everything but who voted and the sealed ballots.
        let pub = initialState();
        for (const e of w.log) pub = evolve(pub, publicPart(e) as DemocracyEvent);
        const strip = (s: OrgState) => {
          const snap = snapshot(s) as { boxes: Record<string, Record<string, unknown>> };
          for (const b of Object.values(snap.boxes)) {
            b.voted = null;
            b.sealed = null;
          }
          return snap;
        };
        expect(strip(pub)).toEqual(strip(w.state));
        // The recount (issue 14) finds every decision of the system in the published log.
        expectRecountClean(w.log);
      }),
      { numRuns: 40 },
    );
  });
});

describe('Properties: a ballot receipt reveals nothing about the voter', () => {
  it('given the same entropy, any voter casting in the same box gets the same receipt', () => {
    const w = world();
    const docks = w.councilId('Docks');
    const e = w.openElection(`o:${docks}:chair`);
    const voters = activeMembers(w.state).filter(
      (m) => w.state.members.get(m)?.councilId === docks,
    );
    w.tick(e.nominationsCloseAt);
    const candidate = w.state.elections.get(e.id)?.candidates[0] as string;
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32,64}$/), fc.nat(), fc.nat(), (entropy, x, y) => {
        const receipt = (voter: string) => {
          const [cast] = decide(
            w.state,
            { kind: 'CastBallot', electionId: e.id, ranking: [candidate] },
            { now: w.now, actor: voter, seed: w.seed, entropy },
          );
          return cast?.kind === 'BallotCast' ? cast.secret?.receipt : undefined;
        };
        const a = pick(voters, x) as string;
        const b = pick(voters, y) as string;
        expect(receipt(a)).toBe(receipt(b));
        expect(receipt(a)).toMatch(/^[0-9a-f]{32}$/);
      }),
    );
  });
});
