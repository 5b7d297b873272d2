import { describe, expect, it } from 'vitest';
import {
  isUpperCaseTranscript,
  lowerCasedForModel,
  onSourceInCapitals,
} from '../../../src/corrector/passes/transcript-capitals.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

describe('transcripts in capitals', () => {
  it('lower-cases the hypotheses for the model only when every one is in capitals', () => {
    expect(isUpperCaseTranscript("LET'S KEEP THIS QUICK")).toBe(true);
    expect(isUpperCaseTranscript('Let me know')).toBe(false);
    expect(isUpperCaseTranscript('2024')).toBe(false);
    expect(lowerCasedForModel(["LET'S GO", 'LETS GO'])).toEqual(["let's go", 'lets go']);
    expect(lowerCasedForModel(["LET'S GO", 'lets go'])).toBeUndefined();
    // Lower case would move every later character: the edits could not be put back.
    expect(lowerCasedForModel(['İSTANBUL IS BIG'])).toBeUndefined();
  });

  it("puts the model's edits back on the capitals, keeping the words it only punctuated", () => {
    const source = 'SO WE SPENT THREE WEEKS ON IT AND MORE EASY';
    const lower = source.toLowerCase();
    const corrected = 'So we spent 3 weeks on it and more easy.';
    const suggestion = suggestionFromCorrection(
      { id: 's', source: lower, text: lower },
      corrected,
      [{ start: 0, end: corrected.length, confidence: 0.95 }],
    );
    const result = onSourceInCapitals(source, suggestion);
    expect(result.text).toBe('So WE SPENT 3 WEEKS ON IT AND MORE EASY.');
    expect(result.edits.map((edit) => [edit.before, edit.after])).toEqual([
      ['SO', 'So'],
      ['THREE', '3'],
      ['EASY', 'EASY.'],
    ]);
    // A mark the model changed keeps the word's capitals too ("WAITED," → "WAITED.").
    const marked = 'WE WAITED, THEN LEFT';
    const markedLower = marked.toLowerCase();
    const markedCorrected = 'We waited. Then left';
    const markedResult = onSourceInCapitals(
      marked,
      suggestionFromCorrection(
        { id: 'm', source: markedLower, text: markedLower },
        markedCorrected,
        [{ start: 0, end: markedCorrected.length, confidence: 0.95 }],
      ),
    );
    expect(markedResult.text).toBe('We WAITED. Then LEFT');
    for (const edit of result.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
  });

  it('spaces inserted and deleted words as the text around them is spaced', () => {
    const source = 'WE MET MET ON MONDAY THEN LEFT';
    const lower = source.toLowerCase();
    const corrected = 'we met on monday and then left';
    const result = onSourceInCapitals(
      source,
      suggestionFromCorrection({ id: 'i', source: lower, text: lower }, corrected, [
        { start: 0, end: corrected.length, confidence: 0.95 },
      ]),
    );
    expect(result.text).toBe('WE MET ON MONDAY and THEN LEFT');
    for (const edit of result.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
  });
});
