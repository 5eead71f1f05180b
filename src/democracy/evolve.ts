import { evolveActs, isActEvent } from './acts.js';
import { DEFAULT_CONSTITUTION } from './constitution.js';
import type { DemocracyEvent } from './events/index.js';
import { PMap } from './pmap.js';
import { delegationKey, electionSpan, officeKey, votingBody } from './queries.js';
import {
  type BallotBox,
  type BoxSubject,
  type Council,
  type IdKind,
  type Member,
  type OrgState,
  type SeatGroup,
  type TimerKind,
  timerKey,
} from './state.js';
import { evolveTreasury, isTreasuryStateEvent } from './treasury-evolve.js';

/**
 * Applies one event to a state and returns the next state. Pure and total over the
 * events `decide` produces; never mutates its input. Cost: O(log n) per entry the event
 * touches (persistent maps), plus O(size of a council) where an event opens a roll or
 * moves a council's members: never O(organisation).
 *
 * Works without events' `secret` too (a public replay): secret boxes then know how many
 * ballots they hold, not who cast them, until the ballots are published.
 */
export function evolve(s: OrgState, e: DemocracyEvent): OrgState {
  // The treasury and participatory budgets (treasury-evolve.ts).
  if (isTreasuryStateEvent(e)) return evolveTreasury(s, e);
  // Members' keys and signed acts (acts.ts).
  if (isActEvent(e)) return evolveActs(s, e);
  switch (e.kind) {
    case 'OrganisationFounded':
      return {
        ...s,
        org: { name: e.name, slug: e.slug, foundedAt: e.at, rootCouncilId: e.rootCouncilId },
        // A parameter added after the organisation was founded starts at its default.
        constitution: { ...DEFAULT_CONSTITUTION, ...e.constitution },
      };
    case 'CouncilCreated': {
      const council: Council = {
        id: e.councilId,
        name: e.name,
        kind: e.councilKind,
        parentId: e.parentId,
        childIds: [],
        formerChildIds: [],
        offices: e.offices,
        members: PMap.empty(),
        subtree: 0,
        createdAt: e.at,
        dissolvedAt: null,
      };
      let councils = s.councils.set(council.id, council);
      let groups = s.groups;
      for (const office of e.offices)
        groups = groups.set(
          officeKey(council.id, office),
          newGroup(officeKey(council.id, office), 'office', council.id, council.id, office),
        );
      if (e.parentId !== null) {
        councils = councils.update(e.parentId, (p) => ({
          ...p,
          childIds: [...p.childIds, council.id],
        }));
        groups = groups.set(
          delegationKey(council.id),
          newGroup(delegationKey(council.id), 'delegation', council.id, e.parentId, null),
        );
      }
      return { ...bump(s, 'council'), councils, groups };
    }
    case 'CouncilMerged': {
      const from = s.councils.get(e.fromId) as Council;
      let members = s.members;
      let into = s.councils.get(e.intoId) as Council;
      let intoMembers = into.members;
      for (const id of from.members.keys()) {
        members = members.update(id, (m) => ({ ...m, councilId: e.intoId }));
        intoMembers = intoMembers.set(id, true);
      }
      into = { ...into, members: intoMembers };
      let st: OrgState = { ...s, members, councils: s.councils.set(into.id, into) };
      st = addSubtree(st, into.id, from.members.size, true);
      st = addSubtree(st, from.id, -from.members.size, false);
      st = {
        ...st,
        councils: st.councils.update(from.id, (c) => ({ ...c, members: PMap.empty(), subtree: 0 })),
      };
      return dissolve(st, from.id, e.at);
    }
    case 'CouncilDissolved':
      return dissolve(s, e.councilId, e.at);
    case 'ConstitutionAmended':
      return { ...s, constitution: { ...s.constitution, [e.parameter]: e.value } };

    case 'MemberInvited':
      return {
        ...bump(s, 'invitation'),
        invitations: s.invitations.set(e.invitationId, {
          id: e.invitationId,
          councilId: e.councilId,
          invitedBy: e.by,
          tokenHash: e.tokenHash,
          expiresAt: e.expiresAt,
          usedBy: null,
        }),
        invitationByHash: s.invitationByHash.set(e.tokenHash, e.invitationId),
      };
    case 'MemberJoined': {
      let st: OrgState = {
        ...bump(s, 'member'),
        members: s.members.set(e.memberId, {
          id: e.memberId,
          councilId: e.councilId,
          joinedAt: e.at,
          status: 'active',
          mandates: [],
          candidacies: [],
          erasedAt: null,
        }),
      };
      if (e.invitationId !== null)
        st = {
          ...st,
          invitations: st.invitations.update(e.invitationId, (i) => ({ ...i, usedBy: e.memberId })),
        };
      return addMember(st, e.councilId, e.memberId);
    }
    case 'MemberLeft':
    case 'MemberExpelled': {
      const member = s.members.get(e.memberId);
      if (!member) return s;
      const st = removeMember(s, member.councilId, e.memberId);
      const status = e.kind === 'MemberLeft' ? 'left' : 'expelled';
      return { ...st, members: st.members.set(e.memberId, { ...member, status }) };
    }
    case 'MemberErased':
      return {
        ...s,
        members: s.members.update(e.memberId, (m) => ({ ...m, erasedAt: e.at })),
      };
    case 'ReadAccessGranted':
      return {
        ...s,
        readGrants: s.readGrants.set(e.grantId, {
          id: e.grantId,
          label: e.label,
          tokenHash: e.tokenHash,
          grantedAt: e.at,
          revokedAt: null,
        }),
      };
    case 'ReadAccessRevoked':
      return {
        ...s,
        readGrants: s.readGrants.update(e.grantId, (g) => ({ ...g, revokedAt: e.at })),
      };
    case 'MemberTransferred': {
      let st = removeMember(s, e.fromId, e.memberId);
      st = addMember(st, e.toId, e.memberId);
      return {
        ...st,
        members: st.members.update(e.memberId, (m) => ({ ...m, councilId: e.toId })),
      };
    }

    case 'ElectionOpened': {
      let st = bump(s, 'election');
      let group = st.groups.get(e.groupKey) as SeatGroup;
      if (e.electionKind === 'regular') {
        st = dropDue(st, group);
        group = { ...group, dueAt: null, regularElectionId: e.electionId };
      } else group = { ...group, byElectionId: e.electionId };
      group = { ...group, short: false };
      st = {
        ...st,
        groups: st.groups.set(group.key, group),
        elections: st.elections.set(e.electionId, {
          id: e.electionId,
          groupKey: e.groupKey,
          electingCouncilId: group.electingCouncilId,
          kind: e.electionKind,
          seats: e.seats,
          method: e.method,
          openedAt: e.at,
          nominationsCloseAt: e.nominationsCloseAt,
          votingCloseAt: e.votingCloseAt,
          mandateEndsAt: e.mandateEndsAt,
          maxConsecutiveTerms: e.maxConsecutiveTerms,
          maxConcurrentMandates: e.maxConcurrentMandates,
          phase: 'nominations',
          nominees: [],
          candidates: [],
          boxId: null,
          elected: null,
        }),
      };
      return addTimer(st, e.nominationsCloseAt, 'nominations', e.electionId);
    }
    case 'ElectionDeferred': {
      const group = s.groups.get(e.groupKey) as SeatGroup;
      const st = dropDue(s, group);
      return { ...st, groups: st.groups.set(group.key, { ...group, dueAt: null }) };
    }
    case 'CandidateNominated':
      return {
        ...s,
        elections: s.elections.update(e.electionId, (el) => ({
          ...el,
          nominees: [
            ...el.nominees,
            { memberId: e.candidateId, nominatedBy: e.by, accepted: false, withdrawn: false },
          ],
        })),
      };
    case 'NominationAccepted':
      return {
        ...s,
        elections: s.elections.update(e.electionId, (el) => ({
          ...el,
          nominees: el.nominees.map((n) => (n.memberId === e.by ? { ...n, accepted: true } : n)),
        })),
        members: s.members.update(e.by, (m) => ({
          ...m,
          candidacies: [...m.candidacies, e.electionId],
        })),
      };
    case 'CandidacyWithdrawn':
      return {
        ...s,
        elections: s.elections.update(e.electionId, (el) => ({
          ...el,
          nominees: el.nominees.map((n) =>
            n.memberId === e.candidateId ? { ...n, withdrawn: true } : n,
          ),
        })),
        members: dropCandidacy(s.members, e.candidateId, e.electionId),
      };
    case 'VotingOpened': {
      const election = s.elections.get(e.electionId);
      if (!election) return s;
      let st = removeTimer(s, election.nominationsCloseAt, 'nominations', election.id);
      st = addTimer(st, election.votingCloseAt, 'voting', election.id);
      st = openBox(st, e.boxId, { kind: 'election', id: election.id }, election.electingCouncilId, {
        secret: true,
        at: e.at,
        closesAt: election.votingCloseAt,
        quorumPercent: 0,
      });
      return {
        ...st,
        elections: st.elections.set(election.id, {
          ...election,
          phase: 'voting',
          candidates: e.candidates,
          boxId: e.boxId,
        }),
      };
    }
    case 'ElectionLapsed':
    case 'ElectionCounted': {
      const election = s.elections.get(e.electionId);
      if (!election) return s;
      let st =
        election.phase === 'nominations'
          ? removeTimer(s, election.nominationsCloseAt, 'nominations', election.id)
          : removeTimer(s, election.votingCloseAt, 'voting', election.id);
      const elected = e.kind === 'ElectionCounted' ? e.elected : [];
      let members = st.members;
      for (const n of election.nominees)
        if (n.accepted && !n.withdrawn) members = dropCandidacy(members, n.memberId, election.id);
      st = {
        ...st,
        members,
        elections: st.elections.set(election.id, { ...election, phase: 'closed', elected }),
      };
      const group = st.groups.get(election.groupKey) as SeatGroup;
      let next: SeatGroup = {
        ...group,
        short: elected.length < election.seats,
        ...(election.kind === 'regular'
          ? {
              regularElectionId: null,
              termStartedAt: election.votingCloseAt,
              termEndsAt: election.mandateEndsAt,
            }
          : { byElectionId: null }),
      };
      if (election.kind === 'regular' && !group.retired) {
        st = dropDue(st, group);
        const dueAt = election.mandateEndsAt - electionSpan(st);
        next = { ...next, dueAt };
        st = addTimer(st, dueAt, 'regular-due', group.key);
      }
      return { ...st, groups: st.groups.set(group.key, next) };
    }

    case 'MandateGranted': {
      let st = bump(s, 'mandate');
      st = {
        ...st,
        mandates: st.mandates.set(e.mandateId, {
          id: e.mandateId,
          holderId: e.holderId,
          groupKey: e.groupKey,
          electionId: e.electionId,
          startAt: e.startAt,
          endAt: e.endAt,
          terms: e.terms,
          endedAt: null,
          endReason: null,
          petitionId: null,
          recallFailedAt: null,
        }),
        members: st.members.update(e.holderId, (m) => ({
          ...m,
          mandates: [...m.mandates, e.mandateId],
        })),
        groups: st.groups.update(e.groupKey, (g) => ({
          ...g,
          sitting: [...g.sitting, e.mandateId],
        })),
        tenures: st.tenures.set(`${e.holderId}|${e.groupKey}`, {
          terms: e.terms,
          sitting: true,
          lastEndAt: st.tenures.get(`${e.holderId}|${e.groupKey}`)?.lastEndAt ?? null,
          limit: e.limit,
        }),
      };
      return addTimer(st, e.endAt, 'mandate-expiry', e.mandateId);
    }
    case 'MandateEnded': {
      const mandate = s.mandates.get(e.mandateId);
      if (!mandate) return s;
      const st = removeTimer(s, mandate.endAt, 'mandate-expiry', mandate.id);
      const tenureKey = `${mandate.holderId}|${mandate.groupKey}`;
      const tenure = st.tenures.get(tenureKey);
      return {
        ...st,
        mandates: st.mandates.set(mandate.id, { ...mandate, endedAt: e.at, endReason: e.reason }),
        members: st.members.update(mandate.holderId, (m) => ({
          ...m,
          mandates: m.mandates.filter((id) => id !== mandate.id),
        })),
        groups: st.groups.update(mandate.groupKey, (g) => ({
          ...g,
          sitting: g.sitting.filter((id) => id !== mandate.id),
        })),
        tenures: tenure
          ? st.tenures.set(tenureKey, { ...tenure, sitting: false, lastEndAt: e.at })
          : st.tenures,
      };
    }

    case 'BallotCast':
      return {
        ...s,
        boxes: s.boxes.update(e.boxId, (b) =>
          e.secret
            ? {
                ...b,
                cast: e.cast,
                voted: b.voted.set(e.secret.voterId, true),
                sealed: b.sealed.set(e.secret.receipt, e.secret.ballot),
              }
            : { ...b, cast: e.cast },
        ),
      };
    case 'VoteCast':
      return {
        ...s,
        boxes: s.boxes.update(e.boxId, (b) => ({
          ...b,
          cast: b.cast + 1,
          voted: b.voted.set(e.by, true),
          votes: b.votes.set(e.by, e.ballot),
        })),
      };
    case 'BallotBoxClosed':
      return { ...s, boxes: s.boxes.update(e.boxId, (b) => ({ ...b, closed: true })) };
    case 'BallotsPublished':
      return {
        ...s,
        boxes: s.boxes.update(e.boxId, (b) => ({
          ...b,
          published: [...b.published, ...e.ballots],
        })),
      };

    case 'RecallPetitionOpened': {
      const mandate = s.mandates.get(e.mandateId);
      const group = mandate && s.groups.get(mandate.groupKey);
      if (!mandate || !group) return s;
      const st: OrgState = {
        ...bump(s, 'petition'),
        petitions: s.petitions.set(e.petitionId, {
          id: e.petitionId,
          mandateId: e.mandateId,
          electingCouncilId: group.electingCouncilId,
          openedBy: e.by,
          reason: e.reason,
          breachIds: e.breachIds,
          openedAt: e.at,
          windowEndsAt: e.windowEndsAt,
          needed: e.needed,
          signatures: PMap.of([[e.by, true as const]]),
          phase: 'petition',
          boxId: null,
          voteClosesAt: null,
        }),
        mandates: s.mandates.set(mandate.id, { ...mandate, petitionId: e.petitionId }),
      };
      return addTimer(st, e.windowEndsAt, 'petition-window', e.petitionId);
    }
    case 'RecallPetitionSigned':
      return {
        ...s,
        petitions: s.petitions.update(e.petitionId, (p) => ({
          ...p,
          signatures: p.signatures.set(e.by, true),
        })),
      };
    case 'RecallPetitionLapsed': {
      const p = s.petitions.get(e.petitionId);
      if (!p) return s;
      const st = removeTimer(s, p.windowEndsAt, 'petition-window', p.id);
      return {
        ...st,
        petitions: st.petitions.set(p.id, { ...p, phase: 'lapsed' }),
        mandates: clearPetition(st.mandates, p.mandateId),
      };
    }
    case 'RecallVoteOpened': {
      const p = s.petitions.get(e.petitionId);
      if (!p) return s;
      let st = removeTimer(s, p.windowEndsAt, 'petition-window', p.id);
      st = addTimer(st, e.closesAt, 'recall-vote', p.id);
      st = openBox(st, e.boxId, { kind: 'recall', id: p.id }, p.electingCouncilId, {
        secret: e.secretBallot,
        at: e.at,
        closesAt: e.closesAt,
        quorumPercent: e.quorumPercent,
      });
      return {
        ...st,
        petitions: st.petitions.set(p.id, {
          ...p,
          phase: 'vote',
          boxId: e.boxId,
          voteClosesAt: e.closesAt,
        }),
      };
    }
    case 'RecallVoteClosed': {
      const p = s.petitions.get(e.petitionId);
      if (!p) return s;
      const st = removeTimer(s, p.voteClosesAt ?? 0, 'recall-vote', p.id);
      let mandates = clearPetition(st.mandates, p.mandateId);
      if (e.outcome === 'kept')
        mandates = mandates.update(p.mandateId, (m) => ({ ...m, recallFailedAt: e.at }));
      return {
        ...st,
        mandates,
        petitions: st.petitions.set(p.id, { ...p, phase: e.outcome }),
      };
    }

    case 'MotionProposed':
      return {
        ...bump(s, 'motion'),
        motions: s.motions.set(e.motionId, {
          id: e.motionId,
          councilId: e.councilId,
          proposedBy: e.by,
          title: e.title,
          text: e.text,
          body: e.body,
          proposedAt: e.at,
          seconders: [],
          secondersNeeded: e.secondersNeeded,
          phase: 'proposed',
          debateClosesAt: null,
          amendmentIds: [],
          amendmentsCloseAt: null,
          boxId: null,
          voteClosesAt: null,
        }),
      };
    case 'MotionSeconded':
      return {
        ...s,
        motions: s.motions.update(e.motionId, (m) => ({ ...m, seconders: [...m.seconders, e.by] })),
      };
    case 'DebateOpened': {
      const st = addTimer(s, e.closesAt, 'debate', e.motionId);
      return {
        ...st,
        motions: st.motions.update(e.motionId, (m) => ({
          ...m,
          phase: 'debate',
          debateClosesAt: e.closesAt,
        })),
      };
    }
    case 'MotionWithdrawn': {
      const m = s.motions.get(e.motionId);
      if (!m) return s;
      const st = m.debateClosesAt !== null ? removeTimer(s, m.debateClosesAt, 'debate', m.id) : s;
      return { ...st, motions: st.motions.set(m.id, { ...m, phase: 'withdrawn' }) };
    }
    case 'AmendmentProposed':
      return {
        ...bump(s, 'amendment'),
        amendments: s.amendments.set(e.amendmentId, {
          id: e.amendmentId,
          motionId: e.motionId,
          proposedBy: e.by,
          text: e.text,
          proposedAt: e.at,
          boxId: null,
          adopted: null,
        }),
        motions: s.motions.update(e.motionId, (m) => ({
          ...m,
          amendmentIds: [...m.amendmentIds, e.amendmentId],
        })),
      };
    case 'AmendmentVotingOpened': {
      const m = s.motions.get(e.motionId);
      if (!m) return s;
      let st = removeTimer(s, m.debateClosesAt ?? 0, 'debate', m.id);
      st = addTimer(st, e.closesAt, 'amendments', m.id);
      for (const { amendmentId, boxId } of e.boxes) {
        st = openBox(st, boxId, { kind: 'amendment', id: amendmentId }, m.councilId, {
          secret: e.secretBallot,
          at: e.at,
          closesAt: e.closesAt,
          quorumPercent: e.quorumPercent,
        });
        st = { ...st, amendments: st.amendments.update(amendmentId, (a) => ({ ...a, boxId })) };
      }
      return {
        ...st,
        motions: st.motions.set(m.id, { ...m, phase: 'amendments', amendmentsCloseAt: e.closesAt }),
      };
    }
    case 'AmendmentVotingClosed': {
      const m = s.motions.get(e.motionId);
      if (!m) return s;
      let st = removeTimer(s, m.amendmentsCloseAt ?? 0, 'amendments', m.id);
      for (const r of e.results)
        st = {
          ...st,
          amendments: st.amendments.update(r.amendmentId, (a) => ({ ...a, adopted: r.adopted })),
        };
      return { ...st, motions: st.motions.set(m.id, { ...m, text: e.text }) };
    }
    case 'MotionVotingOpened': {
      const m = s.motions.get(e.motionId);
      if (!m) return s;
      let st = m.phase === 'debate' ? removeTimer(s, m.debateClosesAt ?? 0, 'debate', m.id) : s;
      st = addTimer(st, e.closesAt, 'motion-vote', m.id);
      st = openBox(st, e.boxId, { kind: 'motion', id: m.id }, m.councilId, {
        secret: e.secretBallot,
        at: e.at,
        closesAt: e.closesAt,
        quorumPercent: e.quorumPercent,
      });
      return {
        ...st,
        motions: st.motions.set(m.id, {
          ...m,
          phase: 'voting',
          boxId: e.boxId,
          voteClosesAt: e.closesAt,
        }),
      };
    }
    case 'MotionVotingClosed': {
      const m = s.motions.get(e.motionId);
      if (!m) return s;
      const st = removeTimer(s, m.voteClosesAt ?? 0, 'motion-vote', m.id);
      return {
        ...st,
        motions: st.motions.set(m.id, { ...m, phase: e.passed ? 'passed' : 'failed' }),
      };
    }
    case 'InstructionIssued':
      return {
        ...s,
        instructions: s.instructions.set(`${e.targetMotionId}|${e.councilId}`, {
          id: e.instructionId,
          councilId: e.councilId,
          targetMotionId: e.targetMotionId,
          position: e.position,
          issuedAt: e.at,
        }),
      };
    case 'BreachRecorded':
      return {
        ...bump(s, 'breach'),
        breaches: s.breaches.set(e.breachId, {
          id: e.breachId,
          mandateId: e.mandateId,
          memberId: e.memberId,
          councilId: e.councilId,
          motionId: e.motionId,
          instructionId: e.instructionId,
          instructed: e.instructed,
          voted: e.voted,
          at: e.at,
        }),
      };
    default: {
      const unknown: never = e;
      throw new Error(`evolve: unknown event ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Replays events from the initial state (or `from`). */
export function replay(events: Iterable<DemocracyEvent>, from: OrgState): OrgState {
  let s = from;
  for (const e of events) s = evolve(s, e);
  return s;
}

function bump(s: OrgState, kind: IdKind): OrgState {
  return { ...s, counters: { ...s.counters, [kind]: s.counters[kind] + 1 } };
}

function addTimer(s: OrgState, at: number, kind: TimerKind, ref: string): OrgState {
  return { ...s, timers: s.timers.set(timerKey(at, kind, ref), { at, kind, ref }) };
}

function removeTimer(s: OrgState, at: number, kind: TimerKind, ref: string): OrgState {
  return { ...s, timers: s.timers.delete(timerKey(at, kind, ref)) };
}

function dropDue(s: OrgState, group: SeatGroup): OrgState {
  return group.dueAt === null ? s : removeTimer(s, group.dueAt, 'regular-due', group.key);
}

function newGroup(
  key: string,
  kind: SeatGroup['kind'],
  electingCouncilId: string,
  seatCouncilId: string,
  office: string | null,
): SeatGroup {
  return {
    key,
    kind,
    electingCouncilId,
    seatCouncilId,
    office,
    termStartedAt: null,
    termEndsAt: null,
    sitting: [],
    regularElectionId: null,
    byElectionId: null,
    short: false,
    retired: false,
    dueAt: null,
  };
}

function dropCandidacy(members: PMap<Member>, memberId: string, electionId: string): PMap<Member> {
  const m = members.get(memberId);
  if (!m?.candidacies.includes(electionId)) return members;
  return members.set(memberId, {
    ...m,
    candidacies: m.candidacies.filter((x) => x !== electionId),
  });
}

function clearPetition(mandates: OrgState['mandates'], mandateId: string): OrgState['mandates'] {
  const m = mandates.get(mandateId);
  return m ? mandates.set(mandateId, { ...m, petitionId: null }) : mandates;
}

/** Adds `delta` members to the subtree counts of a council (if `self`) and its ancestors. */
function addSubtree(s: OrgState, councilId: string, delta: number, self: boolean): OrgState {
  let councils = s.councils;
  let c = councils.get(councilId);
  if (c && !self) c = c.parentId === null ? undefined : councils.get(c.parentId);
  while (c) {
    councils = councils.set(c.id, { ...c, subtree: c.subtree + delta });
    c = c.parentId === null ? undefined : councils.get(c.parentId);
  }
  return { ...s, councils };
}

function addMember(s: OrgState, councilId: string, memberId: string): OrgState {
  const st: OrgState = {
    ...s,
    councils: s.councils.update(councilId, (c) => ({
      ...c,
      members: c.members.set(memberId, true),
    })),
  };
  return addSubtree(st, councilId, 1, true);
}

function removeMember(s: OrgState, councilId: string, memberId: string): OrgState {
  const st: OrgState = {
    ...s,
    councils: s.councils.update(councilId, (c) => ({ ...c, members: c.members.delete(memberId) })),
  };
  return addSubtree(st, councilId, -1, true);
}

function openBox(
  s: OrgState,
  id: string,
  subject: BoxSubject,
  councilId: string,
  o: { secret: boolean; at: number; closesAt: number; quorumPercent: number },
): OrgState {
  const roll = votingBody(s, councilId);
  const box: BallotBox = {
    id,
    subject,
    councilId,
    secret: o.secret,
    roll,
    rollSize: roll.size,
    opensAt: o.at,
    closesAt: o.closesAt,
    cast: 0,
    voted: PMap.empty(),
    sealed: PMap.empty(),
    votes: PMap.empty(),
    quorumPercent: o.quorumPercent,
    closed: false,
    published: [],
  };
  return { ...bump(s, 'box'), boxes: s.boxes.set(id, box) };
}

/**
 * Dissolves a council: it leaves its parent's children, a delegate council's children
 * move to its parent (their delegations now sit there, with a fresh term), and its own
 * seat groups are retired. Mandates have already ended in earlier events.
 */
function dissolve(s: OrgState, councilId: string, at: number): OrgState {
  const council = s.councils.get(councilId);
  if (!council) return s;
  let councils = s.councils.set(councilId, { ...council, dissolvedAt: at, childIds: [] });
  let groups = s.groups;
  let timers = s.timers;
  for (const key of [
    ...council.offices.map((o) => officeKey(councilId, o)),
    ...(council.parentId !== null ? [delegationKey(councilId)] : []),
  ]) {
    const g = groups.get(key);
    if (!g) continue;
    if (g.dueAt !== null) timers = timers.delete(timerKey(g.dueAt, 'regular-due', key));
    groups = groups.set(key, { ...g, retired: true, dueAt: null });
  }
  if (council.parentId !== null) {
    const parentId = council.parentId;
    councils = councils.update(parentId, (p) => ({
      ...p,
      childIds: [...p.childIds.filter((id) => id !== councilId), ...council.childIds],
      formerChildIds: [...p.formerChildIds, councilId],
    }));
    for (const childId of council.childIds) {
      councils = councils.update(childId, (c) => ({ ...c, parentId }));
      groups = groups.update(delegationKey(childId), (g) => {
        // Seats that sit on (issue 14) keep their term, and its next election.
        if (g.sitting.length > 0) return { ...g, seatCouncilId: parentId };
        if (g.dueAt !== null) timers = timers.delete(timerKey(g.dueAt, 'regular-due', g.key));
        return {
          ...g,
          seatCouncilId: parentId,
          termStartedAt: null,
          termEndsAt: null,
          dueAt: null,
          short: false,
        };
      });
    }
  }
  return { ...s, councils, groups, timers };
}
