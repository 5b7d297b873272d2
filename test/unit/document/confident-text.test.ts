/**
 * Confidence-gated corrections for batch use: `neko correct --min-confidence` writes what "accept all
 * above a threshold" would leave, and a project keeps the unsure edits pending for review.
 */
import { describe, expect, it } from 'vitest';
import { serializeCorrected } from '../../../src/cli/commands/correct.js';
import {
  confidentText,
  suggestionFromCorrection,
  suggestionWithEdits,
  type TokenConfidence,
} from '../../../src/document/operations.js';
import type {
  NekoDocument,
  Segment,
  Suggestion,
  SuggestionEdit,
} from '../../../src/document/types.js';
import { formatById, parseDocument } from '../../../src/formats/registry.js';

/** One token per word of `text`, sure unless `confidences` names the word. */
function tokens(text: string, confidences: Record<string, number>): TokenConfidence[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    confidence: confidences[match[0]] ?? 0.99,
  }));
}

const source = 'the cot sat on the mad';
const correction = 'the cat sat on the mat';
const segment: Segment = { id: 's1', source, text: source, start: 1, end: 3 };
const suggestion: Suggestion = suggestionFromCorrection(
  segment,
  correction,
  tokens(correction, { cat: 0.95, mat: 0.4 }),
);

describe('confidentText', () => {
  it('applies only the edits at or above the threshold', () => {
    expect(suggestion.edits.map((edit) => edit.confidence)).toEqual([0.95, 0.4]);
    expect(confidentText(source, suggestion, 0.6)).toBe('the cat sat on the mad');
    expect(confidentText(source, suggestion, 0.4)).toBe(correction);
    expect(confidentText(source, suggestion, 0.99)).toBe(source);
  });

  it('is the whole correction at threshold 0', () => {
    expect(confidentText(source, suggestion, 0)).toBe(correction);
  });
});

