import type { Command } from 'commander';
import { migrations } from '../../store/migrations/index.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';

/**
 * `soviet migrate`: applies the pending database migrations and exits. `soviet serve`
 * applies them too when it starts; both take the migration lock (store/open-store.ts),
 * so on PostgreSQL several processes may start or migrate at once. Run it before
 * starting several servers of a new version, so that none of them waits for the others.
 */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply the pending database migrations and exit')
    .action(async (_options: unknown, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      let applied: readonly string[] = [];
      const store = await openStore(config, {
        onMigrated: (names) => {
          applied = names;
        },
      });
      await store.close();
      const total = Object.keys(migrations).length;
      process.stdout.write(
        applied.length === 0
          ? `The database is up to date (${total} migrations).\n`
          : `Applied ${applied.length} migration(s): ${applied.join(', ')} (${total} in all).\n`,
      );
    });
}
