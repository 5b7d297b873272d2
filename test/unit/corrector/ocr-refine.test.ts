import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  suggestionFromCorrection,
  type TokenConfidence,
} from '../../../src/document/operations.js';
import type { RoutingRecord, Suggestion } from '../../../src/document/types.js';
import {
  refineOcrSuggestion,
  ScanLineReadings,
  type LexicalCorrector,
  type LexicalEdit,
} from '../../../src/corrector/passes/ocr-refine.js';

/** A model suggestion whose output words carry the given confidences (0.99 for the others). */
function modelSuggestion(
  source: string,
  output: string,
  confidence: Record<string, number>,
): Suggestion {
  const tokens: TokenConfidence[] = [];
  for (const match of output.matchAll(/\S+/g)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, confidence: confidence[match[0]] ?? 0.99 });
  }
  return suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
}

/** A lexical pass that replaces whole words by a table, with one confidence for all. */
function tableLexicon(
  table: Record<string, string>,
  confidence = 0.95,
): LexicalCorrector & { seen: string[]; confidencesSeen: unknown[] } {
  const seen: string[] = [];
  const confidencesSeen: unknown[] = [];
  return {
    seen,
    confidencesSeen,
    settings: { model_min_confidence: 0.7 },
    correct(line: string, confidences?: readonly (number | null)[]) {
      seen.push(line);
      confidencesSeen.push(confidences);
      const edits: LexicalEdit[] = [];
      const text = line.replace(/\S+/g, (word, start: number) => {
        const replacement = table[word];
        if (replacement === undefined) return word;
        edits.push({ start, end: start + word.length, text: replacement, confidence });
        return replacement;
      });
      return { text, edits, lastWords: text.toLowerCase().split(/\s+/u).slice(-2) };
    },
  };
}

