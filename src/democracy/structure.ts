import { ensureElections } from './automatic-elections.js';
import { afterMembershipChange, DEFAULT_OFFICES } from './founding.js';
import type { StructureChange } from './motion-body.js';
import { delegationKey, groupKeysOf, isAncestorOrSelf, votingBodySize } from './queries.js';
import type { Council, OrgState } from './state.js';
import type { Tx } from './tx.js';

/**
 * Why a structure change cannot be made by a motion of `council`, or null. A council
 * changes only its own subtree: it may create a council under itself or a delegate
 * council below it. Dissolving a council (a base council only when empty: merging is
 * how members move) or merging a base council into another takes two motions with the
 * same change (issue 14), each by two thirds: one of the council itself and one of its
 * parent, so a motion for it belongs to one of those two.
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
      if (council.id !== from.id && council.id !== from.parentId)
        return 'a merge is moved by the merging council itself and by its parent';
      if (from.parentId === null || !isAncestorOrSelf(state, from.parentId, into.id))
        return "both councils must be in the parent's subtree";
      return null;
    }
    case 'dissolve': {
      const target = live(change.councilId);
      if (!target) return `there is no council ${String(change.councilId)}`;
      if (target.parentId === null) return 'the congress cannot be dissolved';
      if (target.id !== council.id && target.parentId !== council.id)
        return 'a dissolution is moved by the council itself and by its parent';
      if (target.kind === 'base' && target.members.size > 0)
        return 'a base council with members cannot be dissolved; merge it instead';
      return null;
    }
    default:
      return 'the change must be create, merge or dissolve';
  }
}

/**
 * The council whose consent a dissolution or merge moved in `councilId` still needs
 * (issue 14): the parent's for a motion of the council itself, the council's own for a
 * motion of the parent. None (null) when it has passed the same change already, or when
 * the council has no voting body left to consent (an empty base council).
 */
function missingConsent(tx: Tx, councilId: string, change: StructureChange): string | null {
  if (change.action === 'create') return null;
  const affectedId = change.action === 'merge' ? change.fromId : change.councilId;
  const affected = tx.state.councils.get(affectedId) as Council;
  const other = councilId === affected.id ? affected.parentId : affected.id;
  if (other === null || votingBodySize(tx.state, other) === 0) return null;
  const same = JSON.stringify(change);
  for (const m of tx.state.motions.values())
    if (
      m.councilId === other &&
      m.phase === 'passed' &&
      m.body.kind === 'structure' &&
      JSON.stringify(m.body.change) === same
    )
      return null;
  return other;
}

/**
 * Applies a passed structure motion (re-checked by the caller at the close). A dissolution
 * or merge takes effect when both the council and its parent have passed it (the later
 * of the two applies it). No structure change ends a mandate early (issue 14): the seats
 * of a dissolved or merged council sit on until their term ends or a recall (a recall
 * vote already open still resolves); its groups are retired, so nobody is elected to them
 * again.
 */
export function applyStructure(tx: Tx, motionId: string, change: StructureChange): void {
  const council = tx.state.motions.get(motionId)?.councilId as string;
  if (missingConsent(tx, council, change) !== null) return;
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
      tx.emit({
        kind: 'CouncilMerged',
        at: tx.now,
        fromId: from.id,
        intoId: change.intoId,
        motionId,
      });
      afterMembershipChange(tx, change.intoId);
      return;
    }
    case 'dissolve': {
      const target = tx.state.councils.get(change.councilId) as Council;
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
