import type { Command } from 'commander';
import { backup } from '../../store/backup.js';
import { resolveConfig } from '../config.js';

/**
 * `soviet backup <file>`: writes the whole database to one file (store/backup.ts): the
 * embedded database's data directory as a gzipped tarball (under the directory's lock,
 * so stop the server first), or a `pg_dump` archive of PostgreSQL (taken while servers
 * run). The file holds the instance's signing key: keep it safe. Steps are reported on
 * stderr; `soviet restore <file>` puts it back and checks it.
 */
export function register(program: Command): void {
  program
    .command('backup')
    .description('write the whole database (organisations, logs, accounts, key) to a file')
    .argument('<file>', 'the backup file to write')
    .action(async (file: string, _options: unknown, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const started = Date.now();
      const result = await backup(config, file, { onProgress: stepReporter('backup') });
      process.stdout.write(
        `Backed up the ${result.kind === 'pglite' ? 'embedded database' : 'PostgreSQL database'} to ${file} (${(result.bytes / 1e6).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    });
}

/** Progress of a backup or restore: one line per step on stderr, with the time so far. */
export function stepReporter(verb: string): (message: string) => void {
  const started = Date.now();
  return (message) =>
    process.stderr.write(
      `soviet ${verb}: ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
}
