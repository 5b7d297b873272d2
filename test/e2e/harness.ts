import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  chromium,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { ApiCore } from '../../src/api/core.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import type { CorrectorEvent, CorrectorStatus } from '../../src/corrector/contract.js';
import type { NekoDocument } from '../../src/document/types.js';
import { nekoFormat } from '../../src/formats/neko.js';
import { parseDocument } from '../../src/formats/registry.js';
import { HostCorrectorClient } from '../../src/corrector/host/client.js';

/**
 * Runs the real browser-mode server in this process and drives Debian's Chromium against it. What
 * the tests need and may be missing (Chromium, the built renderer) is a failure that says how to get
 * it, never a skip.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS_DIR = path.join(ROOT, 'test', 'artifacts');
export const CHROMIUM = '/usr/bin/chromium';
/** What every test's headless Chromium runs with: no GPU, network chatter or sync of its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface BrowserMode {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** What the server's API answers, to compare the UI with. */
  correctorStatus(): Promise<CorrectorStatus>;
  /** Console errors and CSP refusals seen in the page so far. */
  pageErrors: string[];
  /** Every corrector event the server pushed to the page, in order: what the core said. */
  correctorEvents: CorrectorEvent[];
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
  // Recovery files go to a folder of the test's own, never the user's data folder.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'neko-e2e-data-'));
  const core = new ApiCore({
    corrector: new HostCorrectorClient(),
    recoveryDirectory: path.join(dataDir, 'recovery'),
  });
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
      ...CHROMIUM_FLAGS,
      // Playback starts from the app's own play controls; headless Chromium has no speakers anyway.
      '--autoplay-policy=no-user-gesture-required',
      '--mute-audio',
    ],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const correctorEvents: CorrectorEvent[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) =>
      correctorEvents.push(JSON.parse(payload.toString()) as CorrectorEvent),
    ),
  );

  return {
    server,
    context,
    page,
    pageErrors,
    correctorEvents,
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
      await rm(dataDir, { recursive: true, force: true });
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
  // Transitions (the scan view's zoom) are finished first, so the picture shows where they end.
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
  return file;
}

/** A committed sample from assets/samples/; a missing one fails the test that needs it. */
export function sampleFile(name: string): string {
  const sample = path.join(ROOT, 'assets', 'samples', name);
  if (!existsSync(sample)) throw new Error(`the e2e tests need the sample ${sample}`);
  return sample;
}

export async function parseFile(file: string): Promise<NekoDocument> {
  return parseDocument(await readFile(file, 'utf8'), path.basename(file)).document;
}

export function segmentRow(page: Page, segmentId: string): Locator {
  return page.locator(`[data-testid="segment-row"][data-segment-id="${segmentId}"]`);
}

/** The segment's current text as its editor holds it (or the row's text where there is no editor). */
export async function currentText(page: Page, segmentId: string): Promise<string> {
  const row = segmentRow(page, segmentId);
  const editor = row.getByTestId('segment-text-editor');
  // Rows with suggestions show their editor only when selected; the row names its text anyway.
  if ((await editor.count()) === 0)
    return (await row.getAttribute('data-text')) ?? (await row.textContent()) ?? '';
  return editor.evaluate((element) =>
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? element.value
      : (element.textContent ?? ''),
  );
}

/** Opens files with the file picker and waits until every segment of `expected` has its row. */
export async function openFiles(
  page: Page,
  files: string[],
  expected: NekoDocument,
): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles(files);
  await expect
    .poll(() => page.getByTestId('document-title').textContent(), { timeout: 20_000 })
    .toBeTruthy();
  await expect.poll(() => page.getByTestId('segment-row').count()).toBe(expected.segments.length);
}

export async function exportAs(
  page: Page,
  formatId: string,
): Promise<{ name: string; text: string }> {
  await page.getByTestId('export-format-select').selectOption(formatId);
  return downloadText(page, () => page.getByTestId('export-button').click());
}

/**
 * Writes a file the way a user would have it on disk (a project with suggestions and decisions, a
 * renamed copy of a sample), in a fresh temporary folder; returns its path.
 */
export async function writeTempFile(name: string, content: string | Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'neko-e2e-files-'));
  const file = path.join(folder, name);
  await writeFile(file, content);
  return file;
}

/** A project file (.neko.json) holding `document` as the core writes it. */
export function writeProject(document: NekoDocument, name = 'review.neko.json'): Promise<string> {
  return writeTempFile(name, nekoFormat.serialize(document));
}

/**
 * The document as the app holds it: saved with the toolbar's Save project (a download in browser
 * mode) and read back with the core's parser. What the tests check the document state with.
 */
export async function savedDocument(page: Page): Promise<NekoDocument> {
  const saved = await downloadText(page, () => page.getByTestId('save-project-button').click());
  return parseDocument(saved.text, saved.name).document;
}
