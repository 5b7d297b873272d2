/**
 * What the model may change in a transcript. A recognizer's errors are words that sound like what
 * was said, and the model cannot hear which: out of domain its word-for-word rewrites were wrong far
 * more often than right at every confidence (OOD dev meetings and the business meetings,
 * 5-best and 1-best: 6 words fixed, 25 broken; on unseen text it had also rewritten words into
 * phrases it had learned, "Customer complaints dropped by 15%" → "Customer satisfaction rose to
 * 15%"). What it does well on speech is the written form: numbers in digits ("twelve" → "12"),
 * case and punctuation, and dropping a word said twice. So on ASR segments a replacement of words
 * by other words is dropped, and so are words the model inserts, deletions it is unsure of (below),
 * and marks it loops on ("one fight for your" → "- - - - - -Wor"). Measured in
 * assets/models/neko-small/MODEL_CARD.md (out-of-domain figures); training/gating.py has the twin.
 */
import { normalizeForMetrics } from '../../align/metrics.js';
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';
import { isNumberWord } from '../decoding/spoken-numbers.js';

const MARKS_ONLY_WORD = /^[^\p{L}\p{N}]+$/u;

function writesMarksInARow(text: string): boolean {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.some(
    (word, index) =>
      index > 0 && MARKS_ONLY_WORD.test(word) && MARKS_ONLY_WORD.test(words[index - 1]!),
  );
}

/**
 * What a number counts, said in words, and how a number in digits may write it instead: a currency
 * or percent as its sign, a unit of measure as its short form.
 */
const UNITS: readonly [said: RegExp, written: RegExp][] = [
  [/\beuros?\b/iu, /€/u],
  [/\bdollars?\b/iu, /\$/u],
  [/\bpounds?\b/iu, /£/u],
  [/\byen\b/iu, /¥/u],
  [/\bper\s*cent\b/iu, /%/u],
  [/\bmilligrams?\b/iu, /\bmg\b/iu],
  [/\bmicrograms?\b/iu, /(?:\bmcg|µg)\b/iu],
  [/\b(?:kilo)?grams?\b/iu, /\bk?g\b/iu],
  [/\bmillilit(?:re|er)s?\b/iu, /\bml\b/iu],
  [/\b(?:milli|centi|kilo)?met(?:re|er)s?\b/iu, /\b(?:mm|cm|km|m)\b/iu],
  [/\blit(?:re|er)s?\b/iu, /\bl\b/iu],
];

/**
 * Whether a number written in digits loses what it counted: "about four thousand euros over budget"
 * became "about 4,000 over budget", "go back to five milligrams" "go back to 5 million dollars"
 * (twice on the OOD dev meetings: a measure is no amount of money). A unit kept as a word, or
 * written as its sign or short form, is not lost.
 */
function dropsUnit(before: string, after: string): boolean {
  return UNITS.some(
    ([said, written]) => said.test(before) && !said.test(after) && !written.test(after),
  );
}

/** Whether the words say a number, in digits or in words ("twelve", "nineteen oh five", "third"). */
function saysANumber(words: string): boolean {
  return /\d/u.test(words) || (words.match(/\p{L}+/gu) ?? []).some(isNumberWord);
}

/**
 * Whether the edit replaces words with other words: not with digits for a number said in words
 * (unless the number loses its currency or percent), not only in case or punctuation ("march." →
 * "March."), and not with two words of marks in a row, which the model writes when it loops and no
 * transcript says (those go whatever else they hold). Digits where no number was said are the
 * model's training templates, not the speaker's: "invoice" → "€70.0", "so" → "Subtotal $4,870, tax
 * 2%," and "meeting has been moved from tuesday to thursday afternoon" → "approved a budget of $8.3
 * million." (the business meetings' three such edits were all wrong).
 */
export function rewritesWords(edit: Pick<SuggestionEdit, 'kind' | 'before' | 'after'>): boolean {
  if (edit.kind !== 'replace') return false;
  if (writesMarksInARow(edit.after)) return true;
  if (/\d/u.test(edit.after)) {
    return !saysANumber(edit.before) || dropsUnit(edit.before, edit.after);
  }
  return normalizeForMetrics(edit.before) !== normalizeForMetrics(edit.after);
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
 * Below this confidence the model's deletions of words on ASR are more often wrong than right out of
 * domain (OOD dev meetings: 11 fixes and 16 breakages; in domain 1 and 4).
 */
export const MIN_DELETION_CONFIDENCE = 0.7;

/** Whether the edit deletes words (not only punctuation) at a confidence below the gate. */
export function isUnsureDeletion(
  edit: Pick<SuggestionEdit, 'kind' | 'before' | 'confidence'>,
): boolean {
  return (
    edit.kind === 'delete' &&
    edit.confidence < MIN_DELETION_CONFIDENCE &&
    normalizeForMetrics(edit.before) !== ''
  );
}

/**
 * Below this the model's changes of punctuation a transcript already has are more often wrong than
 * right: on the OOD dev meetings in written form (cased and punctuated, as Whisper writes them),
 * as 1-best and 5-best, 9 fixed and 22 broken below 0.9 ("That's great news. What about" → "news,
 * What about"), 248 fixed and 2 broken above it. Punctuation it adds to a transcript without any
 * stays.
 */
export const MIN_PUNCTUATION_CHANGE_CONFIDENCE = 0.9;

/** Whether the edit changes the recognizer's own punctuation, the words the same, below the gate. */
export function isUnsurePunctuationChange(
  edit: Pick<SuggestionEdit, 'kind' | 'before' | 'after' | 'confidence'>,
): boolean {
  return (
    edit.kind === 'replace' &&
    edit.confidence < MIN_PUNCTUATION_CHANGE_CONFIDENCE &&
    /[.,;:!?]/u.test(edit.before) &&
    normalizeForMetrics(edit.before) === normalizeForMetrics(edit.after)
  );
}

/** The suggestion without its word rewrites, inserted words and unsure deletions and repunctuations. */
export function withAsrGuard(source: string, suggestion: Suggestion): Suggestion {
  return suggestionWithEdits(
    source,
    suggestion,
    suggestion.edits.filter(
      (edit) =>
        !rewritesWords(edit) &&
        !insertsWords(edit) &&
        !isUnsureDeletion(edit) &&
        !isUnsurePunctuationChange(edit),
    ),
  );
}
