import { castInBox, closeBox, decideVote } from './ballots.js';
import { budgetProblem, openRound } from './budget-rounds.js';
import type { DemocracyCommand } from './commands.js';
import { DAY, parameterProblem } from './constitution.js';
import { democracyError } from './errors.js';
import { checkOffices } from './founding.js';
import { endMembership } from './membership.js';
import { type MotionBody, thresholdOf } from './motion-body.js';
import { activeMember, delegationKey, inVotingBody, votingBodySize } from './queries.js';
import { applyReadAccess, readAccessProblem, withReadToken } from './read-access.js';
import type { BallotBox, Choice, Council, Motion, OrgState } from './state.js';
import { applyStructure, structureProblem } from './structure.js';
import { spendingProblem } from './treasury.js';
import type { Tx } from './tx.js';

type Cmd<K extends DemocracyCommand['kind']> = Extract<DemocracyCommand, { kind: K }>;

const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];
const CONCLUDED: readonly Motion['phase'][] = ['passed', 'failed', 'withdrawn'];

function councilOf(tx: Tx, councilId: string): Council {
  const c = tx.state.councils.get(councilId);
  if (!c) throw democracyError('COUNCIL_UNKNOWN', { councilId });
  if (c.dissolvedAt !== null) throw democracyError('COUNCIL_DISSOLVED', { councilId });
  return c;
}

function motionOf(tx: Tx, motionId: string): Motion {
  const m = tx.state.motions.get(motionId);
  if (!m) throw democracyError('MOTION_UNKNOWN', { motionId });
  return m;
}

function requireBody(tx: Tx, councilId: string, action: string): void {
  if (!inVotingBody(tx.state, councilId, tx.ctx.actor))
    throw democracyError('NOT_IN_VOTING_BODY', { councilId, action });
}

/**
 * Why `body` cannot be proposed (or take effect) in `council`, or null. Where each kind
 * belongs: a constitutional motion in the congress (the constitution is the whole
 * organisation's); an expulsion in the member's base council; an instruction in a
 * council with a parent, naming an undecided motion of that parent; a structure change
 * inside the council's own subtree.
 */
export function motionProblem(
  state: OrgState,
  council: Council,
  body: MotionBody,
  proposerId: string | null,
): string | null {
  switch (body?.kind) {
    case 'ordinary':
      return null;
    case 'constitutional':
      if (council.id !== state.org?.rootCouncilId)
        return 'only the congress can amend the constitution';
      return null;
    case 'expulsion': {
      if (council.kind !== 'base') return 'only a base council can expel its members';
      const target = activeMember(state, body.memberId);
      if (!target || target.councilId !== council.id)
        return `${String(body.memberId)} is not a member of this council`;
      if (proposerId !== null && body.memberId === proposerId)
        return 'you cannot move your own expulsion; you may leave';
      return null;
    }
    case 'spending':
      if (!Number.isSafeInteger(body.amount) || body.amount <= 0)
        return 'the amount must be a positive whole number of minor units (cents)';
      if (typeof body.currency !== 'string' || !/^[A-Z]{3}$/.test(body.currency))
        return 'the currency must be an ISO 4217 code such as EUR';
      if (typeof body.payee !== 'string' || !body.payee.trim() || body.payee.length > 200)
        return 'name the payee (1 to 200 characters)';
      return spendingProblem(state, council, body);
    case 'budget':
      return budgetProblem(state, council, body);
    case 'instruction': {
      if (council.parentId === null)
        return 'the congress has no council above it to instruct delegates in';
      const target = state.motions.get(body.targetMotionId);
      if (!target || target.councilId !== council.parentId)
        return `${String(body.targetMotionId)} is not a motion of the council above`;
      if (CONCLUDED.includes(target.phase))
        return `the motion ${target.id} has already been decided`;
      if (!CHOICES.includes(body.position)) return 'the position must be yes, no or abstain';
      return null;
    }
    case 'structure':
      return structureProblem(state, council, body.change);
    case 'readAccess':
      return readAccessProblem(state, council, body);
    default:
      return 'unknown kind of motion';
  }
}

/**
 * RULES.md, Motions: any member of a council's voting body may propose a motion; it
 * goes to debate once `seconders` other members support it.
 */
