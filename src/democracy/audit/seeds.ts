/**
 * RULES.md, Elections: ties are broken by "a draw seeded from the log's signed checkpoint
 * at the close of voting". The closing records its seed, the hex root of the latest
 * checkpoint signed before the batch that closed it (store/democracy-domain.ts); the
 * recount re-runs the draw with it. Without a check an operator could write any seed and
 * draw the tie-break they like. `seedChecker` checks that each recorded seed is the root
 * of this very log at some size up to the closing entry, and that seeds never go back to
 * an older checkpoint than one already used (checkpoints only grow).
 *
 * `rootAt(k)` is the hex root of the log's first k entries (record/log-roots.ts). The
 * search walks back from the closing entry to the size the last seed had: a few sizes on
 * an honest log (the closing's batch began there), the whole gap for a forged seed.
 */
export function seedChecker(
  rootAt: (size: number) => string,
): (seed: string, seq: number) => string | null {
  let lastSeed: string | undefined;
  let lastSize = 0;
  return (seed, seq) => {
    if (seed === lastSeed) return null;
    const wanted = seed.toLowerCase();
    for (let k = seq; k >= lastSize; k--) {
      if (rootAt(k) !== wanted) continue;
      lastSeed = seed;
      lastSize = k;
      return null;
    }
    return `not the root of this log at any size from ${lastSize} to ${seq} (the checkpoints signed before the close)`;
  };
}
