import { describe, expect, it } from 'vitest';
import { BOUNDS, MONTH, type NumericParameter } from '../../src/democracy/index.js';
import {
  congressWithDelegates,
  DAY,
  electAll,
  electMany,
  passMotion,
  TREE,
  World,
} from './world.js';

function docksWith(n: number) {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const members = [founder, ...w.populate(founder, n - 1)];
  return { w, members, docks: w.councilId('Docks') };
}

const yesFrom = (voters: readonly string[]) =>
  Object.fromEntries(voters.map((v) => [v, 'yes' as const]));

describe('Motions: any member of the voting body may propose a motion; it goes to a vote once `seconders` (1) other members support it', () => {
  it('waits for a seconder, refuses self-seconding and outsiders, then opens debate', () => {
    const { w, members, docks } = docksWith(4);
    const [a, b] = members as [string, string];
    const outsider = w.seedCouncil(a, 'Mill', 1)[0] as string;
    const body = { kind: 'ordinary' } as const;
    w.refuse(
      outsider,
      { kind: 'ProposeMotion', councilId: docks, title: 'T', text: 'x', body },
      'NOT_IN_VOTING_BODY',
    );
    w.refuse(
      a,
      { kind: 'ProposeMotion', councilId: docks, title: '', text: 'x', body },
      'BAD_COMMAND',
    );
    w.run(a, {
      kind: 'ProposeMotion',
      councilId: docks,
      title: 'Picnic',
      text: 'We hold a picnic.',
      body,
    });
    const id = [...w.state.motions.keys()][0] as string;
    expect(w.state.motions.get(id)?.phase).toBe('proposed');
    w.refuse(a, { kind: 'SecondMotion', motionId: id }, 'CANNOT_SECOND_OWN');
    w.refuse(outsider, { kind: 'SecondMotion', motionId: id }, 'NOT_IN_VOTING_BODY');
    w.run(b, { kind: 'SecondMotion', motionId: id });
    expect(w.state.motions.get(id)).toMatchObject({
      phase: 'debate',
      debateClosesAt: w.now + 7 * DAY,
    });
    w.refuse(members[2] as string, { kind: 'SecondMotion', motionId: id }, 'MOTION_PHASE');
    w.refuse(b, { kind: 'WithdrawMotion', motionId: id }, 'NOT_PROPOSER');
    w.run(a, { kind: 'WithdrawMotion', motionId: id });
    expect(w.state.motions.get(id)?.phase).toBe('withdrawn');
    expect(w.state.timers.size).toBeGreaterThan(0);
    expect([...w.state.timers.values()].some((t) => t.ref === id)).toBe(false);
  });
});

describe('Motions: during debate members may propose amendments; each is voted on before the motion; an adopted amendment changes the text', () => {
  it('votes the amendments first; the adopted one changes the text; the rejected one does not', () => {
    const { w, members, docks } = docksWith(5);
    const [a, b, c] = members as [string, string, string];
    w.run(a, {
      kind: 'ProposeMotion',
      councilId: docks,
      title: 'Dues',
      text: 'Dues are 10.',
      body: { kind: 'ordinary' },
    });
    const id = [...w.state.motions.keys()][0] as string;
    w.refuse(b, { kind: 'ProposeAmendment', motionId: id, text: 'Dues are 8.' }, 'MOTION_PHASE');
    w.run(b, { kind: 'SecondMotion', motionId: id });
    w.run(b, { kind: 'ProposeAmendment', motionId: id, text: 'Dues are 8.' });
    w.run(c, { kind: 'ProposeAmendment', motionId: id, text: 'Dues are 0.' });
    const [am1, am2] = (w.state.motions.get(id)?.amendmentIds ?? []) as [string, string];
    w.refuse(a, { kind: 'CastMotionVote', motionId: id, choice: 'yes' }, 'VOTING_NOT_OPEN');
    w.tick(w.state.motions.get(id)?.debateClosesAt as number);
    expect(w.state.motions.get(id)?.phase).toBe('amendments');
    w.refuse(a, { kind: 'CastMotionVote', motionId: id, choice: 'yes' }, 'VOTING_NOT_OPEN');
    for (const v of members)
      w.run(v, { kind: 'CastAmendmentVote', amendmentId: am1, choice: 'yes' });
    for (const v of members)
      w.run(v, { kind: 'CastAmendmentVote', amendmentId: am2, choice: v === c ? 'yes' : 'no' });
    w.refuse(
      a,
      { kind: 'CastAmendmentVote', amendmentId: 'a99', choice: 'yes' },
      'AMENDMENT_UNKNOWN',
    );
    w.tick(w.state.motions.get(id)?.amendmentsCloseAt as number);
    const closed = w.events('AmendmentVotingClosed').at(-1);
    expect(closed?.results.map((r) => r.adopted)).toEqual([true, false]);
    expect(w.state.motions.get(id)).toMatchObject({ text: 'Dues are 8.', phase: 'voting' });
    w.refuse(a, { kind: 'CastAmendmentVote', amendmentId: am1, choice: 'no' }, 'VOTING_NOT_OPEN');
  });
});

