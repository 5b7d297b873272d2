/**
 * Routing records: which experts the router chose for each token, for the heatmap and `--report`.
 *
 * What is shown:
 * - Encoder: the tokens of the first hypothesis (the segment's source), with offsets into it. The
 *   other hypotheses, the <sep> markers and <eos> have no place in the text the user sees, so they
 *   are left out of the per-token rows, but their routing counts in `expertMass` and `inferredTask`.
 * - Decoder: the output tokens (without <eos>), with offsets into the output text; the row of token i
 *   is the decoder position that produced it (whose input is token i-1).
 */
import type { RoutingRecord, RoutingSide } from '../../document/types.js';
import type { Tokenizer } from '../runtime/tokenizer.js';

export interface TokenPiece {
  piece: string;
  start: number;
  end: number;
}

/** The known tasks; experts named otherwise (e.g. "general") never become the inferred task. */
const TASKS = new Set(['asr', 'ocr', 'text']);

export interface RoutingInput {
  experts: string[];
  encoderTokens: TokenPiece[];
  /** [layer][token][expert] for encoderTokens. */
  encoderProbabilities: number[][][];
  /** [layer][token][expert] for every real encoder token, shown or not. */
  encoderAllProbabilities: number[][][];
  decoderTokens: TokenPiece[];
  decoderProbabilities: number[][][];
}

export function buildRoutingRecord(input: RoutingInput): RoutingRecord {
  const expertMass = new Array<number>(input.experts.length).fill(0);
  for (const probabilities of [input.encoderAllProbabilities, input.decoderProbabilities]) {
    for (const layer of probabilities) {
      for (const row of layer) row.forEach((p, expert) => (expertMass[expert]! += p));
    }
  }
  const total = expertMass.reduce((sum, mass) => sum + mass, 0);
  const normalizedMass = expertMass.map((mass) =>
    total > 0 ? mass / total : 1 / expertMass.length,
  );
  return {
    experts: [...input.experts],
    encoder: routingSide(input.encoderTokens, input.encoderProbabilities),
    decoder: routingSide(input.decoderTokens, input.decoderProbabilities),
    inferredTask: inferTask(input.experts, normalizedMass),
    expertMass: normalizedMass,
  };
}

function routingSide(tokens: TokenPiece[], probabilities: number[][][]): RoutingSide {
  return {
    tokens,
    probabilities,
    top2: probabilities.map((layer) => layer.map(topTwo)),
  };
}

export function topTwo(row: readonly number[]): [number, number] {
  let first = 0;
  let second = -1;
  for (let expert = 1; expert < row.length; expert++) {
    if (row[expert]! > row[first]!) {
      second = first;
      first = expert;
    } else if (second < 0 || row[expert]! > row[second]!) {
      second = expert;
    }
  }
  return [first, second < 0 ? first : second];
}

/** The task whose experts together received the most mass; experts sharing a task add up. */
export function inferTask(experts: readonly string[], mass: readonly number[]): string {
  const byTask = new Map<string, number>();
  experts.forEach((task, expert) => byTask.set(task, (byTask.get(task) ?? 0) + mass[expert]!));
  const candidates = [...byTask].filter(([task]) => TASKS.has(task));
  const ranked = (candidates.length > 0 ? candidates : [...byTask]).sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? 'text';
}

/**
 * The output text and each output token's UTF-16 span in it. Decoding token by token in streaming
 * mode gives the same text as decoding all at once; a token that only starts a multi-byte character
 * gets an empty span and the token completing it covers the character.
 */
export function decodeWithSpans(
  tokenizer: Tokenizer,
  ids: readonly number[],
): { text: string; tokens: TokenPiece[] } {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  let text = '';
  const tokens: TokenPiece[] = [];
  for (const id of ids) {
    const start = text.length;
    text += decoder.decode(tokenizer.pieceBytesOf(id), { stream: true });
    tokens.push({ piece: text.slice(start), start, end: text.length });
  }
  const rest = decoder.decode();
  if (rest !== '' && tokens.length > 0) {
    text += rest;
    tokens[tokens.length - 1]!.end = text.length;
    tokens[tokens.length - 1]!.piece += rest;
  }
  return { text, tokens };
}
