/**
 * Entry of the corrector host: serves the client/host protocol over whichever channel started it,
 * a worker thread's parent port, a forked child's IPC channel, or an Electron utility process's
 * `process.parentPort` (messages wrapped in `{ data }`).
 */
import { parentPort } from 'node:worker_threads';
import { serveCorrector } from './serve.js';
import type { ClientMessage, HostEndpoint, HostMessage } from './protocol.js';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: ClientMessage }) => void): void;
}

function endpoint(): HostEndpoint {
  if (parentPort) {
    const port = parentPort;
    return {
      post: (message) => port.postMessage(message),
      onMessage: (handler) => port.on('message', handler),
      close: () => port.close(),
    };
  }
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (handler) => electronPort.on('message', (event) => handler(event.data)),
      close: () => process.exit(0),
    };
  }
  if (process.send) {
    // Without its parent there is nobody to answer: end with it.
    process.on('disconnect', () => process.exit(0));
    return {
      post: (message: HostMessage) => process.send!(message),
      onMessage: (handler) => process.on('message', (message) => handler(message as ClientMessage)),
      close: () => process.exit(0),
    };
  }
  throw new Error('worker.ts must run as a worker thread, a forked process or a utility process');
}

serveCorrector(endpoint());
