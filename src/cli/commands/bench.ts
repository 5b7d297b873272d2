import { Option, type Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { correctorInput } from '../../document/operations.js';
import type { Segment, Task } from '../../document/types.js';
import { readDocumentFile } from '../../formats/io.js';
import { CorrectorEngine, type SegmentResult } from '../../corrector/engine.js';
import type { CorrectorInput, Decoding, DeviceRequest } from '../../corrector/contract.js';
import { repositoryRoot, type ModelConfig } from '../../corrector/runtime/config.js';
import { measureMatMulRate } from '../../corrector/runtime/session.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';
import { addModelOptions, ProgressBar } from './correct.js';

// From the repository root, not this file: the CLI also runs bundled (src/cli/launch.mjs).
const sentencesFile = (): string =>
  join(repositoryRoot(), 'assets', 'bench', 'meeting-sentences.txt');
const matMulProbeFile = (): string => join(repositoryRoot(), 'assets', 'bench', 'matmul.onnx');
const realDataDirectory = (): string => join(repositoryRoot(), 'training', 'data', 'out');
/** A one-hour meeting at 150 spoken words a minute. */
const MEETING_WORDS = 9000;
const WORDS_PER_SECOND = 150 / 60;
const SPEAKERS = ['Maria', 'Tom', 'Jennifer', 'Alex'];

interface BenchOptions {
  model?: string;
  device: DeviceRequest;
  quiet?: boolean;
  words: string;
  only?: Decoding;
  json?: boolean;
  real?: string | boolean;
}

/** One text to correct: the meeting, a file, or one task of the real recognizer output. */
interface Workload {
  name: string;
  inputs: CorrectorInput[];
  words: number;
}

export interface BenchRun {
  workload: string;
  decoding: Decoding;
  segments: number;
  words: number;
  seconds: number;
  /**
   * CPU seconds of this process (all onnxruntime threads) over the run: on a shared machine this
   * moves far less with other people's load than the wall-clock seconds do.
   */
  cpuSeconds: number;
  wordsPerSecond: number;
  /** Seconds from a segment's entry into the decoder to its result. */
  latencyP50: number;
  latencyP95: number;
  decoderPasses: number;
  /** Rows summed over passes: segment-passes, the work without batching. */
  decoderRowPasses: number;
  /** Decoder positions computed (padding included) and the output tokens they produced. */
  decoderPositions: number;
  outputTokens: number;
  /** Matrix-product FLOPs the model needed for this text (its linear layers, no padding). */
  modelFlops: number;
  /** modelFlops per second as a share of the measured matrix-product rate. */
  shareOfMatMulRate: number;
}

export const benchCommand: CliCommand = {
  name: 'bench',
  register(program: Command, io: CliIo): void {
    const command = program
      .command('bench')
      .description(
        'correct a one-hour meeting transcript (about 9,000 words) with greedy and aggressive ' +
          "decoding; print words/s, segment latency, peak memory, the share of the machine's " +
          'matrix-product rate, and check both agree',
      )
      .argument('[input]', 'a transcript to use instead of the built-in meeting')
      .option('--words <n>', 'length of the built-in meeting in words', String(MEETING_WORDS))
      .option(
        '--real [dir]',
        'real recognizer output instead, per task: spoken-form ASR 1-best, ASR N-best, OCR and ' +
          'text (ood-dev-asr/-ocr/-text.jsonl in dir, default training/data/out)',
      )
      .addOption(
        new Option('--only <decoding>', 'run one decoding only').choices(['greedy', 'aggressive']),
      )
      .option('--json', 'print the figures as JSON');
    addModelOptions(command).action((input: string | undefined, options: BenchOptions) =>
      bench(input, options, io),
    );
  },
};

async function bench(input: string | undefined, options: BenchOptions, io: CliIo): Promise<void> {
  const words = Number(options.words);
  if (!(Number.isInteger(words) && words > 0)) {
    throw new UserError(`--words must be a positive whole number, not "${options.words}"`);
  }
  const workloads = await loadWorkloads(input, words, options.real);
  const engine = await CorrectorEngine.load({
    device: options.device,
    ...(options.model === undefined ? {} : { modelDirectory: resolve(options.model) }),
  });
  try {
    const matMulRate = await measureMatMulRate(matMulProbeFile(), engine.info.device);
    if (!options.quiet) {
      io.stderr.write(
        `neko: bench on ${workloads.map((w) => `${w.name} (${w.inputs.length} segments, ${w.words} words)`).join(', ')}; ` +
          `${engine.info.model} on ${engine.info.device}; matrix products ${(matMulRate / 1e9).toFixed(0)} GFLOP/s\n`,
      );
    }
    // One small untimed run, so that neither mode pays onnxruntime's first-run set-up.
    await engine.correct(workloads[0]!.inputs.slice(0, 8), {
      decoding: 'greedy',
      withRouting: false,
    });

    const decodings: Decoding[] = options.only ? [options.only] : ['greedy', 'aggressive'];
    const runs: BenchRun[] = [];
    const differing: Record<string, number> = {};
    for (const workload of workloads) {
      const texts = new Map<Decoding, string[]>();
      for (const decoding of decodings) {
        const bar = new ProgressBar(io.stderr, `${workload.name} ${decoding}`, options.quiet);
        const before = { ...engine.statistics };
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const results = await engine.correct(workload.inputs, {
          decoding,
          withRouting: false,
          onProgress: (done, total) => bar.update(done, total),
        });
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        texts.set(
          decoding,
          results.map((result) => result.suggestion.text),
        );
        const after = engine.statistics;
        const work = {
          passes: after.passes - before.passes,
          rowPasses: after.rowPasses - before.rowPasses,
          positions: after.positions - before.positions,
          tokens: after.tokens - before.tokens,
          sourceTokens: after.sourceTokens - before.sourceTokens,
        };
        const flops = modelFlops(engine.config, work.sourceTokens, work.tokens);
        runs.push({
          workload: workload.name,
          decoding,
          segments: results.length,
          words: workload.words,
          seconds,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          wordsPerSecond: workload.words / seconds,
          ...latencies(results),
          decoderPasses: work.passes,
          decoderRowPasses: work.rowPasses,
          decoderPositions: work.positions,
          outputTokens: work.tokens,
          modelFlops: flops,
          shareOfMatMulRate: flops / seconds / matMulRate,
        });
      }
      const greedy = texts.get('greedy');
      const aggressive = texts.get('aggressive');
      if (greedy && aggressive)
        differing[workload.name] = greedy.filter((text, i) => text !== aggressive[i]).length;
    }
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const disagreeing = Object.values(differing).reduce((sum, count) => sum + count, 0);
    const report = {
      model: engine.info.model,
      device: engine.info.device,
      matMulGflops: matMulRate / 1e9,
      runs,
      peakRssMb,
      identicalOutput: decodings.length < 2 ? undefined : disagreeing === 0,
      differingSegments: decodings.length < 2 ? undefined : differing,
    };
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 1)}\n` : formatReport(report));
    if (disagreeing > 0) {
      throw new UserError(`greedy and aggressive decoding disagree on ${disagreeing} segments`);
    }
  } finally {
    await engine.dispose();
  }
}

async function loadWorkloads(
  input: string | undefined,
  words: number,
  real: string | boolean | undefined,
): Promise<Workload[]> {
  if (real !== undefined && real !== false) {
    const directory = resolve(typeof real === 'string' ? real : realDataDirectory());
    const read = async (task: Task) => {
      const path = join(directory, `ood-dev-${task}.jsonl`);
      if (!existsSync(path)) throw new UserError(`--real: ${path} is missing`);
      return (await readDocumentFile(path)).document;
    };
    const asr = await read('asr');
    const asrBest = asr.segments.map((segment) => ({ ...segment, nbest: [segment.source] }));
    return [
      workload('asr 1-best', asrBest, 'asr'),
      workload('asr n-best', asr.segments, 'asr'),
      workload('ocr', (await read('ocr')).segments, 'ocr'),
      workload('text', (await read('text')).segments, 'text'),
    ];
  }
  if (input) {
    const { document } = await readDocumentFile(input);
    return [workload(basename(input), document.segments, document.task)];
  }
  return [workload('meeting', buildMeeting(words))];
}

function workload(name: string, segments: readonly Segment[], task?: Task): Workload {
  return {
    name,
    inputs: segments.map((segment, index) => correctorInput(segment, String(index), task)),
    words: segments.reduce((sum, segment) => sum + countWords(segment.source), 0),
  };
}

/**
 * Multiply-add FLOPs of the linear layers (attention projections, the two chosen experts, the
 * output layer) for `sourceTokens` encoded and `outputTokens` decoded: what the model cannot do
 * without. Attention scores are left out (a few percent at these lengths).
 */
export function modelFlops(
  config: ModelConfig,
  sourceTokens: number,
  outputTokens: number,
): number {
  const d = config.d_model;
  const experts = config.top_k * 2 * 2 * d * config.d_ff;
  const attention = 4 * 2 * d * d;
  const perSourceToken =
    config.n_encoder_layers * (attention + experts) + config.n_decoder_layers * 2 * 2 * d * d;
  const perOutputToken =
    config.n_decoder_layers * (attention + 2 * 2 * d * d + experts) + 2 * d * config.vocab_size;
  return sourceTokens * perSourceToken + outputTokens * perOutputToken;
}

function latencies(results: SegmentResult[]): { latencyP50: number; latencyP95: number } {
  const sorted = results.map((result) => result.latency).sort((a, b) => a - b);
  return { latencyP50: percentile(sorted, 0.5), latencyP95: percentile(sorted, 0.95) };
}

/**
 * The built-in meeting: sentences from assets/bench drawn by a seeded generator, one to three
 * per segment, four speakers, times at 150 words a minute, printed as a recognizer would (lower
 * case, no punctuation). The same `words` always gives the same transcript.
 */
export function buildMeeting(words: number, seed = 20241105): Segment[] {
  const sentences = readFileSync(sentencesFile(), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const random = mulberry32(seed);
  const segments: Segment[] = [];
  let total = 0;
  let clock = 0;
  while (total < words) {
    const count = 1 + Math.floor(random() * 3);
    const written = Array.from(
      { length: count },
      () => sentences[Math.floor(random() * sentences.length)]!,
    ).join(' ');
    const spoken = asRecognized(written);
    const segmentWords = countWords(spoken);
    const duration = segmentWords / WORDS_PER_SECOND;
    segments.push({
      id: String(segments.length + 1),
      source: spoken,
      text: spoken,
      reference: written,
      start: round(clock),
      end: round(clock + duration),
      speaker: SPEAKERS[Math.floor(random() * SPEAKERS.length)]!,
    });
    total += segmentWords;
    clock += duration + 0.3;
  }
  return segments;
}

function asRecognized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function formatReport(report: {
  model: string;
  device: string;
  matMulGflops: number;
  runs: BenchRun[];
  peakRssMb: number;
  identicalOutput?: boolean;
}): string {
  const lines = [
    `model ${report.model} on ${report.device}; matrix products here: ${report.matMulGflops.toFixed(0)} GFLOP/s`,
    'text         decoding  segments  words   seconds  cpu s  words/s  p50 lat  p95 lat  passes  positions  tokens  of matmul rate',
  ];
  for (const run of report.runs) {
    lines.push(
      [
        run.workload.padEnd(12),
        run.decoding.padEnd(10),
        String(run.segments).padStart(7),
        String(run.words).padStart(6),
        run.seconds.toFixed(2).padStart(9),
        run.cpuSeconds.toFixed(1).padStart(6),
        run.wordsPerSecond.toFixed(0).padStart(8),
        `${run.latencyP50.toFixed(2)} s`.padStart(8),
        `${run.latencyP95.toFixed(2)} s`.padStart(8),
        String(run.decoderPasses).padStart(7),
        String(run.decoderPositions).padStart(10),
        String(run.outputTokens).padStart(7),
        `${(100 * run.shareOfMatMulRate).toFixed(1)}%`.padStart(15),
      ].join(' '),
    );
  }
  for (const workload of new Set(report.runs.map((run) => run.workload))) {
    const greedy = report.runs.find((r) => r.workload === workload && r.decoding === 'greedy');
    const aggressive = report.runs.find(
      (r) => r.workload === workload && r.decoding === 'aggressive',
    );
    if (greedy && aggressive) {
      lines.push(
        `${workload}: aggressive / greedy speed ${(aggressive.wordsPerSecond / greedy.wordsPerSecond).toFixed(2)}x` +
          ` (CPU time: ${(greedy.cpuSeconds / aggressive.cpuSeconds).toFixed(2)}x)`,
      );
    }
  }
  lines.push(`peak resident memory: ${report.peakRssMb.toFixed(0)} MB`);
  if (report.identicalOutput !== undefined) {
    lines.push(`identical output: ${report.identicalOutput ? 'yes' : 'NO'}`);
  }
  return `${lines.join('\n')}\n`;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** A small seeded generator (public domain), so that the meeting is the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
