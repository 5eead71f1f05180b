import { ensureElection } from './automatic-elections.js';
import { closeProposals, closeRound } from './budget-rounds.js';
import { closeNominations, closeVoting } from './elections.js';
import { endMandatesHeldByVirtueOf } from './mandate-cascade.js';
import { closeAmendments, closeDebate, closeMotionVote } from './motions.js';
import { closeRecallVote, lapsePetition } from './recall.js';
import type { OrgState, Timer } from './state.js';
import type { Tx } from './tx.js';

/**
 * The next deadline of the organisation (ms), or null when nothing is scheduled: the
 * server schedules a tick (`AdvanceTime`) for then. O(log n).
 */
export function nextDeadline(state: OrgState): number | null {
  return state.timers.min()?.[1].at ?? null;
}

/**
 * Processes every deadline ≤ `until` in deadline order (ties: a term's expiry before
 * the count that replaces it; then recall, nominations, voting, debate, amendment and
 * motion votes, regular elections coming due), each exactly once: every handler emits
 * an event that takes its deadline off the agenda. Events carry the deadline as `at`,
 * so a server that was down catches up as if it had been running.
 */
export function catchUp(tx: Tx, until: number): void {
  const commandTime = tx.now;
  for (;;) {
    const next = tx.state.timers.min();
    if (!next || next[1].at > until) break;
    const [key, timer] = next;
    tx.now = timer.at;
    handleDeadline(tx, timer);
    if (tx.state.timers.has(key))
      throw new Error(`deadline ${key} was not consumed by its handler (a bug in the domain)`);
  }
  tx.now = Math.max(commandTime, tx.now);
}

/**
 * Processes one deadline: emits what the rules decide when it passes (a count, a close,
 * an expiry, an election opening). Every handler takes its timer off the agenda. Used by
 * `catchUp`, and by the recount (audit/recount.ts), which re-runs each deadline of a log
 * to compare what the rules give with what the log records.
 */
export function handleDeadline(tx: Tx, timer: Timer): void {
  switch (timer.kind) {
    case 'mandate-expiry': {
      const mandate = tx.state.mandates.get(timer.ref);
      if (!mandate) return;
      tx.emit({ kind: 'MandateEnded', at: tx.now, mandateId: mandate.id, reason: 'expired' });
      // A vacancy mid-term is filled by a by-election; at the end of a term the regular
      // election is already under way (or opens now if it could not before).
      ensureElection(tx, mandate.groupKey, 'change');
      endMandatesHeldByVirtueOf(tx, mandate);
      return;
    }
    case 'petition-window':
      lapsePetition(tx, timer.ref);
      return;
    case 'recall-vote':
      closeRecallVote(tx, timer.ref);
      return;
    case 'nominations':
      closeNominations(tx, timer.ref);
      return;
    case 'voting':
      closeVoting(tx, timer.ref);
      return;
    case 'debate':
      closeDebate(tx, timer.ref);
      return;
    case 'amendments':
      closeAmendments(tx, timer.ref);
      return;
    case 'motion-vote':
      closeMotionVote(tx, timer.ref);
      return;
    case 'regular-due':
      if (ensureElection(tx, timer.ref, 'due') === null)
        tx.emit({ kind: 'ElectionDeferred', at: tx.now, groupKey: timer.ref });
      return;
    case 'round-proposals':
      closeProposals(tx, timer.ref);
      return;
    case 'round-voting':
      closeRound(tx, timer.ref);
      return;
  }
}
