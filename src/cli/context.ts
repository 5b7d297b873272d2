import type { Command } from 'commander';

/** Where a command writes; the real process streams, or buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * One `neko` subcommand, in its own file under src/cli/commands/ and listed in commands/index.ts.
 * `register` adds it to the program; its action may throw FormatError or UserError for bad input.
 */
export interface CliCommand {
  name: string;
  register(program: Command, io: CliIo): void;
}