export function propose(tx: Tx, cmd: Cmd<'ProposeMotion'>): void {
  const me = tx.member();
  const council = councilOf(tx, cmd.councilId);
  requireBody(tx, council.id, 'propose motions');
  const title = typeof cmd.title === 'string' ? cmd.title.trim() : '';
  const text = typeof cmd.text === 'string' ? cmd.text.trim() : '';
  if (title.length < 1 || title.length > 200)
    throw democracyError('BAD_COMMAND', {
      reason: 'a motion needs a title of 1 to 200 characters',
    });
  if (text.length < 1 || text.length > 20_000)
    throw democracyError('BAD_COMMAND', {
      reason: 'a motion needs a text of 1 to 20,000 characters',
    });
  if (cmd.body?.kind === 'constitutional' && council.id === tx.state.org?.rootCouncilId) {
    const problem = parameterProblem(cmd.body.parameter, cmd.body.value);
    if (problem) throw democracyError('PARAMETER_OUT_OF_BOUNDS', { reason: problem });
  }
  if (cmd.body?.kind === 'structure' && cmd.body.change?.action === 'create')
    checkOffices(cmd.body.change.offices, (reason) =>
      democracyError('MOTION_NOT_ALLOWED', { reason }),
    );
  const problem = motionProblem(tx.state, council, cmd.body, me.id);
  if (problem) throw democracyError('MOTION_NOT_ALLOWED', { reason: problem });
  const motionId = tx.nextId('motion');
  const secondersNeeded = secondersFor(tx, council.id);
  tx.emit({
    kind: 'MotionProposed',
    at: tx.now,
    by: me.id,
    motionId,
    councilId: council.id,
    title,
    text,
    body: withReadToken(cmd.body, tx.ctx.entropy),
    secondersNeeded,
  });
  if (secondersNeeded === 0) openDebate(tx, motionId);
}

/**
 * Seconders needed: `seconders`, but never more than the other members of the voting
 * body (issue 14: a bound relative to the council's size, so that no constitution
 * within the bounds leaves a council unable to pass a motion, this one included). A
 * council of one needs none.
 */
function secondersFor(tx: Tx, councilId: string): number {
  return Math.max(
    0,
    Math.min(tx.state.constitution.seconders, votingBodySize(tx.state, councilId) - 1),
  );
}

function openDebate(tx: Tx, motionId: string): void {
  tx.emit({
    kind: 'DebateOpened',
    at: tx.now,
    motionId,
    closesAt: tx.now + tx.state.constitution.debateDays * DAY,
  });
}

export function second(tx: Tx, cmd: Cmd<'SecondMotion'>): void {
  const me = tx.member();
  const motion = motionOf(tx, cmd.motionId);
  requireBody(tx, motion.councilId, 'second motions');
  if (motion.phase !== 'proposed')
    throw democracyError('MOTION_PHASE', { phase: motion.phase, action: 'second it' });
  if (motion.proposedBy === me.id) throw democracyError('CANNOT_SECOND_OWN');
  if (motion.seconders.includes(me.id)) throw democracyError('ALREADY_SECONDED');
  tx.emit({ kind: 'MotionSeconded', at: tx.now, by: me.id, motionId: motion.id });
  if (motion.seconders.length + 1 >= motion.secondersNeeded) openDebate(tx, motion.id);
}

export function withdraw(tx: Tx, cmd: Cmd<'WithdrawMotion'>): void {
  const me = tx.member();
  const motion = motionOf(tx, cmd.motionId);
  if (motion.proposedBy !== me.id) throw democracyError('NOT_PROPOSER');
  if (motion.phase !== 'proposed' && motion.phase !== 'debate')
    throw democracyError('MOTION_PHASE', { phase: motion.phase, action: 'withdraw it' });
  tx.emit({ kind: 'MotionWithdrawn', at: tx.now, by: me.id, motionId: motion.id });
}

/** During debate, a member of the voting body proposes a new text for the motion. */
export function amend(tx: Tx, cmd: Cmd<'ProposeAmendment'>): void {
  const me = tx.member();
  const motion = motionOf(tx, cmd.motionId);
  requireBody(tx, motion.councilId, 'propose amendments');
  if (motion.phase !== 'debate' || tx.now >= (motion.debateClosesAt ?? 0))
    throw democracyError('MOTION_PHASE', { phase: motion.phase, action: 'amend it' });
  const text = typeof cmd.text === 'string' ? cmd.text.trim() : '';
  if (text.length < 1 || text.length > 20_000)
    throw democracyError('BAD_COMMAND', {
      reason: 'an amendment needs a text of 1 to 20,000 characters',
    });
  if (motion.amendmentIds.length >= 50)
    throw democracyError('BAD_COMMAND', { reason: 'a motion takes at most 50 amendments' });
  tx.emit({
    kind: 'AmendmentProposed',
    at: tx.now,
    by: me.id,
    amendmentId: tx.nextId('amendment'),
    motionId: motion.id,
    text,
  });
}

