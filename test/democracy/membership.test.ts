import { describe, expect, it } from 'vitest';
import { invitationToken, tokenHashOf } from '../../src/democracy/index.js';
import { DAY, electAll, TREE, World } from './world.js';

describe('Membership: any member of a base council may invite a person to it; the invitation is a single-use token that expires', () => {
  it('logs only the hash of the token, derived from the entropy; the token joins once', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const entropy = w.entropy();
    const [invited] = w.run(founder, { kind: 'InviteMember' }, entropy);
    const token = invitationToken(entropy);
    expect(invited?.kind).toBe('MemberInvited');
    if (invited?.kind !== 'MemberInvited') return;
    expect(invited.tokenHash).toBe(tokenHashOf(token));
    expect(JSON.stringify(invited)).not.toContain(token);
    expect(invited.expiresAt).toBe(w.now + 14 * DAY);
    w.run('x', { kind: 'JoinWithInvitation', token, name: 'Bea' });
    w.refuse('y', { kind: 'JoinWithInvitation', token, name: 'Cy' }, 'INVITATION_USED');
    w.refuse('y', { kind: 'JoinWithInvitation', token: 'nope', name: 'Cy' }, 'INVITATION_UNKNOWN');
  });

  it('refuses an expired invitation, an invitation to another council, and a non-member', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const entropy = w.entropy();
    w.run(founder, { kind: 'InviteMember' }, entropy);
    w.now += 14 * DAY;
    w.refuse(
      'x',
      { kind: 'JoinWithInvitation', token: invitationToken(entropy), name: 'Late' },
      'INVITATION_EXPIRED',
    );
    w.refuse(founder, { kind: 'InviteMember', councilId: w.councilId('Mill') }, 'NOT_YOUR_COUNCIL');
    w.refuse('stranger', { kind: 'InviteMember' }, 'NOT_A_MEMBER');
    w.refuse(
      'x',
      { kind: 'JoinWithInvitation', token: invitationToken(w.entropy()), name: ' ' },
      'BAD_NAME',
    );
  });
});

describe('Membership: a person is a member of exactly one base council at a time (a transfer moves them)', () => {
  it('moves the member, their counts and the mandates given by the council they left', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const docks = w.councilId('Docks');
    const mill = w.councilId('Mill');
    const b = w.join(founder, 'Bea');
    electAll(w, `o:${docks}:chair`, [b], [founder, b]);
    expect(w.holders(`o:${docks}:chair`)).toEqual([b]);
    w.run(b, { kind: 'TransferMember', toCouncilId: mill });
    expect(w.state.members.get(b)?.councilId).toBe(mill);
    expect(w.state.councils.get(docks)?.members.has(b)).toBe(false);
    expect(w.state.councils.get(mill)?.members.has(b)).toBe(true);
    expect(w.state.councils.get(docks)?.subtree).toBe(1);
    expect(w.state.councils.get(w.councilId('North'))?.subtree).toBe(2);
    expect(w.holders(`o:${docks}:chair`)).toEqual([]);
    const ended = w.events('MandateEnded').at(-1);
    expect(ended?.reason).toBe('transferred');
    // The vacancy opened a by-election in Docks.
    expect(w.openElection(`o:${docks}:chair`).kind).toBe('by');
    w.refuse(b, { kind: 'TransferMember', toCouncilId: mill }, 'SAME_COUNCIL');
    w.refuse(b, { kind: 'TransferMember', toCouncilId: w.councilId('North') }, 'NOT_BASE_COUNCIL');
    w.refuse(b, { kind: 'TransferMember', toCouncilId: 'c999' }, 'COUNCIL_UNKNOWN');
  });
});

