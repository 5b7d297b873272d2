/**
 * Ways to start the corrector host (worker.ts) for a WorkerCorrectorClient.
 *
 * The default is a child process. A worker thread is lighter, but ending one while onnxruntime runs
 * a session aborts the whole process ("terminate called after throwing an instance of
 * 'Napi::Error'", seen here), and a native crash in a thread takes the app down with it; a process
 * can be killed at any moment and its crash leaves the caller standing, which is what lets the
 * client restart it mid-job. Electron's utility process is a process too: electron/corrector-host.ts
 * adapts it to HostChannel the same way.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClientMessage, HostMessage } from './protocol.js';

/** The client's side of a transport to a host running serveCorrector. */
export interface HostChannel {
  post(message: ClientMessage): void;
  onMessage(handler: (message: HostMessage) => void): void;
  /** Called once when the host is gone, whether it crashed or was terminated. */
  onExit(handler: (reason: string) => void): void;
  /** Ends the host (cleanly where it can) and resolves once it is gone. */
  terminate(): Promise<void>;
  /** The host's process id, where it has its own process. */
  readonly pid?: number;
}

/** How long a worker thread may take to finish its onnxruntime run and shut down. */
const SHUTDOWN_GRACE_MS = 15_000;

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
  let terminating = false;
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) =>
      resolve(
        terminating
          ? 'terminated'
          : signal
            ? `corrector process killed by ${signal}`
            : `corrector process exited with code ${code}`,
      ),
    );
    child.on('error', (error) => resolve(`corrector process failed: ${error.message}`));
  });
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (handler) => child.on('message', (message) => handler(message as HostMessage)),
    onExit: (handler) => void exited.then(handler),
    terminate: async () => {
      terminating = true;
      child.kill();
      await exited;
    },
    ...(child.pid === undefined ? {} : { pid: child.pid }),
  };
}

/**
 * worker.ts in a worker thread. From TypeScript sources the thread registers tsx itself: Node 20
 * does not apply `--import tsx` hooks to a worker's entry. `terminate` asks the host to shut down
 * and waits for it, as killing the thread mid-run would abort the process.
 */
export function spawnWorkerThread(): HostChannel {
  const worker = runningFromSource()
    ? new Worker(
        `import(${JSON.stringify(resolveFromHere('tsx/esm/api'))}).then(({ register }) => { ` +
          `register(); return import(${JSON.stringify(workerEntry().href)}); })`,
        { eval: true },
      )
    : new Worker(workerEntry());
  let lastError: string | undefined;
  let terminating = false;
  worker.on('error', (error) => (lastError = error.message));
  const exited = new Promise<string>((resolve) => {
    worker.on('exit', (code) =>
      resolve(
        terminating ? 'terminated' : (lastError ?? `corrector worker exited with code ${code}`),
      ),
    );
  });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.on('message', handler),
    onExit: (handler) => void exited.then(handler),
    terminate: async () => {
      terminating = true;
      worker.postMessage({ type: 'shutdown' } satisfies ClientMessage);
      const timer = setTimeout(() => void worker.terminate(), SHUTDOWN_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A package as this module resolves it, so that the host does not depend on the working folder. */
function resolveFromHere(specifier: string): string {
  return typeof import.meta.resolve === 'function' ? import.meta.resolve(specifier) : specifier;
}
