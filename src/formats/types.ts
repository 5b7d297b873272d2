import type { NekoDocument } from '../document/types.js';

export type FormatId =
  'srt' | 'vtt' | 'whisper-json' | 'text' | 'nbest-jsonl' | 'hocr' | 'alto' | 'neko';

/** Where in a file something went wrong; any subset may be known. Lines and columns are 1-based. */
export interface SourcePosition {
  line?: number;
  column?: number;
  /** 0-based byte offset. */
  byte?: number;
}

/**
 * The one error type for bad input. Its message is a single line that names the file and the place:
 * `talk.srt:12:1: expected a time line like "00:00:01,000 --> 00:00:02,000"`.
 */
export class FormatError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly position: SourcePosition = {},
  ) {
    super(`${file}${formatPosition(position)}: ${detail}`);
    this.name = 'FormatError';
  }
}

function formatPosition({ line, column, byte }: SourcePosition): string {
  if (line !== undefined) return column !== undefined ? `:${line}:${column}` : `:${line}`;
  if (byte !== undefined) return ` (byte ${byte})`;
  return '';
}

export interface ParseContext {
  /** File name used in error messages and stored in the document's `source`. */
  fileName: string;
}

export interface Format {
  id: FormatId;
  label: string;
  /** Lower-case extensions with the dot, the first one preferred on export. */
  extensions: string[];
  /** How sure this format is that `content` is its own: 0 (no) .. 1 (certain). Must not throw. */
  detect(content: string, fileName?: string): number;
  /** Throws FormatError for bad input. */
  parse(content: string, context: ParseContext): NekoDocument;
  /** Writes the document's current text (`segment.text`) in this format. */
  serialize(document: NekoDocument): string;
}
