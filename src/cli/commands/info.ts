import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { tokenizeWords } from '../../align/tokens.js';
import type { NekoDocument } from '../../document/types.js';
import { readDocumentFile } from '../../formats/io.js';
import type { CliCommand, CliIo } from '../context.js';
import { BIG_FILE_BYTES, describeSize, Progress } from '../progress.js';

/** info's answer comes at once on stdout, so a note that it is working is only worth it for big files. */
const isBig = (bytes: number | undefined): boolean => (bytes ?? 0) >= BIG_FILE_BYTES;

export const infoCommand: CliCommand = {
  name: 'info',
  register(program: Command, io: CliIo): void {
    program
      .command('info')
      .description('show the format and size of a transcript or scan')
      .argument('<input>', 'file to read')
      .option('--json', 'print the facts as one JSON object')
      .option('-q, --quiet', 'no progress notes on stderr')
      .action(async (input: string, options: { json?: boolean; quiet?: boolean }) => {
        const bytes = (await stat(input).catch(() => undefined))?.size;
        const progress = new Progress({
          stream: io.stderr,
          bytes,
          quiet: options.quiet || !isBig(bytes),
        });
        progress.note(`reading ${input} (${describeSize(bytes ?? 0)})`);
        const { document, format } = await readDocumentFile(input);
        const facts = describeDocument(document, format.id);
        io.stdout.write(
          options.json ? `${JSON.stringify(facts)}\n` : formatFacts(input, format.label, facts),
        );
      });
  },
};

export interface DocumentFacts {
  format: string;
  kind: NekoDocument['kind'];
  task: NekoDocument['task'];
  /** Subtitle cues, transcript segments, OCR lines or paragraphs. */
  segments: number;
  words: number;
  /** Seconds up to the end of the last timed segment, for transcripts with times. */
  duration?: number;
  pages?: number;
  speakers: string[];
  /** Segments with N-best lists, and the longest list. */
  nbest?: { segments: number; longest: number };
  /** Segments that carry a reference text. */
  references?: number;
}

export function describeDocument(document: NekoDocument, format: string): DocumentFacts {
  const { segments } = document;
  const ends = segments.flatMap((segment) => (segment.end === undefined ? [] : [segment.end]));
  const speakers = [
    ...new Set(segments.flatMap((segment) => (segment.speaker ? [segment.speaker] : []))),
  ];
  const withNbest = segments.filter((segment) => (segment.nbest?.length ?? 0) > 0);
  const references = segments.filter((segment) => segment.reference !== undefined).length;
  return {
    format,
    kind: document.kind,
    task: document.task,
    segments: segments.length,
    words: segments.reduce((sum, segment) => sum + tokenizeWords(segment.text).length, 0),
    ...(ends.length > 0 && { duration: Math.max(...ends) }),
    ...(document.pages && { pages: document.pages.length }),
    speakers,
    ...(withNbest.length > 0 && {
      nbest: {
        segments: withNbest.length,
        longest: Math.max(...withNbest.map((segment) => segment.nbest!.length)),
      },
    }),
    ...(references > 0 && { references }),
  };
}

function formatFacts(input: string, label: string, facts: DocumentFacts): string {
  const unit = facts.kind === 'scan' ? 'lines' : facts.kind === 'text' ? 'paragraphs' : 'segments';
  const rows: [string, string][] = [
    ['file', input],
    ['format', `${facts.format} (${label})`],
    ['kind', `${facts.kind}, task ${facts.task}`],
    [unit, String(facts.segments)],
    ['words', String(facts.words)],
  ];
  if (facts.duration !== undefined) rows.push(['duration', formatDuration(facts.duration)]);
  if (facts.pages !== undefined) rows.push(['pages', String(facts.pages)]);
  if (facts.speakers.length > 0)
    rows.push(['speakers', `${facts.speakers.length} (${facts.speakers.join(', ')})`]);
  if (facts.nbest)
    rows.push([
      'n-best',
      `${facts.nbest.segments} ${unit}, up to ${facts.nbest.longest} hypotheses`,
    ]);
  if (facts.references !== undefined) rows.push(['references', `${facts.references} ${unit}`]);
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}\n`).join('');
}

/** h:mm:ss.mmm */
export function formatDuration(seconds: number): string {
  const totalMilliseconds = Math.round(seconds * 1000);
  const hours = Math.floor(totalMilliseconds / 3_600_000);
  const minutes = Math.floor((totalMilliseconds % 3_600_000) / 60_000);
  const rest = (totalMilliseconds % 60_000) / 1000;
  return `${hours}:${String(minutes).padStart(2, '0')}:${rest.toFixed(3).padStart(6, '0')}`;
}
