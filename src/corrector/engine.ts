/**
 * The corrector engine: tokenizes segments, runs them through the model in length-sorted batches,
 * decodes (greedy or aggressive, same output), and turns each output into a Suggestion with word
 * edits, confidences and routing, then applies the task's passes after the model (PASSES). It runs
 * in the corrector host's process (host/worker.ts); nothing here blocks a UI.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suggestionFromCorrection } from '../document/operations.js';
import { inferSegmentTask } from '../document/task-inference.js';
import type { RoutingRecord, Suggestion, Task } from '../document/types.js';
import { defaultModelDirectory, loadModelDirectory, type ModelConfig } from './runtime/config.js';
import type { CorrectorInput, Decoding, DeviceRequest, EngineInfo } from './contract.js';
import {
  decodeJobs,
  type DecodeJob,
  type DecodedSequence,
  type DecodeOptions,
  type DecodeStatistics,
} from './decoding/decode.js';
import { TextDraft } from './decoding/draft.js';
import { CorrectionCancelled, CorrectorUnavailable } from './errors.js';
import { Seq2SeqModel, type EncodedBatch } from './runtime/model.js';
import { documentWordCounts, OcrLexicon } from './passes/ocr-lexicon.js';
import { loadWordTrigramModel, type WordTrigramModel } from './passes/word-trigram-model.js';
import { withAsrGuard } from './passes/asr-guard.js';
import { respectingConfidentWords } from './passes/confident-words.js';
import { GrammarChecker, withCheckerEdits } from './passes/grammar-checker.js';
import { withCharactersBeyondAsciiKept } from './passes/unwritten-letters.js';
import { lowerCasedForModel, onSourceInCapitals } from './passes/transcript-capitals.js';
import { onSourceWithLineBreaks, withLineBreaksAsSpaces } from './passes/line-breaks.js';
import { inWritersApostrophe, writersApostrophe } from './passes/apostrophes.js';
import {
  refineOcrSuggestion,
  ScanLineReadings,
  type ScanLineContext,
  usesModelEdits,
} from './passes/ocr-refine.js';
import { withLearnerGrammar } from './passes/learner-grammar.js';
import { withTypingSlipsMended } from './passes/careless-typing.js';
import { withoutGluedMarks, withoutStrayMarks } from './passes/stray-marks.js';
import { withUnitsWritten } from './passes/written-units.js';
import { splitForModel } from './decoding/chunking.js';
import { buildRoutingRecord, decodeWithSpans, type TokenPiece } from './decoding/routing.js';
import { createModelSessions } from './runtime/session.js';
import { buildSourceTokens, type SourceToken } from './runtime/source.js';
import { Tokenizer } from './runtime/tokenizer.js';

export interface EngineOptions {
  /** Model directory; assets/models/neko-small (or $NEKO_MODEL_DIR) when absent. */
  modelDirectory?: string;
  device?: DeviceRequest;
  /**
   * The OCR lexical pass's directory (ocr-refine.ts); `null` turns the pass off. By default
   * $NEKO_OCR_LEXICON_DIR, else `ocr-lexicon` beside the model directory when it exists.
   */
  ocrLexiconDirectory?: string | null;
  /** onnxruntime's intra-op threads; every core when absent. */
  threads?: number;
}

export interface SegmentResult {
  id: string;
  /** Position of the segment in the request. */
  index: number;
  suggestion: Suggestion;
  /** False when the model ran out of output tokens; the suggestion then keeps the source. */
  finished: boolean;
  /** Seconds from the moment the segment's first piece entered the decoder to its result. */
  latency: number;
}

export interface EngineRunOptions {
  decoding?: Decoding;
  signal?: AbortSignal;
  /** Called as segments finish with the number done so far (at most every PROGRESS_INTERVAL_MS). */
  onProgress?: (done: number, total: number) => void;
  /** Called for each segment as soon as it is done (pieces enter the decoder in length order). */
  onResult?: (result: SegmentResult) => void;
  /** Leave out routing records (the bench does not need them). */
  withRouting?: boolean;
}

