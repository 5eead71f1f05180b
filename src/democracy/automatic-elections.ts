import { DAY, termMs } from './constitution.js';
import { electionSpan, seatsOf, votingBodySize } from './queries.js';
import type { SeatGroup } from './state.js';
import type { Tx } from './tx.js';

/**
 * Why a group is being looked at: `change` (its electing body or seats changed, or a
 * mandate ended), `conclusion` (its election just ended), `call` (a member called an
 * election for a vacancy), `due` (its regular election came due).
 */
export type Trigger = 'change' | 'conclusion' | 'call' | 'due';

/**
 * Opens the elections RULES.md makes automatic, for each group in `keys`:
 * - a **regular** election, for the next term, when the group has never had one or its
 *   term ends within one nominations + voting span (so the result lands when the term
 *   ends); its seats are apportioned now;
 * - a **by-election** for the rest of the term when seats are vacant and the term lasts
 *   beyond the by-election's result.
 * Never while the electing body is empty or the group's council is dissolved. After an
 * election left seats empty for lack of candidates (`short`), its conclusion does not
 * reopen one at once (that would loop every fortnight); the next change in the group
 * or a member's call does.
 *
 * Deadlines are fixed here, from the constitution in force (RULES.md: "The deadlines of
 * a vote are fixed when it opens").
 */
export function ensureElections(tx: Tx, keys: Iterable<string>, trigger: Trigger): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    ensureElection(tx, key, trigger);
  }
}

/** Opens what `ensureElections` describes for one group; returns the new election's id. */
export function ensureElection(tx: Tx, key: string, trigger: Trigger): string | null {
  const s = tx.state;
  const group = s.groups.get(key);
  if (!group || group.retired) return null;
  const electing = s.councils.get(group.electingCouncilId);
  if (!electing || electing.dissolvedAt !== null) return null;
  if (votingBodySize(s, group.electingCouncilId) === 0) return null;
  const now = tx.now;
  const span = electionSpan(s);
  const regularDue =
    trigger === 'due' || group.termEndsAt === null || now >= group.termEndsAt - span;
  if (regularDue) {
    if (group.regularElectionId !== null) return null;
    return open(tx, group, 'regular', seatsOf(s, group));
  }
  if (group.short && trigger === 'conclusion') return null;
  const vacancies = seatsOf(s, group) - group.sitting.length;
  if (vacancies <= 0 || group.byElectionId !== null) return null;
  if (now + span >= (group.termEndsAt ?? 0)) return null;
  return open(tx, group, 'by', vacancies);
}

function open(tx: Tx, group: SeatGroup, kind: 'regular' | 'by', seats: number): string {
  const c = tx.state.constitution;
  const now = tx.now;
  const nominationsCloseAt = now + c.nominationDays * DAY;
  let votingCloseAt = nominationsCloseAt + c.votingDays * DAY;
  // A regular election opened on time ends exactly when the outgoing term does; if the
  // phases were shortened since it was scheduled, voting lasts until then rather than
  // seating the winners beside the outgoing holders.
  if (kind === 'regular' && group.termEndsAt !== null && votingCloseAt < group.termEndsAt)
    votingCloseAt = group.termEndsAt;
  const id = tx.nextId('election');
  tx.emit({
    kind: 'ElectionOpened',
    at: now,
    electionId: id,
    groupKey: group.key,
    electionKind: kind,
    seats,
    method: seats === 1 ? 'irv' : c.multiSeatMethod,
    nominationsCloseAt,
    votingCloseAt,
    mandateEndsAt: kind === 'regular' ? votingCloseAt + termMs(c) : (group.termEndsAt as number),
    maxConsecutiveTerms: c.maxConsecutiveTerms,
    maxConcurrentMandates: c.maxConcurrentMandates,
  });
  return id;
}
