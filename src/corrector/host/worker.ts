/**
 * Entry of the corrector host: serves the client/host protocol over whichever process started it,
 * a forked child's IPC channel or an Electron utility process's `process.parentPort` (messages
 * wrapped in `{ data }`).
 */
import { serveCorrector } from './serve.js';
import type { ClientMessage, HostEndpoint, HostMessage } from './protocol.js';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: ClientMessage }) => void): void;
}

function endpoint(): HostEndpoint {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      onMessage: (handler) => electronPort.on('message', (event) => handler(event.data)),
    };
  }
  if (process.send) {
    // Without its parent there is nobody to answer: end with it.
    process.on('disconnect', () => process.exit(0));
    return {
      post: (message: HostMessage) => process.send!(message),
      onMessage: (handler) => process.on('message', (message) => handler(message as ClientMessage)),
    };
  }
  throw new Error('worker.ts must run as a forked process or an Electron utility process');
}

serveCorrector(endpoint());
