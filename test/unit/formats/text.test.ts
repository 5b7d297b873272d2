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
