import type { Command } from 'commander';
import type { buildApp } from '../../server/build-app.js';
import type { Scheduler } from '../../service/index.js';
import { instanceDomain } from '../../store/instance-domain.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';

/**
 * `soviet serve` (what `npm start` runs): opens the store (PGlite under the data
 * directory, or PostgreSQL with DATABASE_URL), serves the API, prints the address, and on
 * SIGINT or SIGTERM stops taking requests, finishes those in flight, closes the store
 * and releases the data directory. Resolves when it has stopped. The scheduler
 * (service/scheduler.ts) runs the organisations' deadlines while it serves, catching up
 * on start with those passed while it was down.
 *
 * Start-up: the database opens (PGlite compiles its WebAssembly, largely off the main
 * thread) while the server's modules (Fastify, the routes, the service) are loaded, so
 * the two overlap (bench/startup.bench.ts).
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('run the Soviet server')
    .action(async (_options: unknown, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const opening = openStore(config, { domain: instanceDomain });
      const modules = Promise.all([
        import('../../server/build-app.js'),
        import('../../service/index.js'),
      ]);
      modules.catch(() => {}); // a failure is handled below, once the store is open
      const store = await opening;
      let loaded: Awaited<typeof modules>;
      try {
        loaded = await modules;
      } catch (error) {
        await store.close();
        throw error;
      }
      const [{ buildApp }, { createSovietService, startScheduler }] = loaded;
      const service = createSovietService({ store, clock: Date.now });
      let app: Awaited<ReturnType<typeof buildApp>>;
      let scheduler: Scheduler;
      try {
        app = await buildApp({ store, service, clock: Date.now, logger: { level: 'warn' } });
        await app.listen({ port: config.port, host: config.host });
        // Deadlines passed while the server was down are processed now, in order, once.
        scheduler = startScheduler(service, Date.now, {
          onError: (error, org) =>
            process.stderr.write(
              `soviet: scheduler${org ? ` (${org})` : ''}: ${error instanceof Error ? error.message : String(error)}\n`,
            ),
        });
      } catch (error) {
        await store.close();
        throw error;
      }
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      process.stdout.write(`Soviet listening on http://${host}:${port}\n`);

      await new Promise<void>((resolveStopped) => {
        const stop = async (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.stdout.write(`Soviet stopping (${signal})\n`);
          try {
            await scheduler.stop();
            await app.close();
          } finally {
            await store.close();
            resolveStopped();
          }
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
