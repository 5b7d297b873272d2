import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import {
  characterErrors,
  corpusErrors,
  doNoHarm,
  errorRate,
  oracleErrors,
  strictWordErrors,
  sumErrorCounts,
  wordErrors,
  type ErrorCounter,
  type ErrorCounts,
} from '../../align/index.js';
import { pairedBootstrap, type PairedDifference } from '../../align/bootstrap.js';
import type { HostCorrectorClient } from '../../corrector/host/client.js';
import {
  bulkText,
  confidentText,
  correctorInput,
  lineFallbackTasks,
} from '../../document/operations.js';
import type { Segment, Task } from '../../document/types.js';
import { decodeText } from '../../formats/io.js';
import { parseDocument } from '../../formats/registry.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';
import {
  addCorrectorOptions,
  addMinConfidenceOption,
  openCorrector,
  parseMinConfidence,
  ProgressBar,
  type CorrectorCliOptions,
} from './correct.js';

interface EvalOptions extends CorrectorCliOptions {
  json?: boolean;
  inferTask?: boolean;
  asAcceptAll?: boolean;
  limit?: string;
  minConfidence: string;
  baseline?: string;
}

/** WER or CER of the 1-best, the N-best oracle and the correction, over one task's segments. */
export interface RateRow {
  best: number;
  oracle: number;
  corrected: number;
  /** (corrected - best) / best; negative is better. */
  relativeChange: number;
}

export interface TaskEvaluation {
  task: string;
  segments: number;
  referenceWords: number;
  wer: RateRow;
  cer: RateRow;
  /** WER where case and punctuation count ("Hello," is not "hello"). */
  strictWer: RateRow;
  /**
   * Documents (lines sharing an id up to the last "-": a conversation, a page) whose errors the
   * correction raised: CER for OCR, WER otherwise. Only documents with a recognizer error count:
   * correct input is do-no-harm's. Unlabelled lines are judged as the task most of them were taken for.
   */
  documentsWorse: { documents: number; worse: number; by: 'CER' | 'WER' };
  /** On segments whose best hypothesis already equals the reference. */
  doNoHarm: { segments: number; words: number; changedWords: number; rate: number };
  /**
   * With --infer-task: how many lines the corrector, given no task, put under their labelled task;
   * apart for lines with recognizer errors and for correct input (whose written form may fit two).
   * For lines without a label, only what they were taken for: lines per inferred task.
   */
  taskInference?: { withErrors: Tally; correctInput: Tally; unlabelled: Record<string, number> };
  /** With --baseline: the corrected rates against the baseline model's, paired on the same segments. */
  versusBaseline?: {
    wer: BaselineComparison;
    cer: BaselineComparison;
    strictWer: BaselineComparison;
  };
}

export interface Tally {
  lines: number;
  right: number;
}

export interface BaselineComparison extends PairedDifference {
  /** The baseline model's corrected rate. */
  baseline: number;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  register(program: Command, io: CliIo): void {
    const command = program
      .command('eval')
      .description(
        'correct N-best JSONL files with references and print, per file and task, WER and CER of ' +
          'the 1-best, the N-best oracle and the correction, plus do-no-harm',
      )
      .argument(
        '<refs...>',
        'N-best JSONL files whose lines carry "reference" (and "task"); each is reported on its own',
      )
      .option(
        '--json',
        'print the figures as JSON (with several files, an object keyed by file name)',
      )
      .option('--limit <n>', 'use only the first n lines of each file')
      .option(
        '--as-accept-all',
        'with --min-confidence P, apply what the editor\'s "Accept all ≥ P" takes: it also leaves out ' +
          'edits that change a number, a name or a negation, or overrule a confident recognizer word',
      )
      .option(
        '--infer-task',
        'hide the lines\' "task" from the corrector, which then infers it as for unlabelled input; ' +
          "figures stay grouped by the labels, and the inference's accuracy is reported",
      )
      .option(
        '--baseline <dir>',
        'also correct with this model directory and give, per task, the change against it with a ' +
          '95% paired-bootstrap interval (lines whose ids differ only after the last "-" are drawn together)',
      );
    addMinConfidenceOption(addCorrectorOptions(command)).action(
      (refs: string[], options: EvalOptions) => evaluateFiles(refs, options, io),
    );
  },
};

interface ReferenceSet {
  path: string;
  segments: Segment[];
}

/** What the corrector made of one set: the corrected texts and the task it treated each line as. */
interface SetOutputs {
  texts: string[];
  tasks: (Task | undefined)[];
}

