import type { Domain, LoggedEnvelope } from './domain.js';
import { storeError } from './errors.js';

/**
 * The domain of a store opened without one (e.g. by `soviet key`, `soviet export`, or a
 * server before a domain is plugged in): it replays any log, counting entries, and
 * accepts no command. `fsck` with it checks the record but no projections.
 */
export const recordOnlyDomain: Domain<{ readonly entries: number }, never, LoggedEnvelope> = {
  name: 'record-only',
  initial: () => ({ entries: 0 }),
  decide(_state, _command, ctx) {
    throw storeError('STORE_UNAVAILABLE', {
      target: ctx.org,
      reason: 'this instance runs no domain that accepts commands',
    });
  },
  evolve: (state) => ({ entries: state.entries + 1 }),
  envelope: ({ type, actor, data, secret }) => ({
    type,
    actor,
    data,
    ...(secret === undefined ? {} : { secret }),
  }),
  revive: (logged) => logged,
};
