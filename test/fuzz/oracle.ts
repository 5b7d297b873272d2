/**
 * What the fuzzer asks of every input: it is parsed, or refused with the format's error naming the
 * file and a line or byte. A parsed input, written in its format and read again, gives the same
 * document, and writing that again gives the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NekoDocument } from '../../src/document/types.js';
import { decodeText } from '../../src/formats/io.js';
import { nekoFormat } from '../../src/formats/neko.js';
import { formatForFileName, parseDocument } from '../../src/formats/registry.js';
import { FormatError, type FormatId } from '../../src/formats/types.js';

export const FUZZED_FORMATS: readonly FormatId[] = [
  'srt',
  'vtt',
  'whisper-json',
  'text',
  'nbest-jsonl',
  'hocr',
  'alto',
  'neko',
];

/** The file name each format's inputs get: the extension picks the parser for what is unrecognised. */
export const FILE_NAMES: Record<FormatId, string> = {
  srt: 'fuzz.srt',
  vtt: 'fuzz.vtt',
  'whisper-json': 'fuzz.json',
  text: 'fuzz.txt',
  'nbest-jsonl': 'fuzz.jsonl',
  hocr: 'fuzz.hocr',
  alto: 'fuzz.xml',
  neko: 'fuzz.neko.json',
};

const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

/**
 * The fixtures of each format, good and bad, by extension; projects are made from the good fixtures
 * of the other formats, since no project file is kept as a fixture.
 */
export function loadSeeds(): Record<FormatId, { name: string; bytes: Buffer }[]> {
  const seeds = Object.fromEntries(FUZZED_FORMATS.map((id) => [id, []])) as unknown as Record<
    FormatId,
    { name: string; bytes: Buffer }[]
  >;
  for (const name of readdirSync(FIXTURES).sort()) {
    const format = formatForFileName(name);
    if (!format || name.endsWith('.sh')) continue;
    seeds[format.id].push({ name, bytes: readFileSync(`${FIXTURES}${name}`) });
  }
  for (const name of ['whisperx.json', 'edge-cases.vtt', 'memo.hocr', 'sample.nbest.jsonl']) {
    const bytes = readFileSync(`${FIXTURES}${name}`);
    const { document } = parseDocument(decodeText(bytes, name), name);
    const project = Buffer.from(nekoFormat.serialize(document));
    seeds.neko.push({ name: `${name} as a project`, bytes: project });
  }
  return seeds;
}

export type Outcome =
  | { kind: 'parsed'; format: FormatId }
  | { kind: 'refused' }
  | { kind: 'failure'; problem: string; message: string };

/**
 * CPU time (user and system, so that other processes on the machine do not count) of reading and
 * writing the input, as `neko convert` does, and of reading back and writing again what was written,
 * which may be larger than the input (escaping).
 */
export interface Timing {
  readWriteCpuMs: number;
  rereadCpuMs: number;
  writtenBytes: number;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The facts a round trip must keep: every segment's text, times, speaker and layout, and the pages.
 * hOCR and ALTO writers give a line without word elements words fitted to its text, so words are
 * compared only where the file read first had them (`withWords`).
 */
function essentials(document: NekoDocument, withWords: (index: number) => boolean) {
  return {
    kind: document.kind,
    pages: (document.pages ?? []).map(({ index, image, width, height }) => ({
      index,
      image,
      width,
      height,
    })),
    segments: document.segments.map((segment, index) => ({
      id: segment.id,
      text: segment.text,
      start: segment.start,
      end: segment.end,
      speaker: segment.speaker,
      nbest: segment.nbest,
      layout: segment.layout && { page: segment.layout.page, bbox: segment.layout.bbox },
      words: withWords(index) ? segment.words?.map((word) => word.text) : undefined,
    })),
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

export function checkInput(
  bytes: Uint8Array,
  fileName: string,
  timing: Timing = { readWriteCpuMs: 0, rereadCpuMs: 0, writtenBytes: 0 },
): Outcome {
  let clock = process.cpuUsage();
  let parsed: ReturnType<typeof parseDocument>;
  try {
    parsed = parseDocument(decodeText(bytes, fileName), fileName);
  } catch (error) {
    timing.readWriteCpuMs = cpuMsSince(clock);
    if (!(error instanceof FormatError))
      return { kind: 'failure', problem: 'crash', message: describe(error) };
    if (error.file !== fileName)
      return { kind: 'failure', problem: 'error names another file', message: error.message };
    const { line, byte } = error.position;
    if (line === undefined && byte === undefined)
      return { kind: 'failure', problem: 'error names no place', message: error.message };
    if (/\n/.test(error.message))
      return { kind: 'failure', problem: 'error is not one line', message: describe(error) };
    return { kind: 'refused' };
  }
  const { document, format } = parsed;
  let written: string;
  let again: NekoDocument;
  try {
    written = format.serialize(document);
  } catch (error) {
    return { kind: 'failure', problem: 'cannot write what it read', message: describe(error) };
  } finally {
    timing.readWriteCpuMs = cpuMsSince(clock);
  }
  timing.writtenBytes = Buffer.byteLength(written);
  clock = process.cpuUsage();
  try {
    again = format.parse(written, { fileName });
  } catch (error) {
    return { kind: 'failure', problem: 'cannot read what it wrote', message: describe(error) };
  }
  const withWords = (index: number) => document.segments[index]?.words !== undefined;
  const before = JSON.stringify(essentials(document, withWords));
  const after = JSON.stringify(essentials(again, withWords));
  if (before !== after) {
    return {
      kind: 'failure',
      problem: 'round trip changed the document',
      message: diff(before, after),
    };
  }
  let rewritten: string;
  try {
    rewritten = format.serialize(again);
  } catch (error) {
    return { kind: 'failure', problem: 'cannot write what it read back', message: describe(error) };
  } finally {
    timing.rereadCpuMs = cpuMsSince(clock);
  }
  if (!sameText(format.id, written, rewritten)) {
    return { kind: 'failure', problem: 'second write differs', message: diff(written, rewritten) };
  }
  return { kind: 'parsed', format: format.id };
}

/**
 * Whether a second write equals the first. For JSON formats the order of an object's keys is no
 * part of the document (a file whose segments name their fields in different orders is written in
 * the first segment's order), so the values are compared.
 */
function sameText(format: FormatId, first: string, second: string): boolean {
  if (first === second) return true;
  if (format !== 'whisper-json' && format !== 'neko') return false;
  const canonical = (text: string) =>
    JSON.stringify(JSON.parse(text), (_, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
        : value,
    );
  return canonical(first) === canonical(second);
}

/** Where two texts first differ, with a little context. */
function diff(before: string, after: string): string {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const context = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 40), at + 60));
  return `first difference at ${at}: ${context(before)} became ${context(after)}`;
}
