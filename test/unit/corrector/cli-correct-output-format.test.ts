/**
 * `neko correct -o FILE` writes the format FILE's extension names (or `--to`), as `convert` does, so
 * that `-o meeting.srt` never holds Whisper JSON. The tiny random model keeps every source text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/program.js';
import { detectFormat, parseDocument } from '../../../src/formats/registry.js';

const root = new URL('../../../', import.meta.url).pathname;
const tinyModel = join(root, 'test/fixtures/models/tiny-random');
const meeting = join(root, 'assets/samples/meeting.whisper.json');
const scratch = mkdtempSync(join(tmpdir(), 'neko-correct-to-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function correct(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(
    ['correct', meeting, '--model', tinyModel, '--device', 'cpu', '--quiet', ...args],
    { stdout: { write: () => undefined }, stderr: { write: (text: string) => (stderr += text) } },
  );
  return { code, stderr };
}

const original = parseDocument(readFileSync(meeting, 'utf8'), meeting).document;
const timesOf = (segments: readonly { start?: number; end?: number }[]) =>
  segments.map(({ start, end }) => [start, end]);

describe('neko correct: the output format', () => {
  it("follows the output file's extension", async () => {
    const output = join(scratch, 'meeting.srt');
    const run = await correct('-o', output);
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(output, 'utf8');
    expect(detectFormat(written, output).id).toBe('srt');
    const reread = parseDocument(written, output, 'srt').document;
    expect(reread.segments).toHaveLength(original.segments.length);
    expect(timesOf(reread.segments)).toEqual(timesOf(original.segments));
  });

  it('is the input format when the extension names none', async () => {
    const output = join(scratch, 'meeting.corrected');
    const run = await correct('-o', output);
    expect(run.code, run.stderr).toBe(0);
    expect(parseDocument(readFileSync(output, 'utf8'), output).format.id).toBe('whisper-json');
  });

  it('is what --to names, whatever the extension', async () => {
    const output = join(scratch, 'meeting.out.json');
    const run = await correct('-o', output, '--to', 'vtt');
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(output, 'utf8').startsWith('WEBVTT')).toBe(true);
  });

  it('refuses a --min-confidence outside 0 to 1 before writing anything', async () => {
    const output = join(scratch, 'never.srt');
    const run = await correct('-o', output, '--min-confidence', '1.5');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--min-confidence must be a number from 0 to 1, not "1.5"');
    expect(() => readFileSync(output)).toThrow();
  });
});
