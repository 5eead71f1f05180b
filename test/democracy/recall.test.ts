import { describe, expect, it } from 'vitest';
import { DAY, electAll, TREE, World } from './world.js';

/** Docks with `n` members; member[1] elected chair. */
function withChair(n: number) {
  const w = new World();
  const founder = w.found(TREE, 'Docks');
  const members = [founder, ...w.populate(founder, n - 1)];
  const docks = w.councilId('Docks');
  const chair = `o:${docks}:chair`;
  electAll(w, chair, [members[1] as string], members);
  const mandate = w.sittingMandate(chair, members[1] as string);
  return { w, members, docks, chair, mandate };
}

function open(w: World, by: string, mandateId: string, reason = 'Ignored the branch') {
  const [e] = w.run(by, { kind: 'OpenRecallPetition', mandateId, reason });
  if (e?.kind !== 'RecallPetitionOpened') throw new Error('not opened');
  return e;
}

describe('Principle 2 / Recall: any member of the electing body may open a recall petition against a mandate holder, with a stated reason', () => {
  it('opens with the reason and the opener as first signature; refuses outsiders and a missing reason', () => {
    const { w, members, mandate } = withChair(10);
    const outsider = w.seedCouncil(members[0] as string, 'Mill', 1)[0] as string;
    w.refuse(
      outsider,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: 'x' },
      'NOT_IN_VOTING_BODY',
    );
    w.refuse(
      members[2] as string,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: '  ' },
      'REASON_REQUIRED',
    );
    w.refuse(
      members[2] as string,
      { kind: 'OpenRecallPetition', mandateId: 'd99', reason: 'x' },
      'MANDATE_UNKNOWN',
    );
    const opened = open(w, members[2] as string, mandate.id);
    expect(opened.reason).toBe('Ignored the branch');
    expect(w.state.petitions.get(opened.petitionId)?.signatures.has(members[2] as string)).toBe(
      true,
    );
  });
});

describe('Recall: signatures reaching recallThreshold (20%, at least 1 other than the opener) within recallWindow (14 days) open a recall vote (7 days)', () => {
  it('needs ceil(20% of the body) signatures, opens the vote at the threshold', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    expect(p.needed).toBe(2);
    w.refuse(
      members[2] as string,
      { kind: 'SignRecallPetition', petitionId: p.petitionId },
      'ALREADY_SIGNED',
    );
    const events = w.run(members[3] as string, {
      kind: 'SignRecallPetition',
      petitionId: p.petitionId,
    });
    const vote = events.find((e) => e.kind === 'RecallVoteOpened');
    expect(vote?.kind === 'RecallVoteOpened' && vote.closesAt).toBe(w.now + 7 * DAY);
    w.refuse(
      members[4] as string,
      { kind: 'SignRecallPetition', petitionId: p.petitionId },
      'PETITION_CLOSED',
    );
  });

  it('the opener alone never suffices, even when 20% of the body is one person', () => {
    const { w, members, mandate } = withChair(3);
    const p = open(w, members[0] as string, mandate.id);
    expect(p.needed).toBe(2);
    expect(w.state.petitions.get(p.petitionId)?.phase).toBe('petition');
  });

  it('a petition that does not reach the threshold within the window lapses', () => {
    const { w, members, mandate } = withChair(20); // needs 4
    const p = open(w, members[2] as string, mandate.id);
    expect(p.needed).toBe(4);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    w.tick(p.windowEndsAt);
    expect(w.state.petitions.get(p.petitionId)?.phase).toBe('lapsed');
    w.refuse(
      members[4] as string,
      { kind: 'SignRecallPetition', petitionId: p.petitionId },
      'PETITION_CLOSED',
    );
    // A new petition may open at once: only a failed vote starts a cooldown.
    open(w, members[4] as string, mandate.id);
  });
});

