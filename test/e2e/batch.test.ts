/**
 * `neko batch` on a real queue: a private redis-server, three `neko worker` processes and the batch
 * command, as users run them. About fifty small documents of every format are corrected once with
 * `neko correct` (the baseline), then through the queue while one worker's whole process group is
 * killed as soon as its first job starts. Every document must be done exactly once, byte-identical
 * to the baseline, and queuing the same batch again must add no job. The tiny random model keeps
 * this quick; the unit tests compare with the shipped model's real edits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neko } from '../unit/cli/run-neko.js';
import { identifyModel } from '../../src/batch/model-hash.js';
import { queueNameFor } from '../../src/batch/redis.js';
import type { DocumentJobResult } from '../../src/batch/job.js';
import { formatById, formats, parseDocument } from '../../src/formats/registry.js';
import type { FormatId } from '../../src/formats/types.js';
import { ROOT } from './harness.js';
import { startRedis, type TestRedis } from './redis.js';

const tinyModel = join(ROOT, 'test/fixtures/models/tiny-random');
const fixtures = join(ROOT, 'test/fixtures/formats');
const scratch = mkdtempSync(join(tmpdir(), 'neko-batch-e2e-'));
const inDir = join(scratch, 'in');
const baseDir = join(scratch, 'baseline');
const outDir = join(scratch, 'out');

/** One fixture per format; the project format is made from the SRT one. */
const FIXTURES: Record<FormatId, string> = {
  srt: 'edge-cases.srt',
  vtt: 'edge-cases.vtt',
  'whisper-json': 'openai-whisper.json',
  'nbest-jsonl': 'sample.nbest.jsonl',
  hocr: 'memo.hocr',
  alto: 'memo.alto.xml',
  text: 'paragraphs.txt',
  neko: 'edge-cases.srt',
};
const VARIANTS = 6;
const EXTRA = ['minutes', 'budget', 'quarter', 'review', 'agenda', 'notes', 'page', 'report'];

/** VARIANTS documents per format, each fixture with words added to its lines so that all differ. */
function makeDocuments(): string[] {
  mkdirSync(inDir, { recursive: true });
  const paths: string[] = [];
  for (const format of formats) {
    const fixture = join(fixtures, FIXTURES[format.id]);
    const { document } = parseDocument(readFileSync(fixture, 'utf8'), fixture);
    const stem = FIXTURES[format.id].replace(/\..*$/u, '');
    for (let variant = 0; variant < VARIANTS; variant++) {
      const segments = document.segments.map((segment, index) => {
        const text = `${segment.text} ${EXTRA[(variant + index) % EXTRA.length]} ${variant}`;
        return { ...segment, source: text, text, words: undefined };
      });
      const path = join(inDir, `${stem}-${variant}${format.extensions[0]}`);
      writeFileSync(path, formatById(format.id).serialize({ ...document, segments }));
      // Each must read back in its own format, or the test would not cover that format.
      expect(parseDocument(readFileSync(path, 'utf8'), path).format.id).toBe(format.id);
      paths.push(path);
    }
  }
  return paths;
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
}

/** The real CLI in its own process group (so that killing the group takes its corrector too). */
function spawnNeko(args: string[]): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEKO_DEBUG: '1' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((done) =>
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : -1))),
  );
  return { child, output: () => output, exited };
}