describe('Motions: votes are yes / no / abstain; a motion passes when yes > no and turnout reaches the quorum (30%)', () => {
  it('passes on more yes than no with the quorum; fails below the quorum; abstentions count for turnout only', () => {
    const { w, members, docks } = docksWith(10);
    const [a, b, c] = members as [string, string, string];
    const pass = passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: docks,
      body: { kind: 'ordinary' },
      votes: { [a]: 'yes', [b]: 'no', [c]: 'abstain' },
    });
    // 3 of 10 voted: quorum 3 reached; 1 yes > 0... but 1 no: 1 yes vs 1 no → fails (yes must exceed no).
    expect(w.state.motions.get(pass)?.phase).toBe('failed');
    const second = passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: docks,
      body: { kind: 'ordinary' },
      votes: { [a]: 'yes', [b]: 'yes', [c]: 'abstain' },
    });
    expect(w.state.motions.get(second)?.phase).toBe('passed');
    const third = passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: docks,
      body: { kind: 'ordinary' },
      votes: { [a]: 'yes', [b]: 'yes' },
    });
    expect(w.events('MotionVotingClosed').at(-1)).toMatchObject({ passed: false, quorumNeeded: 3 });
    expect(w.state.motions.get(third)?.phase).toBe('failed');
  });
});

describe('Motions: in base councils votes are secret; in delegate councils votes are always open', () => {
  it('a base council vote logs ballots without voters; a delegate council vote names the voter', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const [a, b] = o.docks as [string, string];
    passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: o.docksId,
      body: { kind: 'ordinary' },
      votes: { [a]: 'yes' },
    });
    const secret = w.events('BallotCast').at(-1);
    expect(secret && 'by' in secret).toBe(false);
    expect(secret?.secret?.voterId).toBe(a);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: { kind: 'ordinary' },
      votes: { [d]: 'yes', [m]: 'no' },
    });
    const open = w.events('VoteCast').slice(-2);
    expect(open.map((v) => [v.by, v.ballot])).toEqual([
      [d, 'yes'],
      [m, 'no'],
    ]);
  });
});

