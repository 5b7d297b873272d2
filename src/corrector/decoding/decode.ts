/**
 * Greedy and input-guided aggressive decoding over a decoder without a KV cache: every pass takes the
 * whole prefix, so one pass can also verify a whole draft block.
 *
 * Aggressive decoding (Sun et al. 2021, "Instantaneous Grammatical Error Correction with Shallow
 * Aggressive Decoding") uses the best hypothesis as the draft: a pass feeds prefix + draft, keeps the
 * draft tokens the model agrees with, and at the first disagreement keeps the model's own token
 * instead. Every kept token is the decoder's argmax given exactly the greedy prefix, so the output is
 * the greedy output; only the number of passes changes. After a disagreement a Redraft (draft.ts)
 * chooses the next draft from what the pass showed; without one, the draft is re-aligned to the
 * source just after the longest recent n-gram of the output found in it.
 */
import { CorrectionCancelled } from '../errors.js';

/** One decoder pass over `batch` right-padded rows of `length` tokens. */
export interface DecoderOutputs {
  batch: number;
  length: number;
  vocabSize: number;
  /** logits[b][t][v], flattened. */
  logits: Float32Array;
  layers: number;
  experts: number;
  /** routerProbs[layer][b][t][expert], flattened. */
  routerProbs: Float32Array;
}

/** Runs the decoder on the given rows of the current encoder batch, one token list per row. */
export type RunDecoder = (
  rows: readonly number[],
  inputs: readonly number[][],
) => Promise<DecoderOutputs>;

export interface DecodeOptions {
  bos: number;
  eos: number;
  pad: number;
  /** Output tokens allowed before giving up on reaching <eos> (config max_target_tokens). */
  maxTokens: number;
  /** Read the decoder routing of each output token (default true). */
  withRouting?: boolean;
  signal?: AbortSignal;
}

export interface DecodedSequence {
  /** Output ids without <bos> and <eos>. */
  tokens: number[];
  /** False when maxTokens ran out before <eos>. */
  finished: boolean;
  /** Probability of each chosen token of `tokens`, then of <eos> when finished. */
  confidences: number[];
  /**
   * routing[layer][i][expert]: the decoder position that produced token i (its input is token i-1);
   * empty when options.withRouting is false.
   */
  routing: number[][][];
}

export interface DecodeStatistics {
  /** Decoder runs. */
  passes: number;
  /** Rows summed over decoder runs: the work one segment at a time would have cost, in passes. */
  rowPasses: number;
}

/** Plain greedy decoding, all rows advancing one token per pass. */
export async function greedyDecode(
  run: RunDecoder,
  rowCount: number,
  options: DecodeOptions,
  statistics: DecodeStatistics = { passes: 0, rowPasses: 0 },
): Promise<DecodedSequence[]> {
  const outputs = Array.from({ length: rowCount }, () => [options.bos]);
  const results: DecodedSequence[] = new Array(rowCount);
  let active = Array.from({ length: rowCount }, (_, row) => row);
  while (active.length > 0) {
    throwIfCancelled(options.signal);
    const rows = active;
    const stillActive: number[] = [];
    await decoderStep(
      run,
      rows,
      rows.map((row) => outputs[row]!),
      statistics,
      (k, pass, index) => {
        const row = rows[k]!;
        const output = outputs[row]!;
        const chosen = argmaxAt(pass, index, output.length - 1);
        output.push(chosen);
        const produced = output.length - 1;
        if (chosen === options.eos || produced >= options.maxTokens) {
          results[row] = collect(pass, index, output, options);
        } else {
          stillActive.push(row);
        }
      },
    );
    active = stillActive;
  }
  return results;
}

/** What one aggressive pass showed about a row: where the model departed from the draft, and more. */
export interface PassReview {
  /** Output so far without <bos>; its last token is the model's own choice at the departure. */
  generated: readonly number[];
  /** The draft tokens this pass verified (ending in <eos> when the whole draft fitted). */
  block: readonly number[];
  /** How many block tokens the model agreed with before departing. */
  accepted: number;
  /**
   * predictions[i]: the model's choice for block position i given the output and block[0..i).
   * Past the departure they were made after a draft token the model did not choose, so they are
   * only hints, but usually right about later edits (a capital here, a full stop there).
   */
  predictions: readonly number[];
}

/**
 * Proposes a new draft (without <eos>) for a row whose output departed from its draft; undefined
 * leaves it to the token-level re-alignment.
 */
