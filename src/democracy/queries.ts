import { DAY } from './constitution.js';
import { PMap } from './pmap.js';
import type { Council, Member, OrgState, SeatGroup } from './state.js';

/**
 * Read-only questions about a state, shared by decide, evolve and the callers (server,
 * UI). Each costs O(what it looks at): a council, its children, a member's mandates.
 */

export const delegationKey = (childId: string): string => `d:${childId}`;
export const officeKey = (councilId: string, office: string): string => `o:${councilId}:${office}`;

/** The seat groups a council elects: its offices, and its delegation to its parent. */
export function groupKeysOf(council: Council): string[] {
  const keys = council.offices.map((o) => officeKey(council.id, o));
  if (council.parentId !== null) keys.push(delegationKey(council.id));
  return keys;
}

export function activeMember(state: OrgState, id: string): Member | undefined {
  const m = state.members.get(id);
  return m && m.status === 'active' ? m : undefined;
}

/** The council and its ancestors, nearest first. */
export function lineage(state: OrgState, councilId: string): Council[] {
  const out: Council[] = [];
  let c = state.councils.get(councilId);
  while (c) {
    out.push(c);
    c = c.parentId === null ? undefined : state.councils.get(c.parentId);
  }
  return out;
}

export function isAncestorOrSelf(state: OrgState, ancestorId: string, councilId: string): boolean {
  return lineage(state, councilId).some((c) => c.id === ancestorId);
}

/**
 * A council's voting body (RULES.md): its members (base council) or its current
 * delegates (delegate council), as a set of member ids.
 */
export function votingBody(state: OrgState, councilId: string): PMap<true> {
  const council = state.councils.get(councilId);
  if (!council) return PMap.empty();
  if (council.kind === 'base') return council.members;
  let body = PMap.empty<true>();
  for (const childId of seatedChildren(council)) {
    const g = state.groups.get(delegationKey(childId));
    for (const mandateId of g?.sitting ?? []) {
      const holder = state.mandates.get(mandateId)?.holderId;
      if (holder !== undefined) body = body.set(holder, true);
    }
  }
  return body;
}

/** The children whose delegates may sit in `council`: its children and its former ones. */
function seatedChildren(council: Council): readonly string[] {
  return council.formerChildIds.length === 0
    ? council.childIds
    : [...council.childIds, ...council.formerChildIds];
}

export function votingBodySize(state: OrgState, councilId: string): number {
  const council = state.councils.get(councilId);
  if (!council) return 0;
  if (council.kind === 'base') return council.members.size;
  let n = 0;
  for (const childId of seatedChildren(council))
    n += state.groups.get(delegationKey(childId))?.sitting.length ?? 0;
  return n;
}

export function inVotingBody(state: OrgState, councilId: string, memberId: string): boolean {
  const council = state.councils.get(councilId);
  const member = activeMember(state, memberId);
  if (!council || !member || council.dissolvedAt !== null) return false;
  if (council.kind === 'base') return council.members.has(memberId);
  return member.mandates.some((id) => {
    const m = state.mandates.get(id);
    const g = m && state.groups.get(m.groupKey);
    return g !== undefined && g.kind === 'delegation' && g.seatCouncilId === councilId;
  });
}

/**
 * Seats of a group: one for an office; for a delegation, `max(1, ceil(m / delegateRatio))`
 * where m is the members of the child council's subtree (RULES.md, Organisation and
 * councils).
 */
export function seatsOf(state: OrgState, group: SeatGroup): number {
  if (group.kind === 'office') return 1;
  const child = state.councils.get(group.electingCouncilId);
  const m = child?.subtree ?? 0;
  return Math.max(1, Math.ceil(m / state.constitution.delegateRatio));
}

/** The open election of a group, if any (a by-election first). */
export function openElectionOf(group: SeatGroup): string | null {
  return group.byElectionId ?? group.regularElectionId;
}

/** nominations + voting, in ms, under the constitution in force. */
export function electionSpan(state: OrgState): number {
  return (state.constitution.nominationDays + state.constitution.votingDays) * DAY;
}

/** Sitting mandates of a member, as objects. */
export function sittingMandates(state: OrgState, memberId: string) {
  const member = state.members.get(memberId);
  return (member?.mandates ?? []).flatMap((id) => {
    const m = state.mandates.get(id);
    return m ? [m] : [];
  });
}
