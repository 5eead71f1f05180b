import { democracyError, type MotionBody } from '../../democracy/index.js';
import type { ViewState } from './names.js';
import {
  type BoxView,
  type BreachView,
  boxView,
  breachView,
  type CouncilRef,
  councilRef,
  type MemberRef,
  type MotionSummary,
  memberRef,
  motionSummary,
} from './refs.js';

/** The tally of a closed vote, from the log. */
export interface VoteResult {
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly quorumNeeded: number;
  readonly reason: string;
  /** Why a passed motion could not take effect, if so. */
  readonly effectVoid: string | null;
}

/** What the projections add to a motion's page: the text as proposed, and the tallies. */
export interface MotionRecord {
  readonly originalText: string;
  readonly result: VoteResult | null;
  readonly amendmentTallies: Readonly<
    Record<string, { readonly yes: number; readonly no: number; readonly abstain: number }>
  >;
}

export interface AmendmentView {
  readonly id: string;
  readonly proposedBy: MemberRef;
  readonly text: string;
  readonly proposedAt: number;
  readonly adopted: boolean | null;
  readonly vote: BoxView | null;
  readonly tally: { readonly yes: number; readonly no: number; readonly abstain: number } | null;
}

/** A motion's page. */
export interface MotionView extends MotionSummary {
  readonly council: CouncilRef | null;
  /** The text now (after adopted amendments). */
  readonly text: string;
  readonly originalText: string;
  readonly body: MotionBody;
  readonly threshold: 'simple-majority' | 'two-thirds';
  readonly seconders: readonly MemberRef[];
  readonly secondersNeeded: number;
  readonly debateClosesAt: number | null;
  readonly amendmentsCloseAt: number | null;
  readonly voteClosesAt: number | null;
  readonly amendments: readonly AmendmentView[];
  readonly vote: BoxView | null;
  readonly result: VoteResult | null;
  /** Standing instructions of the councils below on this motion. */
  readonly instructions: readonly {
    readonly council: CouncilRef | null;
    readonly instructionId: string;
    readonly position: string;
    readonly issuedAt: number;
  }[];
  /** Delegates' votes against those instructions. */
  readonly breaches: readonly BreachView[];
}

/** Builds a motion's page from the state and its record. Throws MOTION_UNKNOWN. */
export function motionView(state: ViewState, motionId: string, record: MotionRecord): MotionView {
  const m = state.motions.get(motionId);
  if (!m) throw democracyError('MOTION_UNKNOWN', { motionId });
  const box = m.boxId === null ? undefined : state.boxes.get(m.boxId);
  return {
    ...motionSummary(state, m),
    council: councilRef(state, m.councilId),
    text: m.text,
    originalText: record.originalText,
    body: m.body,
    threshold:
      m.body.kind === 'constitutional' || m.body.kind === 'expulsion'
        ? 'two-thirds'
        : 'simple-majority',
    seconders: m.seconders.map((id) => memberRef(state, id)),
    secondersNeeded: m.secondersNeeded,
    debateClosesAt: m.debateClosesAt,
    amendmentsCloseAt: m.amendmentsCloseAt,
    voteClosesAt: m.voteClosesAt,
    amendments: m.amendmentIds.flatMap((id) => {
      const a = state.amendments.get(id);
      if (!a) return [];
      const abox = a.boxId === null ? undefined : state.boxes.get(a.boxId);
      return [
        {
          id: a.id,
          proposedBy: memberRef(state, a.proposedBy),
          text: a.text,
          proposedAt: a.proposedAt,
          adopted: a.adopted,
          vote: abox ? boxView(state, abox) : null,
          tally: record.amendmentTallies[a.id] ?? null,
        },
      ];
    }),
    vote: box ? boxView(state, box) : null,
    result: m.phase === 'passed' || m.phase === 'failed' ? record.result : null,
    instructions: [...state.instructions.values()]
      .filter((i) => i.targetMotionId === m.id)
      .map((i) => ({
        council: councilRef(state, i.councilId),
        instructionId: i.id,
        position: i.position,
        issuedAt: i.issuedAt,
      })),
    breaches: [...state.breaches.values()]
      .filter((b) => b.motionId === m.id)
      .map((b) => breachView(state, b)),
  };
}
