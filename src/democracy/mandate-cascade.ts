import { ensureElections } from './automatic-elections.js';
import { delegationKey, groupKeysOf, inVotingBody } from './queries.js';
import type { Mandate } from './state.js';
import type { Tx } from './tx.js';

/**
 * A mandate that ends ends every office held by virtue of it (issue 14; RULES.md,
 * Mandates): when a delegation mandate (a seat in council S) ends, its holder may no
 * longer be in S's voting body, and then loses what only that body could give: S's
 * offices and S's own delegation to the council above (which may in turn end a seat
 * there, and so on up the tree).
 *
 * Call after the `MandateEnded` of `ended`. When the group's regular election lands at
 * this same instant (a term's end: expiry is processed first), nothing ends yet: the
 * count sweeps the council after its grants (`sweepVotingBody`), so a re-elected
 * delegate keeps their office.
 */
export function endMandatesHeldByVirtueOf(tx: Tx, ended: Mandate): void {
  const group = tx.state.groups.get(ended.groupKey);
  if (group?.kind !== 'delegation') return;
  const regular = group.regularElectionId
    ? tx.state.elections.get(group.regularElectionId)
    : undefined;
  if (regular && regular.phase !== 'closed' && regular.votingCloseAt === tx.now) return;
  sweepVotingBody(tx, group.seatCouncilId);
}

/**
 * Ends, with reason `basis-ended`, every sitting mandate given by council `councilId`'s
 * voting body (its offices and its delegation) whose holder is no longer in that body,
 * opens the by-elections, and sweeps the parent when the delegation lost a seat.
 */
export function sweepVotingBody(tx: Tx, councilId: string): void {
  let current: string | null = councilId;
  while (current !== null) {
    const council = tx.state.councils.get(current);
    if (council?.kind !== 'delegate') return;
    const touched: string[] = [];
    for (const key of groupKeysOf(council)) {
      for (const mandateId of tx.state.groups.get(key)?.sitting ?? []) {
        const holderId = tx.state.mandates.get(mandateId)?.holderId;
        if (holderId === undefined || inVotingBody(tx.state, council.id, holderId)) continue;
        tx.emit({ kind: 'MandateEnded', at: tx.now, mandateId, reason: 'basis-ended' });
        touched.push(key);
      }
    }
    ensureElections(tx, touched, 'change');
    current = touched.includes(delegationKey(council.id)) ? council.parentId : null;
  }
}
