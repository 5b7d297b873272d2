import { describe, expect, it } from 'vitest';
import {
  inWritersApostrophe,
  writersApostrophe,
} from '../../../src/corrector/passes/apostrophes.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

describe("the writer's apostrophe", () => {
  it('is the one most of the words have', () => {
    expect(writersApostrophe(['I’ve seen it.', 'She don’t know', "it's"])).toBe('’');
    expect(writersApostrophe(["I've seen it.", 'don’t'])).toBeUndefined();
    expect(writersApostrophe(["'Quoted' words", 'no apostrophes'])).toBeUndefined();
    expect(writersApostrophe(["we're", "they're"])).toBe("'");
  });

  it('is written by every edit, and an edit that changed only it is none', () => {
    const source = 'She don’t like it. I’ve been here since five years.';
    const corrected = "She doesn't like it. I've been here for five years.";
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, corrected, [
      { start: 0, end: corrected.length, confidence: 0.95 },
    ]);
    const result = inWritersApostrophe(source, suggestion, '’');
    expect(result.text).toBe('She doesn’t like it. I’ve been here for five years.');
    expect(result.edits.map((edit) => [edit.before, edit.after])).toEqual([
      ['don’t', 'doesn’t'],
      ['since', 'for'],
    ]);
    for (const edit of result.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
    expect(inWritersApostrophe(source, suggestion, undefined)).toBe(suggestion);
  });
});