/** What a pass after the model may use besides the segment's source and the suggestion so far. */
interface PassContext {
  /** The OCR lexical pass's model, when the request has OCR segments and the lexicon exists. */
  lexicon: OcrLexicon | undefined;
  /** The recognizer's confidence in each white-space separated word of the source, where given. */
  wordConfidences: readonly (number | null)[] | undefined;
  /**
   * The words of the OCR segments corrected together (a document, or the lines of an N-best file),
   * which the lexical pass's confidences weigh: a word read the same way twice is likely right.
   */
  documentCounts: ReadonlyMap<string, number> | undefined;
  /** Where the segment's line stands among the request's scan lines, when it is one. */
  scanLine: ScanLineContext | undefined;
}

type Pass = (source: string, suggestion: Suggestion, context: PassContext) => Suggestion;

/**
 * The passes after the model, per task, in order (each keeps the suggestion's confidence and
 * routing). ASR keeps the model's written form (digits, case, punctuation, sure deletions) and
 * drops its word rewrites and insertions (passes/asr-guard.ts), then writes the unit said after
 * the model's digits as a transcript writes it ("15%", passes/written-units.ts); OCR gates the
 * model's edits and runs the lexical pass where a lexicon exists (passes/ocr-refine.ts), then
 * deletes specks read as marks at a line's ends or glued to its words (passes/stray-marks.ts).
 * Text went through the grammar checker before the model, and the model's own edits were gated
 * there (passes/grammar-checker.ts). Every segment has a task: its own, or the one task-inference.ts reads
 * from its text.
 */
const PASSES: Record<Task, readonly Pass[]> = {
  asr: [
    (source, suggestion) => withAsrGuard(source, suggestion),
    (source, suggestion) => withUnitsWritten(source, suggestion),
  ],
  ocr: [
    (source, suggestion, { lexicon, wordConfidences, documentCounts, scanLine }) =>
      lexicon
        ? refineOcrSuggestion(
            source,
            suggestion,
            lexicon,
            wordConfidences,
            documentCounts,
            scanLine,
          )
        : suggestion,
    (source, suggestion, { wordConfidences }) =>
      withoutStrayMarks(source, suggestion, wordConfidences),
    (source, suggestion, { wordConfidences }) =>
      withoutGluedMarks(source, suggestion, wordConfidences),
  ],
  text: [],
};

/** Encoder batches hold at most this many source tokens (after padding) and this many segments. */
const BATCH_TOKEN_BUDGET = 4096;
const MAX_BATCH_SEGMENTS = 48;
/**
 * Rows the decoder runs at once (continuous batching: a finished row's slot takes the next piece).
 * More rows make each matrix product more efficient, until padding and the cache outgrow that.
 */
const DECODER_SLOTS = 48;
const PROGRESS_INTERVAL_MS = 100;

/**
 * The part of a segment one model row corrects: the whole segment (with its N-best list) when it
 * fits, else one of the pieces chunking.ts cut it into (best hypothesis only).
 */
interface PreparedPiece {
  segment: number;
  piece: number;
  /** Character offset of the piece in the segment's source. */
  offset: number;
  text: string;
  sourceTokens: SourceToken[];
  draft: number[];
}

/** A piece on its way through the decoder: its source is row `row` of an encoder batch. */
interface PieceJob extends DecodeJob {
  piece: PreparedPiece;
  encoded: EncodedBatch;
  row: number;
}

interface PieceResult {
  /** Absent when the piece was not decoded, as no pass would use the model's output. */
  decoded?: DecodedSequence;
  output: string;
  outputTokens: TokenPiece[];
  /** [layer][token][expert] of every real encoder token, when routing is wanted. */
  encoderRouting?: number[][][];
}

interface SegmentPlan {
  index: number;
  input: CorrectorInput;
  /** The input's task, or else the one task-inference.ts reads from its text. */
  task: Task;
  taskInferred: boolean;
  source: string;
  /** What the model reads: the source, or the grammar checker's correction of it (text only). */
  modelSource: string;
  /** The transcript is in capitals and the model read it in lower case (transcript-capitals.ts). */
  inCapitals: boolean;
  pieces: PreparedPiece[];
  results: (PieceResult | undefined)[];
  remaining: number;
  /** performance.now() when its first piece entered the decoder. */
  started: number | undefined;
}

