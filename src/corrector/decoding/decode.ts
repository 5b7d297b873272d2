/**
 * Greedy and input-guided aggressive decoding over a decoder with a key/value cache, with
 * continuous batching: the decoder has a fixed number of slots, each holding one row, and a row
 * that finishes hands its slot to the next job at once instead of idling until its batch ends.
 *
 * A pass feeds each row only what its cache lacks: the token the model chose last pass, then a
 * block of draft tokens to verify. Aggressive decoding (Sun et al. 2021, "Instantaneous Grammatical
 * Error Correction with Shallow Aggressive Decoding") keeps the draft tokens the model agrees with
 * and, at the first disagreement, the model's own token instead. Every kept token is the decoder's
 * argmax given exactly the greedy prefix, so the output is the greedy output; only the number of
 * passes changes. The cache keeps the accepted positions; the rejected ones are simply not counted
 * (their slots are overwritten by the next pass). After a disagreement a Redraft (draft.ts) chooses
 * the next draft from what the pass showed; without one, the draft is re-aligned to the source just
 * after the longest recent n-gram of the output found in it.
 *
 * Greedy decoding is the same loop without drafts: one token a row a pass.
 */
import { CorrectionCancelled } from '../errors.js';

/** What one decoder pass computed at every fed position of every slot. */
export interface StepOutputs {
  /** Slots in the pass (the decoder's slot count) and positions fed per slot (padded). */
  batch: number;
  length: number;
  /** The argmax token at [slot][position], flattened. */
  tokens: BigInt64Array;
  /** Its softmax probability. */
  probabilities: Float32Array;
  layers: number;
  experts: number;
  /** routerProbs[layer][slot][position][expert], flattened. */
  routerProbs: Float32Array;
}

/**
 * A decoder whose slots each hold one row: its source (encoder keys and values) and the keys and
 * values of the decoder positions it was fed. Who puts a source into a slot is the job source's
 * business (JobSource.take); the decoder only runs passes and compacts.
 */
export interface SlotDecoder {
  readonly slotCount: number;
  /**
   * Runs the decoder once. Slot s takes inputs[s] as its positions cached[s], cached[s] + 1, …, and
   * keeps their keys and values there; an empty or absent entry leaves the slot idle.
   */
  step(
    inputs: readonly (readonly number[] | undefined)[],
    cached: readonly number[],
  ): Promise<StepOutputs>;
  /** Keeps only the given slots, renumbered 0, 1, … in that order (the tail of a run, fewer rows). */
  compact(keep: readonly number[]): void;
}

/** One sequence to decode. */
export interface DecodeJob {
  /** The draft to verify (the source's ids without <eos>); absent for greedy decoding. */
  draft?: readonly number[];
  /** Proposes the next draft after the model departed from the current one. */
  redraft?: Redraft;
}

/** Hands out jobs, each placed into the slot it is taken for. */
export interface JobSource<Job extends DecodeJob> {
  /** The next job, already admitted into `slot`; undefined when none is left. */
  take(slot: number): Promise<Job | undefined>;
}

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
  /** Positions computed (slots times the padded positions of each pass): the decoder's work. */
  positions?: number;
  /** Output tokens produced (with <eos>): the positions that were needed. */
  tokens?: number;
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
export type Redraft = (review: PassReview) => number[] | undefined;

/**
 * Draft tokens a row verifies in its first pass, and the bounds of the block as it adapts: it
 * doubles while whole blocks are accepted and halves after a departure. A long block costs its
 * positions in every slot of the pass (rows are padded to the longest), so it must earn them.
 */
const INITIAL_BLOCK = 12;
const MIN_BLOCK = 4;

/**
 * What one more decoder run costs against one more position in every slot, in positions. Measured
 * here (CPU time, neko-small, 48 slots): a run of one position a slot 8.4 ms, of four 23.7 ms.
 */
const POSITIONS_PER_RUN = 32;

interface RowState<Job extends DecodeJob> {
  job: Job;
  /** <bos> and the tokens produced so far; every position but the last is in the cache. */
  output: number[];
  /** Draft tokens still to verify, ending in <eos>; empty for greedy decoding. */
  pending: number[];
  /** The first draft with <eos>, for re-alignment when no redraft is given. */
  source: number[];
  sourcePosition: number;
  /** Draft tokens the row would like to verify next pass. */
  block: number;
  confidences: number[];
  routing: number[][][];
}

