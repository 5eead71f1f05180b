import { Command, CommanderError } from 'commander';
import { SovietError } from '../errors/soviet-error.js';
import { commandTable, type Register } from './commands/index.js';
import { ConfigError } from './config.js';

/**
 * The `soviet` command line. Every command shares the instance configuration
 * (--port, --data, --database-url; see config.ts). Expected failures print
 * `soviet: CODE: sentence` and exit 1; usage errors exit 2; a bug prints a short
 * notice (the stack only with SOVIET_DEBUG=1) and exits 70.
 */
export function buildProgram(registers: readonly Register[]): Command {
  const program = new Command('soviet')
    .description('Council democracy on a publicly verifiable record')
    .option('--port <port>', 'HTTP port (env PORT, default 3000)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--data <dir>', 'data directory (env SOVIET_DATA, default ./data)')
    .option(
      '--database-url <url>',
      'PostgreSQL URL instead of the embedded database (env DATABASE_URL)',
    )
    .showHelpAfterError()
    .exitOverride();
  for (const register of registers) register(program);
  return program;
}

/** Global options that take a value (so the word after them is not the command). */
const VALUE_OPTIONS = new Set(['--port', '--host', '--data', '--database-url']);

/** The subcommand an argument list names (`help <command>` names its command), if any. */
export function commandNamed(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    words.push(arg);
    if (words[0] !== 'help') break;
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The program for one run: only the named command's module is imported; without a
 * known command (top-level help, an unknown name), every command is listed by its
 * summary and no module is loaded.
 */
async function programFor(argv: readonly string[]): Promise<Command> {
  const name = commandNamed(argv);
  const entry = commandTable.find((e) => e.name === name);
  if (entry) return buildProgram([(await entry.load()).register]);
  return buildProgram(
    commandTable.map((e) => (program: Command) => {
      program.command(e.name).description(e.summary);
    }),
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await programFor(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof SovietError) {
      process.stderr.write(`soviet: ${error.code}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`soviet: CONFIG: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      'soviet: an unexpected error occurred; this is a bug. Run with SOVIET_DEBUG=1 for details.\n',
    );
    if (process.env.SOVIET_DEBUG === '1')
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return 70;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  /(?:bin[\\/]soviet(?:\.js)?|cli[\\/]main\.[jt]s)$/.test(process.argv[1]);
if (isEntry) {
  // A long-running command (serve) keeps the process alive through its open server.
  process.exitCode = await main(process.argv.slice(2));
}
