import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { decodeEntry } from '../../record/index.js';
import { checkPrivateParts } from '../../service/private-parts-check.js';
import type { DemocracyStore } from '../../store/democracy-domain.js';
import { storeError } from '../../store/errors.js';
import { type FsckOrgReport, type FsckReport, fsck } from '../../store/fsck.js';
import { instanceDomain } from '../../store/instance-domain.js';
import { openStore } from '../../store/open-store.js';
import { recordOnlyDomain } from '../../store/record-only-domain.js';
import type { StoreDatabase } from '../../store/schema.js';
import { type Organisation, Store } from '../../store/store.js';
import { resolveConfig } from '../config.js';
import { progressBar } from '../progress.js';

/**
 * `soviet fsck [org]`: checks the local database against itself (store/fsck.ts): rebuilds
 * each log's tree from its entries, checks every tile hash and signed checkpoint, and
 * replays every organisation's events (public entries plus their private parts) through
 * the democracy domain's `evolve`, comparing the result with the state the store holds,
 * and through its `project` into fresh projections, comparing them with the live tables;
 * and checks that every secret ballot has its private part (service/private-parts-check.ts).
 * Prints a report; exits 1 (FSCK_PROBLEMS) on any difference.
 *
 * A log that does not begin with `OrganisationFounded` was not written by the democracy
 * domain (e.g. by a test domain sharing the database): its record is checked, and its
 * events are replayed without a domain.
 */
export function register(program: Command): void {
  program
    .command('fsck')
    .description('check the logs, tiles, checkpoints, state and projections in the database')
    .argument('[org]', 'only this organisation (default: all)')
    .option('--json', 'print the report as JSON')
    .action(async (org: string | undefined, options: { json?: boolean }, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const store = await openStore(config, { domain: instanceDomain });
      try {
        const report = await checkStore(store, org);
        printReport(report, options.json === true);
        const bad = report.orgs.filter((r) => r.problems.length > 0);
        if (bad.length > 0) {
          throw storeError('FSCK_PROBLEMS', {
            count: bad.reduce((n, r) => n + r.problems.length, 0),
            orgs: bad.map((r) => r.org).join(', '),
          });
        }
      } finally {
        await store.close();
      }
    });
}

/**
 * The whole check of `soviet fsck` (also run by `soviet restore`): every organisation,
 * or only `org`, with a progress bar on stderr.
 */
export async function checkStore(store: DemocracyStore, org?: string): Promise<FsckReport> {
  const recordOnly = new Store({ ...store.internals(), domain: recordOnlyDomain });
  const progress = progressBar('checking', 'entries');
  try {
    const orgs = org ? [await store.organisation(org)] : await store.organisations();
    const reports: FsckOrgReport[] = [];
    for (const o of orgs) {
      const onProgress = (_org: string, done: number, size: number) => progress.update(done, size);
      if (await isDemocracyLog(store.db, o)) {
        const [one] = (await fsck(store, o.slug, onProgress)).orgs;
        const secrets = await checkPrivateParts(store, o.slug);
        if (one) reports.push({ ...one, problems: [...one.problems, ...secrets] });
      } else reports.push(...(await fsck(recordOnly, o.slug, onProgress)).orgs);
    }
    return { ok: reports.every((r) => r.problems.length === 0), orgs: reports };
  } finally {
    progress.stop();
  }
}

/** Prints an fsck report on stdout: a line per organisation and its problems, or JSON. */
export function printReport(report: FsckReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const r of report.orgs) {
    const head = `${r.org}: ${r.size} entries, ${r.checkpoints} checkpoints, ${r.projectionRows} projection rows`;
    process.stdout.write(
      r.problems.length === 0 ? `${head}: ok\n` : `${head}: ${r.problems.length} problem(s)\n`,
    );
    for (const p of r.problems) process.stdout.write(`  - ${p}\n`);
  }
  if (report.orgs.length === 0) process.stdout.write('No organisations.\n');
}

/**
 * Whether the democracy domain wrote this log: it is empty (created, not yet founded) or
 * its first entry is `OrganisationFounded`. An entry that cannot be read counts as the
 * democracy's, so that fsck names the damage.
 */
async function isDemocracyLog(db: Kysely<StoreDatabase>, org: Organisation): Promise<boolean> {
  const row = await db
    .selectFrom('log_entries')
    .select('entry')
    .where('org_id', '=', org.id)
    .where('seq', '=', 0)
    .executeTakeFirst();
  if (!row) return true;
  try {
    return decodeEntry(row.entry).type === 'OrganisationFounded';
  } catch {
    return true;
  }
}
