import { describe, expect, it } from 'vitest';
import { envelopeOf } from '../../src/democracy/index.js';
import { northWithDelegates, World } from './world.js';

/** North with two delegates; a motion of North in debate; Docks instructs its delegate. */
function setup(position: 'yes' | 'no') {
  const w = new World();
  const o = northWithDelegates(w);
  const d = o.docks[1] as string; // Docks' delegate to North
  const m = o.mill[1] as string; // Mill's delegate to North
  const [target] = w.run(d, {
    kind: 'ProposeMotion',
    councilId: o.northId,
    title: 'Strike fund',
    text: 'North sets up a strike fund.',
    body: { kind: 'ordinary' },
  });
  const targetId = target?.kind === 'MotionProposed' ? target.motionId : '';
  const [a, b, c] = o.docks as [string, string, string];
  const [proposed] = w.run(a, {
    kind: 'ProposeMotion',
    councilId: o.docksId,
    title: 'Mandate our delegate',
    text: `Our delegate votes ${position} on the strike fund.`,
    body: { kind: 'instruction', targetMotionId: targetId, position },
  });
  const instruction = proposed?.kind === 'MotionProposed' ? proposed.motionId : '';
  w.run(c, { kind: 'SecondMotion', motionId: instruction });
  // North's motion goes to debate three days later, so its vote is still open when the
  // branch's instruction passes.
  w.advanceDays(3);
  w.run(m, { kind: 'SecondMotion', motionId: targetId });
  w.tick(w.state.motions.get(instruction)?.debateClosesAt as number);
  for (const v of [a, b, c])
    w.run(v, { kind: 'CastMotionVote', motionId: instruction, choice: 'yes' });
  w.tick(w.state.motions.get(instruction)?.voteClosesAt as number);
  expect(w.state.motions.get(targetId)?.phase).toBe('voting');
  return { w, o, d, m, targetId, instruction };
}

describe('Mandated delegation: a council may pass an instruction that binds its delegates’ vote on a named motion of the council above', () => {
  it('issues the instruction for the motion of the parent council', () => {
    const { w, o, targetId, instruction } = setup('yes');
    expect(w.events('InstructionIssued').at(-1)).toMatchObject({
      instructionId: instruction,
      councilId: o.docksId,
      targetMotionId: targetId,
      position: 'yes',
    });
    expect(w.state.instructions.get(`${targetId}|${o.docksId}`)?.position).toBe('yes');
  });

  it('refuses an instruction about a motion that is not the parent council’s, or already decided', () => {
    const w = new World();
    const o = northWithDelegates(w);
    const [a] = o.docks as [string];
    const [own] = w.run(a, {
      kind: 'ProposeMotion',
      councilId: o.docksId,
      title: 'T',
      text: 'x',
      body: { kind: 'ordinary' },
    });
    const ownId = own?.kind === 'MotionProposed' ? own.motionId : '';
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: o.docksId,
        title: 'T',
        text: 'x',
        body: { kind: 'instruction', targetMotionId: ownId, position: 'yes' },
      },
      'MOTION_NOT_ALLOWED',
    );
    w.refuse(
      a,
      {
        kind: 'ProposeMotion',
        councilId: o.docksId,
        title: 'T',
        text: 'x',
        body: { kind: 'instruction', targetMotionId: 'mo99', position: 'yes' },
      },
      'MOTION_NOT_ALLOWED',
    );
  });
});

describe('Mandated delegation: a delegate who votes against a standing instruction of the council that elected them is in breach; the breach is on the record, the constituents are told, and a recall petition may cite it', () => {
  it('records the breach with the open vote, and a recall petition cites it', () => {
    const { w, o, d, m, targetId, instruction } = setup('yes');
    const events = w.run(d, { kind: 'CastMotionVote', motionId: targetId, choice: 'no' });
    const breach = events.find((e) => e.kind === 'BreachRecorded');
    expect(breach).toMatchObject({
      memberId: d,
      councilId: o.docksId,
      motionId: targetId,
      instructionId: instruction,
      instructed: 'yes',
      voted: 'no',
    });
    // Public on the record: the constituents (and anyone) can see it.
    if (breach) expect(envelopeOf(breach).secret).toBeUndefined();
    // Mill gave no instruction: its delegate is free.
    const free = w.run(m, { kind: 'CastMotionVote', motionId: targetId, choice: 'no' });
    expect(free.some((e) => e.kind === 'BreachRecorded')).toBe(false);
    const breachId = breach?.kind === 'BreachRecorded' ? breach.breachId : '';
    const mandate = w.sittingMandate(`d:${o.docksId}`, d);
    const [petition] = w.run(o.docks[4] as string, {
      kind: 'OpenRecallPetition',
      mandateId: mandate.id,
      reason: 'Voted against our instruction',
      breachIds: [breachId],
    });
    expect(petition).toMatchObject({ kind: 'RecallPetitionOpened', breachIds: [breachId] });
    w.refuse(
      o.docks[5] as string,
      {
        kind: 'OpenRecallPetition',
        mandateId: w.sittingMandate(`d:${o.millId}`, m).id,
        reason: 'x',
        breachIds: [breachId],
      },
      'NOT_IN_VOTING_BODY',
    );
  });

  it('a vote as instructed is no breach', () => {
    const { w, d, targetId } = setup('no');
    const events = w.run(d, { kind: 'CastMotionVote', motionId: targetId, choice: 'no' });
    expect(events.some((e) => e.kind === 'BreachRecorded')).toBe(false);
  });
});

describe('Mandated delegation: not voting on an instructed motion is a breach, recorded when the vote closes', () => {
  it('records the breach of a delegate who did not vote, and none for one who did', () => {
    const { w, o, d, m, targetId, instruction } = setup('yes');
    w.run(m, { kind: 'CastMotionVote', motionId: targetId, choice: 'yes' });
    w.tick(w.state.motions.get(targetId)?.voteClosesAt as number);
    const breaches = w.events('BreachRecorded');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({
      memberId: d,
      councilId: o.docksId,
      motionId: targetId,
      instructionId: instruction,
      instructed: 'yes',
      voted: 'none',
    });
    w.expectReplayEqualsLive();
  });
});
