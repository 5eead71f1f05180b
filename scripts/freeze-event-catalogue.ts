/**
 * Appends to the frozen event catalogue (src/democracy/events/frozen-catalogue.json)
 * every event type, and every new version of a type, that the code declares and the
 * catalogue does not list yet. It never changes or removes an entry: when the code
 * disagrees with one (a frozen type's fields changed, a type renamed), it says so and
 * writes nothing. Rules: docs/design/record.md, "Entries".
 *
 *   npm run events:freeze        (node --import tsx scripts/freeze-event-catalogue.ts)
 */
import { existsSync } from 'node:fs';
import {
  ABOUT,
  FROZEN_CATALOGUE,
  liveCatalogue,
  readFrozenCatalogue,
  writeFrozenCatalogue,
} from './event-catalogue/catalogue-files.js';
import { appendLive, type FrozenCatalogue } from './event-catalogue/frozen-catalogue.js';

const empty: FrozenCatalogue = { about: ABOUT, entries: [] };
const frozen = existsSync(FROZEN_CATALOGUE) ? readFrozenCatalogue() : empty;
try {
  const { catalogue, added } = appendLive(frozen, liveCatalogue());
  if (added.length) writeFrozenCatalogue(catalogue);
  for (const entry of added)
    process.stdout.write(
      `froze ${entry.type} v${entry.version} (entry format ${entry.entryFormat})\n`,
    );
  process.stdout.write(
    added.length ? `${added.length} appended\n` : 'the frozen catalogue is up to date\n',
  );
} catch (error) {
  process.stderr.write(
    `not frozen: the code disagrees with the frozen catalogue:\n${(error as Error).message}\n`,
  );
  process.exitCode = 1;
}
