/**
 * Tesseract reads specks and ruling at a line's ends as marks standing alone (":", ".", "~", "»",
 * "©"), and gives them low confidence. A line's first or last word made only of such marks, read at
 * less than STRAY_BELOW, is deleted: on the out-of-domain dev scans none of the 91 such words was in
 * the page's text. Left alone: dashes (bullets, ranges),
 * a lone "|" or "!" (which the lexical pass may read as "I"), and signs that carry meaning ("%", "&",
 * "£", ">"). The edit's confidence is the recognizer's doubt, 1 − its confidence, so that "Accept
 * all" takes only the most doubted.
 */
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';
import { wordSpans } from './confident-words.js';

/** Recognizer confidence under which a lone mark at a line's end counts as a speck. */
export const STRAY_BELOW = 0.5;

/** A word made only of marks tesseract makes of specks (never only of "|" or "!"). */
const STRAY_MARK = /^(?![|!]+$)[.,:;~_'‘’"“”«»*^°©®¢¥§¬`´¨|!]+$/u;

export function withoutStrayMarks(
  source: string,
  suggestion: Suggestion,
  confidences: readonly (number | null)[] | undefined,
): Suggestion {
  if (!confidences) return suggestion;
  const spans = wordSpans(source);
  if (spans.length < 2) return suggestion;
  const deletions: SuggestionEdit[] = [];
  for (const index of [0, spans.length - 1]) {
    const [start, end] = spans[index]!;
    const confidence = confidences[index];
    if (typeof confidence !== 'number' || confidence >= STRAY_BELOW) continue;
    if (!STRAY_MARK.test(source.slice(start, end))) continue;
    if (suggestion.edits.some((edit) => edit.sourceSpan[0] < end && start < edit.sourceSpan[1]))
      continue;
    // The mark and the space that joins it to the line.
    const [from, to] = index === 0 ? [start, spans[1]![0]] : [spans[index - 1]![1], end];
    deletions.push({
      kind: 'delete',
      sourceSpan: [from, to],
      targetSpan: [0, 0],
      before: source.slice(from, to),
      after: '',
      confidence: 1 - confidence,
      decision: 'pending',
      pass: 'ocr-marks',
    });
  }
  if (deletions.length === 0) return suggestion;
  return suggestionWithEdits(source, suggestion, [...suggestion.edits, ...deletions]);
}
