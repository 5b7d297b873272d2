import { describe, expect, it } from 'vitest';
import { suggestionFromCorrection } from '../../../src/document/operations.js';
import { withUnitsWritten } from '../../../src/corrector/passes/written-units.js';
import type { Suggestion } from '../../../src/document/types.js';

/** The model's output on `source` as a suggestion, each edit at the confidence of its first word. */
function modelSuggestion(source: string, output: string, sure: Record<string, number> = {}) {
  const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    confidence: sure[match[0]] ?? 0.9,
  }));
  return suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
}

/** Every edit names its own source and target text. */
function expectConsistent(source: string, suggestion: Suggestion): void {
  for (const edit of suggestion.edits) {
    expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
    expect(suggestion.text.slice(...edit.targetSpan)).toBe(edit.after);
  }
}

describe('units said after the model’s digits', () => {
  it('writes "percent" after a number said in words as "%", inside or after the edit', () => {
    const source = 'we can offer around fifteen percent off and it grew twenty five percent';
    const output = 'We can offer around 15 percent off and it grew 25 percent.';
    const written = withUnitsWritten(source, modelSuggestion(source, output, { '15': 0.74 }));
    expect(written.text).toBe('We can offer around 15% off and it grew 25%.');
    expect(written.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['we', 'We', 0.9],
      ['fifteen percent', '15%', 0.74],
      ['twenty five percent', '25%.', 0.9],
    ]);
    const perCent = 'about two per cent for ten minutes';
    const said = withUnitsWritten(
      perCent,
      modelSuggestion(perCent, 'About 2 per cent for 10 minutes.'),
    );
    expect(said.text).toBe('About 2% for 10 minutes.');
    expectConsistent(source, written);
  });

  it('drops the currency said again after an amount written with its sign', () => {
    const source = 'revenue was one point eight million dollars slightly below forecast';
    const output = 'Revenue was $1.8 million dollars slightly below forecast.';
    const written = withUnitsWritten(source, modelSuggestion(source, output));
    expect(written.text).toBe('Revenue was $1.8 million slightly below forecast.');
    // Aligned again, the number and the currency said twice are edits of their own.
    expect(written.edits.map((edit) => [edit.before, edit.after])).toEqual([
      ['revenue', 'Revenue'],
      ['one point eight', '$1.8'],
      ['dollars', ''],
      ['forecast', 'forecast.'],
    ]);
    expectConsistent(source, written);
  });

  it('keeps a currency said that the sign does not write, and a written-form transcript’s style', () => {
    const euros = 'it cost five hundred dollars';
    const signed = withUnitsWritten(euros, modelSuggestion(euros, 'It cost €500 dollars.'));
    expect(signed.text).toBe('It cost €500 dollars.');
    // Digits the recognizer wrote are its own style: "15 percent" stays.
    const writtenForm = 'sales grew 15 percent';
    const styled = withUnitsWritten(
      writtenForm,
      modelSuggestion(writtenForm, 'Sales grew 15 percent.'),
    );
    expect(styled.text).toBe('Sales grew 15 percent.');
    const none = modelSuggestion(writtenForm, writtenForm);
    expect(withUnitsWritten(writtenForm, none)).toBe(none);
  });

  it('leaves a unit that another edit changes, and "percent" that no number precedes', () => {
    // "cent" → "cent." is an edit of its own, after "per", which none changes.
    const source = 'it grew twenty five per cent and the percent sign';
    const output = 'It grew 25 per cent. And the percent sign.';
    const written = withUnitsWritten(source, modelSuggestion(source, output));
    expect(written.text).toBe('It grew 25 per cent. And the percent sign.');
    expectConsistent(source, written);
  });
});
