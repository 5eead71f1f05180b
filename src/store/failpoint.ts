/**
 * The write steps of an append transaction, in order. A {@link Failpoint} is called after
 * each one; if it throws, the transaction rolls back. The crash tests inject a failure at
 * every step (STYLE.md 11: "a crash at any write still passes fsck").
 */
export const APPEND_STEPS = [
  'head-locked',
  'entries-written',
  'blobs-written',
  'private-written',
  'projected',
  'strata-written',
  'checkpoint-written',
  'head-written',
] as const;

export type AppendStep = (typeof APPEND_STEPS)[number];

/**
 * Test hook: called with the org and step inside the append transaction, and once more
 * with `committed` just after the commit, before memory changes and the commands are
 * answered (a failure there models a crash between commit and acknowledgement: the
 * events are in the log although their callers saw an error).
 */
export type Failpoint = (step: AppendStep | 'committed', org: string) => void | Promise<void>;