describe('Motions: kinds of motion — constitutional (two thirds, congress only), spending (recorded), structure', () => {
  it('only the congress may amend the constitution; a body of one needs no seconder, or it could never pass a motion', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const d = o.docks[1] as string; // the only congress delegate
    const [a, , b] = o.docks as [string, string, string];
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: o.docksId,
        title: 'T',
        text: 'x',
        body: { kind: 'constitutional', parameter: 'termMonths', value: 24 },
      },
      'MOTION_NOT_ALLOWED',
    );
    // One congress delegate: nobody else could second, so the motion goes to debate at once.
    w.run(d, {
      kind: 'ProposeMotion',
      councilId: o.rootId,
      title: 'Longer terms',
      text: '24 months',
      body: { kind: 'constitutional', parameter: 'termMonths', value: 24 },
    });
    const id = [...w.state.motions.values()].at(-1)?.id as string;
    expect(w.state.motions.get(id)).toMatchObject({ phase: 'debate', secondersNeeded: 0 });
    w.refuse(b, { kind: 'SecondMotion', motionId: id }, 'NOT_IN_VOTING_BODY');
  });

  it('records a spending authorisation; refuses a bad amount', () => {
    const { w, members, docks } = docksWith(3);
    const [a, b] = members as [string, string];
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: docks,
        title: 'T',
        text: 'x',
        body: { kind: 'spending', amount: -5, currency: 'EUR', payee: 'Printer' },
      },
      'MOTION_NOT_ALLOWED',
    );
    const id = passMotion(w, {
      proposer: a,
      seconder: b,
      councilId: docks,
      body: { kind: 'spending', amount: 12_000, currency: 'EUR', payee: 'Printer' },
      votes: yesFrom(members),
    });
    expect(w.events('SpendingAuthorised').at(-1)).toMatchObject({
      motionId: id,
      amount: 12_000,
      currency: 'EUR',
      payee: 'Printer',
    });
  });

  it('structure: creates a council under the district, merges two branches (both consenting), dissolves an empty one', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: {
        kind: 'structure',
        change: { action: 'create', name: 'Harbour', councilKind: 'base', parentId: o.northId },
      },
      votes: { [d]: 'yes', [m]: 'yes' },
    });
    const harbour = w.councilId('Harbour');
    expect(w.state.councils.get(harbour)).toMatchObject({ kind: 'base', parentId: o.northId });
    expect(w.state.councils.get(o.northId)?.childIds).toContain(harbour);
    // Merge Mill into Docks: moved by North and by Mill itself, each by two thirds. Mill's
    // members move and it is dissolved; its delegate keeps the seat in North (issue 14).
    const millDelegate = w.sittingMandate(`d:${o.millId}`, m);
    const merge = {
      kind: 'structure',
      change: { action: 'merge', fromId: o.millId, intoId: o.docksId },
    } as const;
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: merge,
      votes: { [d]: 'yes', [m]: 'yes' },
    });
    expect(w.state.councils.get(o.millId)?.dissolvedAt).toBeNull();
    passMotion(w, {
      proposer: o.mill[2] as string,
      seconder: o.mill[3] as string,
      councilId: o.millId,
      body: merge,
      votes: Object.fromEntries(o.mill.map((x) => [x, 'yes' as const])),
    });
    expect(w.state.councils.get(o.millId)?.dissolvedAt).not.toBeNull();
    expect(w.state.councils.get(o.docksId)?.members.size).toBe(20);
    expect(w.state.members.get(m)?.councilId).toBe(o.docksId);
    expect(w.state.mandates.get(millDelegate.id)?.endedAt).toBeNull();
    // Docks now has 20 members: a base council with members is merged, not dissolved.
    w.refuse(
      d,
      {
        kind: 'ProposeMotion',
        councilId: o.northId,
        title: 'T',
        text: 'x',
        body: { kind: 'structure', change: { action: 'dissolve', councilId: o.docksId } },
      },
      'MOTION_NOT_ALLOWED',
    );
    // Only the council itself or its parent moves a dissolution: not the congress.
    w.refuse(
      d,
      {
        kind: 'ProposeMotion',
        councilId: o.rootId,
        title: 'T',
        text: 'x',
        body: { kind: 'structure', change: { action: 'dissolve', councilId: harbour } },
      },
      'MOTION_NOT_ALLOWED',
    );
    // The empty Harbour has no voting body to consent: North alone dissolves it.
    passMotion(w, {
      proposer: d,
      seconder: m,
      councilId: o.northId,
      body: { kind: 'structure', change: { action: 'dissolve', councilId: harbour } },
      votes: { [d]: 'yes', [m]: 'yes' },
    });
    expect(w.state.councils.get(harbour)?.dissolvedAt).not.toBeNull();
    expect(w.state.councils.get(o.northId)?.childIds).not.toContain(harbour);
  });
});

