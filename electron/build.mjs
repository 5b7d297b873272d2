// `npm run build:electron`: bundles the Electron main process and preload script, and the
// browser-mode server that `npm start` falls back to when Electron's binary is missing.
// Dependencies stay external: electron-builder ships the production node_modules beside dist/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const common = {
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['src/api/serve.ts'],
    outfile: 'dist/server/serve.mjs',
    format: 'esm',
  }),
]);
console.log('built dist/electron/main.cjs, dist/electron/preload.cjs, dist/server/serve.mjs');
