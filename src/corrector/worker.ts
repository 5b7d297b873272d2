/** worker_threads entry: serves the corrector protocol over the parent port. */
import { parentPort } from 'node:worker_threads';
import { serveCorrector } from './host.js';
import type { ClientMessage } from './protocol.js';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;
serveCorrector({
  post: (message) => port.postMessage(message),
  onMessage: (handler) => port.on('message', (message: ClientMessage) => handler(message)),
});
