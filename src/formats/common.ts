/** Helpers the format modules share: lines, positions, JSON with line numbers, timestamps. */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { NekoDocument, Segment } from '../document/types.js';
import { FormatError, type FormatId, type SourcePosition } from './types.js';

export const BYTE_ORDER_MARK = '\ufeff';

export function stripBom(content: string): string {
  return content.startsWith(BYTE_ORDER_MARK) ? content.slice(1) : content;
}

/** Lines without their terminators (LF, CRLF or CR); a final terminator does not add an empty line. */
export function splitLines(content: string): string[] {
  const lines = stripBom(content).split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 1-based line and column of a character offset. */
export function positionOfOffset(content: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < content.length; index++) {
    if (content.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Lower-case extension including the dot, with `.neko.json` recognised as one extension. */
export function extensionOf(fileName: string): string {
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (base.endsWith('.neko.json')) return '.neko.json';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** The file name without its format extension, used as a document title. */
export function titleOf(fileName: string): string {
  const base = baseName(fileName);
  const extension = extensionOf(base);
  return extension ? base.slice(0, base.length - extension.length) : base;
}

/** The document a parser read from `fileName`, with the fields every format fills the same way. */
export function importedDocument(
  fileName: string,
  format: FormatId,
  fields: Pick<NekoDocument, 'kind' | 'task' | 'segments' | 'pages' | 'extra'>,
): NekoDocument {
  const { kind, task, ...rest } = fields;
  return {
    version: 1,
    kind,
    task,
    title: titleOf(fileName),
    source: { format, name: baseName(fileName) },
    ...rest,
  };
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Segments must not share an id: the renderer and `neko correct` key on it. */
export function assertUniqueIds(
  segments: Segment[],
  fileName: string,
  lineOf?: (index: number) => number | undefined,
): void {
  const seen = new Set<string>();
  segments.forEach((segment, index) => {
    if (seen.has(segment.id)) {
      throw new FormatError(fileName, `duplicate id "${segment.id}"`, { line: lineOf?.(index) });
    }
    seen.add(segment.id);
  });
}

/** Reads the format-specific data an importer stored in `document.extra[key]`, if it is an object. */
export function extraOf<T extends object>(document: NekoDocument, key: string): Partial<T> {
  const value = document.extra?.[key];
  return value !== null && typeof value === 'object' ? (value as Partial<T>) : {};
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * How deep arrays and objects (JSON), elements (XML) and cue tags (WebVTT) may nest. The formats need
 * less than ten levels; the recursive code that reads and writes them (JSON.stringify, jsonc-parser,
 * tree walks) overflows the stack at a few thousand. A project holds an imported file's unknown
 * fields a few levels down, so it may nest twice as deep.
 */
export const MAX_NESTING_DEPTH = 100;
export const MAX_PROJECT_NESTING_DEPTH = 2 * MAX_NESTING_DEPTH;

/**
 * Refuses JSON whose arrays and objects nest deeper than `maxDepth`, naming where, before any
 * recursive code sees it. One pass over the characters, strings skipped.
 */
export function assertJsonNesting(
  content: string,
  fileName: string,
  maxDepth = MAX_NESTING_DEPTH,
  lineOffset = 0,
): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < content.length; index++) {
    const code = content.charCodeAt(index);
    if (inString) {
      // A backslash escapes the next character. A line break cannot be in a JSON string: like
      // jsonc-parser, which reports the error's place, take the string as ended there.
      if (code === 0x5c) index++;
      else if (code === 0x22 || code === 0x0a || code === 0x0d) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) {
        const { line, column } = positionOfOffset(content, index);
        throw new FormatError(
          fileName,
          `arrays and objects nested deeper than ${maxDepth} levels`,
          {
            line: (line ?? 1) + lineOffset,
            column,
          },
        );
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
}

/**
 * JSON.parse, with the line and column of a syntax error in the FormatError. Nesting deeper than
 * `maxDepth` is refused first.
 */
export function parseJson(
  content: string,
  fileName: string,
  lineOffset = 0,
  maxDepth = MAX_NESTING_DEPTH,
): unknown {
  assertJsonNesting(content, fileName, maxDepth, lineOffset);
  try {
    return JSON.parse(content);
  } catch {
    // JSON.parse's messages differ between engines and omit the line; jsonc-parser reports the offset.
    const errors: ParseError[] = [];
    try {
      parseTree(content, errors, { allowTrailingComma: false, disallowComments: true });
    } catch {
      // jsonc-parser recurses; should it still run out of stack, the errors it found are kept.
    }
    const first = errors[0];
    const position = first ? positionOfOffset(content, first.offset) : {};
    const line = position.line !== undefined ? position.line + lineOffset : undefined;
    const what = first ? describeJsonError(first) : 'invalid JSON';
    throw new FormatError(fileName, what, { line, column: position.column });
  }
}

function describeJsonError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  const readable = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `invalid JSON: ${readable}`;
}

/** Line of the JSON value at `path` (as zod reports paths), for error messages. */
export function lineOfJsonPath(content: string, path: readonly PropertyKey[]): number | undefined {
  const root = parseTree(content);
  if (!root) return undefined;
  // The deepest existing node is the best place to point at when the path itself is missing.
  for (let length = path.length; length >= 0; length--) {
    const segments = path
      .slice(0, length)
      .map((key) => (typeof key === 'number' ? key : String(key)));
    const node = findNodeAtLocation(root, segments);
    if (node) return positionOfOffset(content, node.offset).line;
  }
  return undefined;
}

/** Validates `value` with a zod schema; the first problem becomes a FormatError with its line. */
export function validateJson<S extends z.ZodType>(
  schema: S,
  value: unknown,
  content: string,
  fileName: string,
  lineOffset = 0,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const where = path.length ? `${formatJsonPath(path)}: ` : '';
  const line = lineOfJsonPath(content, path);
  throw new FormatError(fileName, `${where}${issue?.message ?? 'invalid content'}`, {
    line: line !== undefined ? line + lineOffset : undefined,
  });
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`,
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Timestamps

/**
 * Subtitle times are read and written with at most three hour digits (999:59:59.999): SRT readers
 * expect no more, and a WebVTT hour of 400 digits is Infinity.
 */
export const MAX_TIMESTAMP_MILLISECONDS = 1000 * 3600 * 1000 - 1;

/** Whether `seconds` can be written as a subtitle timestamp (after rounding to the millisecond). */
export function isWritableTime(seconds: number): boolean {
  const milliseconds = Math.round(seconds * 1000);
  return (
    Number.isFinite(milliseconds) && milliseconds >= 0 && milliseconds <= MAX_TIMESTAMP_MILLISECONDS
  );
}

/** The name an export error names: the file the document came from, or its title. */
export function documentName(document: NekoDocument): string {
  return document.source?.name || document.title || 'document';
}

/**
 * A segment's times for a subtitle cue, refused with a FormatError where they cannot be written or
 * would be read back differently: not a number, negative, beyond 999 hours, or ending before the start.
 */
export function cueTimes(
  document: NekoDocument,
  segment: Segment,
  formatLabel: string,
): { start: number; end: number } {
  const start = segment.start ?? 0;
  const end = segment.end ?? start;
  for (const time of [start, end]) {
    if (!isWritableTime(time)) {
      throw new FormatError(
        documentName(document),
        `segment "${segment.id}": the time ${String(time)} s cannot be written as a ${formatLabel} ` +
          'timestamp (0 to 999:59:59.999)',
      );
    }
  }
  if (Math.round(end * 1000) < Math.round(start * 1000)) {
    throw new FormatError(
      documentName(document),
      `segment "${segment.id}" ends (${end} s) before it starts (${start} s)`,
    );
  }
  return { start, end };
}

/** Formats whose readers refuse a file without cues or lines refuse to write one. */
export function assertHasSegments(document: NekoDocument, formatLabel: string): void {
  if (document.segments.length === 0) {
    throw new FormatError(
      documentName(document),
      `nothing to write: the document has no segments, and ${formatLabel} cannot be empty`,
    );
  }
}

/** `HH:MM:SS<separator>mmm`, hours always written (SRT needs them, VTT accepts them). */
export function formatTimestamp(seconds: number, separator: ',' | '.'): string {
  if (!isWritableTime(seconds)) throw new RangeError(`not a writable time: ${seconds} s`);
  const totalMilliseconds = Math.round(seconds * 1000);
  const milliseconds = totalMilliseconds % 1000;
  const totalSeconds = Math.floor(totalMilliseconds / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(
    totalSeconds % 60,
  )}${separator}${pad(milliseconds, 3)}`;
}

/** Seconds rounded to the millisecond, so that parse → serialize → parse is exact. */
export function roundMilliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
