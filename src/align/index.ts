export { alignSequences, editDistance, type AlignOp, type AlignOpKind } from './sequence.js';
export { tokenizeWords, tokenizeCharacters, type Token } from './tokens.js';
export {
  wordEdits,
  characterEdits,
  applyTextEdits,
  spansOverlap,
  wordSpan,
  type TextEdit,
} from './edits.js';
export {
  normalizeForMetrics,
  metricWords,
  countErrors,
  errorRate,
  wordErrors,
  characterErrors,
  strictWordErrors,
  wordErrorRate,
  characterErrorRate,
  strictWordErrorRate,
  sumErrorCounts,
  corpusErrors,
  oracleErrors,
  doNoHarm,
  type ErrorCounts,
  type ErrorCounter,
  type HarmCounts,
  type ReferenceHypothesis,
} from './metrics.js';