/** One file's segments that carry a reference. */
async function readReferenceSet(path: string, limit: number | undefined): Promise<ReferenceSet> {
  const { document } = parseDocument(decodeText(await readFile(path), path), path, 'nbest-jsonl');
  const segments = document.segments
    .filter((segment) => segment.reference !== undefined)
    .slice(0, limit);
  if (segments.length === 0) throw new UserError(`${path}: no line carries a "reference"`);
  return { path, segments };
}

async function evaluateFiles(paths: string[], options: EvalOptions, io: CliIo): Promise<void> {
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  const minConfidence = parseMinConfidence(options.minConfidence);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new UserError(`--limit must be a positive whole number, not "${options.limit}"`);
  }
  // Every file is read first, so that a bad one is named before the model loads.
  const sets: ReferenceSet[] = [];
  for (const path of paths) sets.push(await readReferenceSet(path, limit));

  // Both models load before any correcting, so that a bad --baseline is named at once.
  const { client } = await openCorrector(options, io, false);
  let outputs: SetOutputs[];
  let baselineOutputs: SetOutputs[] | undefined;
  try {
    const baseline =
      options.baseline === undefined
        ? undefined
        : await openCorrector({ ...options, model: options.baseline }, io, false);
    try {
      outputs = await correctSets(client, sets, options, minConfidence, io);
      if (baseline) {
        baselineOutputs = await correctSets(baseline.client, sets, options, minConfidence, io);
      }
    } finally {
      await baseline?.client.dispose();
    }
  } finally {
    await client.dispose();
  }
  const results = sets.map(({ path, segments }, index) => ({
    path,
    evaluations: evaluateByTask(
      segments,
      outputs[index]!.texts,
      baselineOutputs?.[index]!.texts,
      options.inferTask || segments.some((segment) => segment.task === undefined)
        ? outputs[index]!.tasks
        : undefined,
    ),
  }));
  if (options.json) {
    const figures =
      results.length === 1
        ? results[0]!.evaluations
        : Object.fromEntries(results.map(({ path, evaluations }) => [path, evaluations]));
    io.stdout.write(`${JSON.stringify(figures, null, 1)}\n`);
    return;
  }
  const tables = results.map(({ path, evaluations }) =>
    results.length === 1 ? formatTable(evaluations) : `${path}\n${formatTable(evaluations)}`,
  );
  io.stdout.write(tables.join('\n'));
}

/** Each set's corrected texts. */
async function correctSets(
  client: HostCorrectorClient,
  sets: readonly ReferenceSet[],
  options: EvalOptions,
  minConfidence: number,
  io: CliIo,
): Promise<SetOutputs[]> {
  const outputs: SetOutputs[] = [];
  for (const { path, segments } of sets) {
    const label = sets.length > 1 ? `correcting ${path}` : 'correcting';
    const bar = new ProgressBar(io.stderr, label, options.quiet);
    // As `neko correct` reads the file: lines without a task take it as fallbackTasks says.
    const lines = options.inferTask ? segments.map(withoutTask) : segments;
    const taskOf = lineFallbackTasks(lines);
    const suggestions = await client.correctAll(
      {
        segments: lines.map((segment, index) =>
          correctorInput(segment, String(index), taskOf(segment)),
        ),
        decoding: options.decoding,
        device: options.device,
      },
      (done, total) => bar.update(done, total),
    );
    outputs.push({
      texts: segments.map((segment, index) => {
        const suggestion = suggestions.get(String(index));
        if (!suggestion) return segment.source;
        return options.asAcceptAll
          ? bulkText(segment.source, suggestion, minConfidence)
          : confidentText(segment.source, suggestion, minConfidence);
      }),
      tasks: segments.map((_, index) => suggestions.get(String(index))?.task),
    });
  }
  return outputs;
}

function withoutTask(segment: Segment): Segment {
  const { task: _hidden, ...rest } = segment;
  return rest;
}

function hypothesesOf(segment: Segment): string[] {
  return segment.nbest && segment.nbest.length > 0 ? segment.nbest : [segment.source];
}

