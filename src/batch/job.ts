/**
 * One document of a batch as a job: what it carries (paths to shared storage, never the file's
 * contents), its id, and how any runner (a `neko worker`, the embedded batch) does it. A job is
 * idempotent: it writes its output atomically and then a done record beside it, so a job run twice
 * (its worker died after writing) leaves the same bytes, and a batch run again skips it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import type { Decoding, Device, DeviceRequest } from '../corrector/contract.js';
import type { Task } from '../document/types.js';
import type { HostCorrectorClient } from '../corrector/host/client.js';
import { extensionOf } from '../formats/common.js';
import { readDocumentFile, writeFileAtomic } from '../formats/io.js';
import { formatById } from '../formats/registry.js';
import { FormatError, type FormatId } from '../formats/types.js';
import { correctDocument, countWords, outputFormatFor } from './correct-document.js';

/** What a queued job carries. Paths are absolute and must mean the same file on every machine. */
export interface DocumentJob {
  input: string;
  output: string;
  /** SHA-256 of the input's bytes when the batch queued it; a worker refuses a changed file. */
  inputSha256: string;
  /** identifyModel()'s hash: only a worker with the same model files may run the job. */
  modelHash: string;
  /** The one device kind of the run (jobs never mix CPU and GPU outputs). */
  device: Device;
  decoding: Decoding;
  minConfidence: number;
  to?: FormatId;
  /** The task of every segment that names none (`--task`); else read from the text. */
  task?: Task;
  /** Source words and segments, for the batch's words done, words/s and ETA. */
  words: number;
  segments: number;
}

/** What a finished job returns (BullMQ keeps it) and what its done record holds. */
export interface DocumentJobResult {
  jobId: string;
  input: string;
  output: string;
  model: string;
  modelHash: string;
  /** The device the job really ran on. */
  device: Device;
  /** host:pid of the process that ran it. */
  worker: string;
  words: number;
  segments: number;
  seconds: number;
}

/** A job that can never succeed as queued (bad input, changed input, another model): no retries. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** The folder in OUTDIR that holds one done record per finished job. */
export const DONE_FOLDER = '.neko-batch';

/**
 * The job's id: the model, every option that changes the output, where the output goes and the
 * input's bytes. Running the same batch again gives the same ids, so the queue adds nothing twice;
 * changing any of them makes a new job. (BullMQ ids must not look like integers nor hold ':'.)
 */
export function jobIdFor(job: DocumentJob): string {
  const key = JSON.stringify([
    job.modelHash,
    job.device,
    job.decoding,
    job.minConfidence,
    job.to ?? null,
    job.output,
    job.inputSha256,
    // Only when given, so that the ids of jobs queued without it stay as they were.
    ...(job.task === undefined ? [] : [job.task]),
  ]);
  return `doc-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** The output's file name: the input's, with the extension of `--to` when one is given. */
export function outputNameFor(input: string, to: FormatId | undefined): string {
  const name = basename(input);
  if (to === undefined) return name;
  const extension = extensionOf(name);
  const stem = extension ? name.slice(0, name.length - extension.length) : name;
  return `${stem}${formatById(to).extensions[0]}`;
}

export function doneRecordPath(job: DocumentJob, jobId: string): string {
  return join(dirname(job.output), DONE_FOLDER, `${jobId}.json`);
}

/** The done record of a finished job whose output is still there, else undefined. */
export async function readDoneRecord(
  job: DocumentJob,
  jobId: string,
): Promise<DocumentJobResult | undefined> {
  try {
    const record = JSON.parse(
      await readFile(doneRecordPath(job, jobId), 'utf8'),
    ) as DocumentJobResult;
    if (record.jobId !== jobId || !(await stat(job.output)).isFile()) return undefined;
    return record;
  } catch {
    return undefined;
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface RunningEngine {
  client: HostCorrectorClient;
  model: string;
  modelHash: string;
  /** The device the engine runs on, and the request the client was made with (`auto`, say). */
  device: Device;
  request: DeviceRequest;
}

/**
 * Does one job with an engine that is already loaded: checks the job is for this model and device
 * and that the input is the file that was queued, corrects it as `neko correct` would, writes the
 * output atomically and then its done record.
 */
export async function runDocumentJob(
  engine: RunningEngine,
  jobId: string,
  job: DocumentJob,
  onProgress?: (done: number, total: number) => void,
): Promise<DocumentJobResult> {
  const started = performance.now();
  if (job.modelHash !== engine.modelHash) {
    throw new PermanentJobError(
      `queued for model ${job.modelHash.slice(0, 16)}, but this worker runs ${engine.model} ` +
        `${engine.modelHash.slice(0, 16)}; start a worker with that model`,
    );
  }
  if (job.device !== engine.device) {
    throw new PermanentJobError(
      `queued for ${job.device}, but this worker runs on ${engine.device}`,
    );
  }
  const bytes = await readFile(job.input);
  if (sha256(bytes) !== job.inputSha256) {
    throw new PermanentJobError(`${job.input}: changed since it was queued; run the batch again`);
  }
  let parsed;
  try {
    parsed = await readDocumentFile(job.input);
  } catch (error) {
    if (error instanceof FormatError) throw new PermanentJobError(error.message);
    throw error;
  }
  const { document, format } = parsed;
  const outputFormat = outputFormatFor(job.output, format, job.to);
  const { content } = await correctDocument(engine.client, document, outputFormat, {
    decoding: job.decoding,
    // The client's own request: another one would make it load the model again.
    device: engine.request,
    minConfidence: job.minConfidence,
    ...(job.task === undefined ? {} : { task: job.task }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  await writeFileAtomic(job.output, content);
  const result: DocumentJobResult = {
    jobId,
    input: job.input,
    output: job.output,
    model: engine.model,
    modelHash: engine.modelHash,
    device: engine.device,
    worker: `${hostname()}:${process.pid}`,
    words: countWords(document),
    segments: document.segments.length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
  const record = doneRecordPath(job, jobId);
  await mkdir(dirname(record), { recursive: true });
  await writeFileAtomic(record, `${JSON.stringify(result)}\n`);
  return result;
}
