import type { Command } from 'commander';
import { restore } from '../../store/backup.js';
import { storeError } from '../../store/errors.js';
import { instanceDomain } from '../../store/instance-domain.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';
import { stepReporter } from './backup.js';
import { checkStore, printReport } from './fsck.js';

/**
 * `soviet restore <file> [--force]`: puts a `soviet backup` file back into the configured
 * database (the same kind it was made from), then opens it (applying newer migrations)
 * and runs the whole of `soviet fsck` on it: every log, tile, checkpoint, state and
 * projection. Refuses (RESTORE_TARGET_NOT_EMPTY) to replace a database that holds
 * organisations unless --force; stop the servers first.
 */
export function register(program: Command): void {
  program
    .command('restore')
    .description('restore the database from a backup file, then check it as fsck does')
    .argument('<file>', 'a file written by `soviet backup`')
    .option('--force', 'replace a database that already holds organisations')
    .option('--json', 'print the check report as JSON')
    .action(
      async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
        const config = resolveConfig(command.optsWithGlobals());
        const step = stepReporter('restore');
        const { target } = await restore(config, file, {
          force: options.force === true,
          onProgress: step,
        });
        step('checking the restored database');
        const store = await openStore(config, { domain: instanceDomain });
        try {
          const report = await checkStore(store);
          printReport(report, options.json === true);
          const bad = report.orgs.filter((r) => r.problems.length > 0);
          if (bad.length > 0) {
            throw storeError('RESTORE_VERIFY_FAILED', {
              target,
              count: bad.reduce((n, r) => n + r.problems.length, 0),
              orgs: bad.map((r) => r.org).join(', '),
              kept: ' The restored database was kept for inspection.',
            });
          }
          if (!options.json) {
            process.stdout.write(
              `Restored ${file} into ${target}: ${report.orgs.length} organisation(s), checked.\n`,
            );
          }
        } finally {
          await store.close();
        }
      },
    );
}