describe('Entrenched rules: no motion can abolish elections, recall, rotation, open votes of delegates, or the record', () => {
  it('there is no such parameter to change, and the congress cannot be dissolved', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const d = o.docks[1] as string;
    for (const parameter of [
      'elections',
      'recall',
      'rotation',
      'openDelegateVotes',
      'record',
      'founderPowers',
    ]) {
      const e = w.refuse(
        d,
        {
          kind: 'ProposeMotion',
          councilId: o.rootId,
          title: 'T',
          text: 'x',
          body: { kind: 'constitutional', parameter, value: 0 },
        },
        'PARAMETER_OUT_OF_BOUNDS',
      );
      expect(e.message).toContain('not a constitution parameter');
    }
    w.refuse(
      d,
      {
        kind: 'ProposeMotion',
        councilId: o.rootId,
        title: 'T',
        text: 'x',
        body: { kind: 'structure', change: { action: 'dissolve', councilId: o.rootId } },
      },
      'MOTION_NOT_ALLOWED',
    );
  });
});

describe('Entrenched rules: every constitution parameter has bounds that motions cannot pass', () => {
  it('refuses each parameter just outside its bounds and accepts it at each bound', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    const d = o.docks[1] as string;
    const propose = (parameter: string, value: number | string) => ({
      kind: 'ProposeMotion' as const,
      councilId: o.rootId,
      title: 'T',
      text: 'x',
      body: { kind: 'constitutional' as const, parameter, value },
    });
    const table: Record<string, [number, number]> = {
      termMonths: [1, 24],
      maxConsecutiveTerms: [1, 4],
      maxConcurrentMandates: [1, 3],
      recallThresholdPercent: [5, 33],
      recallWindowDays: [7, 60],
      recallCooldownDays: [0, 90],
      quorumPercent: [10, 50],
      delegateRatio: [1, 10_000],
      nominationDays: [1, 30],
      votingDays: [1, 30],
      debateDays: [1, 30],
    };
    for (const [parameter, [lo, hi]] of Object.entries(table)) {
      expect(BOUNDS[parameter as NumericParameter]).toEqual([lo, hi]);
      w.refuse(d, propose(parameter, lo - 1), 'PARAMETER_OUT_OF_BOUNDS');
      w.refuse(d, propose(parameter, hi + 1), 'PARAMETER_OUT_OF_BOUNDS');
      w.refuse(d, propose(parameter, lo + 0.5), 'PARAMETER_OUT_OF_BOUNDS');
      w.run(d, propose(parameter, lo));
      w.run(d, propose(parameter, hi));
    }
    w.refuse(d, propose('multiSeatMethod', 'plurality'), 'PARAMETER_OUT_OF_BOUNDS');
    w.run(d, propose('multiSeatMethod', 'meek'));
  });
});