describe('Membership: a member may leave at any time; leaving ends every mandate the person holds', () => {
  it('ends the mandates and opens by-elections for the rest of the term', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const docks = w.councilId('Docks');
    const others = w.populate(founder, 4);
    const b = others[0] as string;
    const chair = `o:${docks}:chair`;
    const delegation = `d:${docks}`;
    const e1 = w.openElection(chair);
    const e2 = w.openElection(delegation);
    w.run(b, { kind: 'Nominate', electionId: e1.id, candidateId: b });
    w.run(b, { kind: 'Nominate', electionId: e2.id, candidateId: b });
    w.tick(e1.nominationsCloseAt);
    for (const v of [founder, ...others]) {
      w.run(v, { kind: 'CastBallot', electionId: e1.id, ranking: [b] });
      w.run(v, { kind: 'CastBallot', electionId: e2.id, ranking: [b] });
    }
    w.tick(e1.votingCloseAt);
    expect(w.state.members.get(b)?.mandates.length).toBe(2);
    const termEnd = w.state.groups.get(chair)?.termEndsAt;
    w.advanceDays(30);
    w.run(b, { kind: 'LeaveOrganisation' });
    expect(w.state.members.get(b)?.status).toBe('left');
    expect(w.state.members.get(b)?.mandates).toEqual([]);
    const ends = w.events('MandateEnded').slice(-2);
    expect(ends.map((e) => e.reason)).toEqual(['left', 'left']);
    for (const key of [chair, delegation]) {
      const by = w.openElection(key);
      expect(by.kind).toBe('by');
      expect(by.mandateEndsAt).toBe(termEnd);
    }
    w.refuse(b, { kind: 'InviteMember' }, 'NOT_A_MEMBER');
  });
});

describe('Membership: a member can be expelled only by a motion of their base council with a two-thirds majority', () => {
  it('expels on two thirds, ends the mandates; fails below two thirds', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const docks = w.councilId('Docks');
    const [a, b, c, d, e] = w.populate(founder, 5) as [string, string, string, string, string];
    electAll(w, `o:${docks}:treasurer`, [e], [founder, a, b, c, d, e]);
    const expel = (votes: Record<string, 'yes' | 'no' | 'abstain'>) => {
      w.run(a, {
        kind: 'ProposeMotion',
        councilId: docks,
        title: 'Expel E',
        text: 'E took the funds.',
        body: { kind: 'expulsion', memberId: e },
      });
      const motion = [...w.state.motions.values()].at(-1);
      if (!motion) throw new Error('no motion');
      w.run(b, { kind: 'SecondMotion', motionId: motion.id });
      w.tick(w.state.motions.get(motion.id)?.debateClosesAt as number);
      for (const [voter, choice] of Object.entries(votes))
        w.run(voter, { kind: 'CastMotionVote', motionId: motion.id, choice });
      w.tick(w.state.motions.get(motion.id)?.voteClosesAt as number);
      return w.events('MotionVotingClosed').at(-1);
    };
    // 3 yes, 2 no: 3/5 < 2/3 → fails.
    const failed = expel({ [founder]: 'yes', [a]: 'yes', [b]: 'yes', [c]: 'no', [e]: 'no' });
    expect(failed?.passed).toBe(false);
    expect(failed?.threshold).toBe('two-thirds');
    expect(w.state.members.get(e)?.status).toBe('active');
    // 4 yes, 2 no: exactly two thirds → expelled.
    const passed = expel({
      [founder]: 'yes',
      [a]: 'yes',
      [b]: 'yes',
      [c]: 'yes',
      [d]: 'no',
      [e]: 'no',
    });
    expect(passed?.passed).toBe(true);
    expect(w.state.members.get(e)?.status).toBe('expelled');
    expect(w.events('MandateEnded').at(-1)?.reason).toBe('expelled');
    expect(w.holders(`o:${docks}:treasurer`)).toEqual([]);
  });

  it('refuses an expulsion outside the member’s base council, and one’s own', () => {
    const w = new World();
    const founder = w.found(TREE, 'Docks');
    const a = w.join(founder, 'A');
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: w.councilId('Docks'),
        title: 'x',
        text: 'x',
        body: { kind: 'expulsion', memberId: a },
      },
      'MOTION_NOT_ALLOWED',
    );
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: w.councilId('Docks'),
        title: 'x',
        text: 'x',
        body: { kind: 'expulsion', memberId: 'm99' },
      },
      'MOTION_NOT_ALLOWED',
    );
  });
});
