/**
 * The real `neko` CLI, spawned as users run it (`npm run neko`: the launcher, which runs the bundle it
 * rebuilds when a source changed), on files in a temporary folder.
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures/formats');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function neko(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli/launch.mjs', ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NEKO_DEBUG: '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A failed run: a non-zero code and exactly one line on stderr, no stack trace. */
function expectOneLineError(run: Run, ...fragments: string[]): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /mu);
  for (const fragment of fragments) expect(lines[0]).toContain(fragment);
}

const cues = [
  'Hello and welcome.',
  'Today we talk about\nrecognition errors.',
  'Thanks — see you soon!',
];
const srt = cues
  .map(
    (text, index) =>
      `${index + 1}\r\n00:00:0${index},000 --> 00:00:0${index},900\r\n${text.replace('\n', '\r\n')}\r\n`,
  )
  .join('\r\n');

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'neko-cli-'));
  writeFileSync(join(folder, 'talk.srt'), srt);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('neko convert', () => {
  it('turns SRT into N-best JSONL and back with the same text, writing nothing on stdout', async () => {
    const jsonl = join(folder, 'talk.jsonl');
    const toJsonl = await neko('convert', join(folder, 'talk.srt'), '-o', jsonl);
    expect(toJsonl).toMatchObject({ code: 0, stdout: '' });
    const lines = readFileSync(jsonl, 'utf8').trimEnd().split('\n');
    const hypotheses = lines.map(
      (line) => (JSON.parse(line) as { hypotheses: string[] }).hypotheses[0],
    );
    expect(hypotheses).toEqual(cues);

    const back = join(folder, 'back.srt');
    expect((await neko('convert', jsonl, '-o', back)).code).toBe(0);
    const blocks = readFileSync(back, 'utf8').replace(/\r\n/gu, '\n').trim().split(/\n\n+/u);
    expect(blocks.map((block) => block.split('\n').slice(2).join('\n'))).toEqual(cues);
  });

  it('keeps the text of a WebVTT file with voices through JSONL', async () => {
    const jsonl = join(folder, 'edge.jsonl');
    expect((await neko('convert', join(fixtures, 'edge-cases.vtt'), '-o', jsonl)).code).toBe(0);
    const lines = readFileSync(jsonl, 'utf8').trimEnd().split('\n');
    const cueCount = readFileSync(join(fixtures, 'edge-cases.vtt'), 'utf8').split('-->').length - 1;
    expect(lines).toHaveLength(cueCount);
    const texts = lines.map(
      (line) => (JSON.parse(line) as { hypotheses: string[] }).hypotheses[0]!,
    );
    expect(texts[0]).toBe('Welcome to the quarterly review.');
    expect(texts[1]).toBe('Sales rose & costs fell\nby three percent.');

    const vtt = join(folder, 'edge.vtt');
    expect((await neko('convert', jsonl, '-o', vtt)).code).toBe(0);
    const again = join(folder, 'edge-again.jsonl');
    expect((await neko('convert', vtt, '-o', again)).code).toBe(0);
    const textsAgain = readFileSync(again, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { hypotheses: string[] }).hypotheses[0]);
    expect(textsAgain).toEqual(texts);
  });

  it('follows --to over the extension, and writes to stdout with -o -', async () => {
    const odd = join(folder, 'talk.out');
    expectOneLineError(
      await neko('convert', join(folder, 'talk.srt'), '-o', odd),
      'talk.out',
      '--to',
    );
    expect(existsSync(odd)).toBe(false);
    expect((await neko('convert', join(folder, 'talk.srt'), '-o', odd, '--to', 'text')).code).toBe(
      0,
    );
    expect(readFileSync(odd, 'utf8')).toContain('Hello and welcome.');

    const piped = await neko('convert', join(folder, 'talk.srt'), '-o', '-', '--to', 'vtt');
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('WEBVTT')).toBe(true);
    expect(piped.stderr).toBe('');
  });

  it('refuses to write over its input, also through a hard link', async () => {
    const input = join(folder, 'talk.srt');
    expectOneLineError(await neko('convert', input, '-o', input), 'input file');
    const linked = join(folder, 'linked.srt');
    linkSync(input, linked);
    expectOneLineError(await neko('convert', input, '-o', linked), 'input file');
    expect(readFileSync(input, 'utf8')).toBe(srt);
  });

  it('reports bad input in one line naming the file and place, and writes nothing', async () => {
    const output = join(folder, 'never.jsonl');
    const malformed = await neko('convert', join(fixtures, 'bad-malformed.srt'), '-o', output);
    expectOneLineError(malformed, 'bad-malformed.srt:');
    expect(malformed.stderr).toMatch(/bad-malformed\.srt:\d+/u);
    expectOneLineError(
      await neko('convert', join(fixtures, 'bad-binary.srt'), '-o', output),
      'bad-binary.srt',
      'byte',
    );
    expectOneLineError(
      await neko('convert', join(folder, 'absent.srt'), '-o', output),
      'absent.srt',
    );
    expect(existsSync(output)).toBe(false);
  });

  it('rejects a huge file by its size without reading it', async () => {
    const huge = join(folder, 'huge.srt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);
    const run = await neko('info', huge);
    expectOneLineError(run, 'huge.srt', 'too large');
    rmSync(huge);
  });

  it('reports bad arguments in one line', async () => {
    expectOneLineError(await neko('convert', join(folder, 'talk.srt')), '--output');
    expectOneLineError(
      await neko('convert', join(folder, 'talk.srt'), '-o', join(folder, 'x.srt'), '--to', 'pdf'),
    );
    expectOneLineError(
      await neko('convert', join(folder, 'talk.srt'), '-o', join(folder, 'no/such/dir.srt')),
      'does not exist',
    );
    expectOneLineError(await neko('convert', join(folder, 'talk.srt'), '-o', folder), 'folder');
  });

  it('notes progress on stderr for a big file and keeps stdout clean', async () => {
    const big = join(folder, 'big.txt');
    const paragraph =
      'the quick brown fox jumps over the lazy dog and keeps on running far away\n\n';
    writeFileSync(big, paragraph.repeat(Math.ceil((8.5 * 1024 * 1024) / paragraph.length)));
    const run = await neko('convert', big, '-o', join(folder, 'big.jsonl'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^neko: reading .*big\.txt \(8\.5 MB\)/u);
    expect(run.stderr).toMatch(/wrote .*big\.jsonl/u);
    rmSync(big);
  });
});

describe('neko info', () => {
  it('describes a transcript: format, counts, duration, speakers', async () => {
    const run = await neko('info', join(fixtures, 'edge-cases.vtt'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^format\s+vtt /mu);
    expect(run.stdout).toMatch(/^speakers\s+\d+ \(.*Anna.*Ben.*\)/mu);
    expect(run.stdout).toMatch(/^duration\s+0:00:\d\d\.\d{3}$/mu);
  });

  it('prints JSON facts for N-best lists', async () => {
    const run = await neko('info', '--json', join(fixtures, 'sample.nbest.jsonl'));
    expect(run.code).toBe(0);
    const facts = JSON.parse(run.stdout) as Record<string, unknown>;
    const lines = readFileSync(join(fixtures, 'sample.nbest.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(facts).toMatchObject({ format: 'nbest-jsonl', segments: lines.length });
    expect(facts.nbest).toMatchObject({ longest: 3 });
    const words = (await neko('info', join(folder, 'talk.srt'))).stdout.match(
      /^words\s+(\d+)$/mu,
    )?.[1];
    expect(Number(words)).toBe(cues.join(' ').split(/\s+/u).length);
  });
});
