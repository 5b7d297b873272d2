import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  insertsWords,
  isUnlikeReplacement,
  isUnsureWordReplacement,
  MIN_WORD_REPLACEMENT_CONFIDENCE,
  withoutUnlikeReplacements,
} from '../../../src/corrector/passes/asr-guard.js';
import { letterSimilarity } from '../../../src/align/edits.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

/** Shared with training/tests/test_gating.py. */
const CASES = JSON.parse(
  readFileSync(new URL('../../fixtures/gating/cases.json', import.meta.url), 'utf8'),
) as {
  letter_similarity: [string, string, number][];
  asr_unlike_replacement: [string, string, boolean][];
};

describe('the ASR replacement guard', () => {
  it.each(CASES.letter_similarity)(
    'measures letters, not case, punctuation or spaces: %s ~ %s = %s',
    (a, b, similarity) => {
      expect(letterSimilarity(a, b)).toBe(similarity);
    },
  );

  it.each(CASES.asr_unlike_replacement)('%s → %s: unlike = %s', (before, after, unlike) => {
    expect(isUnlikeReplacement({ kind: 'replace', before, after })).toBe(unlike);
  });

  it('never judges insertions or deletions', () => {
    expect(isUnlikeReplacement({ kind: 'insert', before: '', after: 'satisfaction' })).toBe(false);
    expect(isUnlikeReplacement({ kind: 'delete', before: 'department', after: '' })).toBe(false);
  });

  it('drops an unlike replacement and keeps the other edits with their confidences', () => {
    const source = 'customer complaints dropped by 15% after we change the support hours';
    const output = 'Customer satisfaction rose to 15% after we changed the support hours.';
    const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: match[0] === 'changed' ? 0.8 : 0.95,
    }));
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
    const guarded = withoutUnlikeReplacements(source, suggestion);
    // "customer complaints dropped by" is one edit (adjacent changed words), so its case goes too.
    expect(guarded.text).toBe(
      'customer complaints dropped by 15% after we changed the support hours.',
    );
    expect(guarded.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['change', 'changed', 0.8],
      ['hours', 'hours.', 0.95],
    ]);
    for (const edit of guarded.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(guarded.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
    const unchanged = suggestionFromCorrection({ id: 's', source, text: source }, source);
    expect(withoutUnlikeReplacements(source, unchanged)).toBe(unchanged);
  });

  it('drops an unsure word replacement, and keeps digits and case at any confidence', () => {
    const source = 'okay than the patch forecast is twelve';
    const output = 'Okay, then the cash forecast is 12';
    const sure: Record<string, number> = { 'Okay,': 0.95, then: 0.9, cash: 0.5, '12': 0.3 };
    const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: sure[match[0]] ?? 0.99,
    }));
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
    expect(withoutUnlikeReplacements(source, suggestion).text).toBe(
      'Okay, then the patch forecast is 12',
    );
    const edit = { kind: 'replace' as const, before: 'focus', after: 'file' };
    expect(
      isUnsureWordReplacement({ ...edit, confidence: MIN_WORD_REPLACEMENT_CONFIDENCE - 0.01 }),
    ).toBe(true);
    expect(isUnsureWordReplacement({ ...edit, confidence: MIN_WORD_REPLACEMENT_CONFIDENCE })).toBe(
      false,
    );
    expect(
      isUnsureWordReplacement({ kind: 'replace', before: 'hi', after: 'Hi,', confidence: 0.1 }),
    ).toBe(false);
    expect(
      isUnsureWordReplacement({ kind: 'delete', before: 'that', after: '', confidence: 0.5 }),
    ).toBe(true);
    expect(
      isUnsureWordReplacement({ kind: 'delete', before: 'that', after: '', confidence: 0.9 }),
    ).toBe(false);
  });

  it('drops a word the recognizer did not write, and keeps the punctuation the model adds', () => {
    const source = 'we went to store and bought milk';
    const output = 'We went to the store and bought milk.';
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output);
    expect(suggestion.edits.some((edit) => insertsWords(edit))).toBe(true);
    expect(withoutUnlikeReplacements(source, suggestion).text).toBe(
      'We went to store and bought milk.',
    );
    expect(insertsWords({ kind: 'insert', after: ',' })).toBe(false);
  });
});