describe('Entrenched rules: a change of terms or limits applies from the next election; it never lengthens a sitting mandate or lets a sitting holder stand again', () => {
  it('a longer term leaves sitting mandates as they were; the next election uses it; a raised limit does not let a sitting holder stand again', () => {
    const w = new World();
    const o = congressWithDelegates(w);
    // A second congress delegate so that motions in the congress can be seconded.
    const s = w.seedCouncil(o.founder, 'Depot', 3);
    const southId = w.councilId('South');
    const depotId = w.councilId('Depot');
    electAll(w, `d:${depotId}`, [s[0] as string], s);
    electAll(w, `d:${southId}`, [s[0] as string], [s[0] as string]);
    const d = o.docks[1] as string;
    const e = s[0] as string;
    const chairKey = `o:${o.docksId}:chair`;
    const [a] = o.docks as [string];
    // The chair election of the founding lapsed (nobody stood): a member calls a
    // by-election for the rest of that term; then `a` is re-elected for a full term.
    w.run(a, { kind: 'CallElection', groupKey: chairKey });
    electAll(w, chairKey, [a], o.docks);
    const first = w.sittingMandate(chairKey, a);
    expect(first.endAt).toBe(w.state.groups.get(chairKey)?.termEndsAt);
    w.tick(first.endAt - 14 * DAY);
    // The branches re-elect their delegates to North at the same time: a delegate whose
    // seat lapsed would lose the congress seat held by virtue of it.
    electMany(w, [
      { groupKey: chairKey, candidates: [a], voters: o.docks },
      { groupKey: `d:${o.docksId}`, candidates: [o.docks[1] as string], voters: o.docks },
      { groupKey: `d:${o.millId}`, candidates: [o.mill[1] as string], voters: o.mill },
    ]);
    const second = w.sittingMandate(chairKey, a);
    expect(second.terms).toBe(2);
    // Both amendments, proposed together while the congress delegates still sit.
    const ids = (
      [
        ['termMonths', 24],
        ['maxConsecutiveTerms', 3],
      ] as const
    ).map(([parameter, value]) => {
      const [p] = w.run(d, {
        kind: 'ProposeMotion',
        councilId: o.rootId,
        title: `Change ${parameter}`,
        text: `${parameter} becomes ${value}`,
        body: { kind: 'constitutional', parameter, value },
      });
      const id = p?.kind === 'MotionProposed' ? p.motionId : '';
      w.run(e, { kind: 'SecondMotion', motionId: id });
      return id;
    });
    w.tick(w.state.motions.get(ids[0] as string)?.debateClosesAt as number);
    for (const id of ids)
      for (const v of [d, e]) w.run(v, { kind: 'CastMotionVote', motionId: id, choice: 'yes' });
    w.tick(w.state.motions.get(ids[0] as string)?.voteClosesAt as number);
    expect(w.state.constitution).toMatchObject({ termMonths: 24, maxConsecutiveTerms: 3 });
    expect(w.events('ConstitutionAmended').map((x) => [x.parameter, x.previous, x.value])).toEqual([
      ['termMonths', 12, 24],
      ['maxConsecutiveTerms', 2, 3],
    ]);
    // The sitting mandate is not lengthened...
    expect(w.state.mandates.get(second.id)?.endAt).toBe(second.endAt);
    w.tick(second.endAt - 14 * DAY);
    const next = w.openElection(chairKey);
    expect(next.mandateEndsAt).toBe(next.votingCloseAt + 24 * MONTH);
    expect(next.maxConsecutiveTerms).toBe(3);
    // ...and the raised limit does not let its holder stand again.
    w.refuse(a, { kind: 'Nominate', electionId: next.id, candidateId: a }, 'ROTATION_CONSECUTIVE');
    // Someone who has not held the seat may stand under the new rules.
    w.run(o.docks[3] as string, {
      kind: 'Nominate',
      electionId: next.id,
      candidateId: o.docks[3] as string,
    });
  });
});

describe('Entrenched rules: the deadlines of a vote are fixed when it opens; nobody can close it early, extend it, or change who may vote', () => {
  it('a change of phase lengths leaves open votes as they were; no member can move time', () => {
    const { w, members, docks } = docksWith(3);
    const e = w.openElection(`o:${docks}:chair`);
    const before = { n: e.nominationsCloseAt, v: e.votingCloseAt };
    w.state = {
      ...w.state,
      constitution: { ...w.state.constitution, votingDays: 1, nominationDays: 1 },
    };
    expect(w.state.elections.get(e.id)).toMatchObject({
      nominationsCloseAt: before.n,
      votingCloseAt: before.v,
    });
    w.refuse(members[0] as string, { kind: 'AdvanceTime', now: before.v }, 'SYSTEM_ONLY');
  });
});
