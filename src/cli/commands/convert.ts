import { Option, type Command } from 'commander';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readDocumentFile, writeFileAtomic } from '../../formats/io.js';
import { formatById, formatForFileName, formats } from '../../formats/registry.js';
import type { Format, FormatId } from '../../formats/types.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';
import { describeSize, Progress } from '../progress.js';

interface ConvertOptions {
  output: string;
  to?: FormatId;
  quiet?: boolean;
}

/** `-o -` writes the result to stdout. */
const STDOUT = '-';

export const convertCommand: CliCommand = {
  name: 'convert',
  register(program: Command, io: CliIo): void {
    program
      .command('convert')
      .description('convert a transcript or scan to another format (the input format is detected)')
      .argument('<input>', 'file to read')
      .requiredOption(
        '-o, --output <file>',
        'file to write; its extension picks the format ("-" for stdout)',
      )
      .addOption(
        new Option('--to <format>', 'output format, whatever the extension').choices(
          formats.map((format) => format.id),
        ),
      )
      .option('-q, --quiet', 'no progress notes on stderr')
      .action((input: string, options: ConvertOptions) => convert(input, options, io));
  },
};

async function convert(input: string, options: ConvertOptions, io: CliIo): Promise<void> {
  const toStdout = options.output === STDOUT;
  if (!toStdout) await checkOutputPath(input, options.output);
  const format = outputFormat(options);

  const bytes = (await stat(input).catch(() => undefined))?.size;
  const progress = new Progress({ stream: io.stderr, bytes, quiet: options.quiet || toStdout });
  progress.note(`reading ${input}${bytes === undefined ? '' : ` (${describeSize(bytes)})`}`);
  const { document, format: inputFormat } = await readDocumentFile(input);
  progress.note(
    `read ${document.segments.length} segments as ${inputFormat.id}; writing ${format.id}`,
  );
  const content = format.serialize(document);
  if (toStdout) {
    io.stdout.write(content);
    return;
  }
  await writeFileAtomic(options.output, content);
  progress.done(`wrote ${options.output}`);
}

function outputFormat({ output, to }: ConvertOptions): Format {
  if (to) return formatById(to);
  const known = formats.map((format) => format.extensions[0]).join(' ');
  if (output === STDOUT)
    throw new UserError(`writing to stdout needs --to (one of: ${formatIds()})`);
  const format = formatForFileName(output);
  if (!format) {
    throw new UserError(
      `${output}: cannot tell the output format from the extension (known: ${known}); use --to`,
    );
  }
  return format;
}

function formatIds(): string {
  return formats.map((format) => format.id).join(', ');
}

/** Refuses to write over the input (also through another path to the same file) or into nowhere. */
async function checkOutputPath(input: string, output: string): Promise<void> {
  const sameFile = new UserError(
    `${output}: is the input file; write the conversion to another file`,
  );
  if (resolve(input) === resolve(output)) throw sameFile;
  const [inputInfo, outputInfo] = await Promise.all(
    [input, output].map((path) => stat(path).catch(() => undefined)),
  );
  if (
    inputInfo &&
    outputInfo &&
    inputInfo.dev === outputInfo.dev &&
    inputInfo.ino === outputInfo.ino
  )
    throw sameFile;
  if (outputInfo?.isDirectory()) throw new UserError(`${output}: is a folder; give a file name`);
  const folder = dirname(resolve(output));
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory())
    throw new UserError(`${output}: the folder ${folder} does not exist`);
}