/** Figures per task found in the data, then over everything when there is more than one task. */
export function evaluateByTask(
  segments: readonly Segment[],
  outputs: readonly string[],
  baselineOutputs?: readonly string[],
  inferredTasks?: readonly (Task | undefined)[],
): TaskEvaluation[] {
  const byTask = new Map<string, number[]>();
  segments.forEach((segment, index) => {
    const task = segment.task ?? 'unlabelled';
    byTask.set(task, [...(byTask.get(task) ?? []), index]);
  });
  const groups = [...byTask].sort(([a], [b]) => a.localeCompare(b));
  if (groups.length > 1) groups.push(['all', segments.map((_, index) => index)]);
  return groups.map(([task, indices]) =>
    evaluateGroup(
      task,
      indices.map((index) => segments[index]!),
      indices.map((index) => outputs[index]!),
      baselineOutputs && indices.map((index) => baselineOutputs[index]!),
      inferredTasks && indices.map((index) => inferredTasks[index]),
    ),
  );
}

/** "business-46-0" → "business-46": the lines of one page, the voices of one sentence. */
export function bootstrapGroupOf(id: string): string {
  const cut = id.lastIndexOf('-');
  return cut > 0 ? id.slice(0, cut) : id;
}

/** The paired comparison of one rate, from each segment's error counts under both models. */
function compareWithBaseline(
  segments: readonly Segment[],
  counts: readonly ErrorCounts[],
  baselineCounts: readonly ErrorCounts[],
): BaselineComparison {
  const items = segments.map((segment, index) => ({
    group: bootstrapGroupOf(segment.id),
    errors: counts[index]!.errors,
    baselineErrors: baselineCounts[index]!.errors,
    referenceLength: counts[index]!.referenceLength,
  }));
  return { baseline: errorRate(sumErrorCounts(baselineCounts)), ...pairedBootstrap(items) };
}

function evaluateGroup(
  task: string,
  segments: Segment[],
  outputs: string[],
  baselineOutputs?: string[],
  inferredTasks?: (Task | undefined)[],
): TaskEvaluation {
  const countsOf = (counter: ErrorCounter, texts: readonly string[]): ErrorCounts[] =>
    segments.map((segment, index) => counter(segment.reference!, texts[index]!));
  // Each output is aligned once per rate; the comparison with the baseline reuses those counts.
  const measure = (counter: ErrorCounter): { row: RateRow; versus?: BaselineComparison } => {
    const counts = countsOf(counter, outputs);
    const best = corpusErrors(
      segments.map((segment) => ({ reference: segment.reference!, hypothesis: segment.source })),
      counter,
    ).rate;
    const oracle = oracleErrors(
      segments.map((segment) => ({
        reference: segment.reference!,
        hypotheses: hypothesesOf(segment),
      })),
      counter,
    ).rate;
    const corrected = errorRate(sumErrorCounts(counts));
    return {
      row: { best, oracle, corrected, relativeChange: best === 0 ? 0 : (corrected - best) / best },
      versus:
        baselineOutputs &&
        compareWithBaseline(segments, counts, countsOf(counter, baselineOutputs)),
    };
  };
  const wer = measure(wordErrors);
  const cer = measure(characterErrors);
  const inference = inferredTasks && tallyInference(segments, inferredTasks);
  const judgedAs =
    task === 'unlabelled' && inference ? (byCount(inference.unlabelled)[0]?.[0] ?? task) : task;
  const by = judgedAs === 'ocr' ? 'CER' : 'WER';
  const documentsWorse = {
    ...countDocumentsWorse(segments, outputs, by === 'CER' ? characterErrors : wordErrors),
    by,
  } as const;
  const strictWer = measure(strictWordErrors);
  const alreadyRight = segments
    .map((segment, index) => ({ segment, output: outputs[index]! }))
    .filter(({ segment }) => segment.source === segment.reference);
  const harm = doNoHarm(
    alreadyRight.map(({ segment, output }) => ({ input: segment.source, output })),
  );
  return {
    task,
    segments: segments.length,
    referenceWords: corpusErrors(
      segments.map((segment) => ({ reference: segment.reference!, hypothesis: '' })),
    ).referenceLength,
    wer: wer.row,
    cer: cer.row,
    strictWer: strictWer.row,
    documentsWorse,
    doNoHarm: {
      segments: harm.inputs,
      words: harm.inputWords,
      changedWords: harm.changedWords,
      rate: harm.rate,
    },
    ...(inference && { taskInference: inference }),
    ...(wer.versus &&
      cer.versus &&
      strictWer.versus && {
        versusBaseline: { wer: wer.versus, cer: cer.versus, strictWer: strictWer.versus },
      }),
  };
}

