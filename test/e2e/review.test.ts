import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatmapLayout } from '../../renderer/components/heatmap-drawing.js';
import { acceptEdit, attachSuggestion, rejectEdit } from '../../src/document/operations.js';
import type {
  NekoDocument,
  RoutingRecord,
  Segment,
  Suggestion,
  SuggestionEdit,
} from '../../src/document/types.js';
import { parseDocument } from '../../src/formats/registry.js';
import {
  currentText,
  exportAs,
  openFiles,
  parseFile,
  sampleFile,
  screenshot,
  segmentRow,
  startBrowserMode,
  writeTempFile,
  type BrowserMode,
} from './harness.js';

/**
 * The review flow of issue 5 in Chromium, with the shipped model doing the correcting: correct the
 * sample meeting, decide suggestions by keyboard, undo, play, inspect the routing, export; then the
 * sample scan. Nothing the model writes is written here: the expectations come from the corrector's
 * events as the server pushed them to the page, and from the core's document operations applied to
 * the parsed sample in step with the decisions the test makes in the UI.
 */

interface EditPosition {
  segmentId: string;
  editIndex: number;
}

let app: BrowserMode;
let page: Page;
/** The sample meeting as the core reads it, with the corrector's suggestions and the test's decisions. */
let reviewed: NekoDocument;
/** Playwright key names by shortcut action, as the app's shortcut sheet lists them. */
let keys: Map<string, string>;
let accepted: EditPosition;
let rejected: EditPosition;

beforeAll(async () => {
  app = await startBrowserMode();
  page = app.page;
  await page.goto(app.server.url);
});

afterAll(async () => {
  await app?.close();
});

function segmentById(document: NekoDocument, segmentId: string): Segment {
  const segment = document.segments.find((candidate) => candidate.id === segmentId);
  if (!segment) throw new Error(`no segment ${segmentId} in ${document.title}`);
  return segment;
}

function editAt(position: EditPosition): SuggestionEdit {
  const edit = segmentById(reviewed, position.segmentId).suggestion?.edits[position.editIndex];
  if (!edit) throw new Error(`no edit ${position.editIndex} in segment ${position.segmentId}`);
  return edit;
}

/** Applies the decision the UI was asked for to the test's own copy, with the core's operations. */
function recordDecision(position: EditPosition, decision: 'accepted' | 'rejected'): void {
  const decide = decision === 'accepted' ? acceptEdit : rejectEdit;
  reviewed = {
    ...reviewed,
    segments: reviewed.segments.map((segment) =>
      segment.id === position.segmentId ? decide(segment, position.editIndex) : segment,
    ),
  };
}

function suggestionAt(position: EditPosition): Locator {
  return segmentRow(page, position.segmentId).locator(
    `[data-testid="suggestion"][data-edit-index="${position.editIndex}"]`,
  );
}

const pendingSuggestions = () =>
  page.locator('[data-testid="suggestion"][data-decision="pending"]');

/** The suggestion the review cursor is on, read from the DOM; null when there is none. */
async function cursorPosition(): Promise<EditPosition | null> {
  const current = page.locator('[data-testid="suggestion"][aria-current="true"]');
  if ((await current.count()) !== 1) return null;
  return current.evaluate((element) => ({
    segmentId: element.closest<HTMLElement>('[data-testid="segment-row"]')?.dataset.segmentId ?? '',
    editIndex: Number((element as HTMLElement).dataset.editIndex),
  }));
}

/** "Ctrl+Shift+Z" as the sheet writes a key → "Control+Shift+z" as Playwright presses it. */
function playwrightKey(label: string): string {
  const names: Record<string, string> = { Ctrl: 'Control', '↓': 'ArrowDown', '↑': 'ArrowUp' };
  return label
    .split('+')
    .map((part) => names[part] ?? (part.length === 1 ? part.toLowerCase() : part))
    .join('+');
}

