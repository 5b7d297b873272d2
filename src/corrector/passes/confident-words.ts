/**
 * The recognizer's own confidence (hOCR `x_wconf`, ALTO `WC`, Whisper's word probability): a word it
 * was sure of is changed only on strong evidence. On real tesseract pages the model's confident
 * mistakes were mostly such words ("excluding" → "including" at 0.93 over a word tesseract read at
 * 96), while the words it fixed were mostly ones tesseract doubted. Thresholds chosen on the
 * out-of-domain dev scans (training/README.md, "Recognizer confidence").
 */
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

/** A recognizer word at least this sure counts as confident. */
export const CONFIDENT_WORD = 0.9;
/** The model's confidence an edit needs to change a confident word. */
export const STRONG_EVIDENCE = 0.97;

/** [start, end) of each white-space separated word of `text`. */
export function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(/\S+/gu)].map((match) => [match.index, match.index + match[0].length]);
}

/**
 * The highest recognizer confidence among the source words an edit replaces or deletes; undefined for
 * an insertion or where no changed word has a confidence.
 */
export function overruledConfidence(
  edit: Pick<SuggestionEdit, 'sourceSpan'>,
  spans: readonly [number, number][],
  confidences: readonly (number | null)[],
): number | undefined {
  const [start, end] = edit.sourceSpan;
  if (start === end) return undefined;
  let highest: number | undefined;
  spans.forEach(([wordStart, wordEnd], index) => {
    const confidence = confidences[index];
    if (wordStart < end && start < wordEnd && typeof confidence === 'number') {
      highest = highest === undefined ? confidence : Math.max(highest, confidence);
    }
  });
  return highest;
}

/**
 * The suggestion without the edits that change a confident word on weak evidence; each edit left
 * that changes words with a known confidence says the highest of them (`recognizerConfidence`).
 */
export function respectingConfidentWords(
  source: string,
  suggestion: Suggestion,
  confidences: readonly (number | null)[] | undefined,
): Suggestion {
  if (!confidences?.some((confidence) => typeof confidence === 'number')) return suggestion;
  const spans = wordSpans(source);
  const kept = suggestion.edits.filter((edit) => {
    const overruled = overruledConfidence(edit, spans, confidences);
    return (
      overruled === undefined || overruled < CONFIDENT_WORD || edit.confidence >= STRONG_EVIDENCE
    );
  });
  const result = suggestionWithEdits(source, suggestion, kept);
  return {
    ...result,
    edits: result.edits.map((edit) => {
      const overruled = overruledConfidence(edit, spans, confidences);
      return overruled === undefined ? edit : { ...edit, recognizerConfidence: overruled };
    }),
  };
}
