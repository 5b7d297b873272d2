/**
 * The CorrectorClient the API core and the CLI use. It owns one host running the engine off the
 * calling thread (a child process by default, see spawn.ts; an Electron utility process when
 * electron/corrector-host.ts passes its own `spawn`), queues jobs and runs them one at a time,
 * relays progress and results as CorrectorEvents, and cancels.
 *
 * If the host dies mid-job it is started again and the job goes on with the segments that had no
 * result yet, once; a second death fails the job with an error event. The client never touches
 * the caller's document: results are only ever delivered as events.
 */
import { randomUUID } from 'node:crypto';
import type { Suggestion } from '../../document/types.js';
import {
  isDeviceRequest,
  type CorrectorClient,
  type CorrectorEvent,
  type CorrectorInput,
  type CorrectorStatus,
  type CorrectRequest,
  type Decoding,
  type DeviceAttempt,
  type DeviceRequest,
  type EngineInfo,
} from '../contract.js';
import { CorrectorUnavailable } from '../errors.js';
import type { ClientMessage, HostMessage } from './protocol.js';
import { spawnChildProcess, type HostChannel } from './spawn.js';

export interface CorrectorClientOptions {
  modelDirectory?: string;
  device?: DeviceRequest;
  /** Leave routing records out of results (saves time and memory when nobody shows them). */
  withRouting?: boolean;
  /** onnxruntime's intra-op threads in the host; every core when absent. */
  threads?: number;
  /** Starts a host; defaults to a child process running worker.ts (see spawn.ts). */
  spawn?: () => HostChannel;
}

interface Job {
  id: string;
  segments: CorrectorInput[];
  decoding: Decoding;
  device: DeviceRequest;
  delivered: Set<string>;
  restarts: number;
  cancelled: boolean;
}

type HostState =
  | { kind: 'loading'; key: string; ready: Promise<LoadOutcome> }
  | { kind: 'settled'; key: string; outcome: LoadOutcome };

type LoadOutcome =
  | { available: true; info: EngineInfo }
  /** `crashed`: the host process died while loading, rather than finding no usable model. */
  | { available: false; reason: string; attempts?: DeviceAttempt[]; crashed?: true };

/**
 * What correctAll rejects with when the job failed because the corrector's process died (twice,
 * or again while it was being restarted): not a bug of the caller's input nor of NeKo's code, but
 * something the user can act on (memory, the device, the model), so the CLI says so as a user error.
 */
