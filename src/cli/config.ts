import { resolve } from 'node:path';

/**
 * The instance configuration, the same for the server and every CLI command.
 * Precedence: command-line flag, then environment variable, then default.
 *
 * | flag             | variable       | default  |
 * | ---------------- | -------------- | -------- |
 * | --port           | PORT           | 3000     |
 * | --host           | HOST           | 127.0.0.1|
 * | --data           | SOVIET_DATA    | ./data   |
 * | --database-url   | DATABASE_URL   | (none: the embedded PGlite under the data directory) |
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data directory: the instance key, and PGlite's files. */
  readonly dataDir: string;
  /** PostgreSQL connection string; undefined means the embedded database. */
  readonly databaseUrl: string | undefined;
}

export interface ConfigFlags {
  port?: string | number;
  host?: string;
  data?: string;
  databaseUrl?: string;
}

export function resolveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const portText = String(flags.port ?? env.PORT ?? '3000');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const databaseUrl = flags.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  return {
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(flags.data ?? env.SOVIET_DATA ?? './data'),
    databaseUrl,
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
