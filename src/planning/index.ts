/**
 * The planning core (issue 11): economies, their file formats, the Leontief model,
 * the best feasible plan (LP and harmony) and the multi-year plan. Pure: no I/O, no
 * clock; src/cli reads the files and loads HiGHS.
 */
export * from './bea-format.js';
export * from './best-plan.js';
export * from './economy.js';
export * from './economy-format.js';
export * from './errors.js';
export * from './harmony.js';
export * from './harmony-format.js';
export * from './highs-solver.js';
export * from './leontief.js';
export * from './linear-program.js';
export * from './matrix-market-format.js';
export * from './multi-year-plan.js';
export * from './sparse-matrix.js';
export * from './symmetric-table-format.js';
export * from './technique-choice.js';
