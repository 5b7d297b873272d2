/**
 * `neko worker`: one corrector engine, loaded once and kept across jobs, serving the BullMQ queue of
 * its model and device. The engine runs in its own process (HostCorrectorClient): if that process
 * crashes mid-job the client starts it again and finishes the job, once, as `neko correct` does; if
 * this whole worker dies, its job's lock expires and BullMQ hands the job to another worker.
 */
import type { Job } from 'bullmq';
import { HostCorrectorClient } from '../corrector/host/client.js';
import type { DeviceRequest } from '../corrector/contract.js';
import { FormatError } from '../formats/types.js';
import {
  PermanentJobError,
  runDocumentJob,
  type DocumentJob,
  type DocumentJobResult,
  type RunningEngine,
} from './job.js';
import { identifyLoadedModel } from './model-hash.js';
import { loadBullmq, loadIoredis } from './queue-libraries.js';
import { checkRedis, parseQueueUrl, QUEUES_KEY, queueNameFor, QueueError } from './redis.js';

export interface WorkerOptions {
  queue: string;
  modelDirectory?: string;
  device: DeviceRequest;
  threads?: number;
  /**
   * How long a job stays locked without its worker renewing the lock (BullMQ's lockDuration): a
   * dead worker's job goes to another worker after about this long (and at most twice that).
   */
  lockSeconds: number;
  /** One line per event: loaded, job started, progress, done, failed. */
  log: (line: string) => void;
}

export interface RunningWorker {
  queueName: string;
  engine: RunningEngine;
  warnings: string[];
  /** Waits for the job in hand to finish, then stops the worker and its engine. */
  close(): Promise<void>;
}

/** How many times a job may be found stalled (its worker died) before it fails for good. */
const MAX_STALLED = 2;

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const connection = { ...parseQueueUrl(options.queue), maxRetriesPerRequest: null };
  const warnings = await checkRedis(options.queue);
  const [{ UnrecoverableError, Worker }, { Redis }] = await Promise.all([
    loadBullmq(),
    loadIoredis(),
  ]);
  const client = new HostCorrectorClient({
    device: options.device,
    withRouting: false,
    ...(options.modelDirectory === undefined ? {} : { modelDirectory: options.modelDirectory }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
  });
  const loaded = await client.engineInfo(options.device);
  if (!loaded.available) {
    await client.dispose();
    throw new QueueError(`correction unavailable: ${loaded.reason}`);
  }
  const { info } = loaded;
  const identity = await identifyLoadedModel(info.modelDirectory, info.ocrLexicon, info.model);
  const engine: RunningEngine = {
    client,
    model: info.model,
    modelHash: identity.hash,
    device: info.device,
    request: options.device,
  };
  const queueName = queueNameFor(identity.hash, info.device);
  const registry = new Redis({ ...connection, lazyConnect: true });
  registry.on('error', () => undefined);
  await registry.sadd(QUEUES_KEY, queueName);
  registry.disconnect();

  const processJob = async (job: Job<DocumentJob, DocumentJobResult>) => {
    const name = job.data.input;
    options.log(`started ${job.id} ${name} (attempt ${job.attemptsMade + 1})`);
    let lastTenth = -1;
    try {
      return await runDocumentJob(engine, job.id!, job.data, (done, total) => {
        void job.updateProgress({ done, total }).catch(() => undefined);
        const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          options.log(`progress ${name}: ${done}/${total} segments`);
        }
      });
    } catch (error) {
      // Retrying cannot fix these; BullMQ fails them at once and the batch names them.
      if (error instanceof PermanentJobError || error instanceof FormatError) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  };
  const worker = new Worker<DocumentJob, DocumentJobResult>(queueName, processJob, {
    connection,
    // One engine, one document at a time: the engine already uses every core it was given.
    concurrency: 1,
    lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('completed', (job, result) =>
    options.log(
      `done ${job.data.input}: ${result.words} words in ${result.seconds} s on ${result.device}`,
    ),
  );
  worker.on('failed', (job, error) =>
    options.log(`failed ${job?.data.input ?? job?.id ?? '?'}: ${error.message}`),
  );
  worker.on('error', (error) => options.log(`queue error: ${error.message}`));
  await worker.waitUntilReady();
  options.log(
    `serving ${queueName}: ${info.model} (${identity.hash.slice(0, 16)}) on ${info.device}`,
  );
  return {
    queueName,
    engine,
    warnings,
    close: async () => {
      await worker.close();
      await client.dispose();
    },
  };
}
