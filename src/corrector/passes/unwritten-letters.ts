/**
 * Letters and marks the model seldom writes. Its training text is English in A–Z, and a character
 * beyond it reaches the model as bytes it has rarely had to copy: on a learner's essay it turned the
 * second "Kraków" into "Krak" at 0.91 (the first it left), and on typeset text it wrote “The as "The
 * (an opening quote that no longer matched its closing one) and dropped an ellipsis, "hours… and",
 * at 0.97. An edit of the model's own that loses such a letter, quote, dash or sign is not taken,
 * on every task. training/gating.py has the twin.
 */
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

const CHARACTER_BEYOND_ASCII = /(?!\p{ASCII})[\p{L}\p{P}\p{S}]/gu;

/** Whether `after` has fewer of some letter, mark or sign outside ASCII than `before`. */
export function losesCharactersBeyondAscii(before: string, after: string): boolean {
  const counts = new Map<string, number>();
  for (const [character] of before.matchAll(CHARACTER_BEYOND_ASCII)) {
    counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  if (counts.size === 0) return false;
  for (const [character] of after.matchAll(CHARACTER_BEYOND_ASCII)) {
    counts.set(character, (counts.get(character) ?? 0) - 1);
  }
  return [...counts.values()].some((left) => left > 0);
}

/** The suggestion without the model's own edits (no pass named) that lose such a character. */
export function withCharactersBeyondAsciiKept(source: string, suggestion: Suggestion): Suggestion {
  const losing = (edit: SuggestionEdit): boolean =>
    edit.pass === undefined && losesCharactersBeyondAscii(edit.before, edit.after);
  return suggestionWithEdits(
    source,
    suggestion,
    suggestion.edits.filter((edit) => !losing(edit)),
  );
}
