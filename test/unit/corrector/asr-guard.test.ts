import { describe, expect, it } from 'vitest';
import {
  isUnlikeReplacement,
  letterSimilarity,
  withoutUnlikeReplacements,
} from '../../../src/corrector/passes/asr-guard.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';

/** Shared with training/tests/test_gating.py: [before, after, unlike]. */
const REPLACEMENTS: [string, string, boolean][] = [
  ['complaints dropped by', 'satisfaction rose to', true],
  ['the everybody', 'we agreed on', true],
  ['march.', 'March.', false],
  ['fifty', 'fifteen', false],
  ['twelve thousand', '12,000', false],
  ['that schedule of', "Let's schedule a", false],
];

describe('the ASR replacement guard', () => {
  it('measures letters, not case, punctuation or spaces', () => {
    expect(letterSimilarity('Mid-West', 'midwest')).toBe(1);
    expect(letterSimilarity('abcd', 'abxy')).toBe(0.5);
    expect(letterSimilarity('', '')).toBe(1);
  });

  it.each(REPLACEMENTS)('%s → %s: unlike = %s', (before, after, unlike) => {
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
});
