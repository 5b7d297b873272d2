/**
 * `npm run fuzz [-- --cases N] [--seed S] [--formats srt,vtt] [--jobs J] [--out DIR]`: mutates the
 * format fixtures (test/fuzz/mutate.ts) and checks every input (test/fuzz/oracle.ts) in child
 * processes. A case that throws anything but the format's error naming file and place, does not
 * survive a write and read, uses more than 2 s of CPU on an input under 1 MB, or does not answer
 * within the hang limit (its process is killed) is a failure; failing inputs are written to DIR.
 * Exits 1 on any failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FormatId } from '../../src/formats/types.js';
import { FILE_NAMES, FUZZED_FORMATS, loadSeeds } from './oracle.js';
import { makeCase, type CaseReply, type CaseRequest } from './worker.js';

/** CPU time allowed to read and write an input under 1 MB (and per MB of what was written). */
export const SLOW_CPU_MS = 2000;
const MEGABYTE = 1024 * 1024;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface FuzzOptions {
  cases: number;
  seed: number;
  formats?: readonly FormatId[];
  jobs?: number;
  /** Wall time after which a case counts as hung and its process is killed. */
  hangMs?: number;
  /** Where failing inputs are written; nowhere when absent. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface FormatSummary {
  cases: number;
  parsed: number;
  refused: number;
  failures: number;
  maxCpuMs: number;
  totalCpuMs: number;
  largestBytes: number;
}

export interface Failure {
  request: CaseRequest;
  problem: string;
  message: string;
  recipe: string;
}

export interface FuzzReport {
  byFormat: Record<string, FormatSummary>;
  failures: Failure[];
  wallMs: number;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
}

function startWorker(): Worker {
  const child = fork(WORKER, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--stack-size=984'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.resume();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`fuzz worker exited with ${code} on start`)));
  });
  return { child, ready };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const formats = options.formats ?? FUZZED_FORMATS;
  const hangMs = options.hangMs ?? 20_000;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const queue: CaseRequest[] = [];
  for (let index = 0; index < options.cases; index++) {
    for (const format of formats) queue.push({ seed: options.seed, format, index });
  }
  const byFormat: Record<string, FormatSummary> = Object.fromEntries(
    formats.map((format) => [
      format,
      {
        cases: 0,
        parsed: 0,
        refused: 0,
        failures: 0,
        maxCpuMs: 0,
        totalCpuMs: 0,
        largestBytes: 0,
      },
    ]),
  );
  const failures: Failure[] = [];
  const total = queue.length;
  let done = 0;

  const record = (request: CaseRequest, reply: CaseReply | undefined, failure?: Failure) => {
    const summary = byFormat[request.format]!;
    summary.cases++;
    done++;
    if (reply) {
      summary.maxCpuMs = Math.max(summary.maxCpuMs, reply.timing.readWriteCpuMs);
      summary.totalCpuMs += reply.timing.readWriteCpuMs;
      summary.largestBytes = Math.max(summary.largestBytes, reply.bytes);
    }
    if (failure) {
      summary.failures++;
      failures.push(failure);
      log(
        `FAIL ${request.format} #${request.index} (${failure.recipe}): ${failure.problem}: ${failure.message}`,
      );
    } else if (reply?.outcome.kind === 'parsed') summary.parsed++;
    else summary.refused++;
    if (done % 1000 === 0) log(`${done}/${total} cases, ${failures.length} failures`);
  };

  const lane = async () => {
    let worker = startWorker();
    await worker.ready;
    for (let request = queue.shift(); request; request = queue.shift()) {
      const current = request;
      const reply = await new Promise<CaseReply | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), hangMs);
        const onMessage = (message: CaseReply) => finish(message);
        const onExit = () => finish(undefined);
        const finish = (message: CaseReply | undefined) => {
          clearTimeout(timer);
          worker.child.off('message', onMessage);
          worker.child.off('exit', onExit);
          resolve(message);
        };
        worker.child.on('message', onMessage);
        worker.child.once('exit', onExit);
        worker.child.send(current);
      });
      if (!reply) {
        // Hung or died (a crash the process could not catch): note it, then start afresh.
        const died = worker.child.exitCode !== null || worker.child.signalCode !== null;
        worker.child.kill('SIGKILL');
        record(current, undefined, {
          request: current,
          problem: died ? 'worker process died' : `no answer within ${hangMs} ms (hang)`,
          message: '',
          recipe: '',
        });
        worker = startWorker();
        await worker.ready;
        continue;
      }
      const { outcome } = reply;
      const { readWriteCpuMs, rereadCpuMs, writtenBytes } = reply.timing;
      const slowRead = readWriteCpuMs > SLOW_CPU_MS && reply.bytes < MEGABYTE;
      const slowReread = rereadCpuMs > SLOW_CPU_MS * Math.max(1, writtenBytes / MEGABYTE);
      const failure: Failure | undefined =
        outcome.kind === 'failure'
          ? {
              request: current,
              problem: outcome.problem,
              message: outcome.message,
              recipe: reply.recipe,
            }
          : slowRead || slowReread
            ? {
                request: current,
                problem: 'slow',
                message: slowRead
                  ? `${Math.round(readWriteCpuMs)} ms of CPU to read and write ${reply.bytes} bytes`
                  : `${Math.round(rereadCpuMs)} ms of CPU to read back ${writtenBytes} bytes`,
                recipe: reply.recipe,
              }
            : undefined;
      record(current, reply, failure);
    }
    worker.child.kill();
  };

  const jobs = Math.max(1, options.jobs ?? Math.min(2, availableParallelism()));
  await Promise.all(Array.from({ length: jobs }, lane));

  if (options.outDir && failures.length) {
    mkdirSync(options.outDir, { recursive: true });
    const seeds = loadSeeds();
    for (const failure of failures.slice(0, 200)) {
      const { format, index } = failure.request;
      const name = `${format}-${index}-${FILE_NAMES[format]}`;
      writeFileSync(`${options.outDir}/${name}`, makeCase(seeds, failure.request).bytes);
    }
  }
  return { byFormat, failures, wallMs: performance.now() - started };
}

export function formatReport(report: FuzzReport, options: FuzzOptions): string {
  const lines = [
    `seed ${options.seed}, ${options.cases} cases per format, ${(report.wallMs / 1000).toFixed(0)} s`,
    'format        cases  parsed  refused  failures  max CPU ms  mean CPU ms  largest input',
    '(CPU: reading and writing one input, as neko convert does)',
  ];
  for (const [format, summary] of Object.entries(report.byFormat)) {
    lines.push(
      [
        format.padEnd(12),
        String(summary.cases).padStart(6),
        String(summary.parsed).padStart(7),
        String(summary.refused).padStart(8),
        String(summary.failures).padStart(9),
        summary.maxCpuMs.toFixed(0).padStart(11),
        (summary.totalCpuMs / Math.max(1, summary.cases)).toFixed(1).padStart(12),
        `${summary.largestBytes} B`.padStart(14),
      ].join(' '),
    );
  }
  const problems = new Map<string, number>();
  for (const failure of report.failures)
    problems.set(failure.problem, (problems.get(failure.problem) ?? 0) + 1);
  for (const [problem, count] of problems) lines.push(`  ${count} × ${problem}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      formats: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string', default: 'test/artifacts/fuzz' },
    },
  });
  const options: FuzzOptions = {
    cases: Number(values.cases),
    seed: Number(values.seed),
    formats: values.formats?.split(',') as FormatId[] | undefined,
    jobs: values.jobs ? Number(values.jobs) : undefined,
    outDir: values.out,
    log: (line) => console.error(line),
  };
  const report = await runFuzz(options);
  console.log(formatReport(report, options));
  if (report.failures.length) {
    console.log(
      `failing inputs: ${options.outDir}/ (replay: --seed ${options.seed}, format and index)`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
