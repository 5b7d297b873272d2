import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';
import { ApiCore } from '../../src/api/core.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { CorrectorStatus } from '../../src/api/types.js';
import { WorkerCorrectorClient } from '../../src/corrector/client.js';

/**
 * Runs the real browser-mode server in this process and drives Debian's Chromium against it. What
 * the tests need and may be missing (Chromium, the built renderer) is a failure that says how to get
 * it, never a skip.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS_DIR = path.join(ROOT, 'test', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface BrowserMode {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** What the server's API answers, to compare the UI with. */
  correctorStatus(): Promise<CorrectorStatus>;
  /** Console errors and CSP refusals seen in the page so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startBrowserMode(): Promise<BrowserMode> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium`,
    );
  }
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `the renderer is not built (no ${RENDERER_DIR}/index.html): run npm run build:renderer`,
    );
  }

  // As `npm run serve` does: the real engine host, which reports why correction is off without a model.
  const core = new ApiCore({ corrector: new WorkerCorrectorClient() });
  const server = await startServer({
    core,
    staticDir: RENDERER_DIR,
    log: (line) => console.error(line),
  });
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'neko-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  return {
    server,
    context,
    page,
    pageErrors,
    correctorStatus: async () => {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/correctorStatus`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Neko-Token': server.token },
        body: '{}',
      });
      return ((await response.json()) as { result: CorrectorStatus }).result;
    },
    close: async () => {
      await context.close();
      await server.close();
      await core.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs an action that makes the page download a file, and returns the file's name and text. */
export async function downloadText(
  page: Page,
  action: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The committed sample when it exists, else the e2e fixture of the same name. */
export function sampleFile(name: string): string {
  const sample = path.join(ROOT, 'assets', 'samples', name);
  return existsSync(sample) ? sample : path.join(ROOT, 'test', 'e2e', 'fixtures', name);
}
