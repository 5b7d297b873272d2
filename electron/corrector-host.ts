import { app, utilityProcess } from 'electron';
import path from 'node:path';
import { processChannel, type HostChannel } from '../src/corrector/host/spawn.js';
import { defaultModelDirectory } from '../src/corrector/runtime/config.js';

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
  return processChannel({
    pid: child.pid,
    post: (message) => child.postMessage(message),
    onMessage: (handler) => child.on('message', handler),
    onEnd: (handler) =>
      child.once('exit', (code) => handler(`corrector process exited with code ${code}`)),
    kill: () => child.kill(),
  });
}

/** onnxruntime reads model files itself, so in an installed app they come from outside the asar. */
export function modelDirectory(): string {
  const directory = defaultModelDirectory();
  return app.isPackaged
    ? directory.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`)
    : directory;
}
