import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NekoDocument, Segment } from '../../src/document/types.js';
import { parseDocument } from '../../src/formats/registry.js';
import {
  currentText as textOf,
  downloadText,
  exportAs as exportFrom,
  openFiles as openWithPicker,
  parseFile,
  sampleFile,
  screenshot,
  segmentRow,
  startBrowserMode,
  type BrowserMode,
} from './harness.js';

/**
 * The real app in Chromium through browser mode: open the sample transcript and the sample scan
 * with the file picker, edit, undo, export and read the downloaded file back. Expected values come
 * from parsing the same files with the core, so the test checks what the UI shows and writes.
 */

let app: BrowserMode;
let page: Page;

beforeAll(async () => {
  app = await startBrowserMode();
  page = app.page;
  await page.goto(app.server.url);
});

afterAll(async () => {
  await app?.close();
});

const currentText = (segment: Segment) => textOf(page, segment.id);
const openFiles = (files: string[], expected: NekoDocument) =>
  openWithPicker(page, files, expected);
const exportAs = (formatId: string) => exportFrom(page, formatId);

async function editSegment(segment: Segment, text: string): Promise<void> {
  const row = segmentRow(page, segment.id);
  await row.click();
  const editor = row.getByTestId('segment-text-editor');
  await editor.fill(text);
  await editor.blur();
  await expect.poll(() => currentText(segment)).toContain(text);
}

function texts(document: NekoDocument): string[] {
  return document.segments.map((segment) => segment.text.trim());
}

describe('NeKo Studio in Chromium (browser mode)', () => {
  it('shows the corrector status the core reports (the model and device, or why correction is off)', async () => {
    const status = await app.correctorStatus();
    expect(status.message).not.toBe('');
    await expect
      .poll(() => page.getByTestId('correction-status').textContent(), { timeout: 20_000 })
      .toContain(status.message);
  });

  it('opens the sample transcript, edits and undoes a line, and exports SRT with the kept edit', async () => {
    const file = sampleFile('meeting.whisper.json');
    const expected = await parseFile(file);
    expect(expected.source.format, 'the core must read the sample as Whisper JSON').toBe(
      'whisper-json',
    );
    // The transcript alone: review.test.ts opens it with its audio and plays it.
    await openFiles([file], expected);

    const [first, second] = expected.segments;
    expect(first && second, 'the sample needs at least two segments').toBeTruthy();
    for (const segment of expected.segments) {
      expect(await currentText(segment)).toContain(segment.text.trim());
    }

    await editSegment(first!, 'an edit that undo takes back');
    await page.getByTestId('undo-button').click();
    await expect.poll(() => currentText(first!)).toContain(first!.text.trim());
    await page.getByTestId('redo-button').click();
    await expect.poll(() => currentText(first!)).toContain('an edit that undo takes back');
    await page.getByTestId('undo-button').click();
    await expect.poll(() => currentText(first!)).toContain(first!.text.trim());

    const kept = `${second!.text.trim()} (checked by hand)`;
    await editSegment(second!, kept);
    await screenshot(page, 'transcript.png');

    const exported = await exportAs('srt');
    expect(exported.name).toMatch(/\.srt$/);
    const reread = parseDocument(exported.text, exported.name).document;
    const wanted = texts(expected);
    wanted[1] = kept;
    expect(texts(reread)).toEqual(wanted);
    expect(reread.segments.map((segment) => segment.start)).toEqual(
      expected.segments.map((segment) => segment.start),
    );
  });

  it('saves the edited transcript as a project and opens it again with the edit', async () => {
    const edited = await parseFile(sampleFile('meeting.whisper.json'));
    const second = edited.segments[1]!;
    const kept = await currentText(second);
    expect(kept).toContain('(checked by hand)');

    const project = await downloadText(page, () => page.getByTestId('save-project-button').click());
    expect(project.name).toMatch(/\.neko\.json$/);
    const saved = parseDocument(project.text, project.name).document;
    expect(saved.segments[1]!.text).toBe(kept.trim());

    await page.getByTestId('open-file-input').setInputFiles({
      name: project.name,
      mimeType: 'application/json',
      buffer: Buffer.from(project.text),
    });
    await expect.poll(() => currentText(second), { timeout: 20_000 }).toBe(kept);
    expect(await page.getByTestId('segment-row').count()).toBe(edited.segments.length);
  });

  it('opens the sample scan with its page image, edits a line and exports hOCR with the geometry kept', async () => {
    const hocr = sampleFile('page.hocr');
    const expected = await parseFile(hocr);
    expect(expected.source.format, 'the core must read the sample as hOCR').toBe('hocr');
    await openFiles([hocr, hocr.replace(/\.hocr$/, '.png')], expected);

    const image = page.getByTestId('page-image').first();
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), {
        timeout: 20_000,
      })
      .toBe(expected.pages?.[0]?.width);

    const line = expected.segments[0]!;
    const corrected = `${line.text.trim()} corrected`;
    await editSegment(line, corrected);
    await screenshot(page, 'scan-edited.png');

    const exported = await exportAs('hocr');
    expect(exported.name).toMatch(/\.hocr$/);
    const reread = parseDocument(exported.text, exported.name).document;
    expect(reread.segments[0]!.text.trim()).toBe(corrected);
    expect(texts(reread).slice(1)).toEqual(texts(expected).slice(1));
    expect(reread.segments.map((segment) => segment.layout?.bbox)).toEqual(
      expected.segments.map((segment) => segment.layout?.bbox),
    );
  });

  it('shows a one-line error naming a broken file', async () => {
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'broken.srt',
      mimeType: 'application/x-subrip',
      buffer: Buffer.from('1\n00:00:01,000 --> banana\nhello\n'),
    });
    await expect
      .poll(() => page.getByTestId('error-message').textContent(), { timeout: 20_000 })
      .toContain('broken.srt');
  });

  it('ran without script errors or Content-Security-Policy refusals', () => {
    // The broken file's refusal (HTTP 422) is logged by Chromium itself; anything else is a fault.
    expect(app.pageErrors.filter((message) => !/status of 422/.test(message))).toEqual([]);
  });
});