/** Opens the shortcut sheet from the toolbar, reads each action's first key, and closes it again. */
async function readShortcutSheet(): Promise<Map<string, string>> {
  await page.getByTestId('shortcuts-button').click();
  const rows = page.getByTestId('shortcut');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const listed = await rows.evaluateAll((elements) =>
    elements.map((row) => [
      (row as HTMLElement).dataset.action ?? '',
      row.querySelector('kbd')?.textContent ?? '',
    ]),
  );
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('shortcut-sheet').count()).toBe(0);
  return new Map(listed.map(([action, label]) => [action!, playwrightKey(label!)]));
}

async function press(action: string): Promise<void> {
  const key = keys.get(action);
  expect(key, `the shortcut sheet lists a key for ${action}`).toBeTruthy();
  await page.keyboard.press(key!);
}

async function expectTextsAsReviewed(): Promise<void> {
  for (const segment of reviewed.segments) {
    await expect.poll(() => currentText(page, segment.id)).toBe(segment.text);
  }
}

describe('review flow in Chromium with the shipped corrector', () => {
  it('corrects the sample meeting with the Correct button and shows every suggestion the core sent', async () => {
    const file = sampleFile('meeting.whisper.json');
    const audio = file.replace(/\.whisper\.json$/, '.ogg');
    expect(existsSync(audio), `the sample meeting's audio is missing: ${audio}`).toBe(true);
    const sample = await parseFile(file);
    await openFiles(page, [file, audio], sample);

    const correct = page.getByTestId('correct-button');
    await expect.poll(() => correct.isEnabled(), { timeout: 20_000 }).toBe(true);
    const status = await app.correctorStatus();
    expect(status.available, status.message).toBe(true);

    // Issue 15, item 8: progress has a fixed place, so the list does not jump while correcting.
    // Every frame records where the list starts, from the click until the correction is done.
    await page.evaluate(() => {
      const tops: number[] = [];
      (window as unknown as { listTops: number[] }).listTops = tops;
      const record = () => {
        const list = document.querySelector('.segment-list');
        if (list) tops.push(list.getBoundingClientRect().top);
        if (tops.length < 100_000) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await correct.click();
    await expect
      .poll(() => app.correctorEvents.some((event) => event.type === 'done'), { timeout: 60_000 })
      .toBe(true);
    await expect.poll(() => page.getByTestId('correction-progress').count()).toBe(0);
    await expect.poll(() => correct.isVisible()).toBe(true);
    const tops = await page.evaluate(() => (window as unknown as { listTops: number[] }).listTops);
    expect(tops.length).toBeGreaterThan(1);
    expect(Math.max(...tops) - Math.min(...tops), 'the list moved while correcting').toBeLessThan(
      1,
    );

    const events = app.correctorEvents;
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
    expect(events.find((event) => event.type === 'done')).toMatchObject({ cancelled: false });
    const total = sample.segments.length;
    expect(events.filter((event) => event.type === 'progress').at(-1)).toMatchObject({
      done: total,
      total,
    });
    const suggestions = new Map<string, Suggestion>();
    for (const event of events) {
      if (event.type === 'result') suggestions.set(event.segmentId, event.suggestion);
    }
    expect([...suggestions.keys()].sort()).toEqual(sample.segments.map((s) => s.id).sort());
    reviewed = {
      ...sample,
      segments: sample.segments.map((segment) =>
        attachSuggestion(segment, suggestions.get(segment.id)!),
      ),
    };

    const editCount = reviewed.segments.reduce(
      (sum, segment) => sum + (segment.suggestion?.edits.length ?? 0),
      0,
    );
    expect(
      editCount,
      'the sample needs two suggestions to accept one and reject another',
    ).toBeGreaterThanOrEqual(2);
    for (const segment of reviewed.segments) {
      await expect
        .poll(() => segmentRow(page, segment.id).getByTestId('suggestion').count())
        .toBe(segment.suggestion?.edits.length ?? 0);
    }
    expect(await page.getByTestId('suggestion').count()).toBe(editCount);
    expect(await pendingSuggestions().count()).toBe(editCount);
    await expectTextsAsReviewed();
  });

  it('accepts a suggestion and rejects another by keyboard; undo brings the rejected one back', async () => {
    keys = await readShortcutSheet();

    // Opening selects the first segment, and the one cursor highlights its first pending suggestion;
    // where it has none, J moves to the document's first suggestion.
    if ((await cursorPosition()) === null) await press('next-suggestion');
    await expect.poll(cursorPosition).not.toBeNull();
    accepted = (await cursorPosition())!;
    const firstWithEdits = reviewed.segments.find((s) => (s.suggestion?.edits.length ?? 0) > 0)!;
    expect(accepted).toEqual({ segmentId: firstWithEdits.id, editIndex: 0 });

    await press('accept');
    recordDecision(accepted, 'accepted');
    await expect.poll(() => suggestionAt(accepted).getAttribute('data-decision')).toBe('accepted');
    const acceptedText = segmentById(reviewed, accepted.segmentId).text;
    expect(acceptedText).not.toBe(segmentById(reviewed, accepted.segmentId).source);
    expect(acceptedText).toContain(editAt(accepted).after.trim());
    await expect.poll(() => currentText(page, accepted.segmentId)).toBe(acceptedText);

    await press('next-suggestion');
    await expect
      .poll(async () => {
        const position = await cursorPosition();
        return position !== null && JSON.stringify(position) !== JSON.stringify(accepted);
      })
      .toBe(true);
    rejected = (await cursorPosition())!;
    expect(editAt(rejected).decision).toBe('pending');
    const pendingBefore = await pendingSuggestions().count();
    const textBefore = segmentById(reviewed, rejected.segmentId).text;

    await press('reject');
    recordDecision(rejected, 'rejected');
    await expect.poll(() => suggestionAt(rejected).getAttribute('data-decision')).toBe('rejected');
    expect(await suggestionAt(rejected).getByTestId('reject-suggestion').count()).toBe(0);
    expect(await pendingSuggestions().count()).toBe(pendingBefore - 1);
    expect(await currentText(page, rejected.segmentId)).toBe(textBefore);
    if (editAt(rejected).before) expect(textBefore).toContain(editAt(rejected).before);

    await press('undo');
    await expect.poll(() => suggestionAt(rejected).getAttribute('data-decision')).toBe('pending');
    expect(await suggestionAt(rejected).getByTestId('reject-suggestion').count()).toBe(1);
    expect(await pendingSuggestions().count()).toBe(pendingBefore);
    expect(await suggestionAt(accepted).getAttribute('data-decision')).toBe('accepted');

    // Redo by keyboard too, so that the export below has a rejected suggestion to leave out.
    await press('redo');
    await expect.poll(() => suggestionAt(rejected).getAttribute('data-decision')).toBe('rejected');
    await expectTextsAsReviewed();
    await screenshot(page, 'review.png');
  });

  it('plays a segment from its play control: the audio time moves on and the segment is highlighted', async () => {
    // The longest segment that has a next one, so that it is still playing while the test looks.
    const segment = reviewed.segments
      .slice(0, -1)
      .reduce((longest, candidate) =>
        candidate.end! - candidate.start! > longest.end! - longest.start! ? candidate : longest,
      );
    const row = segmentRow(page, segment.id);
    const audio = page.getByTestId('audio-player');
    const time = () => audio.evaluate((element) => (element as HTMLAudioElement).currentTime);

    await row.getByTestId('play-segment').click();
    await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(segment.start!);
    await expect.poll(() => row.getAttribute('data-playing')).toBe('true');
    expect(await page.locator('[data-testid="segment-row"][data-playing="true"]').count()).toBe(1);
    const seeked = await time();
    await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(seeked + 0.5);

    // The highlight follows the audio, not the selection: select the next segment while it plays.
    const next = reviewed.segments[reviewed.segments.indexOf(segment) + 1]!;
    await press('next-segment');
    await expect.poll(() => segmentRow(page, next.id).getAttribute('data-selected')).toBe('true');
    expect(await segmentRow(page, next.id).getAttribute('data-playing')).toBe('false');
    expect(await row.getAttribute('data-playing')).toBe('true');
    expect(await time()).toBeLessThan(segment.end!);

    await audio.evaluate((element) => (element as HTMLAudioElement).pause());
  });

  it("shows a corrected segment's routing heatmap: hovering a cell lists every expert's probability and highlights the token", async () => {
    const withRouting = (segment: Segment) =>
      (segment.suggestion?.routing?.encoder.tokens.length ?? 0) > 0;
    const acceptedSegment = segmentById(reviewed, accepted.segmentId);
    const segment = withRouting(acceptedSegment)
      ? acceptedSegment
      : reviewed.segments.find(withRouting);
    expect(segment, 'the corrector sends routing records with its suggestions').toBeDefined();
    const routing = segment!.suggestion!.routing!;
    const row = segmentRow(page, segment!.id);
    await row.click({ position: { x: 4, y: 4 } });
    await expect.poll(() => row.getAttribute('data-selected')).toBe('true');

    for (const sideName of ['encoder', 'decoder'] as const) {
      await page.locator(`[data-testid="routing-side"][value="${sideName}"]`).check();
      await hoverAndCheckCell(routing, sideName, sideText(segment!, sideName));
      if (sideName === 'encoder') await screenshot(page, 'heatmap.png');
      await page.mouse.move(1, 1);
      await expect.poll(() => page.getByTestId('heatmap-tooltip').count()).toBe(0);
    }
  });

  it('exports Whisper JSON and SRT with the accepted correction and without the rejected one, times kept', async () => {
    const acceptedIndex = reviewed.segments.findIndex((s) => s.id === accepted.segmentId);
    const rejectedIndex = reviewed.segments.findIndex((s) => s.id === rejected.segmentId);
    const rejectedSegment = segmentById(reviewed, rejected.segmentId);
    const withRejectedApplied = acceptEdit(rejectedSegment, rejected.editIndex).text.trim();

    for (const format of ['whisper-json', 'srt']) {
      const exported = await exportAs(page, format);
      const reread = parseDocument(exported.text, exported.name).document;
      expect(reread.source.format).toBe(format);
      expect(reread.segments.map((s) => s.text.trim())).toEqual(
        reviewed.segments.map((s) => s.text.trim()),
      );
      expect(reread.segments[acceptedIndex]!.text).toContain(editAt(accepted).after.trim());
      expect(reread.segments[rejectedIndex]!.text.trim()).not.toBe(withRejectedApplied);
      reread.segments.forEach((segment, index) => {
        const original = reviewed.segments[index]!;
        expect(segment.start).toBeCloseTo(original.start!, 3);
        expect(segment.end).toBeCloseTo(original.end!, 3);
      });
    }
  });

  it('opens the sample scan: a line chosen by keyboard highlights its box, a click on a box selects its line', async () => {
    const hocr = sampleFile('page.hocr');
    const scan = await parseFile(hocr);
    expect(scan.segments.length, 'the sample scan needs three lines').toBeGreaterThanOrEqual(3);
    // The reviewed meeting has unsaved decisions: the app asks before replacing it.
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await openFiles(page, [hocr, hocr.replace(/\.hocr$/, '.png')], scan);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain(reviewed.title);

    const image = page.getByTestId('page-image').first();
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), {
        timeout: 20_000,
      })
      .toBe(scan.pages?.[0]?.width);
    await page.mouse.move(1, 1); // away from the lines: hovering a line highlights its box too

    const box = (segment: Segment) =>
      page.locator(`[data-testid="ocr-box"][data-segment-id="${segment.id}"]`);
    const [first, second, third] = scan.segments as [Segment, Segment, Segment];
    await expect.poll(() => segmentRow(page, first.id).getAttribute('data-selected')).toBe('true');
    await press('next-segment');
    await expect.poll(() => segmentRow(page, second.id).getAttribute('data-selected')).toBe('true');
    await expect.poll(() => box(second).getAttribute('data-highlighted')).toBe('true');
    expect(await box(second).getAttribute('data-selected')).toBe('true');
    expect(await page.locator('[data-testid="ocr-box"][data-highlighted="true"]').count()).toBe(1);
    expect(await box(first).getAttribute('data-selected')).toBe('false');
    await expect.poll(() => boxInView(box(second))).toBe(true);

    await clickWhereVisible(box(third));
    await expect.poll(() => segmentRow(page, third.id).getAttribute('data-selected')).toBe('true');
    expect(await segmentRow(page, second.id).getAttribute('data-selected')).toBe('false');
    await expect.poll(() => box(third).getAttribute('data-highlighted')).toBe('true');
    await expect.poll(() => boxInView(box(third))).toBe(true);
    await screenshot(page, 'scan.png');
  });

  it('corrects the scan: the OCR lexical pass edits its lines and its edits say so', async () => {
    app.correctorEvents.length = 0;
    await page.getByTestId('correct-button').click();
    await expect
      .poll(() => app.correctorEvents.some((event) => event.type === 'done'), { timeout: 60_000 })
      .toBe(true);
    const byLexicon: { segmentId: string; editIndex: number; edit: SuggestionEdit }[] = [];
    for (const event of app.correctorEvents) {
      if (event.type !== 'result') continue;
      event.suggestion.edits.forEach((edit, editIndex) => {
        if (edit.pass === 'ocr-lexicon')
          byLexicon.push({ segmentId: event.segmentId, editIndex, edit });
      });
    }
    expect(
      byLexicon.length,
      'the sample scan has misread words for the lexical pass',
    ).toBeGreaterThan(0);
    for (const { segmentId, editIndex, edit } of byLexicon) {
      const shown = segmentRow(page, segmentId).locator(
        `[data-testid="suggestion"][data-edit-index="${editIndex}"]`,
      );
      await expect.poll(() => shown.getAttribute('title')).toContain('by the OCR lexicon pass');
      expect(await shown.getAttribute('title')).toContain(`“${edit.after}”`);
    }
    await screenshot(page, 'scan-corrected.png');

    // Scan lines are not decoded (the lexical pass alone corrects them): the encoder's routing is
    // shown, and the decoder side says why it has none.
    const scanLine = segmentRow(page, byLexicon[0]!.segmentId);
    await scanLine.click({ position: { x: 4, y: 4 } });
    await page.locator('[data-testid="routing-side"][value="encoder"]').check();
    await expect.poll(() => page.getByTestId('routing-token').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="routing-side"][value="decoder"]').check();
    await expect.poll(() => page.getByTestId('routing-side-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('routing-token').count()).toBe(0);
  });

  it('corrects an essay wrapped at 72 characters by paragraph and exports it on its own lines', async () => {
    const essay = [
      'Last summer I go to Spain with my family. We stayed in a small hotel',
      'near of the beach and every day we swim in the sea. The food was very',
      'delicious but the weather was too much hot for my grandmother, so she',
      'prefer to stay in the hotel and read books in the afternoon.',
      '',
      'I think it was the best holiday of my life and I want to go there again',
      'next year with my friends from school.',
      '',
    ].join('\n');
    const file = await writeTempFile('essay.txt', essay);
    const parsed = await parseFile(file);
    expect(parsed.segments.map((segment) => segment.source.split('\n').length)).toEqual([4, 2]);
    expect(parsed.task).toBe('text');
    // The corrected scan before it is unsaved work: the app asks before replacing it.
    page.once('dialog', (dialog) => void dialog.accept());
    await openFiles(page, [file], parsed);
    expect(await currentText(page, 'line-1')).toBe(parsed.segments[0]!.source);

    app.correctorEvents.length = 0;
    await page.getByTestId('correct-button').click();
    await expect
      .poll(() => app.correctorEvents.some((event) => event.type === 'done'), { timeout: 60_000 })
      .toBe(true);
    const results = app.correctorEvents.flatMap((event) =>
      event.type === 'result' ? [event] : [],
    );
    expect(results.map((event) => event.suggestion.task)).toEqual(['text', 'text']);
    // "near of" across the line break: one word deleted, the break kept.
    const first = results.find((event) => event.segmentId === 'line-1')!.suggestion;
    expect(first.edits.some((edit) => edit.kind === 'delete' && edit.before === 'of')).toBe(true);
    expect(first.text.split('\n')).toHaveLength(4);
    await screenshot(page, 'essay-corrected.png');

    await page.getByTestId('accept-above-button').click();
    const exported = await exportAs(page, 'text');
    const lines = exported.text.split('\n');
    expect(lines).toHaveLength(essay.split('\n').length);
    expect(lines[1]).toMatch(/^near the beach /u);
    expect(lines[4]).toBe('');
  });

  it('ran without script errors or Content-Security-Policy refusals', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

/** The part of a box that the page view shows (the view clips the zoomed page), or null. */
async function visiblePart(box: Locator) {
  const [boxBounds, view] = await Promise.all([
    box.boundingBox(),
    page.getByTestId('scan-viewport').boundingBox(),
  ]);
  if (!boxBounds || !view) return null;
  const left = Math.max(boxBounds.x, view.x);
  const top = Math.max(boxBounds.y, view.y);
  const right = Math.min(boxBounds.x + boxBounds.width, view.x + view.width);
  const bottom = Math.min(boxBounds.y + boxBounds.height, view.y + view.height);
  if (right <= left || bottom <= top) return null;
  const whole = right - left >= boxBounds.width - 0.5 && bottom - top >= boxBounds.height - 0.5;
  return { left, top, right, bottom, whole };
}

/** Whether the box lies wholly inside the page view, where the view zooms to the selected line. */
async function boxInView(box: Locator): Promise<boolean> {
  return (await visiblePart(box))?.whole ?? false;
}

/**
 * Clicks the box where the user sees it, once the zoom has settled. Playwright's own click would
 * first scroll the clipped view to bring the whole box in, which no user can do.
 */
async function clickWhereVisible(box: Locator): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished)),
  );
  const part = await visiblePart(box);
  expect(part, 'the box to click is on screen').not.toBeNull();
  await page.mouse.click((part!.left + part!.right) / 2, (part!.top + part!.bottom) / 2);
}

function sideText(segment: Segment, side: 'encoder' | 'decoder'): string {
  return side === 'encoder' ? segment.source : (segment.suggestion?.text ?? '');
}

/**
 * Hovers one cell of the heatmap (a token a few columns in, the last layer), found from the same
 * layout the canvas is drawn with, and checks the tooltip against the core's router probabilities.
 */
async function hoverAndCheckCell(
  routing: RoutingRecord,
  sideName: 'encoder' | 'decoder',
  text: string,
): Promise<void> {
  const side = routing[sideName];
  expect(side.tokens.length, `the ${sideName} routing has tokens`).toBeGreaterThan(0);
  const layout = heatmapLayout(side);
  const canvas = page.getByTestId('routing-heatmap');
  await expect.poll(async () => (await canvas.boundingBox())?.width).toBe(layout.width);
  await expect.poll(() => page.getByTestId('routing-token').count()).toBe(side.tokens.length);
  await canvas.scrollIntoViewIfNeeded();
  const bounds = (await canvas.boundingBox())!;
  const token = Math.min(3, layout.tokens - 1);
  const layer = layout.layers - 1;
  await page.mouse.move(
    bounds.x + layout.left + (token + 0.5) * layout.cellWidth,
    bounds.y + (layer + 0.5) * layout.cellHeight,
  );

  const tooltip = page.getByTestId('heatmap-tooltip');
  await expect.poll(() => tooltip.count()).toBe(1);
  expect(await tooltip.textContent()).toContain(side.tokens[token]!.piece);
  const shown = (await tooltip.getByTestId('heatmap-tooltip-value').allTextContents()).map(
    (value) => Number.parseFloat(value) / 100,
  );
  const probabilities = side.probabilities[layer]![token]!;
  expect(shown).toHaveLength(routing.experts.length);
  expect(probabilities).toHaveLength(routing.experts.length);
  // Shown to 0.1 %, so each is within half of that of the core's value, and they add up to 1.
  shown.forEach((probability, expert) =>
    expect(Math.abs(probability - probabilities[expert]!)).toBeLessThanOrEqual(0.0005 + 1e-9),
  );
  const sum = shown.reduce((total, probability) => total + probability, 0);
  expect(Math.abs(sum - 1)).toBeLessThanOrEqual(0.0005 * shown.length + 1e-9);

  const focused = page.locator('[data-testid="routing-token"][data-focused="true"]');
  await expect.poll(() => focused.count()).toBe(1);
  const { start, end } = side.tokens[token]!;
  expect(await page.getByTestId('routing-token').nth(token).getAttribute('data-focused')).toBe(
    'true',
  );
  expect(await focused.textContent()).toBe(text.slice(start, end) || '∅');
}
