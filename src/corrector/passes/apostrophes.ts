/**
 * The writer's apostrophe. Text typed in a word processor has "don’t", and the model, Harper and the
 * learner rules write "don't": an edit "I’ve" → "I've" changes nothing a reader would, and
 * "don’t" → "doesn't" should read "doesn’t" in such a document. So the edits write the apostrophe
 * the document's words mostly have, and one that changed only that is none. (The metrics count the
 * two as one character, so this changes no figure; it keeps the review to real changes.)
 */
import { suggestionOnSource } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

const CURLY = '\u2019';
const IN_WORD_APOSTROPHE = /(?<=\p{L})['\u2019](?=\p{L})/gu;

/** The apostrophe most of the texts' words have ("’" or "'"), or undefined when none or as many. */
export function writersApostrophe(texts: readonly string[]): string | undefined {
  let curly = 0;
  let straight = 0;
  for (const text of texts) {
    for (const [mark] of text.matchAll(IN_WORD_APOSTROPHE)) {
      if (mark === CURLY) curly++;
      else straight++;
    }
  }
  return curly > straight ? CURLY : straight > curly ? "'" : undefined;
}

/** The suggestion with its edits in the writer's apostrophe, less those that only changed it. */
export function inWritersApostrophe(
  source: string,
  suggestion: Suggestion,
  apostrophe: string | undefined,
): Suggestion {
  if (apostrophe === undefined) return suggestion;
  const edits = suggestion.edits.flatMap((edit): SuggestionEdit[] => {
    const after = edit.after.replace(IN_WORD_APOSTROPHE, apostrophe);
    if (after === edit.after) return [edit];
    return after === edit.before ? [] : [{ ...edit, after }];
  });
  const changed =
    edits.length !== suggestion.edits.length ||
    edits.some((edit, index) => edit !== suggestion.edits[index]);
  return changed ? suggestionOnSource(source, suggestion, edits) : suggestion;
}