describe('refineOcrSuggestion', () => {
  const source = 'Tbe cat sat an tbe old rnat';

  it('keeps the sure model edits, drops the others, then adds the lexical edits', () => {
    // The model fixes "Tbe" surely and guesses "an" -> "in" unsurely; the lexicon fixes "rnat".
    const suggestion = modelSuggestion(source, 'The cat sat in tbe old rnat', {
      The: 0.9,
      in: 0.4,
    });
    const lexicon = tableLexicon({ rnat: 'mat', tbe: 'the' });
    const refined = refineOcrSuggestion(source, suggestion, lexicon);
    expect(lexicon.seen).toEqual(['The cat sat an tbe old rnat']);
    expect(refined.text).toBe('The cat sat an the old mat');
    expect(refined.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['Tbe', 'The', 0.9],
      ['tbe', 'the', 0.95],
      ['rnat', 'mat', 0.95],
    ]);
    expect(refined.edits.every((edit) => edit.decision === 'pending')).toBe(true);
    expect(refined.edits.map((edit) => edit.pass)).toEqual([
      undefined,
      'ocr-lexicon',
      'ocr-lexicon',
    ]);
    for (const edit of refined.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(refined.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
  });

  it('gives a word both passes changed the lower of the two confidences', () => {
    const suggestion = modelSuggestion(source, 'Tbe cat sat an tbe old rmat', { rmat: 0.8 });
    const refined = refineOcrSuggestion(source, suggestion, tableLexicon({ rmat: 'mat' }, 0.75));
    expect(refined.text).toBe('Tbe cat sat an tbe old mat');
    expect(refined.edits).toHaveLength(1);
    expect(refined.edits[0]!.confidence).toBe(0.75);
  });

  it("leaves out the lexical pass's edits below lexicon_min_confidence, keeping its sure ones marked", () => {
    const lexicon = tableLexicon({ Tbe: 'The', tbe: 'the' }, 0.55);
    const unsure = {
      ...lexicon,
      settings: { model_min_confidence: 1, lexicon_min_confidence: 0.6 },
    };
    const suggestion = modelSuggestion(source, 'The cat sat on the old mat', {});
    expect(refineOcrSuggestion(source, suggestion, unsure).edits).toEqual([]);
    const sure = { ...unsure, correct: tableLexicon({ tbe: 'the' }, 0.9).correct };
    const refined = refineOcrSuggestion(source, suggestion, sure);
    expect(refined.text).toBe(source.replace('tbe', 'the'));
    expect(refined.edits).toMatchObject([{ before: 'tbe', after: 'the', pass: 'ocr-lexicon' }]);
  });

  it('gates neighbouring lexical edits one by one, though the alignment joins them into one edit', () => {
    const line = 'the fault retumed tha following evening';
    const lexicon: LexicalCorrector = {
      settings: { model_min_confidence: 1, lexicon_min_confidence: 0.6 },
      correct: () => ({
        text: 'the fault returned the following evening',
        edits: [
          { start: 10, end: 17, text: 'returned', confidence: 0.52 },
          { start: 18, end: 21, text: 'the', confidence: 0.99 },
        ],
        lastWords: ['following', 'evening'],
      }),
    };
    const refined = refineOcrSuggestion(line, modelSuggestion(line, line, {}), lexicon);
    expect(refined.text).toBe('the fault retumed the following evening');
    expect(refined.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['tha', 'the', 0.99],
    ]);
    // With both sure, the joined edit carries the lower confidence.
    const bothSure = {
      ...lexicon,
      settings: { model_min_confidence: 1, lexicon_min_confidence: 0.5 },
    };
    expect(
      refineOcrSuggestion(line, modelSuggestion(line, line, {}), bothSure).edits.map((edit) => [
        edit.before,
        edit.after,
        edit.confidence,
      ]),
    ).toEqual([['retumed tha', 'returned the', 0.52]]);
  });

  it("leaves acronyms, codes and units as the page has them, whatever the lexical pass's confidence", () => {
    const line = 'Total EUR 40 for 12 kWh, see NC (MOT) and tbe rest';
    const lexicon = tableLexicon(
      { EUR: 'OUR', 'kWh,': 'koh,', NC: 'NO', '(MOT)': '(NOT)', tbe: 'the' },
      0.99,
    );
    const refined = refineOcrSuggestion(line, modelSuggestion(line, line, {}), lexicon);
    expect(refined.text).toBe(line.replace('tbe', 'the'));
    expect(refined.edits.map((edit) => [edit.before, edit.after])).toEqual([['tbe', 'the']]);
    // Capitalized words and all-caps words longer than codes are still the lexicon's to repair.
    const heading = 'Tbe CHAPTERR on Rnarch';
    const fixes = tableLexicon({ Tbe: 'The', CHAPTERR: 'CHAPTER', Rnarch: 'March' });
    expect(refineOcrSuggestion(heading, modelSuggestion(heading, heading, {}), fixes).text).toBe(
      'The CHAPTER on March',
    );
  });

  it('leaves a unit symbol after a number as printed, and mends the same word elsewhere', () => {
    const line = 'Max. torque: 65 Nm (hard), 50 Hz; Nm tbe 5 mg dose';
    const lexicon = tableLexicon({ Nm: 'No', 'Hz;': 'He;', mg: 'me', tbe: 'the' }, 0.99);
    const refined = refineOcrSuggestion(line, modelSuggestion(line, line, {}), lexicon);
    // "Nm" after a semicolon is no unit of a number, so it is the lexicon's to repair.
    expect(refined.text).toBe('Max. torque: 65 Nm (hard), 50 Hz; No the 5 mg dose');
  });

  it('leaves the "www" of a web address, and mends the address\'s other words', () => {
    const line = 'Visit www.oakridge-consull.co.uk or the www page';
    // The lexical pass reads words in A-Z, so "www" and "consull" are words of their own to it.
    const pieces: Record<string, string> = { www: 'wow', consull: 'consult' };
    const lexicon: LexicalCorrector = {
      settings: { model_min_confidence: 0.7 },
      correct(text: string) {
        const edits: LexicalEdit[] = [...text.matchAll(/[a-z]+/g)]
          .filter((match) => match[0] in pieces)
          .map((match) => ({
            start: match.index,
            end: match.index + match[0].length,
            text: pieces[match[0]]!,
            confidence: 0.99,
          }));
        return { text, edits, lastWords: [] };
      },
    };
    const refined = refineOcrSuggestion(line, modelSuggestion(line, line, {}), lexicon);
    // A "www" not followed by "." is not an address's, and the pass may respell it.
    expect(refined.text).toBe('Visit www.oakridge-consult.co.uk or the wow page');
  });

  it('returns the model suggestion itself when the lexicon changes nothing and no edit was dropped', () => {
    const suggestion = modelSuggestion(source, 'The cat sat on the old mat', {});
    expect(refineOcrSuggestion(source, suggestion, tableLexicon({}))).toBe(suggestion);
  });

  it("gives the lexical pass the recognizer's word confidences where the model left the line as it was", () => {
    const confidences = [0.4, 0.9, 0.9, 0.8, 0.3, 0.9, 0.2];
    const unchanged = modelSuggestion(source, source, {});
    const lexicon = tableLexicon({ rnat: 'mat' });
    refineOcrSuggestion(source, unchanged, lexicon, confidences);
    // A sure model edit moved the words: the confidences no longer name them, so none are given.
    const edited = modelSuggestion(source, 'The cat sat an tbe old rnat', { The: 0.9 });
    refineOcrSuggestion(source, edited, lexicon, confidences);
    expect(lexicon.confidencesSeen).toEqual([confidences, undefined]);
  });

  it('keeps the routing record and the overall confidence of the model', () => {
    const suggestion = modelSuggestion(source, 'Tbe cat sat an tbe old rnat', {});
    const routing = { inferredTask: 'ocr' } as RoutingRecord;
    suggestion.routing = routing;
    const refined = refineOcrSuggestion(source, suggestion, tableLexicon({ rnat: 'mat' }));
    expect(refined.routing).toBe(routing);
    expect(refined.confidence).toBe(suggestion.confidence);
  });
  it('leaves out a sure model edit that only ends the line with a period (cases shared with training/gating.py)', () => {
    const cases = (
      JSON.parse(
        readFileSync(new URL('../../fixtures/gating/cases.json', import.meta.url), 'utf8'),
      ) as { ocr_line_without_added_period: [source: string, output: string, expected: string][] }
    ).ocr_line_without_added_period;
    for (const [lineSource, output, expected] of cases) {
      const refined = refineOcrSuggestion(
        lineSource,
        modelSuggestion(lineSource, output, {}),
        tableLexicon({}),
      );
      expect(refined.text, `${lineSource} -> ${output}`).toBe(expected);
      for (const edit of refined.edits)
        expect(lineSource.slice(...edit.sourceSpan)).toBe(edit.before);
    }
  });
});

