import type { Command } from 'commander';

/**
 * Every `soviet` subcommand, one module each under this folder. A module exports
 * `register(program)`, which adds its command with its own options.
 *
 * The modules are loaded lazily: `soviet count` imports only count.ts (and what it
 * needs), and `soviet --help` imports none of them, so neither loads Fastify or PGlite.
 * `summary` is what the top-level help shows; a test checks that it equals the
 * description the module registers.
 */
export type Register = (program: Command) => void;

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly register: Register }>;
}

export const commandTable: readonly CommandEntry[] = [
  {
    name: 'verify',
    summary: 'verify a transparency log (C2SP tlog-tiles) served at a URL or stored in a directory',
    load: () => import('./verify.js'),
  },
  {
    name: 'count',
    summary: 'count ballot files (.blt, PrefLib .soi/.toi) and print the stage-by-stage result',
    load: () => import('./count.js'),
  },
  { name: 'serve', summary: 'run the Soviet server', load: () => import('./serve.js') },
  {
    name: 'key',
    summary: "print an organisation's log origin and public key (vkey)",
    load: () => import('./key.js'),
  },
  {
    name: 'export',
    summary: "write an organisation's log as a static tlog-tiles directory",
    load: () => import('./export.js'),
  },
  {
    name: 'fsck',
    summary: 'check the logs, tiles, checkpoints, state and projections in the database',
    load: () => import('./fsck.js'),
  },
  {
    name: 'pb',
    summary: 'apply a participatory-budgeting rule to pabulib .pb files',
    load: () => import('./pb.js'),
  },
  {
    name: 'plan',
    summary:
      'plan an economy: gross outputs and labour values, the best feasible plan, the multi-year plan',
    load: () => import('./plan.js'),
  },
  {
    name: 'demo',
    summary: 'create the demonstration organisation "demo" with months of history',
    load: () => import('./demo.js'),
  },
  {
    name: 'ledger',
    summary: "print an organisation's ledgers (balances, authorisations) or export them as CSV",
    load: () => import('./ledger.js'),
  },
  {
    name: 'backup',
    summary: 'write the whole database (organisations, logs, accounts, key) to a file',
    load: () => import('./backup.js'),
  },
  {
    name: 'restore',
    summary: 'restore the database from a backup file, then check it as fsck does',
    load: () => import('./restore.js'),
  },
  {
    name: 'keygen',
    summary: 'make a signing key (Ed25519) for scripts and the command line',
    load: () => import('./keygen.js'),
  },
  {
    name: 'act',
    summary: 'sign a command with your key and send it as your act (RFC 9421)',
    load: () => import('./act.js'),
  },
  {
    name: 'migrate',
    summary: 'apply the pending database migrations and exit',
    load: () => import('./migrate.js'),
  },
];

/** Loads every command module (for tests and the help of every command at once). */
export async function loadAllCommands(): Promise<readonly Register[]> {
  return Promise.all(commandTable.map(async (entry) => (await entry.load()).register));
}