/**
 * Decodes every job the source hands out, `decoder.slotCount` rows at a time, and reports each with
 * `finish` as soon as it is done. Output is exactly greedy decoding's for each job, drafts or not.
 */
export async function decodeJobs<Job extends DecodeJob>(
  decoder: SlotDecoder,
  jobs: JobSource<Job>,
  finish: (job: Job, sequence: DecodedSequence) => void,
  options: DecodeOptions,
  statistics: DecodeStatistics = { passes: 0, rowPasses: 0 },
): Promise<void> {
  const withRouting = options.withRouting !== false;
  let rows: (RowState<Job> | undefined)[] = new Array(decoder.slotCount);
  let exhausted = false;
  const fill = async (slot: number): Promise<void> => {
    rows[slot] = undefined;
    if (exhausted) return;
    const job = await jobs.take(slot);
    if (job === undefined) {
      exhausted = true;
      return;
    }
    const source = job.draft ? [...job.draft, options.eos] : [];
    rows[slot] = {
      job,
      output: [options.bos],
      pending: source,
      source,
      sourcePosition: 0,
      block: INITIAL_BLOCK,
      confidences: [],
      routing: [],
    };
  };
  for (let slot = 0; slot < decoder.slotCount; slot++) await fill(slot);

  for (;;) {
    throwIfCancelled(options.signal);
    const live = rows.flatMap((row, slot) => (row ? [slot] : []));
    if (live.length === 0) return;
    // The tail of a run: stop paying for idle slots.
    if (exhausted && live.length <= rows.length / 2) {
      decoder.compact(live);
      rows = live.map((slot) => rows[slot]);
    }
    const active = rows.flatMap((row, slot) => (row ? [{ row, slot }] : []));
    const wanted = active.map(({ row }) => {
      const room = options.maxTokens - (row.output.length - 1);
      return Math.max(0, Math.min(row.block, row.pending.length, room - 1));
    });
    const length = passLength(wanted, rows.length);
    const blocks = active.map(({ row }, k) =>
      row.pending.slice(0, Math.min(wanted[k]!, length - 1)),
    );
    const inputs: (number[] | undefined)[] = Array.from({ length: rows.length }, () => undefined);
    const cached = new Array<number>(rows.length).fill(0);
    active.forEach(({ row, slot }, k) => {
      inputs[slot] = [row.output[row.output.length - 1]!, ...blocks[k]!];
      cached[slot] = row.output.length - 1;
    });
    const pass = await decoder.step(inputs, cached);
    statistics.passes++;
    statistics.rowPasses += active.length;
    statistics.positions = (statistics.positions ?? 0) + pass.batch * pass.length;

    const freed: number[] = [];
    active.forEach(({ row, slot }, k) => {
      const block = blocks[k]!;
      const at = (i: number): number => slot * pass.length + i;
      const predictionAt = (i: number): number => Number(pass.tokens[at(i)]);
      const predictions: number[] = [];
      let accepted = 0;
      for (;;) {
        const predicted = predictionAt(accepted);
        predictions.push(predicted);
        if (accepted === block.length || predicted !== block[accepted] || predicted === options.eos)
          break;
        accepted++;
      }
      const produced = [...block.slice(0, accepted), predictions[accepted]!];
      for (let i = 0; i <= accepted; i++) {
        row.confidences.push(pass.probabilities[at(i)]!);
        if (withRouting) row.routing.push(routingAt(pass, slot, i));
      }
      row.output.push(...produced);
      statistics.tokens = (statistics.tokens ?? 0) + produced.length;
      const generated = row.output.length - 1;
      if (row.output[row.output.length - 1] === options.eos || generated >= options.maxTokens) {
        finish(row.job, collect(row, options, withRouting));
        freed.push(slot);
        return;
      }
      if (row.source.length === 0) return;
      row.block =
        accepted === block.length
          ? Math.min(2 * row.block, options.maxTokens)
          : Math.max(MIN_BLOCK, Math.ceil(row.block / 2));
      for (let i = accepted + 1; row.job.redraft && i < block.length; i++)
        predictions.push(predictionAt(i));
      const proposed = row.job.redraft?.({
        generated: row.output.slice(1),
        block,
        accepted,
        predictions,
      });
      if (proposed !== undefined) {
        row.pending = [...proposed, options.eos];
      } else {
        const next = realignDraft(row.source, row.output, row.sourcePosition + accepted);
        row.sourcePosition = next;
        row.pending = row.source.slice(next);
      }
    });
    for (const slot of freed) await fill(slot);
  }
}

