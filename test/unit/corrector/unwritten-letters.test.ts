import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestionFromCorrection } from '../../../src/document/operations.js';
import type { SuggestionEdit } from '../../../src/document/types.js';
import {
  losesCharactersBeyondAscii,
  withCharactersBeyondAsciiKept,
} from '../../../src/corrector/passes/unwritten-letters.js';

/** Shared with training/tests/test_gating.py. */
const CASES = JSON.parse(
  readFileSync(new URL('../../fixtures/gating/cases.json', import.meta.url), 'utf8'),
) as { characters_beyond_ascii_lost: [string, string, boolean][] };

describe("the model's edits that lose a letter beyond ASCII", () => {
  it.each(CASES.characters_beyond_ascii_lost)('%s → %s loses one: %s', (before, after, loses) => {
    expect(losesCharactersBeyondAscii(before, after)).toBe(loses);
  });

  it("drops such an edit of the model's own and keeps its others and the passes' edits", () => {
    const source = 'But I will miss Kraków and Zürich very mutch';
    const output = 'But I will miss Krak and Zürich very much.';
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output);
    const marked = {
      ...suggestion,
      edits: suggestion.edits.map((edit): SuggestionEdit =>
        edit.before === 'mutch' ? { ...edit, pass: 'grammar-checker' } : edit,
      ),
    };
    const kept = withCharactersBeyondAsciiKept(source, marked);
    expect(kept.text).toBe('But I will miss Kraków and Zürich very much.');
    expect(kept.edits.map((edit) => [edit.before, edit.after, edit.pass])).toEqual([
      ['mutch', 'much.', 'grammar-checker'],
    ]);
  });
});
