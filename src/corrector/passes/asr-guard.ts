/**
 * A recognizer's errors are words that sound like what was said, and words that sound alike are
 * mostly spelled alike. On text unlike its training data the small model also rewrote words into
 * phrases it had learned ("Customer complaints dropped by 15%" → "Customer satisfaction rose to
 * 15%"), which no recognizer confusion explains. So on ASR segments a replacement that keeps less than
 * half of its letters is dropped. Numbers written as digits are exempt: "twelve" → "12" shares no
 * letter and is the inverse text normalization a transcript wants. A replacement that writes two
 * words in a row without a letter or digit ("one fight for your" → "- - - - - -Wor") is the model
 * looping on marks, never a transcript's words, and is dropped as well; so are words the model
 * inserts and word replacements it is unsure of (below). Measured in
 * assets/models/neko-small/MODEL_CARD.md (out-of-domain figures); training/gating.py has the twin.
 */
import { letterSimilarity } from '../../align/edits.js';
import { normalizeForMetrics } from '../../align/metrics.js';
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

export const MIN_REPLACEMENT_SIMILARITY = 0.5;

const MARKS_ONLY_WORD = /^[^\p{L}\p{N}]+$/u;

function writesMarksInARow(text: string): boolean {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.some(
    (word, index) =>
      index > 0 && MARKS_ONLY_WORD.test(word) && MARKS_ONLY_WORD.test(words[index - 1]!),
  );
}

export function isUnlikeReplacement(
  edit: Pick<SuggestionEdit, 'kind' | 'before' | 'after'>,
): boolean {
  if (edit.kind !== 'replace') return false;
  if (writesMarksInARow(edit.after)) return true;
  return (
    !/\d/u.test(edit.after) &&
    letterSimilarity(edit.before, edit.after) < MIN_REPLACEMENT_SIMILARITY
  );
}

/**
 * Whether the edit adds words the recognizer did not write. A recognizer's transcript misses words
 * seldom, and the model cannot hear which: on the OOD dev meetings its 17 word insertions fixed
 * none and broke 8, on the in-domain test 5 fixed none and broke 4. Punctuation it adds stays.
 */
export function insertsWords(edit: Pick<SuggestionEdit, 'kind' | 'after'>): boolean {
  return edit.kind === 'insert' && /[\p{L}\p{N}]/u.test(edit.after);
}

/**
 * Below this confidence the model's word replacements on ASR are more often wrong than right out of
 * domain (OOD dev meetings: 17 fixes and 61 breakages below 0.8), while its numbers written as
 * digits are right at any confidence. Chosen on OOD dev from 0.5–0.8 (WER −2.2 / −2.7 / −2.8 /
 * −2.7%); the in-domain test is unchanged at each.
 */
export const MIN_WORD_REPLACEMENT_CONFIDENCE = 0.7;

/**
 * Whether the edit replaces words with other words (not digits, not only case or punctuation) or
 * deletes words, at a confidence below MIN_WORD_REPLACEMENT_CONFIDENCE. (Deletions below it: OOD
 * dev 11 fixes and 16 breakages, in domain 1 and 4.)
 */
export function isUnsureWordReplacement(
  edit: Pick<SuggestionEdit, 'kind' | 'before' | 'after' | 'confidence'>,
): boolean {
  return (
    edit.kind !== 'insert' &&
    edit.confidence < MIN_WORD_REPLACEMENT_CONFIDENCE &&
    !/\d/u.test(edit.after) &&
    normalizeForMetrics(edit.before) !== normalizeForMetrics(edit.after)
  );
}

/** The suggestion without its unlike and unsure word replacements and its inserted words. */
export function withoutUnlikeReplacements(source: string, suggestion: Suggestion): Suggestion {
  return suggestionWithEdits(
    source,
    suggestion,
    suggestion.edits.filter(
      (edit) => !isUnlikeReplacement(edit) && !insertsWords(edit) && !isUnsureWordReplacement(edit),
    ),
  );
}
