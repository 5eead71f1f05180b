import { checkNewKey, emitKey } from './acts.js';
import { ensureElections } from './automatic-elections.js';
import type { DemocracyCommand } from './commands.js';
import { DAY } from './constitution.js';
import { democracyError } from './errors.js';
import { afterMembershipChange } from './founding.js';
import { sweepVotingBody } from './mandate-cascade.js';
import { checkName, commitFact } from './personal.js';
import { isAncestorOrSelf, sittingMandates } from './queries.js';
import { invitationToken, tokenHashOf } from './secrets.js';
import type { MandateEndReason, OrgState } from './state.js';
import { treasurerOf } from './treasury.js';
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
  if (cmd.key !== undefined) checkNewKey(tx.state, cmd.key?.publicKey, cmd.key?.label);
  const memberId = tx.nextId('member');
  const { commitment, fact } = commitFact(tx.ctx.entropy, memberId, 'name', name);
  tx.emit({
    kind: 'MemberJoined',
    at: tx.now,
    memberId,
    nameCommitment: commitment,
    councilId: council.id,
    invitationId: invitation.id,
    personal: [fact],
  });
  // The new member's first key, registered as they join (acts.ts): from their first act on,
  // nobody can act in their name without it.
  if (cmd.key !== undefined) emitKey(tx, memberId, cmd.key.publicKey, cmd.key.label);
  afterMembershipChange(tx, council.id);
}

/**
 * docs/design/rules.md, "A person's rights": a member or former member may have their
 * personal data erased (GDPR art. 17). An active member leaves first (their mandates end
 * as on leaving); then `MemberErased`, which carries no personal data, tells the store to
 * delete the directory rows and salts (crypto-shredding) and every reader to drop the
 * name. Refused while they keep a treasury that holds money: they hand it over first.
 */
export function erase(tx: Tx): void {
  const me = tx.state.members.get(tx.ctx.actor);
  if (!me) throw democracyError('NOT_A_MEMBER');
  if (me.erasedAt !== null) throw democracyError('ALREADY_ERASED');
  const ledger = treasuryHeldBy(tx.state, me.id);
  if (ledger !== null) throw democracyError('ERASURE_TREASURER', { councilId: ledger });
  if (me.status === 'active') leave(tx);
  tx.emit({ kind: 'MemberErased', at: tx.now, by: me.id, memberId: me.id });
}

/** A council whose ledger holds money and whose treasurer is `memberId`, or null. */
function treasuryHeldBy(state: OrgState, memberId: string): string | null {
  for (const ledger of state.treasury.ledgers.values()) {
    if (treasurerOf(state, ledger.councilId) !== memberId) continue;
    for (const a of ledger.accounts.values())
      if (a.type === 'asset' && a.debits - a.credits > 0) return ledger.councilId;
  }
  return null;
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
  // An ended delegate seat ends what was held by virtue of it (issue 14).
  for (const key of touched) {
    const group = tx.state.groups.get(key);
    if (group?.kind === 'delegation') sweepVotingBody(tx, group.seatCouncilId);
  }
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
