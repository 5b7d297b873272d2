/**
 * A corrected document as a file: what `neko correct` writes and every batch worker writes, from one
 * function so that a batch's outputs are byte-identical to `neko correct`'s.
 */
import { attachSuggestion, confidentText, decideEdits } from '../document/operations.js';
import type { NekoDocument, Suggestion } from '../document/types.js';
import type { Format } from './types.js';

/**
 * N-best lists become `{"id","text"}` lines (README.md, "N-best JSONL and metrics"); every other format is written back as
 * itself with each segment's text replaced, so times, speakers and geometry stay where they were.
 * A NeKo project also keeps each suggestion, its edits of at least `minConfidence` accepted and the
 * others pending, so the app can still undo or review any.
 */
export function serializeCorrected(
  document: NekoDocument,
  format: Format,
  suggestions: readonly (Suggestion | undefined)[],
  minConfidence = 0,
): string {
  const textOf = (index: number): string => {
    const segment = document.segments[index]!;
    const suggestion = suggestions[index];
    return suggestion ? confidentText(segment.source, suggestion, minConfidence) : segment.text;
  };
  if (format.id === 'nbest-jsonl') {
    return document.segments
      .map((segment, index) => `${JSON.stringify({ id: segment.id, text: textOf(index) })}\n`)
      .join('');
  }
  const corrected: NekoDocument = {
    ...document,
    segments: document.segments.map((segment, index) => {
      const suggestion = suggestions[index];
      if (format.id === 'neko' && suggestion) {
        return decideEdits(
          attachSuggestion(segment, suggestion),
          (edit) => !edit.stale && edit.confidence >= minConfidence,
          'accepted',
        );
      }
      return { ...segment, text: textOf(index) };
    }),
  };
  return format.serialize(corrected);
}
