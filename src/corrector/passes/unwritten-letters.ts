/**
 * Letters the model seldom writes. Its training text is English in A–Z, and a letter beyond it
 * reaches the model as bytes it has rarely had to copy: on a learner's essay it turned the second
 * "Kraków" into "Krak" at 0.91 (the first it left). An edit of the model's own that loses such a
 * letter is not taken, on every task. training/gating.py has the twin.
 */
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

const LETTER_BEYOND_ASCII = /(?!\p{ASCII})\p{L}/gu;

/** Whether `after` has fewer of some letter outside ASCII than `before`. */
export function losesLettersBeyondAscii(before: string, after: string): boolean {
  const counts = new Map<string, number>();
  for (const [letter] of before.matchAll(LETTER_BEYOND_ASCII)) {
    counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  if (counts.size === 0) return false;
  for (const [letter] of after.matchAll(LETTER_BEYOND_ASCII)) {
    counts.set(letter, (counts.get(letter) ?? 0) - 1);
  }
  return [...counts.values()].some((left) => left > 0);
}

/** The suggestion without the model's own edits (no pass named) that lose such a letter. */
export function withLettersBeyondAsciiKept(source: string, suggestion: Suggestion): Suggestion {
  const losing = (edit: SuggestionEdit): boolean =>
    edit.pass === undefined && losesLettersBeyondAscii(edit.before, edit.after);
  return suggestionWithEdits(
    source,
    suggestion,
    suggestion.edits.filter((edit) => !losing(edit)),
  );
}