export type Redraft = (row: number, review: PassReview) => number[] | undefined;

/** Aggressive decoding with one draft per row (the best hypothesis' ids); same output as greedy. */
export async function aggressiveDecode(
  run: RunDecoder,
  drafts: readonly number[][],
  options: DecodeOptions,
  statistics: DecodeStatistics = { passes: 0, rowPasses: 0 },
  redraft?: Redraft,
): Promise<DecodedSequence[]> {
  const sources = drafts.map((draft) => [...draft, options.eos]);
  const outputs = drafts.map(() => [options.bos]);
  const pending = sources.map((source) => source);
  const sourcePosition = drafts.map(() => 0);
  const results: DecodedSequence[] = new Array(drafts.length);
  let active = drafts.map((_, row) => row);
  while (active.length > 0) {
    throwIfCancelled(options.signal);
    const blocks = active.map((row) => {
      const room = options.maxTokens - (outputs[row]!.length - 1);
      return pending[row]!.slice(0, Math.max(room - 1, 0));
    });
    const rows = active;
    const inputs = rows.map((row, k) => [...outputs[row]!, ...blocks[k]!]);
    const stillActive: number[] = [];
    await decoderStep(run, rows, inputs, statistics, (k, pass, index) => {
      const row = rows[k]!;
      const output = outputs[row]!;
      const block = blocks[k]!;
      // The decoder position that predicts block[i] is the one holding the token before it.
      const predictionAt = (i: number): number => argmaxAt(pass, index, output.length - 1 + i);
      const predictions: number[] = [];
      let accepted = 0;
      for (;;) {
        const predicted = predictionAt(accepted);
        predictions.push(predicted);
        if (accepted === block.length || predicted !== block[accepted] || predicted === options.eos)
          break;
        accepted++;
      }
      for (let i = accepted + 1; redraft && i < block.length; i++)
        predictions.push(predictionAt(i));
      output.push(...block.slice(0, accepted), predictions[accepted]!);
      const produced = output.length - 1;
      if (output[output.length - 1] === options.eos || produced >= options.maxTokens) {
        results[row] = collect(pass, index, output, options);
        return;
      }
      const proposed = redraft?.(row, { generated: output.slice(1), block, accepted, predictions });
      if (proposed !== undefined) {
        pending[row] = [...proposed, options.eos];
      } else {
        const next = realignDraft(sources[row]!, output, sourcePosition[row]! + accepted);
        sourcePosition[row] = next;
        pending[row] = sources[row]!.slice(next);
      }
      stillActive.push(row);
    });
    active = stillActive;
  }
  return results;
}

/**
 * What padding a row costs against one more decoder run, in token positions. Measured here: a run
 * has a fixed cost of about 4 ms, and a position about 0.12 ms.
 */
const POSITIONS_PER_RUN = 32;

/**
 * Splits rows (by their input lengths) into groups that each run as one right-padded decoder pass,
 * where that is cheaper than padding every row to the longest: aggressive decoding mixes rows near
 * their end with rows whose redraft jumped back, and one long row could pad a whole batch. The
 * cheapest cut of the length-sorted rows splits off the long ones, and the short ones are split
 * again the same way. Rows of equal length (greedy decoding) always stay one group.
 */
export function lengthGroups(lengths: readonly number[]): number[][] {
  const order = lengths.map((_, index) => index).sort((a, b) => lengths[a]! - lengths[b]!);
  const groups: number[][] = [];
  let end = order.length;
  while (end > 0) {
    const longest = lengths[order[end - 1]!]!;
    let cut = 0;
    let cheapest = end * longest;
    for (let k = 1; k < end; k++) {
      const cost = k * lengths[order[k - 1]!]! + (end - k) * longest + POSITIONS_PER_RUN;
      if (cost < cheapest) {
        cheapest = cost;
        cut = k;
      }
    }
    groups.unshift(order.slice(cut, end).sort((a, b) => a - b));
    end = cut;
  }
  return groups;
}

/**
 * Runs the decoder once over `rows` (or once per length group) and calls `visit` for each with its
 * index k into `rows`, the pass that holds it and its index in that pass.
 */
async function decoderStep(
  run: RunDecoder,
  rows: readonly number[],
  inputs: readonly number[][],
  statistics: DecodeStatistics,
  visit: (k: number, pass: DecoderOutputs, index: number) => void,
): Promise<void> {
  for (const group of lengthGroups(inputs.map((ids) => ids.length))) {
    const pass = await run(
      group.map((k) => rows[k]!),
      group.map((k) => inputs[k]!),
    );
    statistics.passes++;
    statistics.rowPasses += group.length;
    group.forEach((k, index) => visit(k, pass, index));
  }
}