function checkChoice(choice: unknown): Choice {
  if (!CHOICES.includes(choice as Choice))
    throw democracyError('BAD_BALLOT', { reason: 'vote yes, no or abstain' });
  return choice as Choice;
}

export function voteAmendment(tx: Tx, cmd: Cmd<'CastAmendmentVote'>): void {
  tx.member();
  const choice = checkChoice(cmd.choice);
  const amendment = tx.state.amendments.get(cmd.amendmentId);
  if (!amendment) throw democracyError('AMENDMENT_UNKNOWN', { amendmentId: cmd.amendmentId });
  const box = amendment.boxId === null ? undefined : tx.state.boxes.get(amendment.boxId);
  if (!box) throw democracyError('VOTING_NOT_OPEN');
  castInBox(tx, box, tx.ctx.actor, choice);
}

/**
 * A vote on a motion. In a delegate council the vote is open, and a delegate who votes
 * otherwise than a standing instruction of the council that elected them is in breach:
 * the breach is recorded with the vote (RULES.md, Mandated delegation). Any vote other
 * than the instructed one is a breach, abstention included.
 */
export function voteMotion(tx: Tx, cmd: Cmd<'CastMotionVote'>): void {
  const me = tx.member();
  const choice = checkChoice(cmd.choice);
  const motion = motionOf(tx, cmd.motionId);
  const box =
    motion.phase === 'voting' && motion.boxId !== null
      ? tx.state.boxes.get(motion.boxId)
      : undefined;
  if (!box) throw democracyError('VOTING_NOT_OPEN');
  castInBox(tx, box, me.id, choice);
  if (box.secret) return;
  for (const mandateId of me.mandates) {
    const mandate = tx.state.mandates.get(mandateId);
    const group = mandate && tx.state.groups.get(mandate.groupKey);
    if (
      !mandate ||
      !group ||
      group.kind !== 'delegation' ||
      group.seatCouncilId !== motion.councilId
    )
      continue;
    const instruction = tx.state.instructions.get(`${motion.id}|${group.electingCouncilId}`);
    if (instruction && instruction.position !== choice)
      tx.emit({
        kind: 'BreachRecorded',
        at: tx.now,
        breachId: tx.nextId('breach'),
        mandateId: mandate.id,
        memberId: me.id,
        councilId: group.electingCouncilId,
        motionId: motion.id,
        instructionId: instruction.id,
        instructed: instruction.position,
        voted: choice,
      });
  }
}

/**
 * Mandated delegation (issue 14): a delegate on the roll of an instructed motion who did
 * not vote is in breach, recorded when the vote closes (`voted: none`). Only mandates
 * still sitting: a mandate that ended took its vote with it.
 */
function recordAbsentBreaches(tx: Tx, motion: Motion, box: BallotBox): void {
  if (box.secret) return;
  const council = tx.state.councils.get(motion.councilId) as Council;
  for (const childId of council.childIds) {
    const instruction = tx.state.instructions.get(`${motion.id}|${childId}`);
    const group = tx.state.groups.get(delegationKey(childId));
    if (!instruction || !group) continue;
    for (const mandateId of group.sitting) {
      const mandate = tx.state.mandates.get(mandateId);
      if (!mandate || !box.roll.has(mandate.holderId) || box.votes.has(mandate.holderId)) continue;
      tx.emit({
        kind: 'BreachRecorded',
        at: tx.now,
        breachId: tx.nextId('breach'),
        mandateId,
        memberId: mandate.holderId,
        councilId: childId,
        motionId: motion.id,
        instructionId: instruction.id,
        instructed: instruction.position,
        voted: 'none',
      });
    }
  }
}

function openMotionVote(tx: Tx, motion: Motion): void {
  const c = tx.state.constitution;
  const council = tx.state.councils.get(motion.councilId) as Council;
  tx.emit({
    kind: 'MotionVotingOpened',
    at: tx.now,
    motionId: motion.id,
    boxId: tx.nextId('box'),
    closesAt: tx.now + c.votingDays * DAY,
    secretBallot: council.kind === 'base',
    rollSize: votingBodySize(tx.state, council.id),
    quorumPercent: c.quorumPercent,
  });
}

/** Debate closes: amendments go to a vote first (RULES.md), or else the motion does. */
export function closeDebate(tx: Tx, motionId: string): void {
  const motion = tx.state.motions.get(motionId) as Motion;
  if (motion.amendmentIds.length === 0) {
    openMotionVote(tx, motion);
    return;
  }
  const c = tx.state.constitution;
  const council = tx.state.councils.get(motion.councilId) as Council;
  const boxIds = tx.nextIds('box', motion.amendmentIds.length);
  tx.emit({
    kind: 'AmendmentVotingOpened',
    at: tx.now,
    motionId,
    closesAt: tx.now + c.votingDays * DAY,
    secretBallot: council.kind === 'base',
    rollSize: votingBodySize(tx.state, council.id),
    quorumPercent: c.quorumPercent,
    boxes: motion.amendmentIds.map((amendmentId, i) => ({
      amendmentId,
      boxId: boxIds[i] as string,
    })),
  });
}

