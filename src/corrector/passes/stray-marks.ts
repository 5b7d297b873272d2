/**
 * Tesseract reads specks and ruling as marks. At a line's ends it reads them as marks standing alone
 * (":", ".", "~", "»", "©"), and gives them low confidence: a line's first or last word made only of
 * such marks, read at less than STRAY_BELOW, is deleted (withoutStrayMarks). On the out-of-domain
 * dev scans none of the 91 such words was in the page's text. Left alone: dashes (bullets, ranges),
 * a lone "|" or "!" (which the lexical pass may read as "I"), and signs that carry meaning ("%", "&",
 * "£", ">"). Inside a line it glues them to words (withoutGluedMarks). The edit's confidence is the
 * recognizer's doubt, 1 − its confidence, so that "Accept all" takes only the most doubted.
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

/** Recognizer confidence under which a mark glued to a word counts as a speck (chosen on OOD dev). */
export const GLUED_STRAY_BELOW = 0.8;

/**
 * The confidence of deleting a glued mark from a line that carries no word confidences (a plain-text
 * scan): below the 0.6 that "Accept all" takes, as nothing says the recognizer doubted it.
 */
export const UNRATED_GLUED_CONFIDENCE = 0.5;

/** An opening quote on a word ("‘The"); an apostrophe would follow a letter. */
const OPENING_QUOTE = /^[‘“](?=\p{L})/u;
/** A closing quote after a letter that ends a word ("Week’", "said.”"), not an inner apostrophe. */
const CLOSING_QUOTE = /\p{L}[.,;:!?]?[’”](?!\p{L})/u;
/** A word with a period after lower-case letters ("year.", "Thornbury."), and no other period. */
const PERIOD_AFTER_WORD = /^\p{L}*\p{Ll}{2}\.$/u;

/**
 * Abbreviations that take a period and may go on in lower case ("et al. who", "approx. five",
 * "15 ft. high", "Max. torque").
 */
const ABBREVIATIONS = new Set(
  (
    'al etc approx incl excl min max ft lb lbs oz pp vol vols no nos fig figs ref tel dept est cf ' +
    'ca vs viz yr yrs hr hrs mins sec secs wk wks qty amt ext misc govt co corp inc ltd bros jan ' +
    'feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun mr ' +
    'mrs ms dr prof st rd ave sen rep gen gov col capt lt sgt rev hon jr sr esq op ed eds trans ' +
    'auth attn encl dia cont pt pts'
  ).split(' '),
);

/**
 * Specks tesseract glues to a word inside a line, read at less than GLUED_STRAY_BELOW (or on a line
 * with no confidences): an opening quote that nothing in the line closes ("‘The integrated float",
 * "‘for Thornbury Homes"), and a period after a word that the next word, in lower case, shows to be
 * mid-sentence ("last year. and 1.9%", "Thornbury. Homes"; not after an abbreviation, "et al. who").
 * On the out-of-domain dev scans the quotes made 56 repairs and no harm; the periods 49 repairs and
 * 4 harms (a lower-case sentence start, "distance. we", and words misread around them). Beside
 * another pass's edit the repair stays an edit of its own (suggestionWithEdits keeps kept
 * replacements apart), so that its doubt does not hold back the other from "Accept all".
 */
export function withoutGluedMarks(
  source: string,
  suggestion: Suggestion,
  confidences: readonly (number | null)[] | undefined,
): Suggestion {
  const spans = wordSpans(source);
  const repairs: SuggestionEdit[] = [];
  for (const [index, [start, end]] of spans.entries()) {
    const confidence = confidences?.[index];
    const rated = typeof confidence === 'number';
    if (rated && confidence >= GLUED_STRAY_BELOW) continue;
    const word = source.slice(start, end);
    const next = spans[index + 1];
    let after: string | undefined;
    if (OPENING_QUOTE.test(word) && !CLOSING_QUOTE.test(source.slice(start + 1))) {
      after = word.slice(1);
    } else if (
      next &&
      PERIOD_AFTER_WORD.test(word) &&
      !ABBREVIATIONS.has(word.slice(0, -1).toLowerCase()) &&
      /^\p{Ll}/u.test(source.slice(next[0], next[1]))
    ) {
      after = word.slice(0, -1);
    }
    if (after === undefined) continue;
    if (suggestion.edits.some((edit) => edit.sourceSpan[0] < end && start < edit.sourceSpan[1]))
      continue;
    repairs.push({
      kind: 'replace',
      sourceSpan: [start, end],
      targetSpan: [0, 0],
      before: word,
      after,
      confidence: rated ? 1 - confidence : UNRATED_GLUED_CONFIDENCE,
      decision: 'pending',
      pass: 'ocr-marks',
    });
  }
  if (repairs.length === 0) return suggestion;
  return suggestionWithEdits(source, suggestion, [...suggestion.edits, ...repairs]);
}