/**
 * Where the draft resumes after the model departed from it at source index `departedAt`: just after
 * the longest n-gram (n ≤ 3) ending the output that also occurs in the source, nearest to where a
 * substitution would resume; with no such n-gram, assume a substitution.
 */
export function realignDraft(
  source: readonly number[],
  output: readonly number[],
  departedAt: number,
): number {
  const expected = departedAt + 1;
  const generated = output.length - 1;
  for (let n = Math.min(3, generated); n >= 1; n--) {
    let best = -1;
    for (let end = n; end <= source.length; end++) {
      let matches = true;
      for (let k = 1; k <= n && matches; k++)
        matches = source[end - k] === output[output.length - k];
      if (matches && (best < 0 || Math.abs(end - expected) < Math.abs(best - expected))) best = end;
    }
    if (best >= 0) return best;
  }
  return Math.min(expected, source.length);
}

function argmaxAt(pass: DecoderOutputs, row: number, position: number): number {
  const base = (row * pass.length + position) * pass.vocabSize;
  const logits = pass.logits;
  let best = 0;
  let bestValue = logits[base]!;
  for (let v = 1; v < pass.vocabSize; v++) {
    const value = logits[base + v]!;
    if (value > bestValue) {
      bestValue = value;
      best = v;
    }
  }
  return best;
}

/**
 * Softmax probability of `token` at one position. Measured from the token's own logit (the argmax
 * of the position, so no term overflows) and with fastExp: the sum over the vocabulary is the
 * single largest piece of JavaScript work in decoding.
 */
function probabilityAt(pass: DecoderOutputs, row: number, position: number, token: number): number {
  const base = (row * pass.length + position) * pass.vocabSize;
  const logits = pass.logits;
  const reference = logits[base + token]!;
  let sum = 0;
  for (let v = 0; v < pass.vocabSize; v++) sum += fastExp(logits[base + v]! - reference);
  return 1 / sum;
}

const POWERS_OF_TWO = Float64Array.from({ length: 2100 }, (_, k) => 2 ** (k - 1075));
/** Adding and subtracting 1.5 * 2^52 rounds a double to an integer, much faster than Math.round. */
const ROUNDING_SHIFT = 6755399441055744;

/**
 * e^x for x ≤ 700, to about 1e-9 relative error (0 below -700): 2^k from a table times a
 * degree-7 Taylor polynomial of e^r on |r| ≤ ln2/2. Plenty for a confidence shown as a
 * percentage, and about 1.7x as fast as Math.exp here. The constants are written out (1/k!,
 * log2(e), ln 2): spelled as 1 / 6 or Math.LOG2E, it measured no faster than Math.exp.
 */
export function fastExp(x: number): number {
  if (x < -700) return 0;
  const k = x * 1.4426950408889634 + ROUNDING_SHIFT - ROUNDING_SHIFT;
  const r = x - k * 0.6931471805599453;
  const polynomial =
    1 +
    r *
      (1 +
        r *
          (0.5 +
            r *
              (0.16666666666666666 +
                r *
                  (0.041666666666666664 +
                    r *
                      (0.008333333333333333 +
                        r * (0.001388888888888889 + r * 0.0001984126984126984))))));
  return polynomial * POWERS_OF_TWO[k + 1075]!;
}

/** Reads confidences and decoder routing of a finished row from the pass that finished it. */
function collect(
  pass: DecoderOutputs,
  row: number,
  output: number[],
  options: DecodeOptions,
): DecodedSequence {
  const finished = output[output.length - 1] === options.eos;
  const generated = output.slice(1);
  const tokens = finished ? generated.slice(0, -1) : generated;
  const confidences = generated.map((token, position) => probabilityAt(pass, row, position, token));
  const routing: number[][][] = [];
  for (let layer = 0; options.withRouting !== false && layer < pass.layers; layer++) {
    const rows: number[][] = [];
    for (let position = 0; position < tokens.length; position++) {
      const base = ((layer * pass.batch + row) * pass.length + position) * pass.experts;
      rows.push(Array.from(pass.routerProbs.subarray(base, base + pass.experts)));
    }
    routing.push(rows);
  }
  return { tokens, finished, confidences, routing };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CorrectionCancelled();
}
