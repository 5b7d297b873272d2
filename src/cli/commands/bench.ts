import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { correctorInput } from '../../document/operations.js';
import type { Segment } from '../../document/types.js';
import { readDocumentFile } from '../../formats/io.js';
import { CorrectorEngine, type SegmentResult } from '../../corrector/engine.js';
import { CorrectorUnavailable } from '../../corrector/errors.js';
import type { DecodeStatistics } from '../../corrector/decoding/decode.js';
import type { Decoding, DeviceRequest } from '../../corrector/contract.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';
import { addModelOptions, ProgressBar } from './correct.js';

const sentencesFile = (): string =>
  fileURLToPath(new URL('../../../assets/bench/meeting-sentences.txt', import.meta.url));
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
}

export interface BenchRun {
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
  /** Seconds from the start of a segment's batch to its result. */
  latencyP50: number;
  latencyP95: number;
  decoderPasses: number;
  /** Rows summed over passes: segment-passes, the work without batching. */
  decoderRowPasses: number;
}

export const benchCommand: CliCommand = {
  name: 'bench',
  register(program: Command, io: CliIo): void {
    const command = program
      .command('bench')
      .description(
        'correct a one-hour meeting transcript (about 9,000 words) with greedy and aggressive ' +
          'decoding; print words/s, segment latency, peak memory, and check both agree',
      )
      .argument('[input]', 'a transcript to use instead of the built-in meeting')
      .option('--words <n>', 'length of the built-in meeting in words', String(MEETING_WORDS))
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
  const document = input ? (await readDocumentFile(input)).document : undefined;
  const segments = document?.segments ?? buildMeeting(words);
  const engine = await CorrectorEngine.load({
    device: options.device,
    ...(options.model === undefined ? {} : { modelDirectory: resolve(options.model) }),
  }).catch((error: unknown) => {
    if (error instanceof CorrectorUnavailable) throw new UserError(error.message);
    throw error;
  });
  try {
    const inputs = segments.map((segment, index) =>
      correctorInput(segment, String(index), document?.task),
    );
    const sourceWords = segments.reduce((sum, segment) => sum + countWords(segment.source), 0);
    if (!options.quiet) {
      io.stderr.write(
        `neko: bench on ${segments.length} segments, ${sourceWords} words; ` +
          `${engine.info.model} on ${engine.info.device}\n`,
      );
    }
    // One small untimed run, so that neither mode pays onnxruntime's first-run set-up.
    await engine.correct(inputs.slice(0, 8), { decoding: 'greedy', withRouting: false });

    const decodings: Decoding[] = options.only ? [options.only] : ['greedy', 'aggressive'];
    const runs: BenchRun[] = [];
    const texts = new Map<Decoding, string[]>();
    for (const decoding of decodings) {
      const bar = new ProgressBar(io.stderr, decoding, options.quiet);
      const before = { ...engine.statistics };
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const results = await engine.correct(inputs, {
        decoding,
        withRouting: false,
        onProgress: (done, total) => bar.update(done, total),
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      texts.set(
        decoding,
        results.map((result) => result.suggestion.text),
      );
      runs.push(
        summarize(decoding, results, sourceWords, seconds, cpuSeconds, {
          passes: engine.statistics.passes - before.passes,
          rowPasses: engine.statistics.rowPasses - before.rowPasses,
        }),
      );
    }
    const greedy = texts.get('greedy');
    const aggressive = texts.get('aggressive');
    const differing =
      greedy && aggressive
        ? greedy.filter((text, index) => text !== aggressive[index]).length
        : undefined;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const report = {
      model: engine.info.model,
      device: engine.info.device,
      segments: segments.length,
      words: sourceWords,
      runs,
      peakRssMb,
      identicalOutput: differing === undefined ? undefined : differing === 0,
      differingSegments: differing,
    };
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 1)}\n` : formatReport(report));
    if (differing !== undefined && differing > 0) {
      throw new UserError(`greedy and aggressive decoding disagree on ${differing} segments`);
    }
  } finally {
    await engine.dispose();
  }
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

function summarize(
  decoding: Decoding,
  results: SegmentResult[],
  words: number,
  seconds: number,
  cpuSeconds: number,
  decoder: DecodeStatistics,
): BenchRun {
  const latencies = results.map((result) => result.latency).sort((a, b) => a - b);
  return {
    decoding,
    segments: results.length,
    words,
    seconds,
    cpuSeconds,
    wordsPerSecond: words / seconds,
    latencyP50: percentile(latencies, 0.5),
    latencyP95: percentile(latencies, 0.95),
    decoderPasses: decoder.passes,
    decoderRowPasses: decoder.rowPasses,
  };
}

function formatReport(report: {
  model: string;
  device: string;
  segments: number;
  words: number;
  runs: BenchRun[];
  peakRssMb: number;
  identicalOutput?: boolean;
}): string {
  const lines = [
    `model ${report.model} on ${report.device}: ${report.segments} segments, ${report.words} words`,
    'decoding      seconds   cpu s   words/s   p50 latency   p95 latency   passes   segment-passes',
  ];
  for (const run of report.runs) {
    lines.push(
      [
        run.decoding.padEnd(10),
        run.seconds.toFixed(2).padStart(10),
        run.cpuSeconds.toFixed(1).padStart(7),
        run.wordsPerSecond.toFixed(0).padStart(9),
        `${run.latencyP50.toFixed(3)} s`.padStart(13),
        `${run.latencyP95.toFixed(3)} s`.padStart(13),
        String(run.decoderPasses).padStart(8),
        String(run.decoderRowPasses).padStart(16),
      ].join(' '),
    );
  }
  const [greedy, aggressive] = report.runs;
  if (greedy && aggressive) {
    lines.push(
      `aggressive / greedy speed: ${(aggressive.wordsPerSecond / greedy.wordsPerSecond).toFixed(2)}x` +
        ` (CPU time: ${(greedy.cpuSeconds / aggressive.cpuSeconds).toFixed(2)}x)`,
    );
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