describe('ScanLineReadings', () => {
  /** A lexical pass that records what each line was read from, and reads each line's words as is. */
  function recordingLexicon(): LexicalCorrector & {
    reads: [string, readonly string[] | undefined][];
  } {
    const reads: [string, readonly string[] | undefined][] = [];
    return {
      reads,
      settings: { model_min_confidence: 1 },
      correct(line, _confidences, _counts, wordsBefore) {
        reads.push([line, wordsBefore]);
        const words = line.toLowerCase().match(/[a-z]+/gu) ?? [];
        return { text: line, edits: [], lastWords: ['<s>', '<s>', ...words].slice(-2) };
      },
    };
  }

  it('reads a line from the last words of the line its sentence runs on from', () => {
    const lexicon = recordingLexicon();
    const lines = [
      'The invoice was sent to',
      'our office in',
      'March. We paid it',
      'on time.',
      'Thank you',
    ].map((text) => ({ text }));
    const readings = new ScanLineReadings(lexicon, lines);
    // Asked for out of order, as segments finish: each line is still read once, after its context.
    expect(readings.context(2).wordsBefore).toEqual(['office', 'in']);
    expect(readings.context(4).wordsBefore).toBeUndefined();
    expect(readings.context(0).wordsBefore).toBeUndefined();
    expect(readings.context(3).wordsBefore).toEqual(['paid', 'it']);
    expect(readings.context(1).wordsBefore).toEqual(['sent', 'to']);
    expect(lexicon.reads.map(([line]) => line).sort()).toEqual(lines.map((l) => l.text).sort());
    expect(new Map(lexicon.reads).get('Thank you')).toBeUndefined();
  });

  it('starts afresh after a segment of another task, and hands refineOcrSuggestion its reading', () => {
    const lexicon = recordingLexicon();
    const readings = new ScanLineReadings(lexicon, [
      { text: 'the meeting moved to' },
      undefined,
      { text: 'Tbe room was' },
      { text: 'cold' },
    ]);
    expect(readings.context(2).wordsBefore).toBeUndefined();
    const context = readings.context(3);
    expect(context.wordsBefore).toEqual(['room', 'was']);
    expect(() => readings.context(1)).toThrow(RangeError);
    const reads = lexicon.reads.length;
    const line = 'cold';
    refineOcrSuggestion(
      line,
      modelSuggestion(line, line, {}),
      lexicon,
      undefined,
      undefined,
      context,
    );
    expect(lexicon.reads.length).toBe(reads);
  });
});
