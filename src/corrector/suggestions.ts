import { wordEdits } from '../align/index.js';
import type { RoutingRecord, Suggestion, SuggestionEdit } from '../document/types.js';

/** An output token's span in the corrected text and the probability the decoder gave it. */
export interface ScoredSpan {
  start: number;
  end: number;
  confidence: number;
}

/**
 * Word-level edits from the source to the correction, each scored by the least confident output
 * token it rests on: the tokens of `after`, or for a deletion the token the model wrote instead of
 * the deleted words. `endConfidence` (the probability of <eos>) scores a deletion at the very end.
 */
export function buildSuggestion(
  source: string,
  text: string,
  tokens: readonly ScoredSpan[],
  endConfidence: number,
  routing?: RoutingRecord,
): Suggestion {
  const edits: SuggestionEdit[] = wordEdits(source, text).map((edit) => ({
    ...edit,
    confidence: editConfidence(edit.targetSpan, tokens, endConfidence),
    decision: 'pending',
  }));
  const probabilities = [...tokens.map((token) => token.confidence), endConfidence];
  const meanLog =
    probabilities.reduce((sum, p) => sum + Math.log(Math.max(p, 1e-12)), 0) / probabilities.length;
  const suggestion: Suggestion = { text, edits, confidence: Math.exp(meanLog) };
  if (routing) suggestion.routing = routing;
  return suggestion;
}

function editConfidence(
  [start, end]: [number, number],
  tokens: readonly ScoredSpan[],
  endConfidence: number,
): number {
  const resting =
    start < end
      ? tokens.filter((token) => token.start < end && token.end > start)
      : tokens.filter((token) => token.end > start).slice(0, 1);
  if (resting.length === 0) return endConfidence;
  return Math.min(...resting.map((token) => token.confidence));
}
