import { Option, type Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TASKS, type NekoDocument, type Suggestion, type Task } from '../../document/types.js';
import { decodeText, readDocumentFile, writeFileAtomic } from '../../formats/io.js';
import { formats, parseDocument } from '../../formats/registry.js';
import { correctDocument, outputFormatFor } from '../../batch/correct-document.js';
import type { Format, FormatId } from '../../formats/types.js';
import { HostCorrectorClient } from '../../corrector/host/client.js';
import {
  DEVICE_REQUESTS,
  type CorrectorStatus,
  type Decoding,
  type DeviceRequest,
} from '../../corrector/contract.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';

/** Moved to src/formats/corrected.ts (the batch writes with it too); kept here for its callers. */
export { serializeCorrected } from '../../formats/corrected.js';

/** Options every command that runs the corrector shares. */
export interface CorrectorCliOptions {
  model?: string;
  device: DeviceRequest;
  decoding: Decoding;
  quiet?: boolean;
}

export function addCorrectorOptions(command: Command): Command {
  return addModelOptions(command).addOption(
    new Option('--decoding <decoding>', 'aggressive gives the greedy output in fewer passes')
      .choices(['aggressive', 'greedy'])
      .default('aggressive'),
  );
}

/** --task: the task of segments that do not name one, when reading it from the text goes wrong. */
export function addTaskOption(command: Command): Command {
  return command.addOption(
    new Option(
      '--task <task>',
      'correct segments that name no task as this one, instead of reading it from the text',
    ).choices([...TASKS]),
  );
}

/** --min-confidence: edits the corrector is less sure of are left out (kept pending in a project). */
export function addMinConfidenceOption(command: Command): Command {
  return command.option(
    '--min-confidence <p>',
    'apply only edits whose confidence is at least p (0-1); the others keep the source words',
    '0',
  );
}

export function parseMinConfidence(value: string): number {
  const minConfidence = Number(value);
  if (value.trim() === '' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new UserError(`--min-confidence must be a number from 0 to 1, not "${value}"`);
  }
  return minConfidence;
}

/** --model, --device and --quiet. */
export function addModelOptions(command: Command): Command {
  return command
    .option('--model <dir>', 'model directory (default: assets/models/neko-small)')
    .addOption(
      new Option('--device <device>', 'where the model runs; auto tries cuda, webgpu, then cpu')
        .choices([...DEVICE_REQUESTS])
        .default('auto'),
    )
    .option('-q, --quiet', 'no progress on stderr');
}

/** Starts the corrector worker and waits for the model; a missing model is the user's to fix. */
export async function openCorrector(
  options: CorrectorCliOptions,
  io: CliIo,
  withRouting: boolean,
): Promise<{ client: HostCorrectorClient; status: CorrectorStatus }> {
  const client = new HostCorrectorClient({
    device: options.device,
    withRouting,
    ...(options.model === undefined ? {} : { modelDirectory: resolve(options.model) }),
  });
  const status = await client.status();
  if (!status.available) {
    await client.dispose();
    throw new UserError(status.message);
  }
  if (!options.quiet) io.stderr.write(`neko: ${describeStatus(status)}\n`);
  return { client, status };
}

export function describeStatus(status: CorrectorStatus): string {
  const others = (status.devices ?? [])
    .filter((device) => !device.available)
    .map((device) => `${device.name}: ${device.reason}`);
  return `correcting with ${status.message}${others.length ? ` (not used: ${others.join('; ')})` : ''}`;
}

/** A one-line bar redrawn in place on a terminal; on a pipe, a line at every tenth. */
export class ProgressBar {
  private lastTenth = -1;
  private readonly started = performance.now();

  constructor(
    private readonly stream: CliIo['stderr'],
    private readonly label: string,
    private readonly quiet = false,
  ) {}

  update(done: number, total: number): void {
    if (this.quiet || total === 0) return;
    const fraction = done / total;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      this.stream.write(`\r${this.label} [${bar}] ${done}/${total} ${seconds} s`);
      if (done === total) this.stream.write('\n');
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.stream.write(
        `${this.label}: ${done}/${total} (${Math.round(fraction * 100)}%) ${seconds} s\n`,
      );
    }
  }
}

interface CorrectCommandOptions extends CorrectorCliOptions {
  output: string;
  format?: FormatId;
  to?: FormatId;
  report?: string;
  minConfidence: string;
  task?: Task;
}

export const correctCommand: CliCommand = {
  name: 'correct',
  register(program: Command, io: CliIo): void {
    const command = program
      .command('correct')
      .description(
        'correct a transcript, scan or N-best list and write it with the corrected text, in the ' +
          "format the output's extension names, else the input's (N-best JSONL gives " +
          '{"id","text"} lines)',
      )
      .argument('<input>', 'file to correct (the format is detected)')
      .requiredOption('-o, --output <file>', 'file to write')
      .addOption(
        new Option('--format <format>', 'input format, when detection guesses wrong').choices(
          formats.map((format) => format.id),
        ),
      )
      .addOption(
        new Option('--to <format>', 'output format, whatever the extension').choices(
          formats.map((format) => format.id),
        ),
      )
      .option('--report <file>', 'write the edits, confidences and routing records as JSON');
    addTaskOption(addMinConfidenceOption(addCorrectorOptions(command))).action(
      (input: string, options: CorrectCommandOptions) => correct(input, options, io),
    );
  },
};

async function correct(input: string, options: CorrectCommandOptions, io: CliIo): Promise<void> {
  for (const output of [options.output, options.report]) {
    if (output !== undefined && resolve(output) === resolve(input)) {
      throw new UserError(`${output}: is the input file; write to another file`);
    }
  }
  const minConfidence = parseMinConfidence(options.minConfidence);
  const { document, format } = await readInput(input, options.format);
  const outputFormat = outputFormatFor(options.output, format, options.to);
  const { client, status } = await openCorrector(options, io, options.report !== undefined);
  let corrected: (Suggestion | undefined)[];
  let content: string;
  try {
    const bar = new ProgressBar(io.stderr, 'correcting', options.quiet);
    ({ suggestions: corrected, content } = await correctDocument(client, document, outputFormat, {
      decoding: options.decoding,
      device: options.device,
      minConfidence,
      ...(options.task === undefined ? {} : { task: options.task }),
      onProgress: (done, total) => bar.update(done, total),
    }));
  } finally {
    await client.dispose();
  }
  await writeFileAtomic(options.output, content);
  if (options.report !== undefined) {
    const run = {
      input,
      format: format.id,
      model: status.model ?? '',
      device: status.device ?? '',
      decoding: options.decoding,
    };
    await writeFileAtomic(options.report, JSON.stringify(buildReport(document, corrected, run)));
  }
}

async function readInput(
  input: string,
  formatId: FormatId | undefined,
): Promise<{ document: NekoDocument; format: Format }> {
  if (formatId === undefined) return readDocumentFile(input);
  if (!(await stat(input).catch(() => undefined))?.isFile()) {
    throw new UserError(`${input}: no such file`);
  }
  return parseDocument(decodeText(await readFile(input), input), input, formatId);
}

function buildReport(
  document: NekoDocument,
  suggestions: readonly (Suggestion | undefined)[],
  run: Record<string, string>,
): unknown {
  return {
    ...run,
    segments: document.segments.map((segment, index) => {
      const suggestion = suggestions[index];
      return {
        id: segment.id,
        source: segment.source,
        text: suggestion?.text ?? segment.text,
        task: suggestion?.task,
        confidence: suggestion?.confidence,
        edits: suggestion?.edits ?? [],
        routing: suggestion?.routing,
      };
    }),
  };
}
