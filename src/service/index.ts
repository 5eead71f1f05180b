/**
 * The application layer (ARCHITECTURE.md): the democracy domain on the store, as one API
 * for the server, the CLI and the tests.
 *
 * @example
 * const store = await openStore(config, { domain: democracyDomain });
 * const service = createSovietService({ store, clock: Date.now });
 * const { org, founderId } = await service.foundOrganisation({ name: 'Union', slug: 'union',
 *   founderName: 'Ann', founderCouncil: 'Branch',
 *   councils: { name: 'Congress', children: [{ name: 'Branch' }] } });
 * const { invitation } = await service.execute(org, founderId, { kind: 'InviteMember' });
 * const scheduler = startScheduler(service); // deadlines, with catch-up on start
 */
export { type DemoOptions, type DemoReport, runDemo } from './demo/run-demo.js';
export { type ServiceErrorCode, serviceError, serviceErrors } from './errors.js';
export {
  type Scheduler,
  type SchedulerOptions,
  type SchedulerTimers,
  startScheduler,
} from './scheduler.js';
export {
  type CommandResult,
  createSovietService,
  type Founded,
  type FoundOrganisationInput,
  NEWCOMER,
  type OrganisationListing,
  type ReceiptCheck,
  type SovietService,
  type SovietServiceDeps,
  type TickReport,
} from './soviet-service.js';
export {
  createTreasuryService,
  type EntryQuery,
  type TreasuryService,
  type TreasuryServiceDeps,
} from './treasury-service.js';
export type * from './views/council-view.js';
export type * from './views/election-view.js';
export type * from './views/member-view.js';
export type * from './views/motion-view.js';
export type * from './views/organisation-view.js';
export type * from './views/recall-view.js';
export type * from './views/record-view.js';
export type * from './views/refs.js';
export type * from './views/treasury-view.js';
