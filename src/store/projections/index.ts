/**
 * The democracy domain's SQL projections (migration 0002-democracy): one module per
 * area, one dispatcher. Read them with `db.withTables<DemocracyTables>()`.
 */

export { projectDemocracyBatch } from './project-batch.js';
export { projectDemocracyEvent } from './project-event.js';
export { parseGroupKey } from './seat-groups.js';
export * from './tables.js';
export { isTreasuryProjected, projectTreasuryEvent } from './treasury-projection.js';
export * from './treasury-tables.js';
