/**
 * `npx tsx renderer/bench/run.ts [--screenshot FILE.png]`: builds the benchmark page, opens it in
 * Debian's Chromium (headless, software rendering, as in the e2e tests) and prints the figures as JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(path.join(tmpdir(), 'neko-renderer-bench-'));
const userDataDir = await mkdtemp(path.join(tmpdir(), 'neko-renderer-bench-chromium-'));

try {
  const config = {
    configFile: false as const,
    root,
    base: './',
    logLevel: 'warn' as const,
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: path.join(root, 'bench', 'index.html') },
    },
  };
  await build(config);
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0 } });
  const url = new URL('bench/index.html', server.resolvedUrls!.local[0]).toString();
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(url);
    await page.waitForSelector('#results[data-done="true"]', { timeout: 300_000 });
    console.log(await page.textContent('#results'));
    const screenshotAt = process.argv.indexOf('--screenshot');
    if (screenshotAt > 0) await page.screenshot({ path: process.argv[screenshotAt + 1]! });
    if (errors.length > 0) console.error('page errors:', errors);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
  await rm(userDataDir, { recursive: true, force: true });
}
