/**
 * A recognizer's errors are words that sound like what was said, and words that sound alike are
 * mostly spelled alike. On text unlike its training data the small model also rewrote words into
 * phrases it had learned ("Customer complaints dropped by 15%" → "Customer satisfaction rose to
 * 15%"), which no recognizer confusion explains. So on ASR segments a replacement that keeps less than
 * half of its letters is dropped. Numbers written as digits are exempt: "twelve" → "12" shares no
 * letter and is the inverse text normalization a transcript wants. Measured in
 * assets/models/neko-small/MODEL_CARD.md (out-of-domain figures); training/gating.py has the twin.
 */
import { normalizeForMetrics } from '../../align/metrics.js';
import { editDistance } from '../../align/sequence.js';
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

export const MIN_REPLACEMENT_SIMILARITY = 0.5;

/** 1 − character edit distance / the longer length, on normalized letters without spaces. */
export function letterSimilarity(before: string, after: string): number {
  const a = [...normalizeForMetrics(before).replace(/ /g, '')];
  const b = [...normalizeForMetrics(after).replace(/ /g, '')];
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

export function isUnlikeReplacement(
  edit: Pick<SuggestionEdit, 'kind' | 'before' | 'after'>,
): boolean {
  return (
    edit.kind === 'replace' &&
    !/\d/u.test(edit.after) &&
    letterSimilarity(edit.before, edit.after) < MIN_REPLACEMENT_SIMILARITY
  );
}

/** The suggestion without its unlike replacements. */
export function withoutUnlikeReplacements(source: string, suggestion: Suggestion): Suggestion {
  return suggestionWithEdits(
    source,
    suggestion,
    suggestion.edits.filter((edit) => !isUnlikeReplacement(edit)),
  );
}
