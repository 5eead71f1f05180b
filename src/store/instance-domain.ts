import { democracyDomain } from './democracy-domain.js';

/**
 * The domain this instance runs: `soviet serve`, `soviet fsck` and `soviet demo` open the
 * store with it. It is the democracy domain (democracy-domain.ts), whose projection
 * tables come with migration 0002-democracy.
 */
export const instanceDomain = democracyDomain;
