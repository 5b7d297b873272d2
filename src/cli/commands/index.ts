/** The `neko` subcommands, one file each; a new command is one more entry here. */
import type { CliCommand } from '../context.js';
import { batchCommand } from './batch.js';
import { benchCommand } from './bench.js';
import { convertCommand } from './convert.js';
import { correctCommand } from './correct.js';
import { evalCommand } from './eval.js';
import { infoCommand } from './info.js';
import { workerCommand } from './worker.js';

export const commands: CliCommand[] = [
  convertCommand,
  infoCommand,
  correctCommand,
  batchCommand,
  workerCommand,
  evalCommand,
  benchCommand,
];
