// `npm start` (after `npm run build`): runs the app in Electron when its binary is installed,
// otherwise says so in one line and starts browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Not require('electron'): when the binary is missing its index.js tries to download it, which
// hangs or fails offline. The package records the binary's path in path.txt once installed.
function electronBinary() {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
} else {
  console.log(
    "Electron's binary is missing (an offline install skips its download), so NeKo Studio starts in browser mode instead.",
  );
  await import(pathToFileURL(path.join(root, 'dist', 'server', 'serve.cjs')).href);
}
