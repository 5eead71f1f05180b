import { type Constitution, democracyError, nextDeadline } from '../../democracy/index.js';
import type { ViewState } from './names.js';

/** A council in the tree of an organisation's page: active councils only. */
export interface CouncilNode {
  readonly id: string;
  readonly name: string;
  readonly kind: 'base' | 'delegate';
  /** Members in the subtree (a base council: its members). */
  readonly members: number;
  readonly children: readonly CouncilNode[];
}

/** An organisation's front page: who it is, its rules, its councils and what is open. */
export interface OrganisationView {
  readonly slug: string;
  readonly name: string;
  readonly foundedAt: number;
  readonly constitution: Constitution;
  readonly members: number;
  readonly councils: number;
  readonly openElections: number;
  readonly openMotions: number;
  readonly openPetitions: number;
  /** When the next phase ends (ms), or null when nothing is scheduled. */
  readonly nextDeadline: number | null;
  readonly tree: CouncilNode;
}

/** Builds the organisation's page from its state. Throws NOT_FOUNDED before founding. */
export function organisationView(state: ViewState): OrganisationView {
  const org = state.org;
  if (!org) throw democracyError('NOT_FOUNDED');
  const node = (id: string): CouncilNode => {
    const c = state.councils.get(id);
    if (!c) return { id, name: id, kind: 'base', members: 0, children: [] };
    return {
      id: c.id,
      name: c.name,
      kind: c.kind,
      members: c.subtree,
      children: c.childIds
        .filter((child) => state.councils.get(child)?.dissolvedAt === null)
        .map(node),
    };
  };
  let members = 0;
  for (const m of state.members.values()) if (m.status === 'active') members++;
  let councils = 0;
  for (const c of state.councils.values()) if (c.dissolvedAt === null) councils++;
  let openElections = 0;
  for (const e of state.elections.values()) if (e.phase !== 'closed') openElections++;
  let openMotions = 0;
  for (const m of state.motions.values())
    if (m.phase !== 'passed' && m.phase !== 'failed' && m.phase !== 'withdrawn') openMotions++;
  let openPetitions = 0;
  for (const p of state.petitions.values())
    if (p.phase === 'petition' || p.phase === 'vote') openPetitions++;
  return {
    slug: org.slug,
    name: org.name,
    foundedAt: org.foundedAt,
    constitution: state.constitution,
    members,
    councils,
    openElections,
    openMotions,
    openPetitions,
    nextDeadline: nextDeadline(state),
    tree: node(org.rootCouncilId),
  };
}
