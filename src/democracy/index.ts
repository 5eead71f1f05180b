/**
 * The democracy domain (RULES.md): councils, membership, mandates, elections, recall,
 * motions, instructions, and the treasury with participatory budgets. Pure: `decide(state, command, ctx) → events` (or a SovietError
 * refusal), `evolve(state, event) → state`, `initialState()`, `nextDeadline(state)`.
 *
 * @example
 * let state = initialState();
 * const ctx = { now: Date.now(), actor: 'system', seed: checkpointRootHex, entropy: randomHex };
 * for (const e of decide(state, { kind: 'FoundOrganisation', name: 'Union', slug: 'union',
 *   founderName: 'Ann', founderCouncil: 'Branch', councils: { name: 'Congress',
 *   children: [{ name: 'Branch' }] } }, ctx)) state = evolve(state, e);
 */

export { ActAudit, type ActAuditReport, type AuditedEntry } from './act-audit.js';
export { ACT_WINDOW_MS, actBody, liveKey, liveKeys } from './acts.js';
export type { Act, ActProof, ActsState, MemberKey } from './acts-state.js';
export {
  checkBudgetBallot,
  DEFAULT_RULE,
  drawOrder,
  inElectorate,
  MAX_PROJECTS,
  roundElectorate,
  roundInstance,
} from './budget-rounds.js';
export { COMMAND_FIELDS, commandShapeProblem } from './command-fields.js';
export type { CommandKind, CouncilSpec, DecideContext, DemocracyCommand } from './commands.js';
export * from './constitution.js';
export * from './currency.js';
export { decide } from './decide.js';
export {
  type EventEnvelope,
  envelopeOf,
  eventOf,
  type Json,
  publicPart,
  withoutPersonal,
} from './envelope.js';
export { type DemocracyErrorCode, democracyError, democracyErrors } from './errors.js';
export type * from './events/index.js';
export { EVENT_CATALOGUE, EVENT_KINDS } from './events/index.js';
export { evolve, replay } from './evolve.js';
export { DEFAULT_OFFICES } from './founding.js';
export {
  decisionRef,
  LEDGER_CSV_COLUMNS,
  type LedgerEntryRow,
  ledgerCsv,
  ledgerEntriesOf,
} from './ledger-csv.js';
export type { MotionBody, MotionKind, StructureChange } from './motion-body.js';
export { MOTION_KINDS, thresholdOf } from './motion-body.js';
export {
  checkName,
  commitmentOf,
  opens,
  type PersonalFact,
  type PersonalField,
} from './personal.js';
export { PMap } from './pmap.js';
export * from './queries.js';
export { liveGrantOf } from './read-access.js';
export { invitationToken, readToken, receiptFor, tokenHashOf } from './secrets.js';
export { snapshot } from './snapshot.js';
export * from './state.js';
export { nextDeadline } from './time.js';
export { DEFAULT_ACCOUNTS, MAX_AMOUNT, TREASURER_OFFICE, treasurerOf } from './treasury.js';
export type { TreasuryCommand, TreasuryCommandKind } from './treasury-commands.js';
export * from './treasury-state.js';
