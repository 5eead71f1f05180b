/**
 * The recount (issue 14): every decision of the system on a log, recomputed from the
 * rules and the published ballots. Pure; the CLI (`soviet verify --replay`) and the web
 * app's record page run the same code.
 */
export { type Act, actOf, graft } from './acts.js';
export {
  type About,
  type AboutKind,
  aboutOf,
  aboutText,
  type FieldDifference,
  firstDifference,
} from './difference.js';
export { type BlobLoader, type LoggedEvents, readLoggedEvents } from './logged-events.js';
export {
  type Discrepancy,
  type DiscrepancyReason,
  type RecountOptions,
  type RecountProgress,
  type RecountResult,
  type RecountTally,
  recount,
  recounting,
} from './recount.js';
export { seedChecker } from './seeds.js';
