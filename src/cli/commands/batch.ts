import { Option, type Command } from 'commander';
import {
  planBatch,
  queueStatus,
  retryFailed,
  runEmbedded,
  runQueued,
  type BatchOutcome,
  type BatchProgress,
  type BatchRequest,
} from '../../batch/batch.js';
import { QueueError } from '../../batch/redis.js';
import { formats } from '../../formats/registry.js';
import type { Task } from '../../document/types.js';
import type { FormatId } from '../../formats/types.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';
import {
  addCorrectorOptions,
  addMinConfidenceOption,
  addTaskOption,
  parseMinConfidence,
  type CorrectorCliOptions,
} from './correct.js';
import { parsePositiveInteger } from './worker.js';

interface BatchCommandOptions extends CorrectorCliOptions {
  output?: string;
  queue?: string;
  to?: FormatId;
  minConfidence: string;
  threads?: string;
  task?: Task;
}

export const batchCommand: CliCommand = {
  name: 'batch',
  register(program: Command, io: CliIo): void {
    const batch = program
      .command('batch')
      // `batch status --queue …`: options after a subcommand's name are the subcommand's.
      .enablePositionalOptions()
      .description(
        'correct many documents, each as `neko correct` would, into one folder: on this machine, or ' +
          'with --queue on every machine running `neko worker`; run it again to finish what is missing',
      )
      .argument('[inputs...]', 'files to correct (each format is detected)')
      .option('-o, --output <dir>', 'folder for the outputs, each named as its input')
      .option('--queue <url>', 'the Redis of the job queue, redis://HOST:PORT (default: run here)')
      .addOption(
        new Option('--to <format>', 'output format, whatever the input').choices(
          formats.map((format) => format.id),
        ),
      )
      .option('--threads <n>', "onnxruntime's threads without --queue (default: every core)");
    addTaskOption(addMinConfidenceOption(addCorrectorOptions(batch))).action(
      (inputs: string[], options: BatchCommandOptions) => runBatch(inputs, options, io),
    );
    batch
      .command('status')
      .description('jobs waiting, running, done and failed (with why) on every NeKo queue')
      .requiredOption('--queue <url>', 'the Redis of the job queue, redis://HOST:PORT')
      .action((options: { queue: string }) => showStatus(options.queue, io));
    batch
      .command('retry-failed')
      .description('put every failed job back in line (after fixing its input or the workers)')
      .requiredOption('--queue <url>', 'the Redis of the job queue, redis://HOST:PORT')
      .action((options: { queue: string }) => retry(options.queue, io));
  },
};

async function runBatch(inputs: string[], options: BatchCommandOptions, io: CliIo): Promise<void> {
  if (inputs.length === 0) throw new UserError('batch: name at least one input file');
  if (options.output === undefined) throw new UserError('batch: -o OUTDIR is required');
  const request: BatchRequest = {
    inputs,
    outDir: options.output,
    minConfidence: parseMinConfidence(options.minConfidence),
    decoding: options.decoding,
    device: options.device,
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.task === undefined ? {} : { task: options.task }),
    ...(options.model === undefined ? {} : { modelDirectory: options.model }),
    ...(options.threads === undefined
      ? {}
      : { threads: parsePositiveInteger(options.threads, '--threads') }),
  };
  const line = new ProgressLine(io.stderr, options.quiet === true);
  const hooks = {
    progress: (progress: BatchProgress) => line.update(progress),
    note: (text: string) => line.print(`neko: ${text}`),
    failure: (failure: { input: string; message: string }) =>
      line.print(
        `neko: failed: ${failure.message.includes(failure.input) ? '' : `${failure.input}: `}${failure.message}`,
      ),
  };
  let outcome: BatchOutcome;
  try {
    const plan = await planBatch(request);
    outcome =
      options.queue === undefined
        ? await runEmbedded(plan, request, hooks)
        : await runQueued(plan, request, options.queue, hooks);
  } catch (error) {
    if (error instanceof QueueError) throw new UserError(error.message);
    throw error;
  } finally {
    line.end();
  }
  const devices = Object.entries(outcome.devices)
    .map(([device, count]) => `${device} ${count}`)
    .join(', ');
  const rate = outcome.seconds > 0 ? Math.round(outcome.wordsThisRun / outcome.seconds) : 0;
  if (!options.quiet) {
    io.stderr.write(
      `neko: ${outcome.done} of ${outcome.documents} documents done (${outcome.added} this run, ` +
        `${outcome.alreadyDone} already done), ${outcome.failures.length} failed; ` +
        `${outcome.wordsThisRun} words corrected in ${outcome.seconds.toFixed(1)} s (${rate} words/s); ` +
        `${outcome.model} ${outcome.modelHash.slice(0, 16)}${devices ? ` on ${devices}` : ''}\n`,
    );
  }
  if (outcome.failures.length > 0) {
    const names = outcome.failures.map((failure) => failure.input).join(', ');
    throw new UserError(
      `${outcome.failures.length} of ${outcome.documents} documents failed: ${names}` +
        (options.queue === undefined
          ? ' (fix them and run the batch again)'
          : ' (a changed input is a new job: fix the inputs and run the batch again; jobs that ' +
            `failed for other reasons: neko batch retry-failed --queue ${options.queue})`),
    );
  }
}

