import type { Command } from 'commander';

/**
 * Every `soviet` subcommand, one module each under this folder. A module exports
 * `register(program)`, which adds its command with its own options.
 */
export type Register = (program: Command) => void;

export const commands: readonly Register[] = [];
