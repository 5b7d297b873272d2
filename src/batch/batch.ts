/**
 * `neko batch`: plans one job per document, then either runs them here (embedded: one engine, one
 * document after another) or queues them on BullMQ for `neko worker`s and waits. Both write the
 * same outputs with the same done records, so a batch may be started embedded and finished on the
 * queue or the other way round, and running a batch again does only what is missing.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { JobsOptions, Queue } from 'bullmq';
import type { Decoding, Device, DeviceRequest } from '../corrector/contract.js';
import type { Task } from '../document/types.js';
import { HostCorrectorClient } from '../corrector/host/client.js';
import { decodeText } from '../formats/io.js';
import { parseDocument } from '../formats/registry.js';
import { FormatError, type FormatId } from '../formats/types.js';
import { countWords } from './correct-document.js';
import {
  jobIdFor,
  outputNameFor,
  PermanentJobError,
  readDoneRecord,
  runDocumentJob,
  sha256,
  type DocumentJob,
  type DocumentJobResult,
  type RunningEngine,
} from './job.js';
import { identifyLoadedModel, identifyModel } from './model-hash.js';
import { loadBullmq, loadIoredis } from './queue-libraries.js';
import {
  checkRedis,
  DEVICE_KINDS,
  describeQueueUrl,
  parseQueueUrl,
  QUEUES_KEY,
  queueNameFor,
  QueueError,
} from './redis.js';

export interface BatchRequest {
  inputs: string[];
  outDir: string;
  to?: FormatId;
  minConfidence: number;
  decoding: Decoding;
  /** The task of every segment that names none; else read from the text. */
  task?: Task;
  device: DeviceRequest;
  modelDirectory?: string;
  /** onnxruntime threads of the embedded engine. */
  threads?: number;
}

/** A document that passed planning: readable, parsed, with its output path. */
export interface PlannedDocument {
  input: string;
  output: string;
  inputSha256: string;
  words: number;
  segments: number;
}

export interface BatchFailure {
  input: string;
  message: string;
}

export interface BatchPlan {
  documents: PlannedDocument[];
  /** Inputs that cannot be corrected as they are (unreadable, not a supported format). */
  failures: BatchFailure[];
}

export interface BatchProgress {
  documents: number;
  done: number;
  failed: number;
  wordsTotal: number;
  wordsDone: number;
  /** Over the documents this run corrected (not those found done). */
  wordsPerSecond: number;
  etaSeconds: number | undefined;
  /** Workers serving the queue, when queued. */
  workers?: number;
}

export interface BatchHooks {
  progress(progress: BatchProgress): void;
  /** A one-line note for the user (warnings, waiting for workers, the queue unreachable). */
  note(line: string): void;
  /** A document that failed for good, as soon as it is known. */
  failure(failure: BatchFailure): void;
}

export interface BatchOutcome {
  documents: number;
  /** Jobs this run queued (or ran, embedded); the rest were done or queued before. */
  added: number;
  alreadyDone: number;
  done: number;
  failures: BatchFailure[];
  /** Documents per device that corrected them (from this run and earlier ones). */
  devices: Partial<Record<Device, number>>;
  wordsDone: number;
  /** Words of the documents this run corrected (words/s is over these). */
  wordsThisRun: number;
  seconds: number;
  queueName?: string;
  model: string;
  modelHash: string;
}

/**
 * Reads every input once: its bytes' hash (part of the job id), its format and word count. An
 * input that cannot be read or parsed is a failure named with its file and place; it is not queued.
 * Two inputs that would write the same output, or an output that is an input, are refused.
 */
