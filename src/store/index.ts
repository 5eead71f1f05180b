/**
 * The store (ARCHITECTURE.md): Kysely over PGlite or PostgreSQL; one verifiable log per
 * organisation (the record's entries, tiles and signed checkpoints) and the domain's
 * state and projections, appended in one transaction per batch of commands.
 *
 * - {@link openStore} opens it; {@link Store} is the API; {@link Domain} is what a domain
 *   implements to run on it.
 * - {@link fsck} checks a store against itself; {@link exportLog} writes a static
 *   tlog-tiles copy of a log.
 */

export {
  allFacts,
  type DirectoryFact,
  directoryNames,
  factsAbout,
} from './directory.js';
export type {
  DecideContext,
  Domain,
  Envelope,
  ExecuteContext,
  Executed,
  LoggedEnvelope,
  ProjectionContext,
  TreeHead,
} from './domain.js';
export { storeErrors } from './errors.js';
export { type ExportResult, exportLog } from './export-log.js';
export { APPEND_STEPS, type AppendStep, type Failpoint } from './failpoint.js';
export { type FsckOrgReport, type FsckReport, fsck } from './fsck.js';
export { instanceDomain } from './instance-domain.js';
export { migrations } from './migrations/index.js';
export { openStore, type StoreConfig, type StoreOptions } from './open-store.js';
export { recordOnlyDomain } from './record-only-domain.js';
export type { StoreDatabase } from './schema.js';
export {
  type Backend,
  type LogHead,
  type Organisation,
  Store,
  type TileResource,
} from './store.js';
