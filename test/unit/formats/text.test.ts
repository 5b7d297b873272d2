import { describe, expect, it } from 'vitest';
import { textFormat } from '../../../src/formats/text.js';
import { copy, formatErrorOf, parseFixture, readFixture } from './fixtures.js';

describe('plain text', () => {
  it('makes one segment per non-empty line', () => {
    const document = parseFixture('paragraphs.txt');
    expect(document.kind).toBe('text');
    expect(document.segments.map((segment) => segment.text)).toEqual([
      'The quarterly report is ready.',
      'Revenue grew by 14 percent.',
      'Costs fell slightly.',
      'Signed, the board.',
    ]);
  });

  it('writes the file back byte for byte, blank lines included', () => {
    const content = readFixture('paragraphs.txt');
    expect(textFormat.serialize(parseFixture('paragraphs.txt'))).toBe(content);
  });

  it('keeps CRLF line endings', () => {
    const content = 'one\r\n\r\ntwo\r\n';
    expect(textFormat.serialize(textFormat.parse(content, { fileName: 'crlf.txt' }))).toBe(content);
  });

  it('writes edited text in place', () => {
    const document = copy(parseFixture('paragraphs.txt'));
    document.segments[1]!.text = 'Revenue grew by fourteen percent.';
    const lines = textFormat.serialize(document).split('\n');
    expect(lines[2]).toBe('Revenue grew by fourteen percent.');
    expect(lines[3]).toBe('Costs fell slightly.');
  });

  it('refuses a file of blank lines', () => {
    expect(formatErrorOf(() => textFormat.parse('\n  \n', { fileName: 'blank.txt' })).message).toBe(
      'blank.txt:2: no text: the file has only blank lines',
    );
  });
});

/** A learner's essay as an editor that fills paragraphs at 72 characters writes it. */
const WRAPPED_ESSAY = `Last summer I go to Spain with my family. We stayed in a small hotel
near of the beach and every day we swim in the sea. The food was very
delicious but the weather was too much hot for my grandmother, so she
prefer to stay in the hotel and read books in the afternoon.

I think it was the best holiday of my life and I want to go there again
next year with my friends from school, because they never visit Spain
and they are very interesting to see the old cities and the museums.
`;

describe('plain text wrapped at a fixed width', () => {
  it('makes one segment per paragraph, with its line breaks, and reads it as writing', () => {
    const document = textFormat.parse(WRAPPED_ESSAY, { fileName: 'essay.txt' });
    expect(document.segments.map((segment) => segment.id)).toEqual(['line-1', 'line-6']);
    expect(document.segments[0]!.source.split('\n')).toEqual(WRAPPED_ESSAY.split('\n').slice(0, 4));
    expect(document.task).toBe('text');
    expect(textFormat.serialize(document)).toBe(WRAPPED_ESSAY);
    const crlf = WRAPPED_ESSAY.replace(/\n/g, '\r\n');
    expect(textFormat.serialize(textFormat.parse(crlf, { fileName: 'essay.txt' }))).toBe(crlf);
  });

  it('writes a corrected paragraph back on its lines', () => {
    const document = copy(textFormat.parse(WRAPPED_ESSAY, { fileName: 'essay.txt' }));
    const paragraph = document.segments[0]!;
    paragraph.text = paragraph.source.replace('near of the', 'near the');
    expect(textFormat.serialize(document).split('\n').slice(0, 2)).toEqual([
      'Last summer I go to Spain with my family. We stayed in a small hotel',
      'near the beach and every day we swim in the sea. The food was very',
    ]);
  });

  it("reads a page whose lines show a scan's noise as a scan, its paragraphs joined", () => {
    const scanned = WRAPPED_ESSAY.replace('every day', 'every d<y').replace('museums', 'mu5eums');
    const document = textFormat.parse(scanned, { fileName: 'page.txt' });
    expect(document.segments).toHaveLength(2);
    expect(document.task).toBe('ocr');
  });

  it('keeps the lines of a file that is not wrapped so', () => {
    const sentences = 'My sister have two cats.\nShe like them very much.\nThey sleeps all day.\n';
    expect(textFormat.parse(sentences, { fileName: 's.txt' }).segments).toHaveLength(3);
    // A scan's lines: short lines that end no sentence, where the next word would have fitted.
    const page = [
      'The committee met on Tuesday to review the',
      'budget for the coming year and the plans',
      'for new offices in the city centre, which',
      'were approved by a narrow',
      'majority of the members present at the time',
      'of the vote.',
    ].join('\n');
    expect(textFormat.parse(page, { fileName: 'p.txt' }).segments).toHaveLength(6);
  });
});