/**
 * Amendment votes close: each is adopted by more yes than no with the quorum; adopted
 * amendments replace the motion's text in the order they were proposed (so the last
 * adopted text stands). Then the motion itself goes to the vote.
 */
export function closeAmendments(tx: Tx, motionId: string): void {
  const motion = tx.state.motions.get(motionId) as Motion;
  let text = motion.text;
  const results = motion.amendmentIds.map((amendmentId) => {
    const a = tx.state.amendments.get(amendmentId);
    const box = a?.boxId ? tx.state.boxes.get(a.boxId) : undefined;
    if (!a || !box) return { amendmentId, adopted: false, yes: 0, no: 0, abstain: 0 };
    const ballots = closeBox(tx, box.id);
    const { yes, no, abstain, result } = decideVote(box, ballots, 'simple-majority');
    if (result.passed) text = a.text;
    return { amendmentId, adopted: result.passed, yes, no, abstain };
  });
  tx.emit({ kind: 'AmendmentVotingClosed', at: tx.now, motionId, results, text });
  openMotionVote(tx, tx.state.motions.get(motionId) as Motion);
}

/** The vote on a motion closes: passed or failed by its kind's threshold, then its effects. */
export function closeMotionVote(tx: Tx, motionId: string): void {
  const motion = tx.state.motions.get(motionId) as Motion;
  const box = tx.state.boxes.get(motion.boxId as string);
  const ballots = closeBox(tx, motion.boxId as string);
  if (!box) return;
  recordAbsentBreaches(tx, motion, box);
  const threshold = thresholdOf(motion.body);
  const { yes, no, abstain, result } = decideVote(box, ballots, threshold);
  const council = tx.state.councils.get(motion.councilId) as Council;
  let effectVoid: string | null = null;
  if (result.passed) {
    effectVoid =
      council.dissolvedAt !== null
        ? 'the council has been dissolved'
        : motion.body.kind === 'constitutional'
          ? parameterProblem(motion.body.parameter, motion.body.value)
          : motionProblem(tx.state, council, motion.body, null);
  }
  tx.emit({
    kind: 'MotionVotingClosed',
    at: tx.now,
    motionId,
    passed: result.passed,
    yes,
    no,
    abstain,
    quorumNeeded: result.quorumNeeded,
    threshold,
    reason: result.reason,
    effectVoid,
  });
  if (result.passed && effectVoid === null) applyEffect(tx, motion);
}

function applyEffect(tx: Tx, motion: Motion): void {
  const body = motion.body;
  switch (body.kind) {
    case 'ordinary':
      return;
    case 'constitutional': {
      const parameter = body.parameter as keyof OrgState['constitution'];
      tx.emit({
        kind: 'ConstitutionAmended',
        at: tx.now,
        parameter,
        value: body.value,
        previous: tx.state.constitution[parameter],
        motionId: motion.id,
      });
      return;
    }
    case 'expulsion': {
      const member = tx.state.members.get(body.memberId);
      if (!member) return;
      tx.emit({ kind: 'MemberExpelled', at: tx.now, memberId: member.id, motionId: motion.id });
      endMembership(tx, member.id, member.councilId, 'expelled');
      return;
    }
    case 'spending':
      tx.emit({
        kind: 'SpendingAuthorised',
        at: tx.now,
        motionId: motion.id,
        councilId: motion.councilId,
        amount: body.amount,
        currency: body.currency,
        payee: body.payee.trim(),
        ...(body.purpose?.trim() ? { purpose: body.purpose.trim() } : {}),
        ...(body.mandateId !== undefined ? { mandateId: body.mandateId } : {}),
        ...(body.payeeMemberId !== undefined ? { payeeMemberId: body.payeeMemberId } : {}),
      });
      return;
    case 'budget':
      openRound(tx, motion);
      return;
    case 'instruction':
      tx.emit({
        kind: 'InstructionIssued',
        at: tx.now,
        instructionId: motion.id,
        councilId: motion.councilId,
        targetMotionId: body.targetMotionId,
        position: body.position,
      });
      return;
    case 'structure':
      applyStructure(tx, motion.id, body.change);
      return;
    case 'readAccess':
      applyReadAccess(tx, motion.id, body);
      return;
  }
}
