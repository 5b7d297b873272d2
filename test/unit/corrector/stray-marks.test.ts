import { describe, expect, it } from 'vitest';
import { confidentText, suggestionFromCorrection } from '../../../src/document/operations.js';
import type { Suggestion } from '../../../src/document/types.js';
import {
  UNRATED_GLUED_CONFIDENCE,
  withoutGluedMarks,
  withoutStrayMarks,
} from '../../../src/corrector/passes/stray-marks.js';

/** A suggestion that changes nothing, as the passes before get it for a clean line. */
const unchanged = (source: string): Suggestion =>
  suggestionFromCorrection({ id: 's', source, text: source }, source);

describe('withoutStrayMarks', () => {
  it('deletes a doubted mark at either end of the line, and the space that joined it', () => {
    const source = ': Unit 9, Fenton Trading Estate ~';
    const result = withoutStrayMarks(
      source,
      unchanged(source),
      [0.2, 0.9, 0.9, 0.9, 0.9, 0.9, 0.35],
    );
    expect(result.text).toBe('Unit 9, Fenton Trading Estate');
    expect(result.edits.map((edit) => [edit.kind, edit.before, edit.pass])).toEqual([
      ['delete', ':', 'ocr-marks'],
      ['delete', '~', 'ocr-marks'],
    ]);
    expect(result.edits.map((edit) => edit.confidence)).toEqual([0.8, 0.65]);
    for (const edit of result.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
  });

  it('leaves marks the recognizer was sure of, dashes, a lone "|", signs and words', () => {
    for (const [source, confidences] of [
      ['Estate :', [0.9, 0.6]],
      ['- Report suspicious messages -', [0.15, 0.9, 0.9, 0.2]],
      ['| think so', [0.1, 0.9, 0.9]],
      ['Power factor > 0.9 %', [0.9, 0.9, 0.3, 0.9, 0.2]],
      ['Total: 40', [0.2, 0.3]],
      ['.', [0.1]],
    ] as const) {
      const suggestion = unchanged(source);
      expect(withoutStrayMarks(source, suggestion, confidences)).toBe(suggestion);
    }
    const source = 'Estate :';
    expect(withoutStrayMarks(source, unchanged(source), undefined)).toEqual(unchanged(source));
  });

  it("keeps the other passes' edits and their passes", () => {
    const source = 'the fault retumed tha following evening .';
    const lexical = suggestionFromCorrection(
      { id: 's', source, text: source },
      'the fault retumed the following evening .',
    );
    lexical.edits = lexical.edits.map((edit) => ({
      ...edit,
      confidence: 0.99,
      pass: 'ocr-lexicon',
    }));
    const result = withoutStrayMarks(source, lexical, [0.9, 0.9, 0.9, 0.7, 0.9, 0.9, 0.1]);
    expect(result.text).toBe('the fault retumed the following evening');
    expect(
      result.edits.map((edit) => [edit.before, edit.after, edit.confidence, edit.pass]),
    ).toEqual([
      ['tha', 'the', 0.99, 'ocr-lexicon'],
      ['.', '', 0.9, 'ocr-marks'],
    ]);
  });
});

describe('withoutGluedMarks', () => {
  it('takes a doubted opening quote that nothing closes off its word', () => {
    const source = '‘The integrated float switch stops the pump.';
    const result = withoutGluedMarks(
      source,
      unchanged(source),
      [0.4, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
    );
    expect(result.text).toBe('The integrated float switch stops the pump.');
    expect(result.edits.map((edit) => [edit.before, edit.after, edit.pass])).toEqual([
      ['‘The', 'The', 'ocr-marks'],
    ]);
    expect(result.edits[0]!.confidence).toBeCloseTo(0.6);
  });

  it('takes a doubted period off a word when the next word shows the sentence goes on', () => {
    const source = 'up 6.2% on the quarter last year. and 1.9% on';
    const result = withoutGluedMarks(
      source,
      unchanged(source),
      [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.55, 0.9, 0.9, 0.9],
    );
    expect(result.text).toBe('up 6.2% on the quarter last year and 1.9% on');
    expect(result.edits.map((edit) => [edit.before, edit.after])).toEqual([['year.', 'year']]);
    expect(result.edits[0]!.confidence).toBeCloseTo(0.45);
  });

  it('leaves quotes that close, sure words, sentence ends and abbreviations', () => {
    for (const [source, confidences] of [
      ['‘Book Week’ runs from Monday', [0.3, 0.3, 0.9, 0.9, 0.9]],
      ['“Without prejudice,” he said', [0.3, 0.9, 0.9, 0.9]],
      ['the cat. The dog', [0.9, 0.3, 0.9, 0.9]],
      ['the cat. the dog', [0.9, 0.85, 0.9, 0.9]],
      ['Max. torque 65 Nm', [0.3, 0.9, 0.9, 0.9]],
      ['Smith et al. who found', [0.9, 0.9, 0.3, 0.9, 0.9]],
      ['it is 15 ft. high', [0.9, 0.9, 0.9, 0.3, 0.9]],
      ['the end.', [0.9, 0.3]],
      ['in 2024. and', [0.9, 0.3, 0.9]],
    ] as const) {
      const suggestion = unchanged(source);
      expect(withoutGluedMarks(source, suggestion, confidences)).toBe(suggestion);
    }
  });

  it('marks edits on a line without confidences as below what "Accept all" takes', () => {
    const source = 'We act ‘for Thornbury Homes';
    const result = withoutGluedMarks(source, unchanged(source), undefined);
    expect(result.text).toBe('We act for Thornbury Homes');
    expect(result.edits.map((edit) => edit.confidence)).toEqual([UNRATED_GLUED_CONFIDENCE]);
  });

  it("leaves a word another pass changed, and keeps that pass's edit", () => {
    const source = 'the Satisiaction. in the survey';
    const lexical = suggestionFromCorrection(
      { id: 's', source, text: source },
      'the Satisfaction. in the survey',
    );
    lexical.edits = lexical.edits.map((edit) => ({
      ...edit,
      confidence: 0.8,
      pass: 'ocr-lexicon',
    }));
    expect(withoutGluedMarks(source, lexical, [0.9, 0.3, 0.9, 0.9, 0.9])).toBe(lexical);
  });

  it("keeps its repair apart from another pass's edit of the next word", () => {
    const source = '‘Stops tf at 8 cm.';
    const lexical = suggestionFromCorrection(
      { id: 's', source, text: source },
      '‘Stops if at 8 cm.',
    );
    lexical.edits = lexical.edits.map((edit) => ({
      ...edit,
      confidence: 0.99,
      pass: 'ocr-lexicon',
    }));
    const result = withoutGluedMarks(source, lexical, [0.3, 0.9, 0.9, 0.9, 0.9]);
    expect(result.text).toBe('Stops if at 8 cm.');
    expect(
      result.edits.map((edit) => [edit.before, edit.after, edit.confidence, edit.pass]),
    ).toEqual([
      ['‘Stops', 'Stops', 0.7, 'ocr-marks'],
      ['tf', 'if', 0.99, 'ocr-lexicon'],
    ]);
    // "Accept all ≥ 60%" can take the sure repair without the doubted one.
    expect(confidentText(source, result, 0.8)).toBe('‘Stops if at 8 cm.');
  });
});
