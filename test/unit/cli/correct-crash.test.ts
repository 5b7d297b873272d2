/**
 * `neko correct` when the corrector's process keeps dying: the real CLI in its own process, whose
 * corrector processes are killed from outside (SIGKILL, as the kernel's out-of-memory killer would)
 * once the correction has started, the first and the restarted one. It must end as a user error
 * with its own exit code and no output file, not as exit 70 "internal error".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXIT_CORRECTOR_CRASHED } from '../../../src/cli/program.js';

const root = new URL('../../../', import.meta.url).pathname;
const tinyModel = join(root, 'test/fixtures/models/tiny-random');
const scratch = mkdtempSync(join(tmpdir(), 'neko-correct-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Process ids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // Field 4 of /proc/PID/stat is the parent; the name in field 2 may hold spaces, so split after ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

it(
  'ends with exit 3 and a clear message when the corrector crashes twice',
  { timeout: 120_000 },
  async () => {
    const input = join(scratch, 'lists.jsonl');
    const output = join(scratch, 'corrected.jsonl');
    const lines = Array.from({ length: 3000 }, (_, index) =>
      JSON.stringify({
        id: `u${index}`,
        hypotheses: [`line number ${index} of the meeting notes`],
      }),
    );
    writeFileSync(input, `${lines.join('\n')}\n`);

    const cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'correct',
        input,
        '-o',
        output,
        '--model',
        tinyModel,
        '--device',
        'cpu',
      ],
      {
        cwd: root,
        env: { ...process.env, NEKO_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killed = new Set<number>();
    const killer = setInterval(() => {
      // Only once the model is loaded and the correction is under way.
      if (!stderr.includes('correcting with')) return;
      for (const child of childrenOf(cli.pid!)) {
        if (killed.has(child)) continue;
        killed.add(child);
        try {
          process.kill(child, 'SIGKILL');
        } catch {
          // It ended by itself in the meantime.
        }
      }
    }, 50);
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    clearInterval(killer);

    expect(killed.size, stderr).toBeGreaterThanOrEqual(2);
    expect(code, stderr).toBe(EXIT_CORRECTOR_CRASHED);
    const message = stderr.trim().split('\n').at(-1)!;
    expect(message).toMatch(/^neko: the corrector's process crashed twice \(.*SIGKILL\)/);
    expect(message).toContain('no output was written');
    expect(stderr).not.toContain('internal error');
    expect(existsSync(output)).toBe(false);
  },
);
