import { ensureElections } from './automatic-elections.js';
import { afterMembershipChange, DEFAULT_OFFICES } from './founding.js';
import { endMandates } from './membership.js';
import type { StructureChange } from './motion-body.js';
import { delegationKey, groupKeysOf, isAncestorOrSelf } from './queries.js';
import type { Council, OrgState } from './state.js';
import type { Tx } from './tx.js';

/**
 * Why a structure change cannot be made by a motion of `council`, or null. A council
 * changes only its own subtree: it may create a council under itself or a delegate
 * council below it, merge two base councils below it, or dissolve a council below it
 * (a base council only when empty: merging is how members move).
 */
export function structureProblem(
  state: OrgState,
  council: Council,
  change: StructureChange,
): string | null {
  const live = (id: string) => {
    const c = state.councils.get(id);
    return c && c.dissolvedAt === null ? c : undefined;
  };
  switch (change?.action) {
    case 'create': {
      const parent = live(change.parentId);
      if (!parent) return `there is no council ${String(change.parentId)}`;
      if (parent.kind !== 'delegate') return 'a new council must sit under a delegate council';
      if (!isAncestorOrSelf(state, council.id, parent.id))
        return "the new council must be in this council's subtree";
      if (change.councilKind !== 'base' && change.councilKind !== 'delegate')
        return 'the new council must be a base or a delegate council';
      const name = typeof change.name === 'string' ? change.name.trim() : '';
      if (name.length < 1 || name.length > 200)
        return 'the new council needs a name of 1 to 200 characters';
      return null;
    }
    case 'merge': {
      const from = live(change.fromId);
      const into = live(change.intoId);
      if (!from || !into) return 'both councils must exist';
      if (from.id === into.id) return 'a council cannot merge into itself';
      if (from.kind !== 'base' || into.kind !== 'base') return 'only base councils can merge';
      if (
        !isAncestorOrSelf(state, council.id, from.id) ||
        !isAncestorOrSelf(state, council.id, into.id)
      )
        return "both councils must be in this council's subtree";
      return null;
    }
    case 'dissolve': {
      const target = live(change.councilId);
      if (!target) return `there is no council ${String(change.councilId)}`;
      if (target.parentId === null) return 'the congress cannot be dissolved';
      if (target.id === council.id || !isAncestorOrSelf(state, council.id, target.id))
        return 'the council must be below this one';
      if (target.kind === 'base' && target.members.size > 0)
        return 'a base council with members cannot be dissolved; merge it instead';
      return null;
    }
    default:
      return 'the change must be create, merge or dissolve';
  }
}

/** Applies a passed structure motion (re-checked by the caller at the close). */
export function applyStructure(tx: Tx, motionId: string, change: StructureChange): void {
  switch (change.action) {
    case 'create': {
      tx.emit({
        kind: 'CouncilCreated',
        at: tx.now,
        councilId: tx.nextId('council'),
        name: change.name.trim(),
        councilKind: change.councilKind,
        parentId: change.parentId,
        offices: change.offices ?? DEFAULT_OFFICES,
        motionId,
      });
      return;
    }
    case 'merge': {
      const from = tx.state.councils.get(change.fromId) as Council;
      // Every member of the merged council leaves the constituencies that are not also
      // the new council's: the same rule as a transfer.
      const touched: string[] = [];
      for (const memberId of from.members.keys())
        touched.push(
          ...endMandates(
            tx,
            memberId,
            'council-dissolved',
            (g) => !isAncestorOrSelf(tx.state, g, change.intoId),
          ),
        );
      tx.emit({
        kind: 'CouncilMerged',
        at: tx.now,
        fromId: from.id,
        intoId: change.intoId,
        motionId,
      });
      ensureElections(tx, touched, 'change');
      afterMembershipChange(tx, change.intoId);
      return;
    }
    case 'dissolve': {
      const target = tx.state.councils.get(change.councilId) as Council;
      const ending = [...groupKeysOf(target), ...target.childIds.map(delegationKey)];
      for (const key of ending) {
        const g = tx.state.groups.get(key);
        for (const mandateId of g?.sitting ?? [])
          tx.emit({ kind: 'MandateEnded', at: tx.now, mandateId, reason: 'council-dissolved' });
      }
      const parentId = target.parentId as string;
      tx.emit({ kind: 'CouncilDissolved', at: tx.now, councilId: target.id, motionId });
      const parent = tx.state.councils.get(parentId) as Council;
      ensureElections(
        tx,
        [...target.childIds.map(delegationKey), ...groupKeysOf(parent)],
        'change',
      );
      return;
    }
  }
}
