import { Command, CommanderError } from 'commander';
import type { CliIo } from './context.js';
import { commands } from './commands/index.js';
import { userErrorMessage } from './errors.js';

export function createProgram(io: CliIo): Command {
  const program = new Command('neko')
    .description('NeKo Studio on the command line: convert, inspect and correct recognizer output')
    .exitOverride()
    // A command's options belong to it, not to its parent: `neko batch status --queue …`.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const command of commands) command.register(program, io);
  return program;
}

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 for bad input or arguments (one line on
 * stderr, never a stack trace), 70 for an internal error (a bug; NEKO_DEBUG=1 shows the stack).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = userErrorMessage(error);
    if (message !== undefined) {
      io.stderr.write(`neko: ${message}\n`);
      return 1;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `neko: internal error: ${detail.split('\n', 1)[0]} (NEKO_DEBUG=1 shows details)\n`,
    );
    if (process.env.NEKO_DEBUG && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return 70;
  }
}
