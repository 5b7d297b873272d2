/** The `neko` command: `npm run neko -- <command> …` (see `npm run neko -- --help`). */
import { runCli } from './program.js';

// Piping into `head` closes stdout early; that is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
