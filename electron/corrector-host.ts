import { app, utilityProcess } from 'electron';
import path from 'node:path';
import type { HostChannel } from '../src/corrector/host/client.js';
import { defaultModelDirectory } from '../src/corrector/runtime/config.js';
import type { HostMessage } from '../src/corrector/host/protocol.js';

/**
 * The corrector engine in an Electron utility process (VS Code's pattern: the main process never
 * blocks on compute, and a native crash in onnxruntime leaves the window standing). It speaks the
 * same protocol as the child process of browser mode; src/corrector/host/worker.ts serves both.
 */
export function spawnUtilityHost(): HostChannel {
  const child = utilityProcess.fork(path.join(__dirname, 'corrector-worker.cjs'), [], {
    serviceName: 'NeKo Studio corrector',
    stdio: 'inherit',
  });
  let terminating = false;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code) =>
      resolve(terminating ? 'terminated' : `corrector process exited with code ${code}`),
    ),
  );
  return {
    post: (message) => child.postMessage(message),
    onMessage: (handler) => child.on('message', (message: HostMessage) => handler(message)),
    onExit: (handler) => void exited.then(handler),
    terminate: async () => {
      terminating = true;
      child.kill();
      await exited;
    },
    ...(child.pid === undefined ? {} : { pid: child.pid }),
  };
}

/** onnxruntime reads model files itself, so in an installed app they come from outside the asar. */
export function modelDirectory(): string {
  const directory = defaultModelDirectory();
  return app.isPackaged
    ? directory.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
    : directory;
}
