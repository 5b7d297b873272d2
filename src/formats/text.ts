/**
 * Plain text: one segment per non-empty line. The number of blank lines before each segment and at
 * the end is kept, so that a document exports with the paragraph breaks it came with.
 */
import type { NekoDocument, Segment } from '../document/types.js';
import { inferDocumentTask } from '../document/task-inference.js';
import { assertHasSegments, extraOf, importedDocument, splitLines } from './common.js';
import { FormatError, type Format, type ParseContext } from './types.js';

interface TextExtra {
  /** Blank lines before each segment, by segment id. */
  blankLinesBefore: Record<string, number>;
  trailingBlankLines: number;
  lineEnding: '\n' | '\r\n';
}

export const textFormat: Format = {
  id: 'text',
  label: 'Plain text',
  extensions: ['.txt'],

  detect(content) {
    // Any text is plain text, so this is the fallback that every other format outranks.
    return content.trim() ? 0.1 : 0;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const lines = splitLines(content);
    const segments: Segment[] = [];
    const blankLinesBefore: Record<string, number> = {};
    let blanks = 0;
    lines.forEach((line, index) => {
      if (!line.trim()) {
        blanks++;
        return;
      }
      const id = `line-${index + 1}`;
      segments.push({ id, source: line, text: line });
      blankLinesBefore[id] = blanks;
      blanks = 0;
    });
    if (!segments.length) {
      throw new FormatError(fileName, 'no text: the file has only blank lines', {
        line: lines.length,
      });
    }
    const extra: TextExtra = {
      blankLinesBefore,
      trailingBlankLines: blanks,
      lineEnding: content.includes('\r\n') ? '\r\n' : '\n',
    };
    return importedDocument(fileName, 'text', {
      kind: 'text',
      task: inferDocumentTask(segments),
      segments,
      extra: { text: extra },
    });
  },

  serialize(document) {
    assertHasSegments(document, 'plain text');
    const extra = extraOf<TextExtra>(document, 'text');
    const lines: string[] = [];
    for (const segment of document.segments) {
      const blanks = extra.blankLinesBefore?.[segment.id] ?? 0;
      for (let count = 0; count < blanks; count++) lines.push('');
      // A segment's text may hold line breaks (a multi-line subtitle cue); each becomes a line.
      lines.push(...segment.text.split(/\r?\n/));
    }
    for (let count = 0; count < (extra.trailingBlankLines ?? 0); count++) lines.push('');
    const lineEnding = extra.lineEnding ?? '\n';
    return lines.join(lineEnding) + lineEnding;
  },
};
