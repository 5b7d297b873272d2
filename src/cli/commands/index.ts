/** The `neko` subcommands, one file each; a new command is one more entry here. */
import type { CliCommand } from '../context.js';
import { convertCommand } from './convert.js';
import { infoCommand } from './info.js';

export const commands: CliCommand[] = [convertCommand, infoCommand];
