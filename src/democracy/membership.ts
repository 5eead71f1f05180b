import { ensureElections } from './automatic-elections.js';
import type { DemocracyCommand } from './commands.js';
import { DAY } from './constitution.js';
import { democracyError } from './errors.js';
import { afterMembershipChange, checkName } from './founding.js';
import { isAncestorOrSelf, sittingMandates } from './queries.js';
import { invitationToken, tokenHashOf } from './secrets.js';
import type { MandateEndReason } from './state.js';
import type { Tx } from './tx.js';

type Cmd<K extends DemocracyCommand['kind']> = Extract<DemocracyCommand, { kind: K }>;

/**
 * RULES.md, Membership: any member of a base council may invite a person to it, with a
 * single-use token that expires after `invitationDays`. The token is derived from
 * `ctx.entropy` (`invitationToken`), so the caller can hand it on; only its SHA-256 is
 * logged.
 */
export function invite(tx: Tx, cmd: Cmd<'InviteMember'>): void {
  const me = tx.member();
  if (cmd.councilId !== undefined && cmd.councilId !== me.councilId)
    throw democracyError('NOT_YOUR_COUNCIL');
  const token = invitationToken(tx.ctx.entropy);
  const tokenHash = tokenHashOf(token);
  if (tx.state.invitationByHash.has(tokenHash)) throw democracyError('ENTROPY_TOO_SHORT');
  tx.emit({
    kind: 'MemberInvited',
    at: tx.now,
    by: me.id,
    invitationId: tx.nextId('invitation'),
    councilId: me.councilId,
    tokenHash,
    expiresAt: tx.now + tx.state.constitution.invitationDays * DAY,
  });
}

/**
 * Joins with an invitation token. The caller (who knows the person's account) must not
 * let one person hold two memberships of an organisation: the domain knows members, not
 * accounts.
 */
export function join(tx: Tx, cmd: Cmd<'JoinWithInvitation'>): void {
  const name = checkName(cmd.name);
  if (typeof cmd.token !== 'string') throw democracyError('INVITATION_UNKNOWN');
  const id = tx.state.invitationByHash.get(tokenHashOf(cmd.token));
  const invitation = id === undefined ? undefined : tx.state.invitations.get(id);
  if (!invitation) throw democracyError('INVITATION_UNKNOWN');
  if (invitation.usedBy !== null) throw democracyError('INVITATION_USED');
  if (tx.now >= invitation.expiresAt)
    throw democracyError('INVITATION_EXPIRED', {
      expiresAt: new Date(invitation.expiresAt).toISOString(),
    });
  const council = tx.state.councils.get(invitation.councilId);
  if (!council || council.dissolvedAt !== null)
    throw democracyError('COUNCIL_DISSOLVED', { councilId: invitation.councilId });
  tx.emit({
    kind: 'MemberJoined',
    at: tx.now,
    memberId: tx.nextId('member'),
    name,
    councilId: council.id,
    invitationId: invitation.id,
  });
  afterMembershipChange(tx, council.id);
}

/** RULES.md: a member may leave at any time; leaving ends every mandate they hold. */
export function leave(tx: Tx): void {
  const me = tx.member();
  tx.emit({ kind: 'MemberLeft', at: tx.now, by: me.id, memberId: me.id });
  endMembership(tx, me.id, me.councilId, 'left');
}

/**
 * Moves a member to another base council (RULES.md: a transfer moves them). The
 * mandates given by councils they no longer belong to (their old base council, and any
 * ancestor that is not also an ancestor of the new one) end, and so do their
 * candidacies there: they can no longer represent that constituency.
 */
export function transfer(tx: Tx, cmd: Cmd<'TransferMember'>): void {
  const me = tx.member();
  const to = tx.state.councils.get(cmd.toCouncilId);
  if (!to) throw democracyError('COUNCIL_UNKNOWN', { councilId: cmd.toCouncilId });
  if (to.dissolvedAt !== null) throw democracyError('COUNCIL_DISSOLVED', { councilId: to.id });
  if (to.kind !== 'base') throw democracyError('NOT_BASE_COUNCIL', { councilId: to.id });
  if (to.id === me.councilId) throw democracyError('SAME_COUNCIL');
  const fromId = me.councilId;
  tx.emit({
    kind: 'MemberTransferred',
    at: tx.now,
    by: me.id,
    memberId: me.id,
    fromId,
    toId: to.id,
  });
  const keep = (electingCouncilId: string) => isAncestorOrSelf(tx.state, electingCouncilId, to.id);
  const touched = endMandates(tx, me.id, 'transferred', (g) => !keep(g));
  withdrawCandidacies(tx, me.id, 'ineligible', (c) => !keep(c));
  ensureElections(tx, touched, 'change');
  afterMembershipChange(tx, fromId);
  afterMembershipChange(tx, to.id);
}

/**
 * After a member left or was expelled: end every mandate and candidacy, and open the
 * by-elections (RULES.md: leaving or expulsion ends every mandate the person holds; a
 * vacancy starts a by-election).
 */
export function endMembership(
  tx: Tx,
  memberId: string,
  councilId: string,
  reason: 'left' | 'expelled',
): void {
  const touched = endMandates(tx, memberId, reason, () => true);
  withdrawCandidacies(tx, memberId, 'left', () => true);
  ensureElections(tx, touched, 'change');
  afterMembershipChange(tx, councilId);
}

/** Ends the member's sitting mandates whose electing council passes `which`; returns their groups. */
export function endMandates(
  tx: Tx,
  memberId: string,
  reason: MandateEndReason,
  which: (electingCouncilId: string) => boolean,
): string[] {
  const touched: string[] = [];
  for (const m of sittingMandates(tx.state, memberId)) {
    const g = tx.state.groups.get(m.groupKey);
    if (!g || !which(g.electingCouncilId)) continue;
    tx.emit({ kind: 'MandateEnded', at: tx.now, mandateId: m.id, reason });
    touched.push(g.key);
  }
  return touched;
}

/** Withdraws the member's nominations in open elections whose electing council passes `which`. */
export function withdrawCandidacies(
  tx: Tx,
  memberId: string,
  reason: 'left' | 'ineligible',
  which: (electingCouncilId: string) => boolean,
): void {
  const member = tx.state.members.get(memberId);
  if (!member) return;
  // Accepted candidacies are indexed on the member; pending nominations are dropped when
  // nominations close (an inactive or ineligible nominee is never a candidate).
  for (const electionId of member.candidacies) {
    const election = tx.state.elections.get(electionId);
    if (election?.phase !== 'nominations' || !which(election.electingCouncilId)) continue;
    tx.emit({ kind: 'CandidacyWithdrawn', at: tx.now, electionId, candidateId: memberId, reason });
  }
}
