/**
 * Transcripts in capitals ("MORNING EVERYONE LET'S KEEP THIS QUICK"), as Kaldi-style recognizers
 * write them. The model reads the spoken form in lower case, which it was trained on: given capitals
 * it left the OOD dev meetings as they were (WER −0.0% against −3.1% for the same lists in lower
 * case). So the engine corrects the transcript in lower case and then puts the edits back on the
 * words as written: a word the model left keeps its capitals, one it changed is written as the
 * model wrote it ("THREE" → "3", "SO" → "So").
 */
import { suggestionOnSource } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

/** Letters, all of them capitals. */
export function isUpperCaseTranscript(hypothesis: string): boolean {
  return /\p{Lu}/u.test(hypothesis) && !/\p{Ll}/u.test(hypothesis);
}

/**
 * The hypotheses the model reads: in lower case where every one is in capitals and lower case keeps
 * every character's place (true of ASCII; not of "İ"), else as given.
 */
export function lowerCasedForModel(hypotheses: readonly string[]): readonly string[] | undefined {
  if (!hypotheses.every(isUpperCaseTranscript)) return undefined;
  const lower = hypotheses.map((hypothesis) => hypothesis.toLowerCase());
  return lower.every((hypothesis, index) => hypothesis.length === hypotheses[index]!.length)
    ? lower
    : undefined;
}

/**
 * A suggestion made against the lower-cased `source` put on `source`, the text in capitals: each edit
 * keeps its place, a word it only punctuates keeps its capitals ("EASY" → "EASY.", not "easy."),
 * and an edit left with no change is none.
 */
export function onSourceInCapitals(source: string, suggestion: Suggestion): Suggestion {
  const edits = suggestion.edits.flatMap((edit): SuggestionEdit[] => {
    const before = source.slice(...edit.sourceSpan);
    const after = inCapitalsWhereOnlyLowerCased(before, edit.after);
    return edit.kind !== 'insert' && before === after ? [] : [{ ...edit, before, after }];
  });
  return suggestionOnSource(source, suggestion, edits);
}

/** `after` with each of its words that is `before`'s word in lower case written as `before` has it. */
function inCapitalsWhereOnlyLowerCased(before: string, after: string): string {
  const written = before.split(/\s+/u);
  const words = after.split(/(\s+)/u);
  if (words.filter((_, index) => index % 2 === 0).length !== written.length) return after;
  return words
    .map((word, index) => {
      if (index % 2 === 1) return word;
      const core = lettersOf(word);
      const writtenCore = lettersOf(written[index / 2]!);
      return core !== '' && core === core.toLowerCase() && core === writtenCore.toLowerCase()
        ? word.replace(core, writtenCore)
        : word;
    })
    .join('');
}

/** A word without the marks around it ("so," → "so"). */
function lettersOf(word: string): string {
  return word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}
