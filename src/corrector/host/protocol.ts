/**
 * Messages between a CorrectorClient and the host that runs the engine off the UI thread (a child
 * process in the CLI and browser mode, an Electron utilityProcess in the app). Plain JSON-cloneable
 * objects, so both transports carry them unchanged. A request arrives as the contract's
 * CorrectRequest and travels on as a `correct` message with its job id.
 */
import type { Suggestion } from '../../document/types.js';
import type {
  CorrectorInput,
  Decoding,
  DeviceAttempt,
  DeviceRequest,
  EngineInfo,
} from '../contract.js';

export type ClientMessage =
  | { type: 'load'; modelDirectory?: string; device: DeviceRequest; threads?: number }
  | {
      type: 'correct';
      jobId: string;
      segments: CorrectorInput[];
      decoding: Decoding;
      withRouting: boolean;
    }
  | { type: 'cancel'; jobId: string };

export type HostMessage =
  | { type: 'loaded'; info: EngineInfo }
  | { type: 'unavailable'; reason: string; attempts?: DeviceAttempt[] }
  | { type: 'progress'; jobId: string; done: number; total: number }
  | {
      type: 'result';
      jobId: string;
      segmentId: string;
      index: number;
      suggestion: Suggestion;
    }
  | { type: 'done'; jobId: string; cancelled: boolean }
  /** `unavailableReason`: a model file the job needed could not be loaded (CorrectorUnavailable). */
  | { type: 'failed'; jobId: string; message: string; unavailableReason?: string };

/** The host's side of a transport: whatever carries messages to and from the client. */
export interface HostEndpoint {
  post(message: HostMessage): void;
  onMessage(handler: (message: ClientMessage) => void): void;
}
