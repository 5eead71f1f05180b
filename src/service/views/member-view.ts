import { serviceError } from '../errors.js';
import type { ViewState } from './names.js';
import {
  type BreachView,
  breachView,
  type CouncilRef,
  councilRef,
  type ElectionSummary,
  electionSummary,
  type MandateSummary,
  mandateSummary,
  type PetitionSummary,
  petitionSummary,
} from './refs.js';

/** A member's public page: who they are, the mandates they hold and held, and their record. */
export interface MemberView {
  readonly id: string;
  /** Null when the viewer may not see it (names.ts), or once erased. */
  readonly name: string | null;
  readonly erased: boolean;
  readonly status: 'active' | 'left' | 'expelled';
  readonly joinedAt: number;
  /** Their base council (the last one, once they have gone). */
  readonly council: CouncilRef | null;
  readonly mandates: readonly MandateSummary[];
  readonly pastMandates: readonly MandateSummary[];
  /** Open elections in which they stand. */
  readonly candidacies: readonly ElectionSummary[];
  /** Breaches of instructions on the record against them. */
  readonly breaches: readonly BreachView[];
  /** Recall petitions against their mandates, open or closed. */
  readonly petitions: readonly PetitionSummary[];
}

/** Builds a member's page from the state. Throws MEMBER_UNKNOWN. */
export function memberView(state: ViewState, memberId: string): MemberView {
  const m = state.members.get(memberId);
  if (!m) throw serviceError('MEMBER_UNKNOWN', { memberId });
  const held = [...state.mandates.values()].filter((x) => x.holderId === m.id);
  const heldIds = new Set(held.map((x) => x.id));
  return {
    id: m.id,
    name: m.erasedAt === null ? state.names.nameOf(m.id) : null,
    erased: m.erasedAt !== null,
    status: m.status,
    joinedAt: m.joinedAt,
    council: councilRef(state, m.councilId),
    mandates: held.filter((x) => x.endedAt === null).map((x) => mandateSummary(state, x)),
    pastMandates: held.filter((x) => x.endedAt !== null).map((x) => mandateSummary(state, x)),
    candidacies: m.candidacies.flatMap((id) => {
      const e = state.elections.get(id);
      return e ? [electionSummary(state, e)] : [];
    }),
    breaches: [...state.breaches.values()]
      .filter((b) => b.memberId === m.id)
      .map((b) => breachView(state, b)),
    petitions: [...state.petitions.values()]
      .filter((p) => heldIds.has(p.mandateId))
      .map((p) => petitionSummary(state, p)),
  };
}

/** A ballot the member may cast or has cast: known only to the member themself. */
export interface MemberBallot {
  readonly boxId: string;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly closesAt: number;
  readonly voted: boolean;
}

/**
 * The open votes whose roll holds the member, and whether they have voted in each.
 * Only for the member's own eyes: with a secret box, whether someone voted is private
 * (RECORD.md, "Who voted is kept by the server"). Throws MEMBER_UNKNOWN.
 */
export function memberBallots(state: ViewState, memberId: string): MemberBallot[] {
  if (!state.members.get(memberId)) throw serviceError('MEMBER_UNKNOWN', { memberId });
  const out: MemberBallot[] = [];
  for (const box of state.boxes.values()) {
    if (box.closed || !box.roll.has(memberId)) continue;
    out.push({
      boxId: box.id,
      subject: { kind: box.subject.kind, id: box.subject.id },
      closesAt: box.closesAt,
      voted: box.voted.has(memberId),
    });
  }
  return out;
}