describe('Recall: the mandate is recalled if more vote to recall than to keep and turnout reaches the quorum (30%); it ends at once, a by-election opens, and the recalled person may stand again', () => {
  it('recalls, ends the mandate, opens the by-election, and lets the recalled holder stand', () => {
    const { w, members, chair, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    for (const v of members.slice(2, 6))
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    w.run(members[1] as string, {
      kind: 'CastRecallVote',
      petitionId: p.petitionId,
      choice: 'keep',
    });
    w.refuse(
      members[1] as string,
      { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'keep' },
      'ALREADY_VOTED',
    );
    const closesAt = w.state.petitions.get(p.petitionId)?.voteClosesAt as number;
    w.tick(closesAt);
    const closed = w.events('RecallVoteClosed').at(-1);
    expect(closed).toMatchObject({ outcome: 'recalled', recall: 4, keep: 1, quorumNeeded: 3 });
    expect(w.state.mandates.get(mandate.id)).toMatchObject({
      endReason: 'recalled',
      endedAt: closesAt,
    });
    const by = w.openElection(chair);
    expect(by.kind).toBe('by');
    expect(by.openedAt).toBe(closesAt);
    w.run(members[1] as string, {
      kind: 'Nominate',
      electionId: by.id,
      candidateId: members[1] as string,
    });
  });

  it('is kept when turnout misses the quorum, even if all vote to recall', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    for (const v of members.slice(2, 4))
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    w.tick(w.state.petitions.get(p.petitionId)?.voteClosesAt as number);
    expect(w.events('RecallVoteClosed').at(-1)?.outcome).toBe('kept');
    expect(w.state.mandates.get(mandate.id)?.endedAt).toBeNull();
  });

  it('is kept on a tie (recall must exceed keep)', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    for (const v of members.slice(2, 4))
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    for (const v of members.slice(4, 6))
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'keep' });
    w.tick(w.state.petitions.get(p.petitionId)?.voteClosesAt as number);
    expect(w.events('RecallVoteClosed').at(-1)).toMatchObject({
      outcome: 'kept',
      recall: 2,
      keep: 2,
    });
  });
});

describe('Recall: after a failed recall vote, no new petition against the same mandate for recallCooldown (30 days)', () => {
  it('refuses a petition during the cooldown and accepts one after it', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    const closesAt = w.state.petitions.get(p.petitionId)?.voteClosesAt as number;
    w.tick(closesAt); // nobody voted: kept
    w.refuse(
      members[4] as string,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: 'again' },
      'RECALL_COOLDOWN',
    );
    w.tick(closesAt + 30 * DAY - 1);
    w.refuse(
      members[4] as string,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: 'again' },
      'RECALL_COOLDOWN',
    );
    w.tick(closesAt + 30 * DAY);
    open(w, members[4] as string, mandate.id, 'again');
  });
});

describe('Recall: two recalls of the same mandate cannot both succeed', () => {
  it('refuses a second petition while one is under way, and a signature after the mandate ended', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.refuse(
      members[4] as string,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: 'me too' },
      'RECALL_ALREADY_OPEN',
    );
    w.run(members[1] as string, { kind: 'ResignMandate', mandateId: mandate.id });
    w.refuse(
      members[3] as string,
      { kind: 'SignRecallPetition', petitionId: p.petitionId },
      'MANDATE_NOT_SITTING',
    );
    w.refuse(
      members[4] as string,
      { kind: 'OpenRecallPetition', mandateId: mandate.id, reason: 'x' },
      'MANDATE_NOT_SITTING',
    );
  });

  it('a recall vote on a mandate that ended meanwhile is moot', () => {
    const { w, members, mandate } = withChair(10);
    const p = open(w, members[2] as string, mandate.id);
    w.run(members[3] as string, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    for (const v of members.slice(2, 6))
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    w.run(members[1] as string, { kind: 'ResignMandate', mandateId: mandate.id });
    w.tick(w.state.petitions.get(p.petitionId)?.voteClosesAt as number);
    expect(w.events('RecallVoteClosed').at(-1)?.outcome).toBe('moot');
    expect(w.events('MandateEnded').filter((e) => e.mandateId === mandate.id)).toHaveLength(1);
  });
});

