/**
 * The corrector engine: tokenizes segments, runs them through the model in length-sorted batches,
 * decodes (greedy or aggressive, same output), and turns each output into a Suggestion with word
 * edits, confidences and routing. It runs inside a worker (worker.ts); nothing here blocks a UI.
 */
import { suggestionFromCorrection } from '../document/operations.js';
import type { Suggestion } from '../document/types.js';
import { defaultModelDirectory, loadModelDirectory, type ModelConfig } from './config.js';
import {
  aggressiveDecode,
  greedyDecode,
  type DecodedSequence,
  type DecodeOptions,
  type DecodeStatistics,
  type RunDecoder,
} from './decode.js';
import { TextDraft } from './draft.js';
import { CorrectionCancelled, CorrectorUnavailable } from './errors.js';
import { Seq2SeqModel, type EncodedBatch } from './model.js';
import { buildRoutingRecord, decodeWithSpans } from './routing.js';
import {
  createModelSessions,
  type DeviceAttempt,
  type DeviceRequest,
  type Device,
} from './session.js';
import { buildSourceTokens, type SourceToken } from './source.js';
import { Tokenizer } from './tokenizer.js';

export type Decoding = 'aggressive' | 'greedy';

export interface EngineOptions {
  /** Model directory; assets/models/neko-small (or $NEKO_MODEL_DIR) when absent. */
  modelDirectory?: string;
  device?: DeviceRequest;
}

export interface SegmentInput {
  id: string;
  /** Best first; hypotheses[0] is the text the edits refer to. */
  hypotheses: string[];
}

export interface SegmentResult {
  id: string;
  /** Position of the segment in the request. */
  index: number;
  suggestion: Suggestion;
  /** False when the model ran out of output tokens; the suggestion then keeps the source. */
  finished: boolean;
  /** Seconds from the start of the segment's batch to its result. */
  latency: number;
}

export interface CorrectOptions {
  decoding?: Decoding;
  signal?: AbortSignal;
  /** Called after each batch with the number of segments done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called for each segment as soon as its batch is done (batches run in length order). */
  onResult?: (result: SegmentResult) => void;
  /** Leave out routing records (the bench does not need them). */
  withRouting?: boolean;
}

export interface EngineInfo {
  model: string;
  modelDirectory: string;
  device: Device;
  attempts: DeviceAttempt[];
  experts: string[];
}

/** Batches hold at most this many source tokens (after padding) and this many segments. */
const BATCH_TOKEN_BUDGET = 4096;
const MAX_BATCH_SEGMENTS = 48;

interface PreparedSegment {
  index: number;
  input: SegmentInput;
  source: string;
  sourceTokens: SourceToken[];
  draft: number[];
}

export class CorrectorEngine {
  /** Decoder passes run so far (the bench reports them). */
  readonly statistics: DecodeStatistics = { passes: 0, rowPasses: 0 };

  private constructor(
    private readonly model: Seq2SeqModel,
    private readonly tokenizer: Tokenizer,
    readonly info: EngineInfo,
  ) {}

  /** Throws CorrectorUnavailable with the reason when the model or the device cannot be used. */
  static async load(options: EngineOptions = {}): Promise<CorrectorEngine> {
    const directory = loadModelDirectory(options.modelDirectory ?? defaultModelDirectory());
    let tokenizer: Tokenizer;
    try {
      tokenizer = Tokenizer.fromFile(directory.tokenizerPath);
    } catch (error) {
      throw new CorrectorUnavailable((error as Error).message);
    }
    checkTokenizerMatches(tokenizer, directory.config, directory.tokenizerPath);
    const sessions = await createModelSessions(directory, options.device ?? 'auto');
    const info: EngineInfo = {
      model: directory.config.name,
      modelDirectory: directory.directory,
      device: sessions.device,
      attempts: sessions.attempts,
      experts: directory.config.experts,
    };
    return new CorrectorEngine(new Seq2SeqModel(sessions, directory.config), tokenizer, info);
  }

  get config(): ModelConfig {
    return this.model.config;
  }

  async dispose(): Promise<void> {
    await this.model.sessions.release();
  }

  /** Corrects every segment; results come back in request order. Throws CorrectionCancelled. */
  async correct(
    segments: readonly SegmentInput[],
    options: CorrectOptions = {},
  ): Promise<SegmentResult[]> {
    const prepared = segments.map((input, index) => this.prepare(input, index));
    const results: SegmentResult[] = new Array(segments.length);
    let done = 0;
    options.onProgress?.(0, segments.length);
    for (const batch of planBatches(prepared)) {
      if (options.signal?.aborted) throw new CorrectionCancelled();
      const started = performance.now();
      const batchResults = await this.correctBatch(batch, options);
      const latency = (performance.now() - started) / 1000;
      for (const result of batchResults) {
        result.latency = latency;
        results[result.index] = result;
        options.onResult?.(result);
      }
      done += batch.length;
      options.onProgress?.(done, segments.length);
    }
    return results;
  }

  private prepare(input: SegmentInput, index: number): PreparedSegment {
    const hypotheses = input.hypotheses.length > 0 ? input.hypotheses : [''];
    const source = hypotheses[0]!;
    const sourceTokens = buildSourceTokens(this.tokenizer, hypotheses, {
      nbestMax: this.config.nbest_max,
      maxSourceTokens: this.config.max_source_tokens,
    });
    const draft = this.tokenizer.encode(source).slice(0, this.config.max_target_tokens);
    return { index, input, source, sourceTokens, draft };
  }

