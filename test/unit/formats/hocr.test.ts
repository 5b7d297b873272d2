import { describe, expect, it } from 'vitest';
import type { NekoDocument } from '../../../src/document/types.js';
import { hocrFormat } from '../../../src/formats/hocr.js';
import { parseXml } from '../../../src/formats/xml.js';
import { copy, formatErrorOf, parseFixture, readFixture, roundTrip } from './fixtures.js';

/** What a round trip must keep of a scan: text, layout and word geometry. */
function geometry(document: NekoDocument) {
  return document.segments.map(({ id, text, layout, words }) => ({ id, text, layout, words }));
}

describe('hOCR', () => {
  it('reads a tesseract page: page image and size, lines with layout, words with boxes and confidences', () => {
    const document = parseFixture('memo.hocr');
    expect(document.kind).toBe('scan');
    expect(document.pages).toEqual([{ index: 0, image: 'memo.png', width: 920, height: 207 }]);
    expect(document.segments.map((segment) => segment.text)).toEqual(
      readFixture('memo.txt').trim().split('\n'),
    );
    const [first] = document.segments;
    expect(first?.id).toBe('line_1_1');
    expect(first?.layout).toMatchObject({ page: 0, blockId: 'block_1_1', paragraphId: 'par_1_1' });
    expect(first?.layout?.properties?.baseline).toBe('0 0');
    expect(first?.words?.[0]).toEqual({
      text: 'MEMO',
      bbox: { x0: 62, y0: 65, x1: 134, y1: 82 },
      confidence: 0.89,
    });
  });

  it('reads both columns of a two-column page in reading order, each in its own block', () => {
    const document = parseFixture('two-column.hocr');
    const texts = document.segments.map((segment) => segment.text);
    expect(texts).toEqual(
      readFixture('two-column.txt')
        .split('\n')
        .filter((line) => line.trim()),
    );
    const blocks = new Set(document.segments.map((segment) => segment.layout?.blockId));
    expect(blocks.size).toBe(3);
    const left = document.segments.find((segment) => segment.text.startsWith('Quarterly'));
    const right = document.segments.find((segment) => segment.text.startsWith('Staff news'));
    expect(right!.layout!.bbox.x0).toBeGreaterThan(left!.layout!.bbox.x1);
  });

  it('reads ocr_header lines as segments and writes their class back', () => {
    const document = parseFixture('derived-header.hocr');
    expect(document.segments[0]?.text).toBe('MEMO');
    expect(hocrFormat.serialize(document)).toContain("<span class='ocr_header' id='line_1_1'");
  });

  it('round-trips text, layout, words and page properties', () => {
    for (const name of ['memo.hocr', 'two-column.hocr', 'derived-header.hocr']) {
      const document = parseFixture(name);
      const reread = roundTrip(document, 'hocr', name);
      expect(geometry(reread)).toEqual(geometry(document));
      expect(reread.pages).toEqual(document.pages);
      expect(reread.extra).toEqual(document.extra);
    }
  });

  it('writes an unchanged tesseract file back byte for byte', () => {
    for (const name of ['memo.hocr', 'two-column.hocr']) {
      expect(hocrFormat.serialize(parseFixture(name))).toBe(readFixture(name));
    }
  });

  it('writes well-formed XHTML that keeps tesseract’s page title', () => {
    const output = hocrFormat.serialize(parseFixture('two-column.hocr'));
    expect(() => parseXml(output, 'out.hocr')).not.toThrow();
    expect(output).toContain('bbox 0 0 1400 556; ppageno 0; scan_res 70 70');
    expect(output).toContain("<meta name='ocr-system' content='tesseract 5.3.0' />");
  });

  it('writes an edited line in place with fitted word boxes, other lines untouched', () => {
    const document = copy(parseFixture('memo.hocr'));
    const line = document.segments[2]!;
    line.text = 'Please use the visitor spaces in Mill Lane & Church Street.';
    const reread = roundTrip(document, 'hocr');
    expect(reread.segments.map((segment) => segment.text)).toEqual(
      document.segments.map((s) => s.text),
    );
    const words = reread.segments[2]!.words!;
    const before = parseFixture('memo.hocr').segments[2]!.words!;
    // Unchanged words keep box and confidence.
    expect(words.slice(0, 5)).toEqual(before.slice(0, 5));
    expect(words[6]).toEqual(before[6]);
    // A word replacing one word takes its box, without the old word's confidence.
    expect(words[5]).toEqual({ text: 'in', bbox: before[5]!.bbox });
    // "Lane." became four words: they share its box, left to right, with no made-up confidence.
    const lane = before[7]!.bbox!;
    const added = words.slice(7);
    expect(added.map((word) => word.text)).toEqual(['Lane', '&', 'Church', 'Street.']);
    expect(added[0]!.bbox!.x0).toBe(lane.x0);
    expect(added[3]!.bbox!.x1).toBe(lane.x1);
    added.forEach((word, index) => {
      expect(word.confidence).toBeUndefined();
      if (index > 0) expect(word.bbox!.x0).toBe(added[index - 1]!.bbox!.x1);
    });
    expect(geometry(reread).filter((_, index) => index !== 2)).toEqual(
      geometry(parseFixture('memo.hocr')).filter((_, index) => index !== 2),
    );
  });

  it('reports malformed, truncated and incomplete files with their line', () => {
    expect(formatErrorOf(() => parseFixture('bad-truncated.hocr')).message).toMatch(
      /^bad-truncated\.hocr:\d+:\d+: malformed XML: /,
    );
    expect(formatErrorOf(() => parseFixture('bad-missing-bbox.hocr')).message).toBe(
      'bad-missing-bbox.hocr:15: ocr_line "line_1_1" has no valid bbox in its title',
    );
    const html = '<html><body><p>Just a web page</p></body></html>';
    expect(formatErrorOf(() => hocrFormat.parse(html, { fileName: 'page.html' })).message).toBe(
      'page.html:1: no ocr_page element: not tesseract hOCR',
    );
  });

  it('refuses to write a transcript as hOCR, naming why', () => {
    const transcript = parseFixture('edge-cases.srt');
    expect(formatErrorOf(() => hocrFormat.serialize(transcript)).message).toMatch(
      /^edge-cases\.srt: cannot write page layout: segment "1" has no line box on a page/,
    );
  });
});
