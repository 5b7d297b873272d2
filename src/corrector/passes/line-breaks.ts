/**
 * Segments that run over several lines: a subtitle cue of two lines, a paragraph of a text file
 * wrapped at a fixed width. The model and the passes read a segment as one line of text (they were
 * built on single lines, and a sentence that a line break cuts in two is still one sentence), so the
 * engine gives them the segment with its line breaks as spaces, which keeps every character in its
 * place, and then puts the edits back on the segment as written: a line break stays wherever no edit
 * crosses it, and one that an edit of several words crosses stays between the edit's words.
 */
import { suggestionOnSource } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';
import type { CorrectorInput } from '../contract.js';

/** The input with each line break of its hypotheses read as a space ("\r\n" as two). */
export function withLineBreaksAsSpaces(input: CorrectorInput): CorrectorInput {
  if (!input.hypotheses.some((hypothesis) => /[\r\n]/u.test(hypothesis))) return input;
  return {
    ...input,
    hypotheses: input.hypotheses.map((hypothesis) => hypothesis.replace(/[\r\n]/gu, ' ')),
  };
}

/**
 * A suggestion made against `source` with its line breaks as spaces, put on `source`: its text keeps
 * the source's line breaks outside the edits, and within an edit that replaces words across a line
 * break, the break goes to the space of the replacement that lies nearest the same share of its
 * length ("near\nof the" → "near\nthe" is a deletion that keeps the break anyway).
 */
export function onSourceWithLineBreaks(source: string, suggestion: Suggestion): Suggestion {
  if (!/[\r\n]/u.test(source)) return suggestion;
  const edits = suggestion.edits.map((edit): SuggestionEdit => {
    const before = source.slice(...edit.sourceSpan);
    return { ...edit, before, after: withBreaksWhereBeforeHadThem(before, edit.after) };
  });
  return suggestionOnSource(source, suggestion, edits);
}

function withBreaksWhereBeforeHadThem(before: string, after: string): string {
  const free = [...after.matchAll(/ /gu)].map((match) => match.index);
  const chosen: [space: number, lineBreak: string][] = [];
  for (const lineBreak of before.matchAll(/\r?\n/gu)) {
    if (free.length === 0) break;
    const share = lineBreak.index / before.length;
    const distance = (space: number): number => Math.abs(space / after.length - share);
    const nearest = free.reduce((best, space) => (distance(space) < distance(best) ? space : best));
    free.splice(free.indexOf(nearest), 1);
    chosen.push([nearest, lineBreak[0]]);
  }
  // From the end, so that a two-character break does not move the places still to fill.
  return chosen
    .sort(([a], [b]) => b - a)
    .reduce(
      (text, [space, lineBreak]) => text.slice(0, space) + lineBreak + text.slice(space + 1),
      after,
    );
}
