/**
 * How a HostCorrectorClient starts the corrector host (worker.ts): in a child process. A process
 * can be killed at any moment and its crash leaves the caller standing, which is what lets the
 * client restart it mid-job. (A worker thread would be lighter, but ending one while onnxruntime
 * runs a session aborts the whole process, and a native crash in a thread takes the app down with
 * it.) Electron's utility process is a process too: electron/corrector-host.ts adapts it with the
 * same processChannel.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientMessage, HostMessage } from './protocol.js';

/** The client's side of a transport to a host running serveCorrector. */
export interface HostChannel {
  post(message: ClientMessage): void;
  onMessage(handler: (message: HostMessage) => void): void;
  /** Called once when the host is gone, whether it crashed or was terminated. */
  onExit(handler: (reason: string) => void): void;
  /** Ends the host and resolves once it is gone. */
  terminate(): Promise<void>;
  /** The host's process id, where it has its own process. */
  readonly pid?: number;
}

/** What processChannel needs of a host process, whichever API started it. */
export interface HostProcess {
  readonly pid: number | undefined;
  post(message: ClientMessage): void;
  onMessage(handler: (message: HostMessage) => void): void;
  /** Calls `handler` with why the process ended (exit code, signal, failure to start). */
  onEnd(handler: (reason: string) => void): void;
  kill(): void;
}

/** The one HostChannel over a host process: Node's child process here, Electron's utility process. */
export function processChannel(host: HostProcess): HostChannel {
  let terminating = false;
  const exited = new Promise<string>((resolve) =>
    host.onEnd((reason) => resolve(terminating ? 'terminated' : reason)),
  );
  return {
    post: (message) => host.post(message),
    onMessage: (handler) => host.onMessage(handler),
    onExit: (handler) => void exited.then(handler),
    terminate: async () => {
      terminating = true;
      host.kill();
      await exited;
    },
    ...(host.pid === undefined ? {} : { pid: host.pid }),
  };
}

// Bundled to CommonJS (the Electron main process) import.meta.url is gone; such a bundle passes
// its own `spawn` to the client, so these are only computed when a default host is started.
const runningFromSource = (): boolean => import.meta.url.endsWith('.ts');
const workerEntry = (): URL =>
  new URL(runningFromSource() ? './worker.ts' : './worker.js', import.meta.url);

/** worker.ts in a forked Node process; from TypeScript sources it runs under tsx. */
export function spawnChildProcess(): HostChannel {
  const child = fork(fileURLToPath(workerEntry()), [], {
    execArgv: runningFromSource() ? ['--import', resolveFromHere('tsx')] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return processChannel({
    pid: child.pid,
    post: (message) => {
      // A send can fail (EPIPE) when the process has just died; without a callback that failure
      // would be the child's 'error' event and would end the channel before 'exit' says why the
      // process died (a signal, an exit code). So the failure is left to 'exit' to report.
      if (child.connected) child.send(message, () => {});
    },
    onMessage: (handler) => child.on('message', (message) => handler(message as HostMessage)),
    onEnd: (handler) => {
      child.on('exit', (code, signal) =>
        handler(
          signal
            ? `corrector process killed by ${signal}`
            : `corrector process exited with code ${code}`,
        ),
      );
      child.on('error', (error) => handler(`corrector process failed: ${error.message}`));
    },
    kill: () => child.kill(),
  });
}

/** A package as this module resolves it, so that the host does not depend on the working folder. */
function resolveFromHere(specifier: string): string {
  return typeof import.meta.resolve === 'function' ? import.meta.resolve(specifier) : specifier;
}