describe('suggestionWithEdits', () => {
  it('keeps the chosen edits with their confidences, aligned to the text they leave', () => {
    const longSource = 'tbe cot sat on tbe old rnat';
    const longCorrection = 'The cat sat on the old mat.';
    const full = suggestionFromCorrection(
      { id: 's', source: longSource, text: longSource },
      longCorrection,
      tokens(longCorrection, { The: 0.9, cat: 0.8, 'mat.': 0.3 }),
    );
    expect(full.edits.map((edit) => [edit.before, edit.after])).toEqual([
      ['tbe cot', 'The cat'],
      ['tbe', 'the'],
      ['rnat', 'mat.'],
    ]);
    const kept = full.edits.filter((edit) => edit.before !== 'tbe');
    const partial = suggestionWithEdits(longSource, full, kept);
    expect(partial.text).toBe('The cat sat on tbe old mat.');
    expect(partial.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['tbe cot', 'The cat', 0.8],
      ['rnat', 'mat.', 0.3],
    ]);
    for (const edit of partial.edits) {
      expect(longSource.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(partial.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
    expect(suggestionWithEdits(longSource, full, full.edits)).toBe(full);
  });
  it('keeps the pass that proposed each edit, and none where edits of two passes merge', () => {
    const longSource = 'tbe cot sat on tbe old rnat';
    const full = suggestionFromCorrection(
      { id: 's', source: longSource, text: longSource },
      'The cat sat on the old mat.',
    );
    const [first, second, third] = full.edits as [SuggestionEdit, SuggestionEdit, SuggestionEdit];
    const marked = [first, { ...second, pass: 'ocr-lexicon' as const }, third];
    const partial = suggestionWithEdits(longSource, { ...full, edits: marked }, marked.slice(1));
    expect(partial.edits.map((edit) => [edit.after, edit.pass])).toEqual([
      ['the', 'ocr-lexicon'],
      ['mat.', undefined],
    ]);
    // A stray-mark deletion added beside the model's edits keeps its pass once realigned.
    const model = suggestionWithEdits(longSource, full, full.edits.slice(0, 2));
    const withMark = suggestionWithEdits(longSource, model, [
      ...model.edits,
      {
        ...third,
        kind: 'delete',
        sourceSpan: [longSource.length - ' rnat'.length, longSource.length],
        before: ' rnat',
        after: '',
        pass: 'ocr-marks',
      },
    ]);
    expect(withMark.text).toBe('The cat sat on the old');
    expect(withMark.edits.at(-1)).toMatchObject({ kind: 'delete', pass: 'ocr-marks' });
  });

  it('keeps replacements of neighbouring words apart, each with its confidence and pass', () => {
    const source = 'Tbe cot sat on tbe rnat';
    const bare = suggestionFromCorrection({ id: 's', source, text: source }, source);
    const replace = (
      before: string,
      after: string,
      start: number,
      confidence: number,
      pass?: 'ocr-lexicon' | 'ocr-marks',
    ): SuggestionEdit => ({
      kind: 'replace',
      sourceSpan: [start, start + before.length],
      targetSpan: [0, 0],
      before,
      after,
      confidence,
      decision: 'pending',
      ...(pass ? { pass } : {}),
    });
    const result = suggestionWithEdits(source, bare, [
      replace('Tbe', 'The', 0, 0.55, 'ocr-marks'),
      replace('cot', 'cat', 4, 0.99, 'ocr-lexicon'),
      replace('tbe', 'the', 15, 0.9),
      replace('rnat', 'mat', 19, 0.3, 'ocr-lexicon'),
    ]);
    expect(result.text).toBe('The cat sat on the mat');
    expect(
      result.edits.map((edit) => [edit.before, edit.after, edit.confidence, edit.pass]),
    ).toEqual([
      ['Tbe', 'The', 0.55, 'ocr-marks'],
      ['cot', 'cat', 0.99, 'ocr-lexicon'],
      ['tbe', 'the', 0.9, undefined],
      ['rnat', 'mat', 0.3, 'ocr-lexicon'],
    ]);
    for (const edit of result.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(result.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
    // A deletion beside a replacement is still one change of the words between.
    const joined = suggestionWithEdits(source, bare, [
      replace('cot', 'cat', 4, 0.99, 'ocr-lexicon'),
      { ...replace('sat', '', 8, 0.55, 'ocr-marks'), kind: 'delete' },
    ]);
    expect(joined.text).toBe('Tbe cat on tbe rnat');
    expect(joined.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['cot sat', 'cat', 0.55],
    ]);
  });

  it('keeps a change that the new alignment puts on a twin of a repeated word', () => {
    // Seen on a real pocketsphinx hypothesis: the full correction deletes the first "of" of "of of";
    // without the dropped replacement, the alignment deletes the second one instead.
    const repeated =
      'contribute about it means a combination of the contributions of of it then used by it';
    const corrected =
      'contribute that it means a combination of the contributions of it then used by it.';
    const full = suggestionFromCorrection(
      { id: 's', source: repeated, text: repeated },
      corrected,
      tokens(corrected, { that: 0.5, 'it.': 0.7 }),
    );
    const deletion = full.edits.find((edit) => edit.kind === 'delete')!;
    expect(deletion.sourceSpan).toEqual([61, 63]);
    const kept = full.edits.filter((edit) => edit.after !== 'that');
    const partial = suggestionWithEdits(repeated, full, kept);
    expect(partial.text).toBe(
      'contribute about it means a combination of the contributions of it then used by it.',
    );
    const moved = partial.edits.find((edit) => edit.kind === 'delete')!;
    expect(moved.sourceSpan).toEqual([64, 66]);
    expect(moved.confidence).toBe(deletion.confidence);
    expect(partial.edits.map((edit) => [edit.before, edit.after])).toEqual([
      ['of', ''],
      ['it', 'it.'],
    ]);
  });
});

describe('serializeCorrected with a threshold', () => {
  const document: NekoDocument = {
    version: 1,
    kind: 'transcript',
    task: 'asr',
    title: 'gated',
    source: { format: 'srt', name: 'gated.srt' },
    segments: [segment],
  };

  it('writes the gated text into a transcript format', () => {
    const written = serializeCorrected(document, formatById('srt'), [suggestion], 0.6);
    const reread = parseDocument(written, 'gated.srt', 'srt').document;
    expect(reread.segments.map((s) => s.text)).toEqual(['the cat sat on the mad']);
  });

  it('keeps the unsure edits of a project pending for review', () => {
    const written = serializeCorrected(document, formatById('neko'), [suggestion], 0.6);
    const reread = parseDocument(written, 'gated.neko.json', 'neko').document.segments[0]!;
    expect(reread.text).toBe('the cat sat on the mad');
    expect(reread.suggestion?.edits.map((edit) => edit.decision)).toEqual(['accepted', 'pending']);
  });
});
