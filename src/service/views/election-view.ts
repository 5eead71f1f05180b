import type { CountReport } from '../../counting/index.js';
import { democracyError } from '../../democracy/index.js';
import type { ViewState } from './names.js';
import {
  type BoxView,
  boxView,
  type ElectionSummary,
  electionSummary,
  type MandateSummary,
  type MemberRef,
  mandateSummary,
  memberRef,
} from './refs.js';

/** What the count produced, from the log (RULES.md: "The count is published stage by stage"). */
export interface ElectionCount {
  /** True when no more candidates stood than seats: elected without a count. */
  readonly unopposed: boolean;
  /** The count stage by stage (null when unopposed). */
  readonly report: CountReport | null;
}

/** An election's page. */
export interface ElectionView extends ElectionSummary {
  readonly electingCouncilId: string;
  readonly method: string;
  readonly openedAt: number;
  readonly mandateEndsAt: number;
  readonly maxConsecutiveTerms: number;
  readonly maxConcurrentMandates: number;
  readonly nominees: readonly {
    readonly member: MemberRef;
    readonly nominatedBy: MemberRef;
    readonly accepted: boolean;
    readonly withdrawn: boolean;
  }[];
  /** The candidates in ballot order, fixed when voting opened. */
  readonly candidateList: readonly MemberRef[];
  readonly ballotBox: BoxView | null;
  readonly elected: readonly MemberRef[] | null;
  /** After the count (null before, and for a lapsed election). */
  readonly count: ElectionCount | null;
  /** The mandates the election granted. */
  readonly mandates: readonly MandateSummary[];
}

/**
 * Builds an election's page from the state and, once counted, the count from the
 * projections (`count`; the state keeps only who was elected). Throws ELECTION_UNKNOWN.
 */
export function electionView(
  state: ViewState,
  electionId: string,
  count: ElectionCount | null,
): ElectionView {
  const e = state.elections.get(electionId);
  if (!e) throw democracyError('ELECTION_UNKNOWN', { electionId });
  const box = e.boxId === null ? undefined : state.boxes.get(e.boxId);
  return {
    ...electionSummary(state, e),
    electingCouncilId: e.electingCouncilId,
    method: e.method,
    openedAt: e.openedAt,
    mandateEndsAt: e.mandateEndsAt,
    maxConsecutiveTerms: e.maxConsecutiveTerms,
    maxConcurrentMandates: e.maxConcurrentMandates,
    nominees: e.nominees.map((n) => ({
      member: memberRef(state, n.memberId),
      nominatedBy: memberRef(state, n.nominatedBy),
      accepted: n.accepted,
      withdrawn: n.withdrawn,
    })),
    candidateList: e.candidates.map((id) => memberRef(state, id)),
    ballotBox: box ? boxView(state, box) : null,
    elected: e.elected === null ? null : e.elected.map((id) => memberRef(state, id)),
    count: e.phase === 'closed' ? count : null,
    mandates: [...state.mandates.values()]
      .filter((m) => m.electionId === e.id)
      .map((m) => mandateSummary(state, m)),
  };
}
