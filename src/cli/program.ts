import { Command, CommanderError } from 'commander';
import { CorrectorCrashError } from '../corrector/host/client.js';
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

/** Exit codes, as README.md lists them. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
/** The corrector's process crashed again after its restart: memory, device or model, not a bug. */
export const EXIT_CORRECTOR_CRASHED = 3;
export const EXIT_INTERNAL_ERROR = 70;

/**
 * Runs the CLI and returns its exit code: 0 on success, 1 for bad input or arguments (one line on
 * stderr, never a stack trace), 3 when the corrector's process crashed twice, 70 for an internal
 * error (a bug; NEKO_DEBUG=1 shows the stack).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CorrectorCrashError) {
      io.stderr.write(
        `neko: the corrector's process crashed twice (${error.reason}); no output was written. ` +
          'Run it again; if it keeps crashing, it may be short of memory: try --device cpu or a smaller input\n',
      );
      return EXIT_CORRECTOR_CRASHED;
    }
    const message = userErrorMessage(error);
    if (message !== undefined) {
      io.stderr.write(`neko: ${message}\n`);
      return EXIT_USER_ERROR;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `neko: internal error: ${detail.split('\n', 1)[0]} (NEKO_DEBUG=1 shows details)\n`,
    );
    if (process.env.NEKO_DEBUG && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}
