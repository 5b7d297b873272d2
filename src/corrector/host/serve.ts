/**
 * The engine's side of the client/host protocol: loads the model on request, runs one job at a time
 * and answers with progress, per-segment results and a final done/failed message. The transport
 * (a child process, an Electron utility process) only has to provide a HostEndpoint.
 */
import { CorrectorEngine } from '../engine.js';
import { CorrectionCancelled, CorrectorUnavailable } from '../errors.js';
import type { ClientMessage, HostEndpoint } from './protocol.js';

export function serveCorrector(endpoint: HostEndpoint): void {
  let engine: CorrectorEngine | undefined;
  let loadedFor = '';
  let work: Promise<void> = Promise.resolve();
  const cancellations = new Map<string, AbortController>();

  const load = async (message: Extract<ClientMessage, { type: 'load' }>): Promise<void> => {
    const { modelDirectory, device, threads } = message;
    const key = `${modelDirectory ?? ''}\n${device}\n${threads ?? ''}`;
    if (engine && key === loadedFor) {
      endpoint.post({ type: 'loaded', info: engine.info });
      return;
    }
    await engine?.dispose();
    engine = undefined;
    loadedFor = key;
    try {
      engine = await CorrectorEngine.load({
        device,
        ...(modelDirectory === undefined ? {} : { modelDirectory }),
        ...(threads === undefined ? {} : { threads }),
      });
      endpoint.post({ type: 'loaded', info: engine.info });
    } catch (error) {
      const reason = error instanceof CorrectorUnavailable ? error.reason : String(error);
      endpoint.post({ type: 'unavailable', reason });
    }
  };

  const correct = async (message: Extract<ClientMessage, { type: 'correct' }>): Promise<void> => {
    const { jobId } = message;
    const controller = cancellations.get(jobId) ?? new AbortController();
    cancellations.set(jobId, controller);
    try {
      if (controller.signal.aborted) throw new CorrectionCancelled();
      if (!engine) throw new Error('no model is loaded');
      await engine.correct(message.segments, {
        decoding: message.decoding,
        withRouting: message.withRouting,
        signal: controller.signal,
        onProgress: (done, total) => endpoint.post({ type: 'progress', jobId, done, total }),
        onResult: (result) =>
          endpoint.post({
            type: 'result',
            jobId,
            segmentId: result.id,
            index: result.index,
            suggestion: result.suggestion,
          }),
      });
      endpoint.post({ type: 'done', jobId, cancelled: false });
    } catch (error) {
      if (error instanceof CorrectionCancelled)
        endpoint.post({ type: 'done', jobId, cancelled: true });
      else
        endpoint.post({
          type: 'failed',
          jobId,
          message: (error as Error).message ?? String(error),
          ...(error instanceof CorrectorUnavailable ? { unavailableReason: error.reason } : {}),
        });
    } finally {
      cancellations.delete(jobId);
    }
  };

  endpoint.onMessage((message) => {
    // Cancellation must not wait behind the job it cancels; everything else runs in order.
    if (message.type === 'cancel') {
      const controller = cancellations.get(message.jobId) ?? new AbortController();
      controller.abort();
      cancellations.set(message.jobId, controller);
      return;
    }
    work = work.then(() => (message.type === 'load' ? load(message) : correct(message)));
  });
}
