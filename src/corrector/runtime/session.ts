import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { env, InferenceSession, listSupportedBackends, Tensor } from 'onnxruntime-node';
import type { ModelDirectory } from './config.js';
import type { Device, DeviceAttempt, DeviceRequest } from '../contract.js';
import { CorrectorUnavailable } from '../errors.js';

/** The order `auto` tries: fastest first, CPU always last because it always works. */
const AUTO_ORDER: readonly Device[] = ['cuda', 'webgpu', 'cpu'];

export interface ModelSessions {
  encoder: InferenceSession;
  decoder: InferenceSession;
  device: Device;
  /** Every device tried, in order, with the reason each failed one gave. */
  attempts: DeviceAttempt[];
  release(): Promise<void>;
}

/**
 * Opens encoder and decoder on the requested device. `auto` walks CUDA → WebGPU → CPU and keeps the
 * first that opens both sessions; a forced device fails with its own error instead of falling back.
 */
export async function createModelSessions(
  model: ModelDirectory,
  request: DeviceRequest,
  threads?: number,
): Promise<ModelSessions> {
  const candidates = request === 'auto' ? AUTO_ORDER : [request];
  // Failed provider probes are expected under `auto`; their native error logs would only alarm.
  // This must be set before onnxruntime's first session, which fixes the level for the process.
  env.logLevel = 'fatal';
  const attempts: DeviceAttempt[] = [];
  for (const device of candidates) {
    const missing = missingPrerequisite(device);
    if (missing !== undefined) {
      attempts.push({ device, available: false, reason: missing });
      continue;
    }
    // Both files load at once: onnxruntime reads and optimizes each graph on its own thread, which
    // took 0.75 s in a row here, a third of a short CLI run.
    const [encoder, decoder] = await Promise.allSettled([
      openSession(model.encoderPath, device, threads),
      openSession(model.decoderPath, device, threads),
    ]);
    if (encoder.status === 'fulfilled' && decoder.status === 'fulfilled') {
      attempts.push({ device, available: true });
      return {
        encoder: encoder.value,
        decoder: decoder.value,
        device,
        attempts,
        release: async () => {
          await Promise.all([encoder.value.release(), decoder.value.release()]);
        },
      };
    }
    for (const opened of [encoder, decoder]) {
      if (opened.status === 'fulfilled') await opened.value.release();
    }
    const [failedPath, failure] =
      encoder.status === 'rejected'
        ? [model.encoderPath, encoder.reason as unknown]
        : [model.decoderPath, (decoder as PromiseRejectedResult).reason as unknown];
    const reason = explainFailure(device, failure);
    // Every provider falls back on CPU kernels, so a CPU failure means the file itself is bad.
    const where = device === 'cpu' ? `${failedPath}: ` : '';
    attempts.push({ device, available: false, reason: where + reason });
  }
  const summary = attempts.map((attempt) => `${attempt.device}: ${attempt.reason}`).join('; ');
  if (request === 'auto')
    throw new CorrectorUnavailable(`no device could run the model (${summary})`);
  throw new CorrectorUnavailable(`--device ${request} cannot run the model (${summary})`);
}

/**
 * A reason a device cannot work that is known without trying it. On Linux, WebGPU (Dawn) runs only
 * on Vulkan; without the loader library, trying would only print Dawn's own warning on stderr.
 */
function missingPrerequisite(device: Device): string | undefined {
  if (device !== 'webgpu' || process.platform !== 'linux') return undefined;
  const folders = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
    '/lib64',
    '/lib',
  ];
  if (folders.some((folder) => existsSync(join(folder, 'libvulkan.so.1')))) return undefined;
  return 'the Vulkan loader (libvulkan.so.1) is not installed, and WebGPU on Linux runs on Vulkan';
}

/**
 * This machine's matrix-product rate in FLOP/s on `device`, as onnxruntime reaches it with the
 * engine's session options: the limit a model's own rate is measured against. `probePath` is a
 * model of one MatMul of two inputs (assets/bench/matmul.onnx); the shapes are those of the
 * corrector's feed-forward layers over a few hundred tokens.
 */
export async function measureMatMulRate(probePath: string, device: Device): Promise<number> {
  const session = await openSession(probePath, device);
  try {
    const [m, k, n] = [384, 256, 1024];
    const a = new Tensor(
      'float32',
      Float32Array.from({ length: m * k }, (_, i) => (i % 7) / 7),
      [m, k],
    );
    const b = new Tensor(
      'float32',
      Float32Array.from({ length: k * n }, (_, i) => (i % 5) / 5),
      [k, n],
    );
    await session.run({ a, b });
    const runs = 40;
    const started = performance.now();
    for (let run = 0; run < runs; run++) await session.run({ a, b });
    const seconds = (performance.now() - started) / 1000;
    return (2 * m * k * n * runs) / seconds;
  } finally {
    await session.release();
  }
}

/** `threads` caps onnxruntime's intra-op threads (several workers sharing one machine); all cores by default. */
async function openSession(
  path: string,
  device: Device,
  threads = availableParallelism(),
): Promise<InferenceSession> {
  return InferenceSession.create(path, {
    executionProviders: [device],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    logSeverityLevel: 4,
    // Spinning threads wait for work by burning a core; on a shared machine (measured on this
    // 2-core one, under load) a decoder pass took 2.4x longer with them than without.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
}

function explainFailure(device: Device, error: unknown): string {
  const message = firstMeaningfulLine(error instanceof Error ? error.message : String(error));
  const backend = listSupportedBackends().find((entry) => entry.name === device);
  if (device === 'cuda' && backend?.bundled !== true && /shared library/i.test(message)) {
    return `onnxruntime-node's CUDA add-on is not installed or cannot load (${message})`;
  }
  if (device === 'webgpu' && /adapter/i.test(message)) {
    return `no usable WebGPU adapter (a GPU with Vulkan, Metal or D3D12 drivers is needed): ${message}`;
  }
  if (backend === undefined && device !== 'cpu') {
    return `this onnxruntime-node build has no ${device} backend (${message})`;
  }
  return message;
}

/** onnxruntime prefixes messages with a source path and a lambda signature; keep the human part. */
function firstMeaningfulLine(message: string): string {
  const line =
    message
      .trim()
      .split('\n')
      .find((text) => text.trim() !== '') ?? message;
  const failed = /(Failed to [^\n]*)$/.exec(line);
  return (failed?.[1] ?? line).trim();
}