/**
 * Positions per slot for the next pass: every slot is padded to it, so a length that only a few
 * rows want would mostly compute padding. It maximizes the positions rows want per position paid
 * (a run costing POSITIONS_PER_RUN more); `wanted` are the draft tokens each row would verify.
 */
export function passLength(wanted: readonly number[], slots: number): number {
  let best = 1;
  let bestValue = -1;
  for (const candidate of new Set(wanted.map((tokens) => tokens + 1))) {
    const useful = wanted.reduce((sum, tokens) => sum + Math.min(tokens + 1, candidate), 0);
    const value = useful / (POSITIONS_PER_RUN + slots * candidate);
    if (value > bestValue || (value === bestValue && candidate < best)) {
      bestValue = value;
      best = candidate;
    }
  }
  return best;
}

/** Plain greedy decoding of the rows a decoder holds in slots 0..rowCount-1. */
export async function greedyDecode(
  decoder: SlotDecoder,
  rowCount: number,
  options: DecodeOptions,
  statistics?: DecodeStatistics,
): Promise<DecodedSequence[]> {
  return decodeHeldRows(
    decoder,
    Array.from({ length: rowCount }, () => ({})),
    options,
    statistics,
  );
}

/** Aggressive decoding of the rows a decoder holds, one draft each; same output as greedy. */
export async function aggressiveDecode(
  decoder: SlotDecoder,
  drafts: readonly number[][],
  options: DecodeOptions,
  statistics?: DecodeStatistics,
  redraft?: (row: number, review: PassReview) => number[] | undefined,
): Promise<DecodedSequence[]> {
  return decodeHeldRows(
    decoder,
    drafts.map((draft, row) => ({
      draft,
      ...(redraft ? { redraft: (review: PassReview) => redraft(row, review) } : {}),
    })),
    options,
    statistics,
  );
}

async function decodeHeldRows(
  decoder: SlotDecoder,
  jobs: readonly DecodeJob[],
  options: DecodeOptions,
  statistics?: DecodeStatistics,
): Promise<DecodedSequence[]> {
  if (jobs.length > decoder.slotCount)
    throw new Error(`${jobs.length} rows for a decoder of ${decoder.slotCount} slots`);
  const indexed = jobs.map((job, index) => ({ ...job, index }));
  const taken = new Set<number>();
  const results: DecodedSequence[] = new Array(jobs.length);
  await decodeJobs(
    decoder,
    {
      // Row r is already in slot r; a slot is taken once.
      take: (slot) => {
        if (taken.has(slot) || slot >= indexed.length) return Promise.resolve(undefined);
        taken.add(slot);
        return Promise.resolve(indexed[slot]);
      },
    },
    (job, sequence) => (results[job.index] = sequence),
    options,
    statistics,
  );
  return results;
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

function routingAt(pass: StepOutputs, slot: number, position: number): number[][] {
  const rows: number[][] = [];
  for (let layer = 0; layer < pass.layers; layer++) {
    const base = ((layer * pass.batch + slot) * pass.length + position) * pass.experts;
    rows.push(Array.from(pass.routerProbs.subarray(base, base + pass.experts)));
  }
  return rows;
}

/** A finished row as the caller sees it: routing per layer, <eos> left out of tokens and routing. */
function collect<Job extends DecodeJob>(
  row: RowState<Job>,
  options: DecodeOptions,
  withRouting: boolean,
): DecodedSequence {
  const finished = row.output[row.output.length - 1] === options.eos;
  const generated = row.output.slice(1);
  const tokens = finished ? generated.slice(0, -1) : generated;
  const routing: number[][][] = [];
  if (withRouting) {
    const layers = row.routing[0]?.length ?? 0;
    for (let layer = 0; layer < layers; layer++)
      routing.push(row.routing.slice(0, tokens.length).map((position) => position[layer]!));
  }
  return { tokens, finished, confidences: row.confidences, routing };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CorrectionCancelled();
}