export class CorrectorCrashError extends Error {
  override name = 'CorrectorCrashError';
  constructor(
    message: string,
    /** Why the process ended, as the host reported it (exit code or signal). */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** What a load waits for: the host's answer, or the news that the host died before it gave one. */
type LoadReply = HostMessage | { type: 'stopped'; reason: string };

const MAX_RESTARTS_PER_JOB = 1;

export type { HostChannel } from './spawn.js';

export class HostCorrectorClient implements CorrectorClient {
  private readonly listeners = new Set<(event: CorrectorEvent) => void>();
  private readonly queue: Job[] = [];
  private readonly spawn: () => HostChannel;
  private channel: HostChannel | undefined;
  private host: HostState | undefined;
  private running: Job | undefined;
  private settleRunning: (() => void) | undefined;
  private disposed = false;
  private lastCrash: string | undefined;
  /** Jobs that failed because the host died; correctAll turns their error into a CorrectorCrashError. */
  private readonly crashedJobs = new Set<string>();
  private readonly loadWaiters: ((message: LoadReply) => void)[] = [];

  constructor(private readonly options: CorrectorClientOptions = {}) {
    this.spawn = options.spawn ?? spawnChildProcess;
  }

  async status(): Promise<CorrectorStatus> {
    const outcome = await this.ensureLoaded(this.options.device ?? 'auto');
    if (!outcome.available) {
      return { available: false, message: `correction unavailable: ${outcome.reason}` };
    }
    const { info } = outcome;
    return {
      available: true,
      message: `${info.model} on ${info.device}${info.ocrLexicon ? ', OCR lines also through ocr-lexicon' : ''}`,
      model: info.model,
      device: info.device,
      devices: info.attempts.map((attempt) => ({
        name: attempt.device,
        available: attempt.available,
        ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
      })),
    };
  }

  /** Engine details (model, device, every device tried and why it failed) or why there is none. */
  async engineInfo(device: DeviceRequest = this.options.device ?? 'auto'): Promise<LoadOutcome> {
    return this.ensureLoaded(device);
  }

  async correct(request: CorrectRequest): Promise<{ jobId: string }> {
    if (this.disposed) throw new Error('the corrector client was disposed');
    const device = request.device ?? this.options.device ?? 'auto';
    if (!isDeviceRequest(device)) throw new Error(`unknown device "${String(device)}"`);
    const job: Job = {
      id: randomUUID(),
      segments: request.segments.map(({ id, hypotheses, task, wordConfidences }) => ({
        id,
        hypotheses: [...hypotheses],
        ...(task === undefined ? {} : { task }),
        ...(wordConfidences === undefined ? {} : { wordConfidences: [...wordConfidences] }),
      })),
      decoding: request.decoding ?? 'aggressive',
      device,
      delivered: new Set(),
      restarts: 0,
      cancelled: false,
    };
    this.queue.push(job);
    queueMicrotask(() => void this.pump());
    return { jobId: job.id };
  }

  async cancel(jobId: string): Promise<void> {
    const queued = this.queue.findIndex((job) => job.id === jobId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.emit({ type: 'done', jobId, cancelled: true });
      return;
    }
    if (this.running?.id === jobId) {
      this.running.cancelled = true;
      this.channel?.post({ type: 'cancel', jobId });
    }
  }

  onEvent(listener: (event: CorrectorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Convenience for batch callers (the CLI): runs one request to the end and resolves the
   * suggestions by segment id; rejects on failure or cancellation.
   */
  async correctAll(
    request: CorrectRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Map<string, Suggestion>> {
    const suggestions = new Map<string, Suggestion>();
    let jobId: string | undefined;
    const early: CorrectorEvent[] = [];
    return new Promise((resolve, reject) => {
      const handle = (event: CorrectorEvent): void => {
        if (event.type === 'progress') onProgress?.(event.done, event.total);
        else if (event.type === 'result') suggestions.set(event.segmentId, event.suggestion);
        else {
          stop();
          if (event.type === 'error' && this.crashedJobs.delete(event.jobId))
            reject(new CorrectorCrashError(event.message, this.lastCrash ?? 'unknown reason'));
          else if (event.type === 'error' && event.unavailableReason !== undefined)
            reject(new CorrectorUnavailable(event.unavailableReason));
          else if (event.type === 'error') reject(new Error(event.message));
          else if (event.cancelled) reject(new Error('correction cancelled'));
          else resolve(suggestions);
        }
      };
      const stop = this.onEvent((event) => {
        if (jobId === undefined) early.push(event);
        else if (event.jobId === jobId) handle(event);
      });
      this.correct(request).then(({ jobId: id }) => {
        jobId = id;
        early.filter((event) => event.jobId === id).forEach(handle);
      }, reject);
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0))
      this.emit({ type: 'done', jobId: job.id, cancelled: true });
    const channel = this.channel;
    this.channel = undefined;
    this.host = undefined;
    await channel?.terminate();
  }

  private emit(event: CorrectorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async pump(): Promise<void> {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    try {
      await this.runJob(job);
    } finally {
      this.running = undefined;
      void this.pump();
    }
  }

  private async runJob(job: Job): Promise<void> {
    for (;;) {
      const outcome = await this.ensureLoaded(job.device);
      if (job.cancelled) {
        this.emit({ type: 'done', jobId: job.id, cancelled: true });
        return;
      }
      if (!outcome.available) {
        if (outcome.crashed) this.crashedJobs.add(job.id);
        this.emit({
          type: 'error',
          jobId: job.id,
          message: `correction unavailable: ${outcome.reason}`,
          unavailableReason: outcome.reason,
        });
        return;
      }
      const finished = await this.runOnHost(job);
      if (finished) return;
      if (job.restarts >= MAX_RESTARTS_PER_JOB) {
        this.crashedJobs.add(job.id);
        this.emit({
          type: 'error',
          jobId: job.id,
          message: `the corrector stopped unexpectedly (${this.lastCrash ?? 'unknown reason'}); the document is untouched`,
        });
        return;
      }
      job.restarts++;
    }
  }

  /** Sends the job's undelivered segments; resolves true when the host finished it, false if it died. */
  private runOnHost(job: Job): Promise<boolean> {
    const remaining = job.segments.filter((segment) => !job.delivered.has(segment.id));
    const alreadyDone = job.segments.length - remaining.length;
    return new Promise((resolve) => {
      this.settleRunning = () => resolve(false);
      this.jobHandler = (message) => {
        if (!('jobId' in message) || message.jobId !== job.id) return;
        if (message.type === 'progress') {
          this.emit({
            type: 'progress',
            jobId: job.id,
            done: alreadyDone + message.done,
            total: job.segments.length,
          });
        } else if (message.type === 'result') {
          job.delivered.add(message.segmentId);
          this.emit({
            type: 'result',
            jobId: job.id,
            segmentId: message.segmentId,
            suggestion: message.suggestion,
          });
        } else if (message.type === 'done') {
          this.emit({ type: 'done', jobId: job.id, cancelled: message.cancelled });
          resolve(true);
        } else {
          this.emit({
            type: 'error',
            jobId: job.id,
            message: message.message,
            ...(message.unavailableReason === undefined
              ? {}
              : { unavailableReason: message.unavailableReason }),
          });
          resolve(true);
        }
      };
      this.channel!.post({
        type: 'correct',
        jobId: job.id,
        segments: remaining,
        decoding: job.decoding,
        withRouting: this.options.withRouting !== false,
      });
    });
  }

  private jobHandler: ((message: HostMessage) => void) | undefined;

  private ensureLoaded(device: DeviceRequest): Promise<LoadOutcome> {
    const key = device;
    if (this.host?.key === key) {
      return this.host.kind === 'loading' ? this.host.ready : Promise.resolve(this.host.outcome);
    }
    const channel = this.ensureChannel();
    const ready = new Promise<LoadOutcome>((resolve) => {
      this.loadWaiters.push((message) => {
        if (message.type === 'loaded') resolve({ available: true, info: message.info });
        else if (message.type === 'unavailable') {
          resolve({
            available: false,
            reason: message.reason,
            ...(message.attempts ? { attempts: message.attempts } : {}),
          });
        } else if (message.type === 'stopped') {
          resolve({ available: false, reason: message.reason, crashed: true });
        }
      });
    }).then((outcome) => {
      if (this.host?.key === key) this.host = { kind: 'settled', key, outcome };
      return outcome;
    });
    this.host = { kind: 'loading', key, ready };
    const load: ClientMessage = { type: 'load', device };
    if (this.options.modelDirectory !== undefined)
      load.modelDirectory = this.options.modelDirectory;
    if (this.options.threads !== undefined) load.threads = this.options.threads;
    channel.post(load);
    return ready;
  }

  private ensureChannel(): HostChannel {
    if (this.channel) return this.channel;
    const channel = this.spawn();
    this.channel = channel;
    channel.onMessage((message) => {
      if (message.type === 'loaded' || message.type === 'unavailable') {
        this.loadWaiters.shift()?.(message);
      } else {
        this.jobHandler?.(message);
      }
    });
    channel.onExit((reason) => {
      if (this.channel !== channel) return;
      this.channel = undefined;
      this.lastCrash = reason;
      const waiters = this.loadWaiters.splice(0);
      waiters.forEach((waiter) =>
        waiter({ type: 'stopped', reason: `the corrector host stopped (${reason})` }),
      );
      this.host = undefined;
      this.settleRunning?.();
      this.settleRunning = undefined;
    });
    return channel;
  }
}
