/** The `neko` subcommands, one file each; a new command is one more entry here. */
import type { CliCommand } from '../context.js';
import { benchCommand } from './bench.js';
import { convertCommand } from './convert.js';
import { correctCommand } from './correct.js';
import { evalCommand } from './eval.js';
import { infoCommand } from './info.js';

export const commands: CliCommand[] = [
  convertCommand,
  infoCommand,
  correctCommand,
  evalCommand,
  benchCommand,
];
