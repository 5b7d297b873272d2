/**
 * `neko batch` without a queue (the embedded default) against `neko correct`, with the shipped model
 * so that the outputs hold real edits; and the pieces every batch relies on: job ids, output names,
 * planning (bad input named, never queued), queue URLs, and a worker's refusal of another model's job.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neko } from '../cli/run-neko.js';
import { planBatch } from '../../../src/batch/batch.js';
import {
  jobIdFor,
  outputNameFor,
  PermanentJobError,
  runDocumentJob,
  type DocumentJob,
} from '../../../src/batch/job.js';
import { identifyModel } from '../../../src/batch/model-hash.js';
import { parseQueueUrl, QueueError } from '../../../src/batch/redis.js';
import { HostCorrectorClient } from '../../../src/corrector/host/client.js';
import { parseDocument } from '../../../src/formats/registry.js';

const root = new URL('../../../', import.meta.url).pathname;
const tinyModel = join(root, 'test/fixtures/models/tiny-random');
const shippedModel = join(root, 'assets/models/neko-small');
const scratch = mkdtempSync(join(tmpdir(), 'neko-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Recognizer output with errors the shipped model corrects (a doubled word, lower-case names). */
const inputs: Record<string, string> = {
  'talk.srt':
    '1\n00:00:00,000 --> 00:00:02,000\nwe met on tuesday to discus the the budget\n\n' +
    '2\n00:00:02,000 --> 00:00:04,000\ni think there going to approve it next weak\n',
  'asr.jsonl':
    '{"id":"u1","hypotheses":["the whether is nice to day","the weather is nice to day"]}\n' +
    '{"id":"u2","hypotheses":["i red the book last night"]}\n',
  'essay.txt': 'She go to school every days.\nThe recieved letter was send yesterday\n',
};

function writeInputs(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return Object.entries(inputs).map(([name, content]) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  });
}