async function waitFor(what: string, test: () => boolean, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

let redis: TestRedis;

/** `neko batch`'s options for the test's queue: outputs in OUTDIR, the tiny model, on the CPU. */
function onQueue(outDir: string): string[] {
  return ['-o', outDir, '--queue', redis.url, '--model', tinyModel, '--device', 'cpu'];
}
const workers: Spawned[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 30_000);

afterAll(async () => {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      process.kill(-worker.child.pid!, 'SIGKILL');
      await worker.exited;
    }
  }
  await redis?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

describe('neko batch with three workers on a queue', () => {
  it('finishes every document exactly once, byte-identical to neko correct, after a worker is killed', async () => {
    const documents = makeDocuments();
    expect(documents).toHaveLength(formats.length * VARIANTS);

    // The baseline: `neko correct` on each document, three at a time.
    mkdirSync(baseDir);
    const queue = [...documents];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const name = file.split('/').pop()!;
          const run = await neko(
            'correct',
            file,
            '-o',
            join(baseDir, name),
            '--model',
            tinyModel,
            '--device',
            'cpu',
            '-q',
          );
          expect(run.code, run.stderr).toBe(0);
        }
      }),
    );

    const workerArgs = [
      'worker',
      '--queue',
      redis.url,
      '--model',
      tinyModel,
      '--device',
      'cpu',
      '--threads',
      '1',
      '--lock-seconds',
      '4',
    ];
    for (let index = 0; index < 3; index++) workers.push(spawnNeko(workerArgs));
    await waitFor(
      'three workers',
      () => workers.every((w) => w.output().includes('serving neko-batch.')),
      90,
    );

    const started = performance.now();
    const batch = spawnNeko(['batch', ...documents, ...onQueue(outDir)]);
    // Kill the first worker's whole process group (node and its corrector) once its first job starts.
    const victim = workers[0]!;
    await waitFor(
      'the first worker to start a job',
      () => / started doc-/u.test(victim.output()),
      120,
    );
    process.kill(-victim.child.pid!, 'SIGKILL');
    await victim.exited;
    const killedInput = / started doc-\S+ (\S+) /u.exec(victim.output())![1]!;

    const code = await batch.exited;
    const seconds = (performance.now() - started) / 1000;
    expect(code, batch.output()).toBe(0);
    expect(batch.output()).toContain(
      `${documents.length} of ${documents.length} documents done (${documents.length} this run, 0 already done), 0 failed`,
    );
    // A figure, not a check: the speed of this run on this machine.
    console.log(
      `batch e2e: ${documents.length} documents with 3 workers (one killed) in ${seconds.toFixed(1)} s`,
    );

    // Every output byte-identical to neko correct's.
    const names = documents.map((file) => file.split('/').pop()!);
    for (const name of names) {
      expect(readFileSync(join(outDir, name)).equals(readFileSync(join(baseDir, name))), name).toBe(
        true,
      );
    }
    expect(
      readdirSync(outDir)
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual([...names].sort());

    // Done exactly once: one record and one completed job per document, one "done" line each.
    const records = readdirSync(join(outDir, '.neko-batch')).map(
      (name) =>
        JSON.parse(readFileSync(join(outDir, '.neko-batch', name), 'utf8')) as DocumentJobResult,
    );
    expect(records.map((record) => record.input).sort()).toEqual([...documents].sort());
    expect(records.every((record) => record.device === 'cpu')).toBe(true);
    const doneLines = workers.flatMap((worker) => worker.output().match(/ done \S+:/gu) ?? []);
    expect(doneLines.sort()).toEqual(documents.map((file) => ` done ${file}:`).sort());
    // The killed worker's job was finished by another worker.
    const killedRecord = records.find((record) => record.input === killedInput)!;
    expect(killedRecord.worker).not.toMatch(new RegExp(`:${victim.child.pid}$`, 'u'));
    const model = await identifyModel(tinyModel);
    const queueName = queueNameFor(model.hash, 'cpu');
    const bull = new Queue(queueName, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const counts = await bull.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
      expect(counts).toMatchObject({
        completed: documents.length,
        failed: 0,
        waiting: 0,
        active: 0,
        delayed: 0,
      });

      // The same batch again adds no job and corrects nothing.
      const again = await neko('batch', ...documents, ...onQueue(outDir));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`queued 0 of ${documents.length} documents`);
      expect(again.stderr).toContain(`(0 this run, ${documents.length} already done)`);
      expect(await bull.count()).toBe(0);
      expect((await bull.getJobCounts('completed')).completed).toBe(documents.length);

      // A bad input is named in the failure list; it is never queued.
      const bad = join(scratch, 'broken.vtt');
      writeFileSync(bad, 'WEBVTT\n\n00:00:01.000 --> nonsense\nhello\n');
      const withBad = await neko('batch', documents[0]!, bad, ...onQueue(outDir));
      expect(withBad.code).toBe(1);
      expect(withBad.stderr).toMatch(/failed: .*broken\.vtt:3/u);
      expect(withBad.stderr).toMatch(/1 of 2 documents failed: .*broken\.vtt/u);

      // A job made for another model is refused by the workers, and `status` names it.
      const input = join(inDir, readdirSync(inDir)[0]!);
      await bull.add(
        'correct',
        {
          input,
          output: join(scratch, 'never-written'),
          inputSha256: '0'.repeat(64),
          modelHash: 'f'.repeat(64),
          device: 'cpu',
          decoding: 'aggressive',
          minConfidence: 0,
          words: 1,
          segments: 1,
        },
        { jobId: 'doc-other-model', attempts: 3 },
      );
      const refusals = (): number =>
        workers.reduce(
          (sum, w) => sum + (w.output().match(/ failed \S+: queued for model/gu) ?? []).length,
          0,
        );
      await waitFor('the refusal', () => refusals() === 1, 60);
      const refused = await bull.getJob('doc-other-model');
      expect(refused!.failedReason).toMatch(
        /queued for model ffffffffffffffff, but this worker runs tiny-random/u,
      );
      // Refused at once: another try could not help.
      expect(refused!.attemptsMade).toBe(1);
      const status = await neko('batch', 'status', '--queue', redis.url);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(
        `${queueName}: 0 waiting, 0 active, 0 delayed, ${documents.length} completed, 1 failed`,
      );
      expect(status.stdout).toMatch(/failed: .* queued for model ffffffffffffffff/u);
      const retried = await neko('batch', 'retry-failed', '--queue', redis.url);
      expect(retried.stdout).toContain('1 jobs retried');
      await waitFor('the second refusal', () => refusals() === 2, 60);
    } finally {
      await bull.close();
    }
  }, 600_000);

  it('refuses a Redis that may evict jobs', async () => {
    const admin = new Redis({ host: '127.0.0.1', port: redis.port });
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const run = await neko('batch', 'status', '--queue', redis.url);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('has maxmemory-policy allkeys-lru');
      expect(run.stderr).toContain('set it to noeviction');
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  });
});
