/**
 * The ranked ballot's state and every way of changing it, as a pure reducer: the widget
 * dispatches the same actions whether the voter drags, types or presses buttons, so all
 * three ways share one tested core (test/web/ranking-reducer.test.ts).
 *
 * Invariants (kept by every action): `ranking` holds distinct ids of `candidates`;
 * `grabbed`, when set, names a ranked candidate.
 */
export interface BallotState {
  /** Every candidate id, in the order the election lists them. */
  readonly candidates: readonly string[];
  /** The voter's ranking, most preferred first. */
  readonly ranking: readonly string[];
  /** The candidate picked up by keyboard, and where it was, to put it back on Escape. */
  readonly grabbed: { readonly id: string; readonly from: number } | null;
  /** What the last action did, for the live announcement; `seq` grows with each action. */
  readonly last: BallotChange | null;
  readonly seq: number;
}

/** What an action did, in terms a voter is told (positions are 1-based ranks). */
export type BallotChange =
  | { readonly kind: 'added'; readonly id: string; readonly rank: number; readonly of: number }
  | { readonly kind: 'removed'; readonly id: string; readonly of: number }
  | { readonly kind: 'moved'; readonly id: string; readonly rank: number; readonly of: number }
  | { readonly kind: 'grabbed'; readonly id: string; readonly rank: number; readonly of: number }
  | { readonly kind: 'dropped'; readonly id: string; readonly rank: number; readonly of: number }
  | { readonly kind: 'cancelled'; readonly id: string; readonly rank: number; readonly of: number }
  | { readonly kind: 'atTop'; readonly id: string }
  | { readonly kind: 'atBottom'; readonly id: string }
  | { readonly kind: 'cleared' };

export type BallotAction =
  /** Ranks a candidate next (at the end), or at 0-based position `at`. */
  | { readonly kind: 'Add'; readonly id: string; readonly at?: number }
  | { readonly kind: 'Remove'; readonly id: string }
  /** Moves a ranked candidate to 0-based position `to` (clamped to the ranking). */
  | { readonly kind: 'Move'; readonly id: string; readonly to: number }
  /** Moves a ranked candidate up (negative) or down (positive) by `by` places. */
  | { readonly kind: 'MoveBy'; readonly id: string; readonly by: number }
  | { readonly kind: 'Grab'; readonly id: string }
  | { readonly kind: 'Drop' }
  /** Puts the grabbed candidate back where it was picked up. */
  | { readonly kind: 'Cancel' }
  | { readonly kind: 'Clear' };

/** The starting state; ids in `initial` that are not candidates, or repeated, are dropped. */
export function initialBallot(
  candidates: readonly string[],
  initial: readonly string[] = [],
): BallotState {
  const known = new Set(candidates);
  const ranking: string[] = [];
  for (const id of initial) if (known.has(id) && !ranking.includes(id)) ranking.push(id);
  return { candidates: [...candidates], ranking, grabbed: null, last: null, seq: 0 };
}

/** Candidates not yet ranked, in the election's order. */
export function unranked(state: BallotState): string[] {
  const ranked = new Set(state.ranking);
  return state.candidates.filter((id) => !ranked.has(id));
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

function moved(ranking: readonly string[], from: number, to: number): string[] {
  const next = [...ranking];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id as string);
  return next;
}

export function ballotReducer(state: BallotState, action: BallotAction): BallotState {
  const seq = state.seq + 1;
  const of = state.ranking.length;
  switch (action.kind) {
    case 'Add': {
      if (!state.candidates.includes(action.id) || state.ranking.includes(action.id)) return state;
      const at = clamp(Math.trunc(action.at ?? of), 0, of);
      const ranking = [...state.ranking];
      ranking.splice(at, 0, action.id);
      return {
        ...state,
        ranking,
        seq,
        last: { kind: 'added', id: action.id, rank: at + 1, of: of + 1 },
      };
    }
    case 'Remove': {
      if (!state.ranking.includes(action.id)) return state;
      return {
        ...state,
        ranking: state.ranking.filter((id) => id !== action.id),
        grabbed: state.grabbed?.id === action.id ? null : state.grabbed,
        seq,
        last: { kind: 'removed', id: action.id, of: of - 1 },
      };
    }
    case 'Move':
    case 'MoveBy': {
      const from = state.ranking.indexOf(action.id);
      if (from < 0) return state;
      const target = action.kind === 'Move' ? action.to : from + action.by;
      const to = clamp(Math.trunc(target), 0, of - 1);
      if (to === from) {
        if (target < from) return { ...state, seq, last: { kind: 'atTop', id: action.id } };
        if (target > from) return { ...state, seq, last: { kind: 'atBottom', id: action.id } };
        return state;
      }
      return {
        ...state,
        ranking: moved(state.ranking, from, to),
        seq,
        last: { kind: 'moved', id: action.id, rank: to + 1, of },
      };
    }
    case 'Grab': {
      const from = state.ranking.indexOf(action.id);
      if (from < 0) return state;
      return {
        ...state,
        grabbed: { id: action.id, from },
        seq,
        last: { kind: 'grabbed', id: action.id, rank: from + 1, of },
      };
    }
    case 'Drop': {
      if (!state.grabbed) return state;
      const { id } = state.grabbed;
      const rank = state.ranking.indexOf(id) + 1;
      return { ...state, grabbed: null, seq, last: { kind: 'dropped', id, rank, of } };
    }
    case 'Cancel': {
      if (!state.grabbed) return state;
      const { id, from } = state.grabbed;
      const now = state.ranking.indexOf(id);
      const to = clamp(from, 0, of - 1);
      return {
        ...state,
        ranking: moved(state.ranking, now, to),
        grabbed: null,
        seq,
        last: { kind: 'cancelled', id, rank: to + 1, of },
      };
    }
    case 'Clear':
      if (of === 0) return state;
      return { ...state, ranking: [], grabbed: null, seq, last: { kind: 'cleared' } };
  }
}