describe('neko batch, embedded', () => {
  it('writes what neko correct writes, byte for byte, and a second run adds nothing', async () => {
    const files = writeInputs(join(scratch, 'in'));
    const bad = join(scratch, 'in', 'broken.srt');
    writeFileSync(bad, '1\n00:00:00,000 --> 00:00:02,000\nfine\n\n2\nnot a time line\nx\n');
    const outDir = join(scratch, 'out');
    const baseline = join(scratch, 'baseline');
    mkdirSync(baseline);
    for (const file of files) {
      const name = file.split('/').pop()!;
      const run = await neko('correct', file, '-o', join(baseline, name), '--device', 'cpu');
      expect(run.code, run.stderr).toBe(0);
    }
    const sources = files.map((file) => readFileSync(file));

    const first = await neko('batch', ...files, bad, '-o', outDir, '--device', 'cpu');
    expect(first.code).toBe(1);
    // The bad file is named with its line; the others are done.
    expect(first.stderr).toMatch(/failed: .*broken\.srt:6/u);
    expect(first.stderr).toContain('3 of 4 documents done (3 this run, 0 already done)');
    expect(first.stderr).toMatch(/1 of 4 documents failed: .*broken\.srt/u);
    let edited = 0;
    for (const file of files) {
      const name = file.split('/').pop()!;
      const written = readFileSync(join(outDir, name));
      expect(written.equals(readFileSync(join(baseline, name))), name).toBe(true);
      const original = parseDocument(readFileSync(file, 'utf8'), file).document;
      const text = written.toString('utf8');
      const segments = name.endsWith('.jsonl')
        ? text
            .trim()
            .split('\n')
            .map((line) => (JSON.parse(line) as { text: string }).text)
        : parseDocument(text, name).document.segments.map((segment) => segment.text);
      edited += segments.filter(
        (segment, index) => segment !== original.segments[index]!.source,
      ).length;
    }
    // Outputs equal to their inputs would make the comparison above say little.
    expect(edited).toBeGreaterThan(0);
    expect(readdirSync(outDir).sort()).toEqual([
      '.neko-batch',
      'asr.jsonl',
      'essay.txt',
      'talk.srt',
    ]);
    // Sources untouched, no temporary files left.
    files.forEach((file, index) => expect(readFileSync(file).equals(sources[index]!)).toBe(true));
    expect(readdirSync(outDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = await neko('batch', ...files, '-o', outDir, '--device', 'cpu');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('3 of 3 documents done (0 this run, 3 already done)');

    // A changed input is a new job: only it is corrected again.
    writeFileSync(files[2]!, 'She go to school every days.\n');
    const third = await neko('batch', ...files, '-o', outDir, '--device', 'cpu');
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('3 of 3 documents done (1 this run, 2 already done)');
  }, 300_000);

  it('refuses two inputs that would write one output, and an output that is an input', async () => {
    const a = join(scratch, 'a');
    const b = join(scratch, 'b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(join(a, 'same.txt'), 'one line\n');
    writeFileSync(join(b, 'same.txt'), 'another line\n');
    const twice = await neko('batch', join(a, 'same.txt'), join(b, 'same.txt'), '-o', scratch);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/same\.txt and .*same\.txt would both be written to/u);
    const over = await neko('batch', join(a, 'same.txt'), '-o', a);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('is an input; choose another output folder');
    expect(readFileSync(join(a, 'same.txt'), 'utf8')).toBe('one line\n');
  });
});

describe('batch pieces', () => {
  const job: DocumentJob = {
    input: '/data/in/talk.srt',
    output: '/data/out/talk.srt',
    inputSha256: 'a'.repeat(64),
    modelHash: 'b'.repeat(64),
    device: 'cpu',
    decoding: 'aggressive',
    minConfidence: 0,
    words: 10,
    segments: 2,
  };

  it('gives a job the same id every time, and another id when anything that matters changes', () => {
    expect(jobIdFor(job)).toBe(jobIdFor({ ...job }));
    expect(jobIdFor(job)).toMatch(/^doc-[0-9a-f]{40}$/u);
    const changes: Partial<DocumentJob>[] = [
      { inputSha256: 'c'.repeat(64) },
      { modelHash: 'c'.repeat(64) },
      { device: 'cuda' },
      { decoding: 'greedy' },
      { minConfidence: 0.6 },
      { to: 'vtt' },
      { task: 'text' },
      { output: '/data/other/talk.srt' },
    ];
    for (const change of changes) expect(jobIdFor({ ...job, ...change })).not.toBe(jobIdFor(job));
    // The counts only feed the progress line.
    expect(jobIdFor({ ...job, words: 99 })).toBe(jobIdFor(job));
  });

  it("names an output after its input, with --to's extension", () => {
    expect(outputNameFor('/x/talk.srt', undefined)).toBe('talk.srt');
    expect(outputNameFor('/x/page.hocr', 'alto')).toBe('page.xml');
    expect(outputNameFor('/x/project.neko.json', 'srt')).toBe('project.srt');
    expect(outputNameFor('/x/README', 'text')).toBe('README.txt');
  });

  it('plans readable documents and names each bad one with its place', async () => {
    const folder = join(scratch, 'plan');
    const files = writeInputs(folder);
    writeFileSync(join(folder, 'empty.vtt'), '');
    writeFileSync(join(folder, 'bad.jsonl'), '{"id":"a","hypotheses":["x"]}\n{"id":\n');
    const plan = await planBatch({
      inputs: [
        ...files,
        join(folder, 'empty.vtt'),
        join(folder, 'bad.jsonl'),
        join(folder, 'gone.srt'),
      ],
      outDir: join(scratch, 'plan-out'),
      minConfidence: 0,
      decoding: 'aggressive',
      device: 'cpu',
    });
    expect(plan.documents.map((document) => document.input)).toEqual(files);
    expect(plan.documents.map((document) => document.words)).toEqual([18, 12, 12]);
    expect(plan.failures.map((failure) => failure.message)).toEqual([
      expect.stringMatching(/empty\.vtt \(byte 0\): empty file/u),
      expect.stringMatching(/bad\.jsonl:2/u),
      expect.stringMatching(/gone\.srt: no such file/u),
    ]);
  });

  it('reads queue URLs and refuses what is not one', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380')).toMatchObject({ host: '10.0.0.5', port: 6380 });
    expect(parseQueueUrl('redis://:secret@queue.lan/2')).toMatchObject({
      host: 'queue.lan',
      port: 6379,
      db: 2,
      password: 'secret',
    });
    expect(() => parseQueueUrl('http://queue.lan')).toThrow(QueueError);
    expect(() => parseQueueUrl('queue.lan:6379')).toThrow(/redis:\/\/HOST:PORT/u);
  });

  it('says why a queue cannot be reached, in one line', async () => {
    // Port 1 takes no connections here (binding it needs root, and nothing does).
    const run = await neko('batch', 'status', '--queue', 'redis://127.0.0.1:1');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'neko: cannot reach redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n',
    );
  });

  it('hashes the model files: two models differ, the same model is stable', async () => {
    const tiny = await identifyModel(tinyModel);
    expect(tiny.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect((await identifyModel(tinyModel)).hash).toBe(tiny.hash);
    expect((await identifyModel(shippedModel)).hash).not.toBe(tiny.hash);
  });

  it('refuses a job made for another model, or a file changed since it was queued', async () => {
    const tiny = await identifyModel(tinyModel);
    const input = join(scratch, 'refuse.txt');
    writeFileSync(input, 'a line\n');
    // The checks come before the engine is asked anything: this client never starts a host.
    const engine = {
      client: new HostCorrectorClient({ modelDirectory: tinyModel }),
      model: 'tiny-random',
      modelHash: tiny.hash,
      device: 'cpu' as const,
      request: 'cpu' as const,
    };
    const queued = { ...job, input, output: join(scratch, 'refuse-out.txt') };
    const other = runDocumentJob(engine, 'doc-1', { ...queued, modelHash: 'f'.repeat(64) });
    await expect(other).rejects.toThrow(PermanentJobError);
    await expect(other).rejects.toThrow(
      /queued for model ffffffffffffffff, but this worker runs tiny-random/u,
    );
    const changed = runDocumentJob(engine, 'doc-2', { ...queued, modelHash: tiny.hash });
    await expect(changed).rejects.toThrow(/refuse\.txt: changed since it was queued/u);
    const gpu = runDocumentJob(engine, 'doc-3', {
      ...queued,
      modelHash: tiny.hash,
      device: 'cuda',
    });
    await expect(gpu).rejects.toThrow(/queued for cuda, but this worker runs on cpu/u);
  });
});
