import { describe, expect, it } from 'vitest';
import type { NekoDocument } from '../../../src/document/types.js';
import { altoFormat } from '../../../src/formats/alto.js';
import { formatById } from '../../../src/formats/registry.js';
import { parseXml } from '../../../src/formats/xml.js';
import { copy, formatErrorOf, parseFixture, readFixture, roundTrip } from './fixtures.js';

function geometry(document: NekoDocument) {
  return document.segments.map(({ id, text, layout, words }) => ({ id, text, layout, words }));
}

describe('ALTO', () => {
  it('reads a tesseract ALTO page: image, size, lines with blocks, words with boxes and WC', () => {
    const document = parseFixture('memo.alto.xml');
    expect(document.pages).toEqual([{ index: 0, image: 'memo.png', width: 920, height: 207 }]);
    expect(document.segments.map((segment) => segment.text)).toEqual(
      readFixture('memo.txt').trim().split('\n'),
    );
    const second = document.segments[1]!;
    expect(second.id).toBe('line_1');
    expect(second.layout).toEqual({
      page: 0,
      blockId: 'block_0',
      bbox: { x0: 60, y0: 93, x1: 851, y1: 115 },
    });
    expect(second.words?.[0]).toEqual({
      text: 'To:',
      bbox: { x0: 60, y0: 93, x1: 90, y1: 110 },
      confidence: 0.96,
    });
  });

  it('agrees with tesseract’s hOCR of the same page on text and geometry', () => {
    for (const page of ['memo', 'two-column']) {
      const fromAlto = parseFixture(`${page}.alto.xml`).segments;
      const fromHocr = parseFixture(`${page}.hocr`).segments;
      expect(fromAlto.map((segment) => segment.text)).toEqual(
        fromHocr.map((segment) => segment.text),
      );
      expect(fromAlto.map((segment) => segment.layout?.bbox)).toEqual(
        fromHocr.map((segment) => segment.layout?.bbox),
      );
      expect(fromAlto.map((segment) => segment.words?.map((word) => word.bbox))).toEqual(
        fromHocr.map((segment) => segment.words?.map((word) => word.bbox)),
      );
    }
  });

  it('round-trips text, layout, words, blocks and the namespace', () => {
    for (const name of ['memo.alto.xml', 'two-column.alto.xml']) {
      const document = parseFixture(name);
      const output = altoFormat.serialize(document);
      expect(output).toContain('xmlns="http://www.loc.gov/standards/alto/ns-v3#"');
      expect(output).toContain('<ComposedBlock ID="cblock_0"');
      expect(() => parseXml(output, name)).not.toThrow();
      const reread = altoFormat.parse(output, { fileName: name });
      expect(geometry(reread)).toEqual(geometry(document));
      expect(reread.extra).toEqual(document.extra);
    }
  });

  it('writes an unchanged tesseract file back byte for byte', () => {
    for (const name of ['memo.alto.xml', 'two-column.alto.xml']) {
      expect(altoFormat.serialize(parseFixture(name))).toBe(readFixture(name));
    }
  });

  it('writes an edited line in place, with SP elements between the words', () => {
    const document = copy(parseFixture('memo.alto.xml'));
    document.segments[0]!.text = 'MEMORANDUM';
    const output = altoFormat.serialize(document);
    expect(output).toMatch(
      /<String ID="string_0" HPOS="62" VPOS="65" WIDTH="72" HEIGHT="17" CONTENT="MEMORANDUM"\/>/,
    );
    expect(output).toMatch(/CONTENT="To:"\/><SP WIDTH="10" VPOS="93" HPOS="90"\/>/);
    expect(roundTrip(document, 'alto').segments[0]?.text).toBe('MEMORANDUM');
  });

  it('converts to hOCR and back without losing text or geometry', () => {
    const document = parseFixture('two-column.alto.xml');
    const asHocr = roundTrip(document, 'hocr');
    const back = roundTrip(asHocr, 'alto');
    expect(
      back.segments.map((segment) => [segment.text, segment.layout?.bbox, segment.words]),
    ).toEqual(
      document.segments.map((segment) => [segment.text, segment.layout?.bbox, segment.words]),
    );
    expect(formatById('alto').serialize(asHocr)).toContain(
      'xmlns="http://www.loc.gov/standards/alto/ns-v4#"',
    );
  });

  it('reports malformed and incomplete files with their line', () => {
    expect(formatErrorOf(() => parseFixture('bad-truncated.alto.xml')).message).toMatch(
      /^bad-truncated\.alto\.xml:\d+:\d+: malformed XML: /,
    );
    expect(formatErrorOf(() => parseFixture('bad-missing-hpos.alto.xml')).message).toBe(
      'bad-missing-hpos.alto.xml:24: TextLine "line_1" has no valid HPOS',
    );
    expect(formatErrorOf(() => parseFixture('bad-mm10.alto.xml')).message).toBe(
      'bad-mm10.alto.xml:4: MeasurementUnit "mm10" is not supported, only pixel',
    );
  });
});
