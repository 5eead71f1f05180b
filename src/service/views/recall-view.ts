import { democracyError } from '../../democracy/index.js';
import type { ViewState } from './names.js';
import {
  type BoxView,
  type BreachView,
  boxView,
  breachView,
  type CouncilRef,
  councilRef,
  type MandateSummary,
  type MemberRef,
  mandateSummary,
  memberRef,
} from './refs.js';

/** The tally of a closed recall vote, from the log. */
export interface RecallResult {
  readonly recall: number;
  readonly keep: number;
  readonly abstain: number;
  readonly quorumNeeded: number;
}

/** A recall petition's page (RULES.md, Recall). */
export interface RecallView {
  readonly id: string;
  readonly mandate: MandateSummary | null;
  readonly electingCouncil: CouncilRef | null;
  readonly openedBy: MemberRef;
  readonly reason: string;
  readonly breaches: readonly BreachView[];
  readonly openedAt: number;
  readonly windowEndsAt: number;
  /** Signatures needed to open the vote, fixed when the petition opened. */
  readonly needed: number;
  /** Who signed (each signature is a public event): the opener, then the others by member id. */
  readonly signers: readonly MemberRef[];
  readonly phase: 'petition' | 'vote' | 'lapsed' | 'recalled' | 'kept' | 'moot';
  readonly vote: BoxView | null;
  readonly voteClosesAt: number | null;
  readonly result: RecallResult | null;
}

/** Builds a petition's page from the state and its closed vote's tally. Throws PETITION_UNKNOWN. */
export function recallView(
  state: ViewState,
  petitionId: string,
  result: RecallResult | null,
): RecallView {
  const p = state.petitions.get(petitionId);
  if (!p) throw democracyError('PETITION_UNKNOWN', { petitionId });
  const mandate = state.mandates.get(p.mandateId);
  const box = p.boxId === null ? undefined : state.boxes.get(p.boxId);
  const signers = [...p.signatures.keys()];
  return {
    id: p.id,
    mandate: mandate ? mandateSummary(state, mandate) : null,
    electingCouncil: councilRef(state, p.electingCouncilId),
    openedBy: memberRef(state, p.openedBy),
    reason: p.reason,
    breaches: p.breachIds.flatMap((id) => {
      const b = state.breaches.get(id);
      return b ? [breachView(state, b)] : [];
    }),
    openedAt: p.openedAt,
    windowEndsAt: p.windowEndsAt,
    needed: p.needed,
    signers: [p.openedBy, ...signers.filter((id) => id !== p.openedBy)].map((id) =>
      memberRef(state, id),
    ),
    phase: p.phase,
    vote: box ? boxView(state, box) : null,
    voteClosesAt: p.voteClosesAt,
    result: p.phase === 'recalled' || p.phase === 'kept' || p.phase === 'moot' ? result : null,
  };
}
