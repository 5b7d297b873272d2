/**
 * The encoder input for one segment, built exactly as `build_source` in training/tokenizer.py:
 * ids(h1) <sep> ids(h2) <sep> ... <eos>. Whole hypotheses are kept, best first, while they fit in
 * maxSourceTokens (counting <sep> and the final <eos>); the best one alone is cut when it is too long.
 * There is no task token: the router infers the task, as in NeKo.
 */
import type { Tokenizer, TokenSpan } from './tokenizer.js';

export interface SourceLimits {
  nbestMax: number;
  maxSourceTokens: number;
}

/** One source token: its id, and for hypothesis tokens which hypothesis and which characters of it. */
export interface SourceToken {
  id: number;
  /** Index into the hypotheses; -1 for <sep> and <eos>. */
  hypothesis: number;
  start: number;
  end: number;
}

export function buildSourceTokens(
  tokenizer: Tokenizer,
  hypotheses: readonly string[],
  limits: SourceLimits,
): SourceToken[] {
  const budget = limits.maxSourceTokens - 1;
  if (budget < 1) throw new RangeError('maxSourceTokens must leave room for one token and <eos>');
  const candidates = hypotheses.slice(0, limits.nbestMax);
  if (candidates.length === 0) candidates.push('');
  const fromSpans = (spans: TokenSpan[], hypothesis: number): SourceToken[] =>
    spans.map(({ id, start, end }) => ({ id, hypothesis, start, end }));
  const marker = (id: number): SourceToken => ({ id, hypothesis: -1, start: 0, end: 0 });

  const tokens = fromSpans(tokenizer.encodeWithSpans(candidates[0]!), 0).slice(0, budget);
  for (let index = 1; index < candidates.length; index++) {
    const extra = [
      marker(tokenizer.special.sep),
      ...fromSpans(tokenizer.encodeWithSpans(candidates[index]!), index),
    ];
    if (tokens.length + extra.length > budget) break;
    tokens.push(...extra);
  }
  tokens.push(marker(tokenizer.special.eos));
  return tokens;
}

export function buildSourceIds(
  tokenizer: Tokenizer,
  hypotheses: readonly string[],
  limits: SourceLimits,
): number[] {
  return buildSourceTokens(tokenizer, hypotheses, limits).map((token) => token.id);
}
