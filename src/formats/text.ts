/**
 * Plain text: one segment per non-empty line, or per paragraph in a file wrapped at a fixed width
 * (wrapped-lines.ts), whose segment keeps its line breaks. The number of blank lines before each
 * segment and at the end is kept, so that a document exports with the paragraph breaks it came with.
 */
import type { NekoDocument, Segment, Task } from '../document/types.js';
import { inferDocumentTask, showsScanNoise } from '../document/task-inference.js';
import { assertHasSegments, extraOf, importedDocument, splitLines } from './common.js';
import { continuesOnNextLine } from './wrapped-lines.js';
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
    const continues = continuesOnNextLine(lines);
    const segments: Segment[] = [];
    const blankLinesBefore: Record<string, number> = {};
    let blanks = 0;
    let paragraph: string[] = [];
    lines.forEach((line, index) => {
      if (!line.trim()) {
        blanks++;
        return;
      }
      paragraph.push(line);
      if (continues[index]) return;
      const id = `line-${index + 2 - paragraph.length}`;
      const source = paragraph.join('\n');
      segments.push({ id, source, text: source });
      blankLinesBefore[id] = blanks;
      blanks = 0;
      paragraph = [];
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
      task: documentTask(lines, segments),
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

/**
 * The file's task. Wrapped paragraphs are read as paragraphs, sentences and not the pieces of them,
 * unless a line shows a scan's noise: a page typed at a fixed width and scanned is wrapped so too. Of
 * 5,180 real tesseract train pages, rendered from text wrapped by characters, 679 read as wrapped,
 * and 238 of those still read as writing, which corrects them less well than the scan passes did
 * (CER 4.1% as scanned, 2.5% before, 3.4% now): `--task ocr` or the editor's menu says what they are.
 */
function documentTask(lines: readonly string[], segments: readonly Segment[]): Task {
  const wrapped = segments.some((segment) => segment.source.includes('\n'));
  if (!wrapped || !showsScanNoise(lines)) return inferDocumentTask(segments);
  return inferDocumentTask(lines.filter((line) => line.trim()).map((source) => ({ source })));
}