function countDocumentsWorse(
  segments: readonly Segment[],
  outputs: readonly string[],
  counter: ErrorCounter,
): { documents: number; worse: number } {
  const change = new Map<string, number>();
  const withErrors = new Set(
    segments.filter((s) => s.source !== s.reference).map((s) => bootstrapGroupOf(s.id)),
  );
  segments.forEach((segment, index) => {
    if (!withErrors.has(bootstrapGroupOf(segment.id))) return;
    const document = bootstrapGroupOf(segment.id);
    const before = counter(segment.reference!, segment.source).errors;
    const after = counter(segment.reference!, outputs[index]!).errors;
    change.set(document, (change.get(document) ?? 0) + after - before);
  });
  const worse = [...change.values()].filter((difference) => difference > 0).length;
  return { documents: change.size, worse };
}

function tallyInference(
  segments: readonly Segment[],
  inferredTasks: readonly (Task | undefined)[],
): NonNullable<TaskEvaluation['taskInference']> {
  const withErrors: Tally = { lines: 0, right: 0 };
  const correctInput: Tally = { lines: 0, right: 0 };
  const unlabelled: Record<string, number> = {};
  segments.forEach((segment, index) => {
    if (segment.task === undefined) {
      const inferred = inferredTasks[index] ?? 'none';
      unlabelled[inferred] = (unlabelled[inferred] ?? 0) + 1;
      return;
    }
    const tally = segment.source === segment.reference ? correctInput : withErrors;
    tally.lines++;
    if (inferredTasks[index] === segment.task) tally.right++;
  });
  return { withErrors, correctInput, unlabelled };
}

/** Entries from the most common down. */
function byCount(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort(([, a], [, b]) => b - a);
}

/** The table's name for each rate of a TaskEvaluation. */
const METRIC_LABELS = [
  ['WER', 'wer'],
  ['CER', 'cer'],
  ['WER-cp', 'strictWer'],
] as const;

function formatTable(evaluations: TaskEvaluation[]): string {
  const percent = (rate: number): string => `${(rate * 100).toFixed(2)}%`;
  const signed = (change: number, digits: number): string =>
    `${change > 0 ? '+' : ''}${(change * 100).toFixed(digits)}`;
  const lines = ['task        segs   words  metric   1-best   oracle  corrected  change'];
  for (const evaluation of evaluations) {
    for (const [metric, key] of METRIC_LABELS) {
      const row = evaluation[key];
      lines.push(
        [
          evaluation.task.padEnd(10),
          String(evaluation.segments).padStart(6),
          String(evaluation.referenceWords).padStart(7),
          ` ${metric.padEnd(6)}`,
          percent(row.best).padStart(8),
          percent(row.oracle).padStart(8),
          percent(row.corrected).padStart(10),
          `${signed(row.relativeChange, 1)}%`.padStart(7),
        ].join(' '),
      );
    }
    const versus = evaluation.versusBaseline;
    if (versus) {
      for (const [metric, key] of METRIC_LABELS) {
        const { baseline, difference, low, high, groups } = versus[key];
        lines.push(
          `${''.padEnd(10)} ${metric} against the baseline's ${percent(baseline)}: ` +
            `${signed(difference, 2)} points (95% interval ${signed(low, 2)} to ${signed(high, 2)}, ` +
            `${groups} groups)`,
        );
      }
    }
    const harm = evaluation.doNoHarm;
    lines.push(
      harm.segments === 0
        ? `${''.padEnd(10)} do-no-harm: no segment whose best hypothesis equals its reference`
        : `${''.padEnd(10)} do-no-harm: ${harm.changedWords} of ${harm.words} words changed ` +
            `(${percent(harm.rate)}) on ${harm.segments} already-correct segments`,
    );
    const { documents, worse, by } = evaluation.documentsWorse;
    lines.push(
      `${''.padEnd(10)} documents made worse: ${worse} of ${documents} ` +
        `(${percent(documents === 0 ? 0 : worse / documents)}; by ${by})`,
    );
    const inference = evaluation.taskInference;
    if (inference && evaluation.task === 'unlabelled') {
      const taken = byCount(inference.unlabelled).map(([task, count]) => `${task} ${count}`);
      lines.push(`${''.padEnd(10)} taken for (lines per inferred task): ${taken.join(', ')}`);
    } else if (inference && evaluation.task !== 'all') {
      const share = ({ lines, right }: Tally): string =>
        lines === 0 ? 'none' : `${right} of ${lines} (${percent(right / lines)})`;
      lines.push(
        `${''.padEnd(10)} task inferred as ${evaluation.task}: ${share(inference.withErrors)} ` +
          `lines with errors, ${share(inference.correctInput)} correct lines`,
      );
    }
  }
  lines.push('WER-cp: case and punctuation count');
  return `${lines.join('\n')}\n`;
}
