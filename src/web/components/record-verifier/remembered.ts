import type { RememberedCheckpoint } from './verify-record.js';

/**
 * What this browser remembers of an organisation's record between visits (trust on
 * first use, as SSH does with host keys): the key the member entered and the last
 * checkpoint verified with it. localStorage; a browser that refuses storage simply
 * remembers nothing.
 */
const keyOf = (org: string) => `soviet.record.${org}`;

export function loadRemembered(org: string): RememberedCheckpoint | undefined {
  try {
    const text = window.localStorage.getItem(keyOf(org));
    if (!text) return undefined;
    const value = JSON.parse(text) as Partial<RememberedCheckpoint>;
    if (
      typeof value.vkey === 'string' &&
      typeof value.size === 'number' &&
      typeof value.rootHash === 'string' &&
      typeof value.seenAt === 'number'
    ) {
      return value as RememberedCheckpoint;
    }
  } catch {
    // Unreadable or refused storage: nothing remembered.
  }
  return undefined;
}

export function saveRemembered(org: string, value: RememberedCheckpoint): void {
  try {
    window.localStorage.setItem(keyOf(org), JSON.stringify(value));
  } catch {
    // Storage refused: the next visit starts afresh.
  }
}
