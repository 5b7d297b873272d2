/**
 * `npm run bench:batch`: words/s of `neko batch` on this machine, embedded and on a private Redis
 * queue with 1 and 2 workers, on the `neko bench` meeting (9,000 words) cut into 24 SRT documents,
 * with the shipped model on CPU. It prints figures and asserts nothing (a benchmark, not a test).
 *
 *   npm run bench:batch [-- --words 9000 --documents 24 --model DIR]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMeeting } from '../../src/cli/commands/bench.js';
import { formatById } from '../../src/formats/registry.js';
import { startRedis } from '../e2e/redis.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '9000' },
    documents: { type: 'string', default: '24' },
    model: { type: 'string', default: join(ROOT, 'assets/models/neko-small') },
  },
});
const documentCount = Number(values.documents);
const scratch = mkdtempSync(join(tmpdir(), 'neko-bench-batch-'));

function makeDocuments(): string[] {
  const segments = buildMeeting(Number(values.words));
  const per = Math.ceil(segments.length / documentCount);
  const folder = join(scratch, 'in');
  mkdirSync(folder);
  const srt = formatById('srt');
  const paths: string[] = [];
  for (let index = 0; index < documentCount; index++) {
    const part = segments.slice(index * per, (index + 1) * per);
    if (part.length === 0) break;
    const path = join(folder, `meeting-${String(index).padStart(2, '0')}.srt`);
    writeFileSync(
      path,
      srt.serialize({
        version: 1,
        kind: 'transcript',
        task: 'asr',
        title: `meeting ${index}`,
        source: { format: 'srt', name: path },
        segments: part,
      }),
    );
    paths.push(path);
  }
  return paths;
}

function run(args: string[], onLine?: (text: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const take = (chunk: Buffer): void => {
    output += chunk.toString();
    onLine?.(output);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<string>((done) => child.on('exit', () => done(output)));
  return { child, exited };
}

/** The batch's own summary: words corrected this run, seconds from queuing to the last result. */
function summary(output: string): { words: number; seconds: number } {
  const match = / (\d+) words corrected in ([\d.]+) s/u.exec(output);
  if (!match) throw new Error(`no summary in:\n${output}`);
  return { words: Number(match[1]), seconds: Number(match[2]) };
}

async function main(): Promise<void> {
  const documents = makeDocuments();
  const model = values.model!;
  const cores = availableParallelism();
  console.log(`${documents.length} SRT documents, model ${model}, ${cores} cores`);
  const rows: string[] = [];
  const report = (label: string, output: string): void => {
    const { words, seconds } = summary(output);
    rows.push(
      `${label}: ${words} words in ${seconds.toFixed(1)} s = ${Math.round(words / seconds)} words/s, ` +
        `${(documents.length / seconds).toFixed(2)} documents/s`,
    );
    console.log(rows.at(-1));
  };

  const embedded = await run([
    'batch',
    ...documents,
    '-o',
    join(scratch, 'out-embedded'),
    '--model',
    model,
    '--device',
    'cpu',
  ]).exited;
  report(`embedded (${cores} threads)`, embedded);

  const redis = await startRedis();
  try {
    for (const workerCount of [1, 2]) {
      const threads = Math.max(1, Math.floor(cores / workerCount));
      const workers = Array.from({ length: workerCount }, () => {
        let ready = (): void => undefined;
        const serving = new Promise<void>((done) => (ready = done));
        const worker = run(
          [
            'worker',
            '--queue',
            redis.url,
            '--model',
            model,
            '--device',
            'cpu',
            '--threads',
            String(threads),
          ],
          (output) => {
            if (output.includes('serving ')) ready();
          },
        );
        return { ...worker, serving };
      });
      await Promise.all(workers.map((worker) => worker.serving));
      const output = await run([
        'batch',
        ...documents,
        '-o',
        join(scratch, `out-${workerCount}`),
        '--queue',
        redis.url,
        '--model',
        model,
        '--device',
        'cpu',
      ]).exited;
      report(`queue, ${workerCount} worker(s) x ${threads} threads`, output);
      for (const worker of workers) {
        process.kill(-worker.child.pid!, 'SIGTERM');
        await worker.exited;
      }
    }
  } finally {
    await redis.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(rows.join('\n'));
}

await main();
