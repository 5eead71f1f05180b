import type { Static } from '@fastify/type-provider-typebox';
import { inVotingBody, sittingMandates } from '../democracy/index.js';
import type { ViewState } from '../service/views/names.js';
import type { NotificationSchema } from './schemas/notifications.js';

export type Notification = Static<typeof NotificationSchema>;

/** The most notifications one answer lists (newest first). */
const LIMIT = 100;

function seatLabel(state: ViewState, groupKey: string): string {
  const g = state.groups.get(groupKey);
  if (!g) return groupKey;
  const seat = state.councils.get(g.seatCouncilId)?.name ?? g.seatCouncilId;
  if (g.kind === 'office') return `${g.office} of ${seat}`;
  const from = state.councils.get(g.electingCouncilId)?.name ?? g.electingCouncilId;
  return `delegate of ${from} to ${seat}`;
}

/**
 * What a member should know, derived from the state alone (so every server process
 * agrees and nothing is stored): nothing here reveals a secret ballot, and whether the
 * member has voted in a secret box is shown only to the member themself.
 *
 * - `election-open`: an election held by a voting body the member belongs to is open
 *   (nominations or voting);
 * - `vote-open`: an open ballot box whose roll holds the member, not yet voted in;
 * - `nomination`: the member was nominated and has not accepted or declined;
 * - `delegate-breach`: a delegate elected by a council the member votes in voted against
 *   that council's standing instruction (RULES.md, Mandated delegation: "the
 *   constituents are told");
 * - `recall-against-me`: a recall petition or vote against one of the member's mandates.
 *
 * Votes on motions and amendments, and breaches, carry the motion (`motionId`; for a
 * breach, the motion the delegate voted on) and its council (`councilId`; for a breach,
 * the council whose instruction was breached), so that clients can link them.
 *
 * Pure; O(open elections + open boxes + breaches + petitions).
 */
export function notificationsFor(state: ViewState, memberId: string): Notification[] {
  const out: Notification[] = [];
  for (const e of state.elections.values()) {
    if (e.phase === 'closed' || !inVotingBody(state, e.electingCouncilId, memberId)) continue;
    out.push({
      kind: 'election-open',
      at: e.openedAt,
      subject: { kind: 'election', id: e.id },
      title: seatLabel(state, e.groupKey),
      until: e.phase === 'nominations' ? e.nominationsCloseAt : e.votingCloseAt,
      motionId: null,
      councilId: null,
    });
    if (
      e.phase === 'nominations' &&
      e.nominees.some((n) => n.memberId === memberId && !n.accepted && !n.withdrawn)
    ) {
      out.push({
        kind: 'nomination',
        at: e.openedAt,
        subject: { kind: 'election', id: e.id },
        title: seatLabel(state, e.groupKey),
        until: e.nominationsCloseAt,
        motionId: null,
        councilId: null,
      });
    }
  }
  for (const box of state.boxes.values()) {
    if (box.closed || !box.roll.has(memberId) || box.voted.has(memberId)) continue;
    const subject = box.subject;
    const motionId =
      subject.kind === 'motion'
        ? subject.id
        : subject.kind === 'amendment'
          ? (state.amendments.get(subject.id)?.motionId ?? null)
          : null;
    const motion = motionId === null ? undefined : state.motions.get(motionId);
    const title =
      subject.kind === 'election'
        ? seatLabel(state, state.elections.get(subject.id)?.groupKey ?? subject.id)
        : subject.kind === 'motion'
          ? (state.motions.get(subject.id)?.title ?? subject.id)
          : subject.kind === 'amendment'
            ? (motion?.title ?? subject.id)
            : (state.petitions.get(subject.id)?.reason ?? subject.id);
    out.push({
      kind: 'vote-open',
      at: box.opensAt,
      subject: { kind: subject.kind, id: subject.id },
      title,
      until: box.closesAt,
      motionId,
      councilId: motion?.councilId ?? null,
    });
  }
  for (const b of state.breaches.values()) {
    if (!inVotingBody(state, b.councilId, memberId)) continue;
    out.push({
      kind: 'delegate-breach',
      at: b.at,
      subject: { kind: 'breach', id: b.id },
      title: `${state.names.nameOf(b.memberId) ?? b.memberId}: ${
        state.motions.get(b.motionId)?.title ?? b.motionId
      } (instructed ${b.instructed}, voted ${b.voted})`,
      until: null,
      motionId: b.motionId,
      councilId: b.councilId,
    });
  }
  const mine = new Set(sittingMandates(state, memberId).map((m) => m.id));
  for (const p of state.petitions.values()) {
    if (!mine.has(p.mandateId) || (p.phase !== 'petition' && p.phase !== 'vote')) continue;
    out.push({
      kind: 'recall-against-me',
      at: p.openedAt,
      subject: { kind: 'recall', id: p.id },
      title: p.reason,
      until: p.phase === 'petition' ? p.windowEndsAt : p.voteClosesAt,
      motionId: null,
      councilId: null,
    });
  }
  return out.sort((a, b) => b.at - a.at).slice(0, LIMIT);
}
