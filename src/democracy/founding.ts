import { checkNewKey, emitKey } from './acts.js';
import { ensureElections } from './automatic-elections.js';
import type { CouncilSpec, DemocracyCommand } from './commands.js';
import { type Constitution, DEFAULT_CONSTITUTION, parameterProblem } from './constitution.js';
import { democracyError } from './errors.js';
import { checkName, commitFact } from './personal.js';
import { delegationKey, groupKeysOf, lineage } from './queries.js';
import type { Tx } from './tx.js';

export const DEFAULT_OFFICES: readonly string[] = ['chair', 'secretary', 'treasurer'];

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

type Found = Extract<DemocracyCommand, { kind: 'FoundOrganisation' }>;

/**
 * Founds the organisation (RULES.md, Organisation and councils): the council tree (the
 * root is the congress, a delegate council; every council with children is a delegate
 * council and every leaf a base council), the default constitution, and the founder as
 * an ordinary member of one base council. The founder gets no power: the elections of
 * their council's offices and delegation open at once, like any other.
 */
export function found(tx: Tx, cmd: Found): void {
  if (tx.state.org) throw democracyError('ALREADY_FOUNDED');
  const bad = (reason: string) => democracyError('BAD_FOUNDING', { reason });
  const name = cmd.name?.trim() ?? '';
  if (name.length < 1 || name.length > 200) throw bad('the name must have 1 to 200 characters');
  if (typeof cmd.slug !== 'string' || !SLUG.test(cmd.slug))
    throw bad('the slug must be 1 to 63 lowercase letters, digits and dashes');
  const founderName = checkName(cmd.founderName);
  if (!cmd.councils?.children?.length)
    throw bad('the root council (the congress) must have at least one council under it');
  const names = new Set<string>();
  let count = 0;
  const walk = (spec: CouncilSpec, depth: number) => {
    const n = spec.name?.trim() ?? '';
    if (n.length < 1 || n.length > 200)
      throw bad('every council needs a name of 1 to 200 characters');
    if (names.has(n)) throw bad(`two councils are called "${n}"`);
    if (depth > 10) throw bad('the tree is deeper than 10 levels');
    names.add(n);
    count++;
    checkOffices(spec.offices, bad);
    for (const child of spec.children ?? []) walk(child, depth + 1);
  };
  walk(cmd.councils, 0);
  if (count > 10_000) throw bad('more than 10,000 councils');
  const constitution = foundingConstitution(cmd.constitution);
  const now = tx.now;
  const rootId = tx.nextId('council');
  tx.emit({
    kind: 'OrganisationFounded',
    at: now,
    by: 'm1',
    name,
    slug: cmd.slug,
    constitution,
    rootCouncilId: rootId,
  });
  let founderCouncil: string | null = null;
  const create = (spec: CouncilSpec, parentId: string | null) => {
    const id = tx.nextId('council');
    const isBase = !spec.children?.length;
    tx.emit({
      kind: 'CouncilCreated',
      at: now,
      councilId: id,
      name: spec.name.trim(),
      councilKind: isBase ? 'base' : 'delegate',
      parentId,
      offices: spec.offices ?? DEFAULT_OFFICES,
      motionId: null,
    });
    if (spec.name.trim() === cmd.founderCouncil?.trim()) {
      if (!isBase)
        throw bad(`"${spec.name}" is a delegate council; the founder joins a base council`);
      founderCouncil = id;
    }
    for (const child of spec.children ?? []) create(child, id);
  };
  create(cmd.councils, null);
  if (founderCouncil === null) throw bad(`there is no base council called "${cmd.founderCouncil}"`);
  if (cmd.founderKey !== undefined)
    checkNewKey(tx.state, cmd.founderKey?.publicKey, cmd.founderKey?.label);
  const memberId = tx.nextId('member');
  const { commitment, fact } = commitFact(tx.ctx.entropy, memberId, 'name', founderName);
  tx.emit({
    kind: 'MemberJoined',
    at: now,
    memberId,
    nameCommitment: commitment,
    councilId: founderCouncil,
    invitationId: null,
    personal: [fact],
  });
  // The founder's first key (acts.ts): from the first act on, only it acts in their name.
  if (cmd.founderKey !== undefined)
    emitKey(tx, memberId, cmd.founderKey.publicKey, cmd.founderKey.label);
  afterMembershipChange(tx, founderCouncil);
}

/**
 * The constitution founders choose: the defaults, with any parameter they set within its
 * entrenched bounds (RULES.md, "Entrenched rules": bounds hold from the first day).
 */
function foundingConstitution(choice: Found['constitution']): Constitution {
  if (choice === undefined) return DEFAULT_CONSTITUTION;
  if (choice === null || typeof choice !== 'object' || Array.isArray(choice))
    throw democracyError('BAD_FOUNDING', { reason: 'the constitution must be an object' });
  const chosen: Record<string, number | string> = { ...DEFAULT_CONSTITUTION };
  for (const [parameter, value] of Object.entries(choice)) {
    if (value === undefined) continue;
    const problem = parameterProblem(parameter, value);
    if (problem) throw democracyError('PARAMETER_OUT_OF_BOUNDS', { reason: problem });
    chosen[parameter] = value;
  }
  return chosen as unknown as Constitution;
}

/** Elections that a change in a base council's membership may open: its own groups, and the delegations of its ancestors (their seats follow the subtree). */
export function afterMembershipChange(tx: Tx, councilId: string): void {
  const council = tx.state.councils.get(councilId);
  if (!council) return;
  const keys = groupKeysOf(council);
  for (const c of lineage(tx.state, councilId).slice(1))
    if (c.parentId !== null) keys.push(delegationKey(c.id));
  ensureElections(tx, keys, 'change');
}

export function checkOffices(
  offices: readonly string[] | undefined,
  bad: (reason: string) => Error,
): void {
  if (offices === undefined) return;
  if (!Array.isArray(offices) || offices.length > 20) throw bad('a council has at most 20 offices');
  const seen = new Set<string>();
  for (const o of offices) {
    if (typeof o !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(o))
      throw bad(`office "${String(o)}" must be 1 to 40 lowercase letters, digits and dashes`);
    if (seen.has(o)) throw bad(`office "${o}" is listed twice`);
    seen.add(o);
  }
}