async function showStatus(url: string, io: CliIo): Promise<void> {
  const reports = await queueStatus(url).catch(asUserError);
  if (reports.length === 0) {
    io.stdout.write('no NeKo queue on this Redis yet\n');
    return;
  }
  for (const report of reports) {
    const counts = Object.entries(report.counts)
      .map(([state, count]) => `${count} ${state}`)
      .join(', ');
    io.stdout.write(`${report.queueName}: ${counts}; ${report.workers} workers\n`);
    for (const failure of report.failed) {
      io.stdout.write(`  failed: ${failure.input}: ${failure.message}\n`);
    }
  }
}

async function retry(url: string, io: CliIo): Promise<void> {
  const retried = await retryFailed(url).catch(asUserError);
  let total = 0;
  for (const [queueName, count] of retried) {
    if (count > 0) io.stdout.write(`${queueName}: ${count} failed jobs back in line\n`);
    total += count;
  }
  io.stdout.write(`${total} jobs retried\n`);
}

function asUserError(error: unknown): never {
  if (error instanceof QueueError) throw new UserError(error.message);
  throw error;
}

/**
 * The batch's progress on stderr: one line redrawn in place on a terminal; on a pipe, a line when
 * something finished (at most every 2 s) and at least every 15 s.
 */
class ProgressLine {
  private drawn = false;
  private lastPrinted = 0;
  private lastDone = -1;

  constructor(
    private readonly stream: CliIo['stderr'],
    private readonly quiet: boolean,
  ) {}

  update(progress: BatchProgress): void {
    if (this.quiet) return;
    const text = describeProgress(progress);
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
      return;
    }
    const now = performance.now();
    const finished = progress.done + progress.failed;
    const changed = finished !== this.lastDone && now - this.lastPrinted >= 2000;
    if (changed || now - this.lastPrinted >= 15_000 || finished === progress.documents) {
      if (finished === this.lastDone && finished === progress.documents) return;
      this.stream.write(`${text}\n`);
      this.lastPrinted = now;
      this.lastDone = finished;
    }
  }

  /** A line of its own, above the redrawn one. */
  print(text: string): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
    this.stream.write(`${text}\n`);
  }

  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

function describeProgress(progress: BatchProgress): string {
  const eta =
    progress.etaSeconds === undefined ? '' : `, ETA ${formatDuration(progress.etaSeconds)}`;
  const workers = progress.workers === undefined ? '' : `, ${progress.workers} workers`;
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : '';
  return (
    `batch: ${progress.done}/${progress.documents} documents, ` +
    `${Math.round(progress.wordsDone)}/${progress.wordsTotal} words, ` +
    `${Math.round(progress.wordsPerSecond)} words/s${eta}${failed}${workers}`
  );
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
