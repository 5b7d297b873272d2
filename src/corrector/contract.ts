/**
 * The corrector's contract: what a caller asks of the corrector and what comes back. The API core,
 * the CLI, the Electron main process and the renderer all use these types; the engine, the host
 * protocol and the client implement them. Types and plain constants only (no Node, no onnxruntime),
 * so that the renderer may import this module.
 */
import type { CorrectorInput } from '../document/operations.js';
import type { Suggestion } from '../document/types.js';

/**
 * One segment as the corrector takes it: hypotheses[0] is the text the edits refer to. The model
 * never sees `task` (its router infers the task); it only decides which passes follow the model.
 * `correctorInput()` in src/document builds it from a segment.
 */
export type { CorrectorInput };

/** Aggressive decoding verifies a draft (the source) in one pass; greedy decodes token by token. Same output. */
export type Decoding = 'aggressive' | 'greedy';

export type Device = 'cuda' | 'webgpu' | 'cpu';
export type DeviceRequest = 'auto' | Device;

export const DEVICE_REQUESTS: readonly DeviceRequest[] = ['auto', 'cpu', 'cuda', 'webgpu'];

export function isDeviceRequest(value: string): value is DeviceRequest {
  return (DEVICE_REQUESTS as readonly string[]).includes(value);
}

export interface DeviceAttempt {
  device: Device;
  available: boolean;
  /** Why the device could not run the model (absent when it could). */
  reason?: string;
}

/** The one request shape from the renderer (or the CLI) to the engine. */
export interface CorrectRequest {
  segments: CorrectorInput[];
  decoding?: Decoding;
  device?: DeviceRequest;
}

/** Progress, per-segment results and the end of a job, as every caller receives them. */
export type CorrectorEvent =
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'result'; jobId: string; segmentId: string; suggestion: Suggestion }
  | { type: 'done'; jobId: string; cancelled: boolean }
  /** `unavailableReason`: why correction could not run (a model file missing or broken), when so. */
  | { type: 'error'; jobId: string; message: string; unavailableReason?: string };

export interface CorrectorStatus {
  available: boolean;
  /** Why correction is unavailable, or which model/device runs it. */
  message: string;
  model?: string;
  device?: string;
  devices?: { name: string; available: boolean; reason?: string }[];
}

/** What a loaded engine reports about itself. */
export interface EngineInfo {
  model: string;
  modelDirectory: string;
  device: Device;
  attempts: DeviceAttempt[];
  experts: string[];
  /** The OCR lexical pass's directory, or null when OCR segments get the model alone. */
  ocrLexicon: string | null;
}

/**
 * The corrector as its callers see it, whatever hosts the engine (a child process, an Electron
 * utility process). host/client.ts implements it; without a model the API core reports it
 * unavailable.
 */
export interface CorrectorClient {
  status(): Promise<CorrectorStatus>;
  correct(request: CorrectRequest): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<void>;
  onEvent(listener: (event: CorrectorEvent) => void): () => void;
  /** Stops the host; called once when the app or server shuts down. */
  dispose(): Promise<void>;
}