export async function planBatch(request: BatchRequest): Promise<BatchPlan> {
  const outDir = resolve(request.outDir);
  const documents: PlannedDocument[] = [];
  const failures: BatchFailure[] = [];
  const byOutput = new Map<string, string>();
  const inputs = new Set(request.inputs.map((input) => resolve(input)));
  for (const given of request.inputs) {
    const input = resolve(given);
    const output = join(outDir, outputNameFor(input, request.to));
    const earlier = byOutput.get(output);
    if (earlier === input) continue;
    if (earlier !== undefined) {
      throw new QueueError(`${given} and ${earlier} would both be written to ${output}`);
    }
    if (inputs.has(output)) {
      throw new QueueError(`${output}: is an input; choose another output folder`);
    }
    byOutput.set(output, input);
    try {
      const info = await stat(input);
      if (!info.isFile()) throw new FormatError(input, 'not a regular file');
      const bytes = await readFile(input);
      const { document } = parseDocument(decodeText(bytes, input), input);
      documents.push({
        input,
        output,
        inputSha256: sha256(bytes),
        words: countWords(document),
        segments: document.segments.length,
      });
    } catch (error) {
      failures.push({ input, message: failureMessage(input, error) });
    }
  }
  return { documents, failures };
}

function failureMessage(input: string, error: unknown): string {
  if (error instanceof FormatError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${input}: no such file`;
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(input) ? message : `${input}: ${message}`;
}

function jobFor(
  document: PlannedDocument,
  request: BatchRequest,
  modelHash: string,
  device: Device,
) {
  const job: DocumentJob = {
    input: document.input,
    output: document.output,
    inputSha256: document.inputSha256,
    modelHash,
    device,
    decoding: request.decoding,
    minConfidence: request.minConfidence,
    words: document.words,
    segments: document.segments,
    ...(request.to === undefined ? {} : { to: request.to }),
    ...(request.task === undefined ? {} : { task: request.task }),
  };
  return { id: jobIdFor(job), job };
}

/** Counts for the progress line; words/s over what this run corrected, in-flight parts included. */
class Tally {
  private readonly started = performance.now();
  done = 0;
  wordsDone = 0;
  /** Words this run corrected (the rate's numerator). */
  wordsThisRun = 0;
  /** The finished share of each in-flight job's words, by job id. */
  partial = new Map<string, number>();
  readonly failures: BatchFailure[] = [];
  readonly devices: Partial<Record<Device, number>> = {};
  private failedWords = 0;

  constructor(
    readonly documents: number,
    readonly wordsTotal: number,
  ) {}

  finished(result: DocumentJobResult, thisRun: boolean): void {
    this.done++;
    this.wordsDone += result.words;
    if (thisRun) this.wordsThisRun += result.words;
    this.partial.delete(result.jobId);
    this.devices[result.device] = (this.devices[result.device] ?? 0) + 1;
  }

  /** `words`: the failed document's, which no longer count towards what is left. */
  failed(failure: BatchFailure, words = 0, jobId?: string): void {
    this.failures.push(failure);
    this.failedWords += words;
    if (jobId !== undefined) this.partial.delete(jobId);
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** The outcome of a batch whose counts this tally kept. */
  outcome(
    run: Pick<BatchOutcome, 'added' | 'alreadyDone' | 'model' | 'modelHash' | 'queueName'>,
  ): BatchOutcome {
    return {
      documents: this.documents,
      done: this.done,
      failures: this.failures,
      devices: this.devices,
      wordsDone: this.wordsDone,
      wordsThisRun: this.wordsThisRun,
      seconds: this.seconds(),
      ...run,
    };
  }

  snapshot(workers?: number): BatchProgress {
    const inFlight = [...this.partial.values()].reduce((sum, words) => sum + words, 0);
    const seconds = this.seconds();
    const rate = seconds > 0 ? (this.wordsThisRun + inFlight) / seconds : 0;
    const left = this.wordsTotal - this.wordsDone - inFlight - this.failedWords;
    return {
      documents: this.documents,
      done: this.done,
      failed: this.failures.length,
      wordsTotal: this.wordsTotal,
      wordsDone: this.wordsDone + inFlight,
      wordsPerSecond: rate,
      etaSeconds: rate > 0 ? Math.max(0, left) / rate : undefined,
      ...(workers === undefined ? {} : { workers }),
    };
  }
}

function wordsOf(plan: BatchPlan): number {
  return plan.documents.reduce((sum, document) => sum + document.words, 0);
}

/** Runs the batch on this machine: one engine, one document after another. */
export async function runEmbedded(
  plan: BatchPlan,
  request: BatchRequest,
  hooks: BatchHooks,
): Promise<BatchOutcome> {
  await mkdir(resolve(request.outDir), { recursive: true });
  const client = new HostCorrectorClient({
    device: request.device,
    withRouting: false,
    ...(request.modelDirectory === undefined
      ? {}
      : { modelDirectory: resolve(request.modelDirectory) }),
    ...(request.threads === undefined ? {} : { threads: request.threads }),
  });
  try {
    const loaded = await client.engineInfo(request.device);
    if (!loaded.available) throw new QueueError(`correction unavailable: ${loaded.reason}`);
    const { info } = loaded;
    const identity = await identifyLoadedModel(info.modelDirectory, info.ocrLexicon, info.model);
    hooks.note(
      `correcting here with ${info.model} (${identity.hash.slice(0, 16)}) on ${info.device}`,
    );
    const engine: RunningEngine = {
      client,
      model: info.model,
      modelHash: identity.hash,
      device: info.device,
      request: request.device,
    };
    const tally = new Tally(plan.documents.length + plan.failures.length, wordsOf(plan));
    for (const failure of plan.failures) {
      tally.failed(failure);
      hooks.failure(failure);
    }
    let alreadyDone = 0;
    let added = 0;
    for (const document of plan.documents) {
      const { id, job } = jobFor(document, request, identity.hash, info.device);
      const record = await readDoneRecord(job, id);
      if (record !== undefined) {
        alreadyDone++;
        tally.finished(record, false);
        continue;
      }
      added++;
      try {
        const result = await runDocumentJob(engine, id, job, (done, total) => {
          tally.partial.set(id, total === 0 ? 0 : (document.words * done) / total);
          hooks.progress(tally.snapshot());
        });
        tally.finished(result, true);
      } catch (error) {
        const failure = {
          input: document.input,
          message:
            error instanceof PermanentJobError
              ? error.message
              : failureMessage(document.input, error),
        };
        tally.failed(failure, document.words, id);
        hooks.failure(failure);
      }
      hooks.progress(tally.snapshot());
    }
    hooks.progress(tally.snapshot());
    return tally.outcome({ added, alreadyDone, model: info.model, modelHash: identity.hash });
  } finally {
    await client.dispose();
  }
}

/** How BullMQ keeps and retries a document's job. */
const JOB_OPTIONS: JobsOptions = {
  // A job that throws (not a worker that dies: that is the lock's business) gets two more tries.
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  // Finished jobs stay a while so that a batch run again finds them; the done records in OUTDIR
  // outlive them.
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: false,
};

const POLL_MS = 1000;
const WORKER_CHECK_EVERY = 5;

/**
 * Queues the batch's jobs on the queue of its model and device, and waits until every one has
 * finished or failed for good. With `--device auto` the device is that of the workers found serving
 * the model (CUDA, then WebGPU, then CPU where several kinds are up); the run then stays on it.
 */
export async function runQueued(
  plan: BatchPlan,
  request: BatchRequest,
  url: string,
  hooks: BatchHooks,
): Promise<BatchOutcome> {
  for (const warning of await checkRedis(url)) hooks.note(warning);
  const identity = await identifyModel(request.modelDirectory);
  const connection = parseQueueUrl(url);
  const device = await chooseDevice(request.device, identity.hash, url, connection, hooks);
  const queueName = queueNameFor(identity.hash, device);
  const [{ Queue }, { Redis }] = await Promise.all([loadBullmq(), loadIoredis()]);
  const queue = new Queue<DocumentJob, DocumentJobResult>(queueName, { connection });
  queue.on('error', () => undefined);
  const registry = new Redis({ ...connection, lazyConnect: true });
  registry.on('error', () => undefined);
  try {
    await registry.sadd(QUEUES_KEY, queueName);
    await mkdir(resolve(request.outDir), { recursive: true });
    const tally = new Tally(plan.documents.length + plan.failures.length, wordsOf(plan));
    for (const failure of plan.failures) {
      tally.failed(failure);
      hooks.failure(failure);
    }
    const pending = new Map<string, { job: DocumentJob; name: string }>();
    const toAdd: { name: string; data: DocumentJob; opts: JobsOptions }[] = [];
    let alreadyDone = 0;
    for (const document of plan.documents) {
      const { id, job } = jobFor(document, request, identity.hash, device);
      const record = await readDoneRecord(job, id);
      if (record !== undefined) {
        alreadyDone++;
        tally.finished(record, false);
        continue;
      }
      const existing = await queue.getJob(id);
      // A job the queue remembers as finished whose output is gone (deleted since) is done again.
      if (existing !== undefined && (await existing.getState()) === 'completed') {
        await existing.remove();
      } else if (existing !== undefined) {
        pending.set(id, { job, name: document.input });
        continue;
      }
      toAdd.push({ name: 'correct', data: job, opts: { ...JOB_OPTIONS, jobId: id } });
      pending.set(id, { job, name: document.input });
    }
    for (let start = 0; start < toAdd.length; start += 500) {
      await queue.addBulk(toAdd.slice(start, start + 500));
    }
    hooks.note(
      `queued ${toAdd.length} of ${plan.documents.length} documents on ${queueName} ` +
        `(${alreadyDone} already done, ${pending.size - toAdd.length} already queued)`,
    );
    let workers: number | undefined;
    let tick = 0;
    let unreachable = false;
    let warnedIdle = false;
    while (pending.size > 0) {
      try {
        if (tick % WORKER_CHECK_EVERY === 0) {
          workers = await queue.getWorkersCount();
          if (workers === 0 && !warnedIdle) {
            hooks.note(
              `no worker serves ${queueName} (${identity.name} on ${device}); start one: ` +
                `neko worker --queue ${describeQueueUrl(url)} --device ${device}`,
            );
          }
          warnedIdle = workers === 0;
        }
        await collect(queue, pending, tally, hooks);
        if (unreachable) hooks.note(`${describeQueueUrl(url)} is reachable again`);
        unreachable = false;
      } catch (error) {
        if (!unreachable) {
          hooks.note(
            `${describeQueueUrl(url)} unreachable (${(error as Error).message}); still waiting ` +
              '(the workers keep their jobs; finished outputs are on disk)',
          );
        }
        unreachable = true;
      }
      hooks.progress(tally.snapshot(workers));
      tick++;
      if (pending.size > 0) await new Promise((done) => setTimeout(done, POLL_MS));
    }
    return tally.outcome({
      added: toAdd.length,
      alreadyDone,
      queueName,
      model: identity.name,
      modelHash: identity.hash,
    });
  } finally {
    registry.disconnect();
    await queue.close();
  }
}

/**
 * Pending jobs looked at per poll. Each look is one small Redis script; a batch of 100,000 documents
 * would otherwise ask 100,000 a second. Beyond this many, the window moves on each poll (Map order
 * plus moving the looked-at ones to the end), so a result is seen within pending / this seconds.
 */
const LOOKS_PER_POLL = 2000;

/** One look at pending jobs: finished, failed for good, lost (queued again) or in progress. */
async function collect(
  queue: Queue<DocumentJob, DocumentJobResult>,
  pending: Map<string, { job: DocumentJob; name: string }>,
  tally: Tally,
  hooks: BatchHooks,
): Promise<void> {
  const { Job } = await loadBullmq();
  const ids = [...pending.keys()].slice(0, LOOKS_PER_POLL);
  // The ones looked at go to the back of the line for the next poll.
  for (const id of ids) {
    const entry = pending.get(id)!;
    pending.delete(id);
    pending.set(id, entry);
  }
  for (let start = 0; start < ids.length; start += 200) {
    const slice = ids.slice(start, start + 200);
    const states = await Promise.all(slice.map((id) => queue.getJobState(id)));
    for (const [index, state] of states.entries()) {
      const id = slice[index]!;
      const entry = pending.get(id)!;
      if (state === 'completed' || state === 'failed' || state === 'active') {
        const job = await Job.fromId<DocumentJob, DocumentJobResult>(queue, id);
        if (job === undefined) continue;
        if (state === 'completed') {
          tally.finished(job.returnvalue, true);
          pending.delete(id);
        } else if (state === 'failed') {
          const failure = { input: entry.name, message: job.failedReason };
          tally.failed(failure, entry.job.words, id);
          hooks.failure(failure);
          pending.delete(id);
        } else {
          const progress = job.progress as { done?: number; total?: number } | number;
          if (typeof progress === 'object' && progress.total) {
            tally.partial.set(id, (entry.job.words * (progress.done ?? 0)) / progress.total);
          }
        }
      } else if (state === 'unknown') {
        // Redis lost it (restarted without persistence, or flushed): queue it again.
        await queue.add('correct', entry.job, { ...JOB_OPTIONS, jobId: id });
        hooks.note(`${entry.name}: its job was gone from the queue; queued it again`);
      }
    }
  }
}

async function chooseDevice(
  requested: DeviceRequest,
  modelHash: string,
  url: string,
  connection: ReturnType<typeof parseQueueUrl>,
  hooks: BatchHooks,
): Promise<Device> {
  if (requested !== 'auto') return requested;
  const { Queue } = await loadBullmq();
  const queues = DEVICE_KINDS.map(
    (device) => [device, new Queue(queueNameFor(modelHash, device), { connection })] as const,
  );
  queues.forEach(([, queue]) => queue.on('error', () => undefined));
  try {
    let noted = false;
    for (;;) {
      for (const [device, queue] of queues) {
        if ((await queue.getWorkersCount()) > 0) return device;
      }
      if (!noted) {
        hooks.note(
          `no worker serves model ${modelHash.slice(0, 16)} yet; waiting for one ` +
            `(neko worker --queue ${describeQueueUrl(url)}, with the same --model), or pass --device`,
        );
        noted = true;
      }
      await new Promise((done) => setTimeout(done, 2000));
    }
  } finally {
    await Promise.all(queues.map(([, queue]) => queue.close()));
  }
}

export interface QueueReport {
  queueName: string;
  counts: Record<string, number>;
  workers: number;
  failed: BatchFailure[];
}

/** Every NeKo queue on this Redis: its job counts, workers, and the failed jobs with their reasons. */
export async function queueStatus(url: string): Promise<QueueReport[]> {
  const connection = parseQueueUrl(url);
  await checkRedis(url);
  const [{ Queue }, { Redis }] = await Promise.all([loadBullmq(), loadIoredis()]);
  const registry = new Redis({ ...connection, lazyConnect: true });
  registry.on('error', () => undefined);
  try {
    const names = (await registry.smembers(QUEUES_KEY)).sort();
    const reports: QueueReport[] = [];
    for (const queueName of names) {
      const queue = new Queue<DocumentJob, DocumentJobResult>(queueName, { connection });
      try {
        const counts = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'completed',
          'failed',
        );
        const failedJobs = await queue.getFailed(0, 999);
        reports.push({
          queueName,
          counts,
          workers: await queue.getWorkersCount(),
          failed: failedJobs.map((job) => ({ input: job.data.input, message: job.failedReason })),
        });
      } finally {
        await queue.close();
      }
    }
    return reports;
  } finally {
    registry.disconnect();
  }
}

/** Puts every failed job of every NeKo queue back in line; returns how many, per queue. */
export async function retryFailed(url: string): Promise<Map<string, number>> {
  const connection = parseQueueUrl(url);
  await checkRedis(url);
  const [{ Queue }, { Redis }] = await Promise.all([loadBullmq(), loadIoredis()]);
  const registry = new Redis({ ...connection, lazyConnect: true });
  registry.on('error', () => undefined);
  const retried = new Map<string, number>();
  try {
    for (const queueName of (await registry.smembers(QUEUES_KEY)).sort()) {
      const queue = new Queue(queueName, { connection });
      try {
        const failed = await queue.getFailedCount();
        if (failed > 0) await queue.retryJobs({ state: 'failed', count: 1000 });
        retried.set(queueName, failed);
      } finally {
        await queue.close();
      }
    }
    return retried;
  } finally {
    registry.disconnect();
  }
}