/** Pieces get at most this share of max_target_tokens: corrections add case and punctuation. */
const PIECE_SHARE_OF_TARGET = 0.6;

/** Work done so far (the bench reports it). */
export interface EngineStatistics extends DecodeStatistics {
  positions: number;
  tokens: number;
  /** Source tokens encoded (real ones, without padding). */
  sourceTokens: number;
}

export class CorrectorEngine {
  readonly statistics: EngineStatistics = {
    passes: 0,
    rowPasses: 0,
    positions: 0,
    tokens: 0,
    sourceTokens: 0,
  };
  /** Loaded on the first text segment (undefined when it cannot load). */
  private checkerLoad: Promise<GrammarChecker | undefined> | undefined;
  /** Loaded on the first OCR segment: ASR and text users do not wait for it. */
  private lexiconLoad: Promise<OcrLexicon> | undefined;
  private wordModelLoad: Promise<WordTrigramModel> | undefined;
  private knownWordsLoad: Promise<ReadonlySet<string>> | undefined;

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
    const sessions = await createModelSessions(
      directory,
      options.device ?? 'auto',
      options.threads,
    );
    const info: EngineInfo = {
      model: directory.config.name,
      modelDirectory: directory.directory,
      device: sessions.device,
      attempts: sessions.attempts,
      experts: directory.config.experts,
      ocrLexicon: ocrLexiconDirectory(options.ocrLexiconDirectory, directory.directory),
    };
    return new CorrectorEngine(new Seq2SeqModel(sessions, directory.config), tokenizer, info);
  }

  get config(): ModelConfig {
    return this.model.config;
  }

  async dispose(): Promise<void> {
    await (await this.checkerLoad)?.dispose();
    await this.model.sessions.release();
  }

  /** Corrects every segment; results come back in request order. Throws CorrectionCancelled. */
  async correct(
    given: readonly CorrectorInput[],
    options: EngineRunOptions = {},
  ): Promise<SegmentResult[]> {
    // A segment of several lines is corrected as one line (passes/line-breaks.ts).
    const segments = given.map(withLineBreaksAsSpaces);
    const apostrophe = writersApostrophe(given.map((input) => input.hypotheses[0] ?? ''));
    const tasks = segments.map((input) => input.task ?? inferSegmentTask(input.hypotheses).task);
    const checked = await this.checkGrammar(segments, tasks, options.signal);
    // The model's edits of writing are judged against the lexicon's words (withCheckerEdits). The
    // same load feeds the grammar checker, which has said why if it failed; without it the model's
    // edits are only gated by confidence, as before.
    const knownWords = tasks.includes('text')
      ? await this.knownWords()?.catch(() => undefined)
      : undefined;
    const plans = segments.map((input, index) =>
      this.plan(input, index, tasks[index]!, checked.get(index)),
    );
    const results: SegmentResult[] = new Array(segments.length);
    const withRouting = options.withRouting !== false;
    const lexicon = plans.some((plan) => plan.task === 'ocr') ? await this.ocrLexicon() : undefined;
    const documentCounts = lexicon
      ? documentWordCounts(plans.filter((plan) => plan.task === 'ocr').map((plan) => plan.source))
      : undefined;
    const scanLines = lexicon
      ? new ScanLineReadings(
          lexicon,
          plans.map((plan) =>
            plan.task === 'ocr'
              ? { text: plan.source, wordConfidences: plan.input.wordConfidences }
              : undefined,
          ),
          documentCounts,
        )
      : undefined;
    let done = 0;
    let reported = performance.now();
    options.onProgress?.(0, segments.length);
    const complete = (segment: number, piece: number, pieceResult: PieceResult): void => {
      const plan = plans[segment]!;
      plan.results[piece] = pieceResult;
      if (--plan.remaining > 0) return;
      const result = this.assemble(
        plan,
        withRouting,
        lexicon,
        documentCounts,
        scanLines,
        knownWords,
      );
      result.suggestion = inWritersApostrophe(plan.source, result.suggestion, apostrophe);
      const written = given[plan.index]!.hypotheses[0];
      if (written !== undefined && written !== plan.source) {
        result.suggestion = onSourceWithLineBreaks(written, result.suggestion);
      }
      results[plan.index] = result;
      done++;
      options.onResult?.(result);
      const now = performance.now();
      if (now - reported >= PROGRESS_INTERVAL_MS || done === segments.length) {
        reported = now;
        options.onProgress?.(done, segments.length);
      }
    };
    const decodes = (plan: SegmentPlan): boolean =>
      !(plan.task === 'ocr' && lexicon && !usesModelEdits(lexicon.settings));
    await this.encodeOnly(
      plans.filter((plan) => !decodes(plan)),
      withRouting,
      complete,
      options.signal,
    );
    const pieces = plans.filter(decodes).flatMap((plan) => plan.pieces);
    const batches = planBatches(pieces);
    const decoder = this.model.decoderPool(Math.min(DECODER_SLOTS, Math.max(pieces.length, 1)));
    let encoded: EncodedBatch | undefined;
    let batchIndex = 0;
    let nextRow = 0;
    const take = async (slot: number): Promise<PieceJob | undefined> => {
      if (encoded === undefined || nextRow >= encoded.batch) {
        const batch = batches[batchIndex];
        if (batch === undefined) return undefined;
        batchIndex++;
        encoded = await this.model.encode(
          batch.map((piece) => piece.sourceTokens.map((t) => t.id)),
        );
        this.statistics.sourceTokens += encoded.lengths.reduce((sum, length) => sum + length, 0);
        nextRow = 0;
      }
      const row = nextRow++;
      const piece = batches[batchIndex - 1]![row]!;
      decoder.admit(slot, encoded, row);
      const plan = plans[piece.segment]!;
      plan.started ??= performance.now();
      const job: PieceJob = { piece, encoded, row };
      if (options.decoding !== 'greedy') {
        const draft = new TextDraft(this.tokenizer, piece.text, this.config.special_tokens.eos);
        job.draft = draft.initial();
        job.redraft = (review) => draft.redraft(review);
      }
      return job;
    };
    const finish = (job: PieceJob, decoded: DecodedSequence): void => {
      const { text, tokens } = decodeWithSpans(this.tokenizer, decoded.tokens);
      const pieceResult: PieceResult = { decoded, output: text, outputTokens: tokens };
      if (withRouting) pieceResult.encoderRouting = encoderRouting(job.encoded, job.row);
      complete(job.piece.segment, job.piece.piece, pieceResult);
    };
    const special = this.config.special_tokens;
    const decodeOptions: DecodeOptions = {
      bos: special.bos,
      eos: special.eos,
      pad: special.pad,
      maxTokens: this.config.max_target_tokens,
      withRouting,
    };
    if (options.signal) decodeOptions.signal = options.signal;
    await decodeJobs(decoder, { take }, finish, decodeOptions, this.statistics);
    return results;
  }

  /**
   * Completes pieces whose model output no pass would use, without decoding them: the encoder
   * still runs where routing is wanted, so the editor's heatmap shows how the router read them.
   */
  private async encodeOnly(
    plans: SegmentPlan[],
    withRouting: boolean,
    complete: (segment: number, piece: number, result: PieceResult) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const planOf = new Map(plans.map((plan) => [plan.index, plan]));
    for (const batch of planBatches(plans.flatMap((plan) => plan.pieces))) {
      if (signal?.aborted) throw new CorrectionCancelled();
      const started = performance.now();
      for (const piece of batch) planOf.get(piece.segment)!.started ??= started;
      const encoded = withRouting
        ? await this.model.encode(batch.map((piece) => piece.sourceTokens.map((t) => t.id)))
        : undefined;
      if (encoded) {
        this.statistics.sourceTokens += encoded.lengths.reduce((sum, length) => sum + length, 0);
      }
      batch.forEach((piece, row) => {
        const result: PieceResult = { output: piece.text, outputTokens: [] };
        if (encoded) result.encoderRouting = encoderRouting(encoded, row);
        complete(piece.segment, piece.piece, result);
      });
    }
  }

  private ocrLexicon(): Promise<OcrLexicon> | undefined {
    if (this.info.ocrLexicon === null) return undefined;
    this.lexiconLoad ??= OcrLexicon.load(this.info.ocrLexicon, this.wordModel(), this.knownWords());
    return this.lexiconLoad;
  }

  /** The lexicon's known words, shared by the OCR lexical pass and the writing pass. */
  private knownWords(): Promise<ReadonlySet<string>> | undefined {
    if (this.info.ocrLexicon === null) return undefined;
    this.knownWordsLoad ??= OcrLexicon.knownWords(this.info.ocrLexicon);
    return this.knownWordsLoad;
  }

  /** The lexicon's word model, shared by the OCR lexical pass and the writing pass's speller. */
  private wordModel(): Promise<WordTrigramModel> | undefined {
    if (this.info.ocrLexicon === null) return undefined;
    this.wordModelLoad ??= loadWordTrigramModel(this.info.ocrLexicon);
    return this.wordModelLoad;
  }

  /**
   * The grammar pass's correction of each text segment it changes, by segment index: the learner
   * rules (passes/learner-grammar.ts), then Harper. Harper is loaded on the first text segment; if
   * it cannot load, the rules still run, and the engine says why once.
   */
  private async checkGrammar(
    segments: readonly CorrectorInput[],
    tasks: readonly Task[],
    signal?: AbortSignal,
  ): Promise<Map<number, string>> {
    const checked = new Map<number, string>();
    if (!tasks.includes('text')) return checked;
    this.checkerLoad ??= this.loadGrammarChecker();
    const checker = await this.checkerLoad;
    for (const [index, input] of segments.entries()) {
      if (tasks[index] !== 'text') continue;
      if (signal?.aborted) throw new CorrectionCancelled();
      const source = input.hypotheses[0] ?? '';
      const ruled = withLearnerGrammar(withTypingSlipsMended(source));
      // Again after Harper: its spelling fixes let rules see their words ("My freind Ahmed study").
      const correction = checker ? withLearnerGrammar(await checker.correct(ruled)) : ruled;
      if (correction !== source) checked.set(index, correction);
    }
    return checked;
  }

  /**
   * Harper, with the lexical pass's word model for spelling rare words when the lexicon exists.
   * Without the model Harper still runs (its own first suggestion); without Harper the rules run.
   */
  private async loadGrammarChecker(): Promise<GrammarChecker | undefined> {
    const wordModel = this.wordModel()?.catch((error: unknown) => {
      process.stderr.write(`neko: spelling by context is off: ${(error as Error).message}\n`);
      return undefined;
    });
    const knownWords = this.knownWords()?.catch((error: unknown) => {
      process.stderr.write(
        `neko: names at a sentence's start are not told apart: ${(error as Error).message}\n`,
      );
      return undefined;
    });
    return GrammarChecker.load(wordModel, undefined, knownWords).catch((error: unknown) => {
      process.stderr.write(`neko: the grammar checker is off: ${(error as Error).message}\n`);
      return undefined;
    });
  }

  private plan(
    input: CorrectorInput,
    index: number,
    task: Task,
    checkedSource?: string,
  ): SegmentPlan {
    const given = input.hypotheses.length > 0 ? input.hypotheses : [''];
    const lowerCased = task === 'asr' ? lowerCasedForModel(given) : undefined;
    const hypotheses = checkedSource !== undefined ? [checkedSource] : [...(lowerCased ?? given)];
    const source = hypotheses[0]!;
    const limit = Math.min(
      this.config.max_source_tokens - 1,
      Math.floor(this.config.max_target_tokens * PIECE_SHARE_OF_TARGET),
    );
    const spans = splitForModel(source, (text) => this.tokenizer.encode(text).length, limit);
    const pieces =
      spans.length === 1
        ? [this.preparePiece(index, 0, 0, source, hypotheses)]
        : spans.map(([start, end], piece) => {
            const text = source.slice(start, end);
            return this.preparePiece(index, piece, start, text, [text]);
          });
    return {
      index,
      input,
      task,
      taskInferred: input.task === undefined,
      source: given[0]!,
      modelSource: source,
      inCapitals: lowerCased !== undefined,
      pieces,
      results: new Array(pieces.length),
      remaining: pieces.length,
      started: undefined,
    };
  }

  private preparePiece(
    segment: number,
    piece: number,
    offset: number,
    text: string,
    hypotheses: string[],
  ): PreparedPiece {
    const sourceTokens = buildSourceTokens(this.tokenizer, hypotheses, {
      nbestMax: this.config.nbest_max,
      maxSourceTokens: this.config.max_source_tokens,
    });
    const draft = this.tokenizer.encode(text).slice(0, this.config.max_target_tokens);
    return { segment, piece, offset, text, sourceTokens, draft };
  }

  /**
   * Joins the corrected pieces with the source's own white space between them. A piece the model
   * did not finish (no <eos> within max_target_tokens) keeps its source text: a truncated rewrite
   * would do harm.
   */
  private assemble(
    plan: SegmentPlan,
    withRouting: boolean,
    lexicon?: OcrLexicon,
    documentCounts?: ReadonlyMap<string, number>,
    scanLines?: ScanLineReadings,
    knownWords?: ReadonlySet<string>,
  ): SegmentResult {
    let text = '';
    let cursor = 0;
    const confidences: { start: number; end: number; confidence: number }[] = [];
    const outputOffsets: number[] = [];
    plan.pieces.forEach((piece, index) => {
      const { decoded, output, outputTokens } = plan.results[index]!;
      const end =
        plan.pieces.length === 1 ? plan.modelSource.length : piece.offset + piece.text.length;
      text += plan.modelSource.slice(cursor, piece.offset);
      outputOffsets.push(text.length);
      if (decoded?.finished) {
        for (const [i, token] of outputTokens.entries()) {
          const shift = text.length;
          confidences.push({
            start: token.start + shift,
            end: token.end + shift,
            confidence: decoded.confidences[i]!,
          });
        }
      }
      text += decoded?.finished ? output : piece.text;
      cursor = end;
    });
    text += plan.modelSource.slice(cursor);
    const finished = plan.results.every((result) => result!.decoded?.finished ?? true);
    const latency = (performance.now() - (plan.started ?? performance.now())) / 1000;
    // A transcript in capitals is corrected as the model read it, then put back on its capitals.
    const passSource = plan.inCapitals ? plan.modelSource : plan.source;
    const sourceSegment = { id: plan.input.id, source: passSource, text: passSource };
    let suggestion =
      plan.task !== 'text'
        ? suggestionFromCorrection(sourceSegment, text, confidences)
        : withCheckerEdits(plan.source, plan.modelSource, text, confidences, knownWords);
    if (confidences.length === 0) suggestion.confidence = 0;
    suggestion = withCharactersBeyondAsciiKept(passSource, suggestion);
    if (withRouting) {
      suggestion.routing = this.routingFor(plan, outputOffsets);
      if (plan.modelSource !== plan.source) suggestion.routing.encoderText = plan.modelSource;
    }
    const context: PassContext = {
      lexicon,
      wordConfidences: plan.input.wordConfidences,
      documentCounts,
      scanLine: plan.task === 'ocr' ? scanLines?.context(plan.index) : undefined,
    };
    for (const pass of PASSES[plan.task]) suggestion = pass(passSource, suggestion, context);
    if (plan.inCapitals) suggestion = onSourceInCapitals(plan.source, suggestion);
    // Last, so that it also judges the edits the passes proposed (the OCR lexical pass's above all).
    suggestion = respectingConfidentWords(plan.source, suggestion, plan.input.wordConfidences);
    // Not decoded, the segment's confidence is that of the passes' edits: its least sure one.
    if (plan.results.every((result) => result!.decoded === undefined)) {
      suggestion.confidence = Math.min(1, ...suggestion.edits.map((edit) => edit.confidence));
    }
    suggestion.task = plan.task;
    if (plan.taskInferred) suggestion.taskInferred = true;
    return { id: plan.input.id, index: plan.index, suggestion, finished, latency };
  }

  private routingFor(plan: SegmentPlan, outputOffsets: number[]): RoutingRecord {
    const encoderTokens: TokenPiece[] = [];
    const decoderTokens: TokenPiece[] = [];
    const layers = (count: number): number[][][] => Array.from({ length: count }, () => []);
    const encoderShown = layers(this.config.n_encoder_layers);
    const encoderAll = layers(this.config.n_encoder_layers);
    const decoderRows = layers(this.config.n_decoder_layers);
    plan.pieces.forEach((piece, index) => {
      const result = plan.results[index]!;
      const all = result.encoderRouting ?? [];
      const shown = piece.sourceTokens.flatMap((token, position) =>
        token.hypothesis === 0 ? [position] : [],
      );
      for (const position of shown) {
        const { start, end } = piece.sourceTokens[position]!;
        encoderTokens.push({
          piece: piece.text.slice(start, end),
          start: start + piece.offset,
          end: end + piece.offset,
        });
      }
      appendRows(
        encoderShown,
        all.map((layer) => shown.map((position) => layer[position]!)),
      );
      appendRows(encoderAll, all);
      // An unfinished piece shows its source, so its output tokens have no place in the text.
      if (!result.decoded?.finished) return;
      const shift = outputOffsets[index]!;
      for (const token of result.outputTokens) {
        decoderTokens.push({
          piece: token.piece,
          start: token.start + shift,
          end: token.end + shift,
        });
      }
      appendRows(decoderRows, result.decoded.routing);
    });
    return buildRoutingRecord({
      experts: this.config.experts,
      encoderTokens,
      encoderProbabilities: encoderShown,
      encoderAllProbabilities: encoderAll,
      decoderTokens,
      decoderProbabilities: decoderRows,
    });
  }
}

