/**
 * Participatory budgeting: the rules that pick the funded projects of a round, and the
 * pabulib `.pb` file format. Pure: no I/O, no clock. A council's budget round is counted
 * by building a `BudgetInstance` and calling `selectProjects(round, rule)`.
 */
export type { BudgetBallot, BudgetInstance, BudgetProject, VoteType } from './budget-instance.js';
export { VOTE_TYPES } from './budget-instance.js';
export { budgetingErrors } from './errors.js';
export type { Fraction } from './fraction.js';
export { compare, fraction, toDecimalString, toNumber } from './fraction.js';
export type { GreedyVerdict } from './greedy.js';
export type { Add1Progress } from './mes-completion.js';
export type { MesMode } from './mes-engine.js';
export type { MesPayments } from './mes-payments.js';
export { paidBy } from './mes-payments.js';
export { formatMinorUnits, parseDecimal, unitOf } from './money.js';
export type { PbBallot, PbFile, PbProject } from './pb-file.js';
export { officialSelection } from './pb-file.js';
export { readPb } from './pb-read.js';
export { writePb } from './pb-write.js';
export type { Profile } from './profile.js';
export { compileProfile } from './profile.js';
export type { RuleName } from './rule-name.js';
export { isEqualShares, parseRuleName, RULE_NAMES } from './rule-name.js';
export type {
  EqualSharesReport,
  EqualSharesRound,
  GreedyReport,
  Selection,
  SelectOptions,
} from './select-projects.js';
export { selectOnProfile, selectProjects } from './select-projects.js';