  private async correctBatch(
    batch: PreparedSegment[],
    options: CorrectOptions,
  ): Promise<SegmentResult[]> {
    const encoded = await this.model.encode(
      batch.map((segment) => segment.sourceTokens.map((t) => t.id)),
    );
    const run = this.model.decoderFor(encoded);
    const special = this.config.special_tokens;
    const decodeOptions: DecodeOptions = {
      bos: special.bos,
      eos: special.eos,
      pad: special.pad,
      maxTokens: this.config.max_target_tokens,
    };
    if (options.signal) decodeOptions.signal = options.signal;
    const decoded =
      options.decoding === 'greedy'
        ? await greedyDecode(run, batch.length, decodeOptions, this.statistics)
        : await this.aggressive(run, batch, decodeOptions);
    return batch.map((segment, row) =>
      this.toResult(segment, decoded[row]!, encoded, row, options.withRouting !== false),
    );
  }

  private aggressive(run: RunDecoder, batch: PreparedSegment[], options: DecodeOptions) {
    const drafts = batch.map((segment) => new TextDraft(this.tokenizer, segment.source));
    return aggressiveDecode(
      run,
      batch.map((segment) => segment.draft),
      options,
      this.statistics,
      (row, generated) => drafts[row]!.redraft(generated),
    );
  }

  private toResult(
    segment: PreparedSegment,
    decoded: DecodedSequence,
    encoded: EncodedBatch,
    row: number,
    withRouting: boolean,
  ): SegmentResult {
    const { text: output, tokens } = decodeWithSpans(this.tokenizer, decoded.tokens);
    // Without <eos> the output was cut off; offering a truncated rewrite would do harm.
    const text = decoded.finished ? output : segment.source;
    const confidences = decoded.finished
      ? tokens.map((token, i) => ({
          start: token.start,
          end: token.end,
          confidence: decoded.confidences[i]!,
        }))
      : [];
    const sourceSegment = { id: segment.input.id, source: segment.source, text: segment.source };
    const suggestion = suggestionFromCorrection(sourceSegment, text, confidences);
    if (!decoded.finished) suggestion.confidence = 0;
    if (withRouting) suggestion.routing = this.routingFor(segment, decoded, tokens, encoded, row);
    return {
      id: segment.input.id,
      index: segment.index,
      suggestion,
      finished: decoded.finished,
      latency: 0,
    };
  }

  private routingFor(
    segment: PreparedSegment,
    decoded: DecodedSequence,
    decoderTokens: { piece: string; start: number; end: number }[],
    encoded: EncodedBatch,
    row: number,
  ) {
    const all = encoderRouting(encoded, row);
    const shownPositions = segment.sourceTokens
      .map((token, position) => (token.hypothesis === 0 ? position : -1))
      .filter((position) => position >= 0);
    const encoderTokens = shownPositions.map((position) => {
      const token = segment.sourceTokens[position]!;
      return {
        piece: segment.source.slice(token.start, token.end),
        start: token.start,
        end: token.end,
      };
    });
    return buildRoutingRecord({
      experts: this.config.experts,
      encoderTokens,
      encoderProbabilities: all.map((layer) => shownPositions.map((position) => layer[position]!)),
      encoderAllProbabilities: all,
      decoderTokens,
      decoderProbabilities: decoded.routing,
    });
  }
}

/** [layer][token][expert] over the real (unpadded) tokens of one encoder row. */
function encoderRouting(encoded: EncodedBatch, row: number): number[][][] {
  const { layers, batch, length, experts, routerProbs } = encoded;
  const realTokens = encoded.lengths[row]!;
  const result: number[][][] = [];
  for (let layer = 0; layer < layers; layer++) {
    const tokens: number[][] = [];
    for (let position = 0; position < realTokens; position++) {
      const base = ((layer * batch + row) * length + position) * experts;
      tokens.push(Array.from(routerProbs.subarray(base, base + experts)));
    }
    result.push(tokens);
  }
  return result;
}

/**
 * Sorts segments by length so that a batch pads little, then cuts batches by a padded-token budget.
 * The key is the longer of source and draft, as both bound the decoder's work.
 */
function planBatches(segments: PreparedSegment[]): PreparedSegment[][] {
  const size = (segment: PreparedSegment): number =>
    Math.max(segment.sourceTokens.length, segment.draft.length + 2);
  const ordered = [...segments].sort((a, b) => size(a) - size(b) || a.index - b.index);
  const batches: PreparedSegment[][] = [];
  let current: PreparedSegment[] = [];
  for (const segment of ordered) {
    const paddedTokens = (current.length + 1) * size(segment);
    if (
      current.length > 0 &&
      (paddedTokens > BATCH_TOKEN_BUDGET || current.length >= MAX_BATCH_SEGMENTS)
    ) {
      batches.push(current);
      current = [];
    }
    current.push(segment);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function checkTokenizerMatches(tokenizer: Tokenizer, config: ModelConfig, path: string): void {
  if (tokenizer.vocabSize !== config.vocab_size) {
    throw new CorrectorUnavailable(
      `${path} has ${tokenizer.vocabSize} pieces but config.json says vocab_size ${config.vocab_size}`,
    );
  }
  for (const key of ['pad', 'bos', 'eos', 'sep'] as const) {
    if (tokenizer.special[key] !== config.special_tokens[key]) {
      throw new CorrectorUnavailable(`${path} and config.json disagree on the id of <${key}>`);
    }
  }
}