/** Appends [layer][token][expert] rows of one piece to those of the pieces before it. */
function appendRows(into: number[][][], rows: number[][][]): void {
  rows.forEach((layer, index) => into[index]!.push(...layer));
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
 * Sorts pieces by length so that a batch pads little, then cuts batches by a padded-token budget.
 * The key is the longer of source and draft, as both bound the decoder's work.
 */
function planBatches(pieces: PreparedPiece[]): PreparedPiece[][] {
  const size = (piece: PreparedPiece): number =>
    Math.max(piece.sourceTokens.length, piece.draft.length + 2);
  const ordered = [...pieces].sort(
    (a, b) => size(a) - size(b) || a.segment - b.segment || a.piece - b.piece,
  );
  const batches: PreparedPiece[][] = [];
  let current: PreparedPiece[] = [];
  for (const piece of ordered) {
    const paddedTokens = (current.length + 1) * size(piece);
    if (
      current.length > 0 &&
      (paddedTokens > BATCH_TOKEN_BUDGET || current.length >= MAX_BATCH_SEGMENTS)
    ) {
      batches.push(current);
      current = [];
    }
    current.push(piece);
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

/**
 * Where the OCR lexical pass lives (EngineOptions.ocrLexiconDirectory), or null for none. Exported so
 * that a batch can name (and hash) the lexicon its workers will load without loading a model.
 */
export function ocrLexiconDirectory(
  requested: string | null | undefined,
  modelDirectory: string,
): string | null {
  if (requested === null) return null;
  const named = requested ?? process.env.NEKO_OCR_LEXICON_DIR;
  if (named) {
    const directory = resolve(named);
    if (!existsSync(directory))
      throw new CorrectorUnavailable(`no OCR lexicon directory at ${directory}`);
    return directory;
  }
  const beside = join(dirname(resolve(modelDirectory)), 'ocr-lexicon');
  return existsSync(beside) ? beside : null;
}
