import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  insertsWords,
  isUnsureDeletion,
  isUnsurePunctuationChange,
  MIN_DELETION_CONFIDENCE,
  rewritesWords,
  withAsrGuard,
} from '../../../src/corrector/passes/asr-guard.js';
import { letterSimilarity } from '../../../src/align/edits.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

/** Shared with training/tests/test_gating.py. */
const CASES = JSON.parse(
  readFileSync(new URL('../../fixtures/gating/cases.json', import.meta.url), 'utf8'),
) as {
  letter_similarity: [string, string, number][];
  asr_word_rewrite: [string, string, boolean][];
};

/** The model's output as whitespace-separated tokens, each with the confidence `confidenceOf` gives. */
function tokensOf(output: string, confidenceOf: (word: string) => number) {
  return [...output.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    confidence: confidenceOf(match[0]),
  }));
}

describe('the ASR replacement guard', () => {
  it.each(CASES.letter_similarity)(
    'measures letters, not case, punctuation or spaces: %s ~ %s = %s',
    (a, b, similarity) => {
      expect(letterSimilarity(a, b)).toBe(similarity);
    },
  );

  it.each(CASES.asr_word_rewrite)('%s → %s: a word rewrite = %s', (before, after, rewrite) => {
    expect(rewritesWords({ kind: 'replace', before, after })).toBe(rewrite);
  });

  it('never calls an insertion or a deletion a rewrite', () => {
    expect(rewritesWords({ kind: 'insert', before: '', after: 'satisfaction' })).toBe(false);
    expect(rewritesWords({ kind: 'delete', before: 'department', after: '' })).toBe(false);
  });

  it('drops a word rewrite and keeps the other edits with their confidences', () => {
    const source = 'customer complaints dropped by 15% after we change the support hours';
    const output = 'Customer satisfaction rose to 15% after we changed the support hours.';
    const tokens = tokensOf(output, (word) => (word === 'changed' ? 0.8 : 0.95));
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
    const guarded = withAsrGuard(source, suggestion);
    // "customer complaints dropped by" is one edit (adjacent changed words), so its case goes too.
    expect(guarded.text).toBe(
      'customer complaints dropped by 15% after we change the support hours.',
    );
    // "change" → "changed" is a rewrite too: what the speaker said, however ungrammatical.
    expect(guarded.edits.map((edit) => [edit.before, edit.after, edit.confidence])).toEqual([
      ['hours', 'hours.', 0.95],
    ]);
    for (const edit of guarded.edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(guarded.text.slice(...edit.targetSpan)).toBe(edit.after);
    }
    const unchanged = suggestionFromCorrection({ id: 's', source, text: source }, source);
    expect(withAsrGuard(source, unchanged)).toBe(unchanged);
  });

  it('drops word rewrites however sure, unsure deletions, and keeps digits and case at any confidence', () => {
    const source = 'okay the plan than the patch is twelve so so';
    const output = 'Okay, the plan then the cash is 12 so';
    const sure: Record<string, number> = { 'Okay,': 0.95, then: 0.99, cash: 0.5, '12': 0.3 };
    const tokens = tokensOf(output, (word) => sure[word] ?? 0.99);
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
    expect(withAsrGuard(source, suggestion).text).toBe('Okay, the plan than the patch is 12 so');
    const deletion = { kind: 'delete' as const, before: 'that', after: '' };
    expect(isUnsureDeletion({ ...deletion, confidence: MIN_DELETION_CONFIDENCE - 0.01 })).toBe(
      true,
    );
    expect(isUnsureDeletion({ ...deletion, confidence: MIN_DELETION_CONFIDENCE })).toBe(false);
    expect(isUnsureDeletion({ kind: 'delete', before: ',', confidence: 0.1 })).toBe(false);
    expect(isUnsureDeletion({ kind: 'replace', before: 'focus', confidence: 0.1 })).toBe(false);
  });

  it('drops a word the recognizer did not write, and keeps the punctuation the model adds', () => {
    const source = 'we went to store and bought milk';
    const output = 'We went to the store and bought milk.';
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output);
    expect(suggestion.edits.some((edit) => insertsWords(edit))).toBe(true);
    expect(withAsrGuard(source, suggestion).text).toBe('We went to store and bought milk.');
    expect(insertsWords({ kind: 'insert', after: ',' })).toBe(false);
  });

  it("changes the recognizer's own punctuation only where the model is sure", () => {
    // A written-form transcript (as Whisper writes it): the model, trained mostly on spoken form,
    // made "news. What" "news, What" at 0.69.
    const source = "That's great news. What about the budget?";
    const output = "That's great news, What about the budget?";
    const tokens = tokensOf(output, (word) => (word === 'news,' ? 0.69 : 0.99));
    const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
    expect(suggestion.edits).toHaveLength(1);
    expect(withAsrGuard(source, suggestion).text).toBe(source);
    const change = { kind: 'replace' as const, before: 'news.', after: 'news,' };
    expect(isUnsurePunctuationChange({ ...change, confidence: 0.89 })).toBe(true);
    expect(isUnsurePunctuationChange({ ...change, confidence: 0.9 })).toBe(false);
    // Punctuation added where the recognizer wrote none, and words changed, are other rules'.
    expect(
      isUnsurePunctuationChange({
        kind: 'replace',
        before: 'news',
        after: 'news,',
        confidence: 0.2,
      }),
    ).toBe(false);
    expect(
      isUnsurePunctuationChange({
        kind: 'replace',
        before: 'news.',
        after: 'views.',
        confidence: 0.2,
      }),
    ).toBe(false);
  });
});