describe('Recall: votes among delegates are open', () => {
  it('a recall of a delegate council office is an open vote', async () => {
    const { northWithDelegates } = await import('./world.js');
    const w = new World();
    const o = northWithDelegates(w);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    electAll(w, `o:${o.northId}:chair`, [d], [d, m]);
    const mandate = w.sittingMandate(`o:${o.northId}:chair`, d);
    const p = open(w, m, mandate.id);
    const events = w.run(d, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    expect(events.find((e) => e.kind === 'RecallVoteOpened')).toMatchObject({
      secretBallot: false,
    });
    const [vote] = w.run(m, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    expect(vote).toMatchObject({ kind: 'VoteCast', by: m, ballot: 'recall' });
  });
});

describe('Recall: a mandate that ends ends its vote at once, in boxes already open too, and every office held by virtue of it', () => {
  it('a recalled delegate can no longer vote in an open box of the council above, and loses its chair', async () => {
    const { northWithDelegates } = await import('./world.js');
    const w = new World();
    const o = northWithDelegates(w);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    electAll(w, `o:${o.northId}:chair`, [d], [d, m]);
    const chairMandate = w.sittingMandate(`o:${o.northId}:chair`, d);
    // A motion of North goes to the vote: the roll (d and m) is fixed now.
    const [proposed] = w.run(m, {
      kind: 'ProposeMotion',
      councilId: o.northId,
      title: 'Strike fund',
      text: 'North sets up a strike fund.',
      body: { kind: 'ordinary' },
    });
    const motionId = proposed?.kind === 'MotionProposed' ? proposed.motionId : '';
    w.run(d, { kind: 'SecondMotion', motionId });
    // Docks moves to recall its delegate; its vote closes while North's is open.
    w.advanceDays(2);
    const seat = w.sittingMandate(`d:${o.docksId}`, d);
    const [a, , c, e] = o.docks as [string, string, string, string];
    const p = open(w, a, seat.id);
    w.run(c, { kind: 'SignRecallPetition', petitionId: p.petitionId });
    for (const v of [a, c, e])
      w.run(v, { kind: 'CastRecallVote', petitionId: p.petitionId, choice: 'recall' });
    w.tick(w.state.motions.get(motionId)?.debateClosesAt as number);
    expect(w.state.motions.get(motionId)?.phase).toBe('voting');
    w.tick(w.state.petitions.get(p.petitionId)?.voteClosesAt as number);
    expect(w.state.mandates.get(seat.id)?.endReason).toBe('recalled');
    expect(w.state.motions.get(motionId)?.phase).toBe('voting');

    w.refuse(d, { kind: 'CastMotionVote', motionId, choice: 'yes' }, 'NOT_ON_ROLL');
    expect(w.state.mandates.get(chairMandate.id)?.endedAt).not.toBeNull();
    expect(w.openElection(`o:${o.northId}:chair`).kind).toBe('by');
    w.expectReplayEqualsLive();
  });
});

describe('Mandates: a delegate who transfers away loses the offices held by virtue of the seat', () => {
  it('ends the chair of the council above when the delegate seat ends with the transfer', async () => {
    const { northWithDelegates } = await import('./world.js');
    const w = new World();
    const o = northWithDelegates(w);
    const d = o.docks[1] as string;
    const m = o.mill[1] as string;
    electAll(w, `o:${o.northId}:chair`, [d], [d, m]);
    const chair = w.sittingMandate(`o:${o.northId}:chair`, d);
    w.run(d, { kind: 'TransferMember', toCouncilId: o.millId });
    expect(w.state.mandates.get(chair.id)?.endReason).toBe('basis-ended');
    w.expectReplayEqualsLive();
  });
});
