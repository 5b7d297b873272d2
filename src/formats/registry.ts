/**
 * The formats NeKo Studio reads and writes, and how a file's format is found: from its content
 * first, since extensions lie (.json, .xml, .html say little), with the extension breaking ties and
 * choosing the parser for content that no format recognises, so that a broken file gets that
 * format's precise error rather than a silent import as plain text.
 */
import type { NekoDocument } from '../document/types.js';
import { extensionOf } from './common.js';
import { altoFormat } from './alto.js';
import { hocrFormat } from './hocr.js';
import { nbestJsonlFormat } from './nbest-jsonl.js';
import { nekoFormat } from './neko.js';
import { srtFormat } from './srt.js';
import { textFormat } from './text.js';
import { FormatError, type Format, type FormatId } from './types.js';
import { vttFormat } from './vtt.js';
import { whisperJsonFormat } from './whisper-json.js';

export const formats: Format[] = [
  srtFormat,
  vttFormat,
  whisperJsonFormat,
  nbestJsonlFormat,
  hocrFormat,
  altoFormat,
  nekoFormat,
  textFormat,
];

/** A format that claims content with at least this score wins over the file's extension. */
const CONFIDENT = 0.5;

export function formatById(id: FormatId): Format {
  const format = formats.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`unknown format "${id}"`);
  return format;
}

/** By extension: .srt .vtt .txt .jsonl .json (Whisper) .hocr/.html (hOCR) .xml (ALTO) .neko.json. */
export function formatForFileName(name: string): Format | undefined {
  const extension = extensionOf(name);
  return formats.find((format) => format.extensions.includes(extension));
}

export function detectFormat(content: string, fileName: string): Format {
  const byExtension = formatForFileName(fileName);
  let best: Format | undefined;
  let bestScore = 0;
  for (const format of formats) {
    const score = format.detect(content, fileName);
    const wins = score > bestScore || (score === bestScore && score > 0 && format === byExtension);
    if (wins) {
      best = format;
      bestScore = score;
    }
  }
  if (best && bestScore >= CONFIDENT) return best;
  if (byExtension && byExtension !== textFormat) return byExtension;
  if (best) return best;
  throw new FormatError(fileName, 'not a supported format (nothing in the file was recognised)', {
    byte: 0,
  });
}

export function parseDocument(
  content: string,
  fileName: string,
  formatId?: FormatId,
): { document: NekoDocument; format: Format } {
  const format = formatId ? formatById(formatId) : detectFormat(content, fileName);
  return { document: format.parse(content, { fileName }), format };
}
