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
  // src/corrector/host/spawn.ts checks for import.meta.resolve before using it (only from sources).
  logOverride: { 'empty-import-meta': 'silent' },
};

// CommonJS throughout: dependencies may require() JSON, which ESM refuses without import attributes.
// import.meta.url (src/api/serve.ts finds dist/renderer with it) is rebuilt from __filename.
const commonJs = {
  ...common,
  format: 'cjs',
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

const bundles = {
  'electron/main.ts': 'dist/electron/main.cjs',
  'electron/preload.ts': 'dist/electron/preload.cjs',
  'src/corrector/host/worker.ts': 'dist/electron/corrector-worker.cjs',
  'src/api/serve.ts': 'dist/server/serve.cjs',
};
await Promise.all(
  Object.entries(bundles).map(([entry, outfile]) =>
    build({ ...commonJs, entryPoints: [entry], outfile }),
  ),
);
// The corrector host that serve.cjs forks: src/corrector/host/spawn.ts looks for worker.js beside the
// code that spawns it, and package.json's "type": "module" makes that .js an ES module.
await build({
  ...common,
  format: 'esm',
  entryPoints: ['src/corrector/host/worker.ts'],
  outfile: 'dist/server/worker.js',
});
console.log(`built ${[...Object.values(bundles), 'dist/server/worker.js'].join(', ')}`);
