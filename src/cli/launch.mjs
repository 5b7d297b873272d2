#!/usr/bin/env node
// `npm run neko`: runs the CLI from an esbuild bundle in dist/cli/, rebuilt first whenever a source
// file, this launcher or the dependencies changed since it was built.
//
// Why a bundle: under tsx the CLI and then its corrector host each transpiled their whole import
// graph at start-up, 1.7 s of every run (a 9,000-word transcript took 7 s in all); from the bundle
// both start in a quarter of that. The rebuild takes about 0.3 s and happens once per change, so
// editing a source and running `npm run neko` still just works.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFolder = join(root, 'dist', 'cli');
const cliBundle = join(outputFolder, 'neko.js');
// The corrector host: src/corrector/host/spawn.ts forks worker.js from beside the running bundle.
const hostBundle = join(outputFolder, 'worker.js');

/** The newest modification time among the inputs of the bundle. */
function newestInput() {
  let newest = 0;
  const inputs = [
    fileURLToPath(import.meta.url),
    join(root, 'package.json'),
    join(root, 'package-lock.json'),
  ];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true })) {
    inputs.push(join(root, 'src', entry));
  }
  for (const input of inputs) {
    try {
      newest = Math.max(newest, statSync(input).mtimeMs);
    } catch {
      // A file removed while we looked (or no lock file): it cannot make the bundle stale.
    }
  }
  return newest;
}

function builtAt() {
  try {
    return Math.min(statSync(cliBundle).mtimeMs, statSync(hostBundle).mtimeMs);
  } catch {
    return -Infinity;
  }
}

/**
 * Both bundles, written to a private folder and then renamed into place one by one, so that two
 * runs building at once, or a run interrupted mid-build, never leave a half-written bundle. They
 * are dated as the newest input they were built from, so that a source saved during the build
 * still makes them stale.
 */
async function buildBundles(inputsDate) {
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    process.stderr.write(
      'neko: dist/cli/ is missing or older than the sources, and esbuild (a dev dependency) is not\n' +
        'installed to rebuild it: run `npm install` in the project folder first\n',
    );
    process.exit(1);
  }
  mkdirSync(dirname(outputFolder), { recursive: true });
  const scratch = mkdtempSync(join(dirname(outputFolder), '.cli-build-'));
  try {
    const common = {
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      // Prefer packages' ES module builds: jsonc-parser's UMD build requires files esbuild cannot see.
      mainFields: ['module', 'main'],
      // Packages that load files of their own at run time (WebAssembly, native add-ons, Lua
      // scripts) stay in node_modules; the rest is bundled, JSON included.
      external: ['onnxruntime-node', 'harper.js', 'bullmq', 'ioredis', 'ws', 'tsx', 'esbuild'],
      // Bundled CommonJS dependencies call require().
      banner: {
        js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
      },
    };
    await Promise.all([
      build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: join(scratch, 'neko.js') }),
      build({
        ...common,
        entryPoints: ['src/corrector/host/worker.ts'],
        outfile: join(scratch, 'worker.js'),
      }),
    ]);
    mkdirSync(outputFolder, { recursive: true });
    const date = new Date(inputsDate);
    for (const name of ['worker.js', 'neko.js']) utimesSync(join(scratch, name), date, date);
    renameSync(join(scratch, 'worker.js'), hostBundle);
    renameSync(join(scratch, 'neko.js'), cliBundle);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const inputsDate = newestInput();
if (builtAt() < inputsDate) await buildBundles(inputsDate);
await import(pathToFileURL(cliBundle).href);
