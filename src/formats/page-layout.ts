/** What hOCR and ALTO export share: checks and helpers over a scan's pages and line layout. */
import type { BBox, LineLayout, NekoDocument, Page, Segment, Word } from '../document/types.js';
import { assertUniqueIds, importedDocument } from './common.js';
import { refitBoxedWords } from './refit-words.js';
import { FormatError } from './types.js';
import { lineOfAttribute } from './xml.js';

/** The scan document an hOCR or ALTO reader built, after checking that its line ids are unique. */
export function scanDocument(
  format: 'hocr' | 'alto',
  fileName: string,
  content: string,
  read: { pages: Page[]; segments: Segment[]; extra: unknown },
): NekoDocument {
  assertUniqueIds(read.segments, fileName, (index) =>
    lineOfAttribute(content, read.segments[index]?.id ?? ''),
  );
  return importedDocument(fileName, format, {
    kind: 'scan',
    task: 'ocr',
    pages: read.pages,
    segments: read.segments,
    extra: { [format]: read.extra },
  });
}

/** A scan's lines need their page and box to be written as hOCR or ALTO. */
export function assertWritable(document: NekoDocument): void {
  const pages = new Set((document.pages ?? []).map((page) => page.index));
  const homeless = document.segments.find(
    (segment) => !segment.layout || !pages.has(segment.layout.page),
  );
  if (homeless) {
    throw new FormatError(
      document.source.name,
      `cannot write page layout: segment "${homeless.id}" has no line box on a page (only scans can be exported as hOCR or ALTO)`,
    );
  }
}

/** The words to write for a line: the recognizer's when the text is unchanged, refitted otherwise. */
export function lineWords(segment: Segment, layout: LineLayout): Word[] {
  if (segment.words && segment.text === segment.source) return segment.words;
  return refitBoxedWords(segment.words ?? [], segment.text, layout.bbox);
}

export function groupBy<T>(
  items: T[],
  keyOf: (item: T) => string | undefined,
): { key?: string; items: T[] }[] {
  const groups: { key?: string; items: T[] }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

export function unionOf(segments: Segment[]): BBox {
  const boxes = segments.map((segment) => (segment.layout as LineLayout).bbox);
  return {
    x0: Math.min(...boxes.map((box) => box.x0)),
    y0: Math.min(...boxes.map((box) => box.y0)),
    x1: Math.max(...boxes.map((box) => box.x1)),
    y1: Math.max(...boxes.map((box) => box.y1)),
  };
}
