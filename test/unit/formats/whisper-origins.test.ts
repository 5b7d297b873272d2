/**
 * Each word knows who wrote it: in a Whisper JSON export the words of a changed segment carry
 * `origin` (recognizer, corrector or user), and reading that export back restores the origins.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptEdit,
  attachSuggestion,
  editSegmentText,
  suggestionFromCorrection,
  wordOrigins,
} from '../../../src/document/operations.js';
import type { NekoDocument } from '../../../src/document/types.js';
import { formatById, parseDocument } from '../../../src/formats/registry.js';

const samplePath = new URL('../../../assets/samples/meeting.whisper.json', import.meta.url)
  .pathname;
const whisper = formatById('whisper-json');

function reviewed(): NekoDocument {
  const document = parseDocument(readFileSync(samplePath, 'utf8'), samplePath).document;
  const [first, second, ...rest] = document.segments;
  // The corrector's "everybody" in the first segment; the user's "indeed" typed after the second.
  const corrected = acceptEdit(
    attachSuggestion(
      first!,
      suggestionFromCorrection(first!, first!.source.replace('everyone', 'everybody')),
    ),
    0,
  );
  const typed = editSegmentText(second!, `${second!.text} indeed`);
  return { ...document, segments: [corrected, typed, ...rest] };
}

describe('Whisper JSON word origins', () => {
  it('writes an origin on every word of a changed segment, and none on untouched ones', () => {
    const document = reviewed();
    const output = JSON.parse(whisper.serialize(document)) as {
      segments: { words?: { word: string; origin?: string }[] }[];
    };
    const [first, second, third] = output.segments;
    expect(first!.words!.map((word) => word.origin)).toEqual(wordOrigins(document.segments[0]!));
    expect(first!.words!.find((word) => word.word.trim() === 'everybody')?.origin).toBe(
      'corrector',
    );
    expect(second!.words!.at(-1)).toMatchObject({ origin: 'user' });
    expect(third!.words!.every((word) => word.origin === undefined)).toBe(true);
  });

  it('reads the origins back from its own export', () => {
    const document = reviewed();
    const reread = parseDocument(
      whisper.serialize(document),
      'again.json',
      'whisper-json',
    ).document;
    expect(reread.segments[0]!.origins).toEqual(wordOrigins(document.segments[0]!));
    expect(reread.segments[1]!.origins).toEqual(wordOrigins(document.segments[1]!));
    expect(reread.segments[2]!.origins).toBeUndefined();
  });
});
