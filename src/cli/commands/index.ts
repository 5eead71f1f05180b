import type { Command } from 'commander';
import { register as registerCount } from './count.js';
import { register as registerDemo } from './demo.js';
import { register as registerExport } from './export.js';
import { register as registerFsck } from './fsck.js';
import { register as registerKey } from './key.js';
import { register as registerLedger } from './ledger.js';
import { register as registerPb } from './pb.js';
import { register as registerServe } from './serve.js';
import { register as registerVerify } from './verify.js';

/**
 * Every `soviet` subcommand, one module each under this folder. A module exports
 * `register(program)`, which adds its command with its own options.
 */
export type Register = (program: Command) => void;

export const commands: readonly Register[] = [
  registerVerify,
  registerCount,
  registerServe,
  registerKey,
  registerExport,
  registerFsck,
  registerPb,
  registerDemo,
  registerLedger,
];
