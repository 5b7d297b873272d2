import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HostCorrectorClient } from '../corrector/host/client.js';
import { ApiCore } from './core.js';
import { defaultDataDirectory } from './data-directory.js';
import { startServer } from './server.js';

/**
 * `npm run serve [-- --port N] [--static DIR] [--data-dir DIR]`: browser mode. Unsaved work is kept
 * for recovery under the data folder (src/api/data-directory.ts), whatever the port. Run from source (src/api) and from the
 * bundle (dist/server), which both sit two folders below the project root.
 */
const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      static: { type: 'string', default: DEFAULT_STATIC_DIR },
      'data-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }

  // The engine runs in its own process; without a model its status says why correction is off.
  const dataDirectory = values['data-dir']
    ? path.resolve(values['data-dir'])
    : defaultDataDirectory();
  const core = new ApiCore({
    corrector: new HostCorrectorClient(),
    recoveryDirectory: path.join(dataDirectory, 'recovery'),
  });
  const server = await startServer({
    core,
    staticDir: values.static,
    port,
    log: (line) => console.error(line),
  });
  console.log(`NeKo Studio (browser mode) is running at ${server.url}`);
  console.log(
    'Only this machine can reach it, and only with the token in that URL. Ctrl+C stops it.',
  );
  console.log(`Unsaved work is kept for recovery in ${core.recoveryDirectory}`);

  const stop = async () => {
    await server.close();
    await core.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`neko serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
