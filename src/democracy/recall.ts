import { ensureElections } from './automatic-elections.js';
import { castInBox, closeBox, decideVote } from './ballots.js';
import type { DemocracyCommand } from './commands.js';
import { DAY } from './constitution.js';
import { democracyError } from './errors.js';
import { endMandatesHeldByVirtueOf } from './mandate-cascade.js';
import { inVotingBody, votingBodySize } from './queries.js';
import type { Mandate, RecallPetition, SeatGroup } from './state.js';
import type { Tx } from './tx.js';

type Cmd<K extends DemocracyCommand['kind']> = Extract<DemocracyCommand, { kind: K }>;

function electingCouncil(tx: Tx, mandate: Mandate): string {
  return (tx.state.groups.get(mandate.groupKey) as SeatGroup).electingCouncilId;
}

/**
 * RULES.md, Recall: any member of the electing body may open a petition against a
 * sitting mandate, with a stated reason (citing breaches of instructions if any). One
 * recall per mandate at a time, so two recalls of the same mandate can never both
 * succeed; none within `recallCooldown` of a failed recall vote. The number of
 * signatures needed is fixed now: `recallThreshold` of the electing body, and at least
 * the opener and one other.
 */
export function openPetition(tx: Tx, cmd: Cmd<'OpenRecallPetition'>): void {
  const me = tx.member();
  const mandate = tx.state.mandates.get(cmd.mandateId);
  if (!mandate) throw democracyError('MANDATE_UNKNOWN', { mandateId: cmd.mandateId });
  const councilId = electingCouncil(tx, mandate);
  if (!inVotingBody(tx.state, councilId, me.id))
    throw democracyError('NOT_IN_VOTING_BODY', {
      councilId,
      action: 'petition to recall this mandate',
    });
  if (mandate.endedAt !== null)
    throw democracyError('MANDATE_NOT_SITTING', { mandateId: mandate.id });
  if (mandate.petitionId !== null)
    throw democracyError('RECALL_ALREADY_OPEN', { petitionId: mandate.petitionId });
  const c = tx.state.constitution;
  if (mandate.recallFailedAt !== null) {
    const until = mandate.recallFailedAt + c.recallCooldownDays * DAY;
    if (tx.now < until)
      throw democracyError('RECALL_COOLDOWN', { until: new Date(until).toISOString() });
  }
  const reason = typeof cmd.reason === 'string' ? cmd.reason.trim() : '';
  if (reason.length === 0) throw democracyError('REASON_REQUIRED');
  if (reason.length > 5000)
    throw democracyError('BAD_COMMAND', { reason: 'the reason is longer than 5,000 characters' });
  const breachIds = cmd.breachIds ?? [];
  for (const id of breachIds) {
    const b = tx.state.breaches.get(id);
    if (!b || b.memberId !== mandate.holderId)
      throw democracyError('BREACH_UNKNOWN', { breachId: id });
  }
  const body = votingBodySize(tx.state, councilId);
  const needed = Math.max(2, Math.ceil((body * c.recallThresholdPercent) / 100));
  const petitionId = tx.nextId('petition');
  tx.emit({
    kind: 'RecallPetitionOpened',
    at: tx.now,
    by: me.id,
    petitionId,
    mandateId: mandate.id,
    reason,
    breachIds: [...new Set(breachIds)],
    windowEndsAt: tx.now + c.recallWindowDays * DAY,
    needed,
  });
}

/** A member of the electing body signs; at the threshold, the recall vote opens at once. */
export function signPetition(tx: Tx, cmd: Cmd<'SignRecallPetition'>): void {
  const me = tx.member();
  const petition = tx.state.petitions.get(cmd.petitionId);
  if (!petition) throw democracyError('PETITION_UNKNOWN', { petitionId: cmd.petitionId });
  if (!inVotingBody(tx.state, petition.electingCouncilId, me.id))
    throw democracyError('NOT_IN_VOTING_BODY', {
      councilId: petition.electingCouncilId,
      action: 'sign this petition',
    });
  if (petition.phase !== 'petition' || tx.now >= petition.windowEndsAt)
    throw democracyError('PETITION_CLOSED');
  const mandate = tx.state.mandates.get(petition.mandateId) as Mandate;
  if (mandate.endedAt !== null)
    throw democracyError('MANDATE_NOT_SITTING', { mandateId: mandate.id });
  if (petition.signatures.has(me.id)) throw democracyError('ALREADY_SIGNED');
  const signatures = petition.signatures.size + 1;
  tx.emit({
    kind: 'RecallPetitionSigned',
    at: tx.now,
    by: me.id,
    petitionId: petition.id,
    signatures,
  });
  if (signatures >= petition.needed) {
    const c = tx.state.constitution;
    const council = tx.state.councils.get(petition.electingCouncilId);
    tx.emit({
      kind: 'RecallVoteOpened',
      at: tx.now,
      petitionId: petition.id,
      boxId: tx.nextId('box'),
      closesAt: tx.now + c.votingDays * DAY,
      // RULES.md, Motions: secret in base councils, always open among delegates.
      secretBallot: council?.kind === 'base',
      rollSize: votingBodySize(tx.state, petition.electingCouncilId),
      quorumPercent: c.quorumPercent,
    });
  }
}

export function castRecallVote(tx: Tx, cmd: Cmd<'CastRecallVote'>): void {
  tx.member();
  const petition = tx.state.petitions.get(cmd.petitionId);
  if (!petition) throw democracyError('PETITION_UNKNOWN', { petitionId: cmd.petitionId });
  if (petition.phase !== 'vote' || petition.boxId === null) throw democracyError('VOTING_NOT_OPEN');
  if (cmd.choice !== 'recall' && cmd.choice !== 'keep' && cmd.choice !== 'abstain')
    throw democracyError('BAD_BALLOT', { reason: 'vote recall, keep or abstain' });
  const box = tx.state.boxes.get(petition.boxId);
  if (!box) throw democracyError('VOTING_NOT_OPEN');
  castInBox(tx, box, tx.ctx.actor, cmd.choice);
}

/** The petition window ends without the threshold. */
export function lapsePetition(tx: Tx, petitionId: string): void {
  tx.emit({ kind: 'RecallPetitionLapsed', at: tx.now, petitionId });
}

/**
 * The recall vote closes (RULES.md, Recall): recalled when more vote to recall than to
 * keep and turnout reaches the quorum of the roll; the mandate ends at once and the
 * by-election opens. Otherwise kept, and the cooldown starts. Moot if the mandate ended
 * meanwhile.
 */
export function closeRecallVote(tx: Tx, petitionId: string): void {
  const petition = tx.state.petitions.get(petitionId) as RecallPetition;
  const box = tx.state.boxes.get(petition.boxId as string);
  const ballots = closeBox(tx, petition.boxId as string);
  if (!box) return;
  const { yes, no, abstain, result } = decideVote(box, ballots, 'simple-majority');
  const mandate = tx.state.mandates.get(petition.mandateId) as Mandate;
  const outcome = mandate.endedAt !== null ? 'moot' : result.passed ? 'recalled' : 'kept';
  tx.emit({
    kind: 'RecallVoteClosed',
    at: tx.now,
    petitionId,
    outcome,
    recall: yes,
    keep: no,
    abstain,
    quorumNeeded: result.quorumNeeded,
  });
  if (outcome === 'recalled') {
    tx.emit({ kind: 'MandateEnded', at: tx.now, mandateId: mandate.id, reason: 'recalled' });
    ensureElections(tx, [mandate.groupKey], 'change');
    endMandatesHeldByVirtueOf(tx, mandate);
  }
}
