import { describe, expect, it } from 'vitest';
import {
  onSourceWithLineBreaks,
  withLineBreaksAsSpaces,
} from '../../../src/corrector/passes/line-breaks.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

function corrected(source: string, correction: string) {
  const oneLine = withLineBreaksAsSpaces({ id: 's', hypotheses: [source] }).hypotheses[0]!;
  expect(oneLine).toHaveLength(source.length);
  expect(oneLine).not.toMatch(/\n/);
  const suggestion = suggestionFromCorrection(
    { id: 's', source: oneLine, text: oneLine },
    correction,
    [{ start: 0, end: correction.length, confidence: 0.9 }],
  );
  const result = onSourceWithLineBreaks(source, suggestion);
  for (const edit of result.edits) {
    expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
    expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
  }
  return result;
}

describe('segments of several lines', () => {
  it('keeps the line breaks that no edit crosses', () => {
    const source =
      'We stayed in a small hotel near\nof the beach and every day\nwe swim in the sea.';
    const result = corrected(
      source,
      'We stayed in a small hotel near the beach and every day we swam in the sea.',
    );
    expect(result.text).toBe(
      'We stayed in a small hotel near\nthe beach and every day\nwe swam in the sea.',
    );
    expect(result.edits.map((edit) => [edit.kind, edit.before, edit.after])).toEqual([
      ['delete', 'of', ''],
      ['replace', 'swim', 'swam'],
    ]);
  });

  it("puts a break that an edit crosses between the edit's own words", () => {
    const source = 'I study English\nsince three years now';
    const result = corrected(source, 'I have studied English for three years now');
    expect(result.text.split('\n')).toHaveLength(2);
    expect(result.text.replace('\n', ' ')).toBe('I have studied English for three years now');
  });

  it('leaves one-line segments and inputs as they are', () => {
    const input = { id: 'a', hypotheses: ['one line', 'another'] };
    expect(withLineBreaksAsSpaces(input)).toBe(input);
    const suggestion = suggestionFromCorrection(
      { id: 'a', source: 'one line', text: 'one line' },
      'One line.',
    );
    expect(onSourceWithLineBreaks('one line', suggestion)).toBe(suggestion);
  });
});
