import { runCli } from '../../../src/cli/program.js';

export interface NekoRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `neko ARGS…` in this process, as the CLI would, and keeps what it wrote. */
export async function neko(...args: string[]): Promise<NekoRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
