import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  formatById,
  formatForFileName,
  formats,
  parseDocument,
} from '../../../src/formats/registry.js';
import { FormatError } from '../../../src/formats/types.js';
import { formatErrorOf, readFixture } from './fixtures.js';

describe('format registry', () => {
  it('has one format for each id', () => {
    const ids = formats.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(formatById(id).id).toBe(id);
  });

  it('finds formats by extension', () => {
    expect(formatForFileName('talk.SRT')?.id).toBe('srt');
    expect(formatForFileName('/a/b/talk.vtt')?.id).toBe('vtt');
    expect(formatForFileName('notes.txt')?.id).toBe('text');
    expect(formatForFileName('lists.jsonl')?.id).toBe('nbest-jsonl');
    expect(formatForFileName('archive.zip')).toBeUndefined();
  });

  it('detects the format from the content even under a wrong extension', () => {
    expect(detectFormat(readFixture('edge-cases.vtt'), 'captions.srt').id).toBe('vtt');
    expect(detectFormat(readFixture('edge-cases.srt'), 'captions.txt').id).toBe('srt');
    expect(detectFormat(readFixture('sample.nbest.jsonl'), 'lists.txt').id).toBe('nbest-jsonl');
    expect(detectFormat(readFixture('paragraphs.txt'), 'notes').id).toBe('text');
  });

  it('lets the extension choose the parser for content no format recognises, so its error is precise', () => {
    const error = formatErrorOf(() => parseDocument('1\nnot a time line\nhello\n', 'broken.srt'));
    expect(error.message).toMatch(/^broken\.srt:2:1: expected a time line/);
  });

  it('parses with a named format when asked to', () => {
    const { document, format } = parseDocument(readFixture('edge-cases.srt'), 'cues.srt', 'text');
    expect(format.id).toBe('text');
    expect(document.segments[0]?.text).toBe('1');
  });

  it('refuses content nothing recognises', () => {
    expect(() => detectFormat('   \n', 'blank.bin')).toThrow(FormatError);
    expect(() => detectFormat('   \n', 'blank.bin')).toThrow(/^blank\.bin: not a supported format/);
  });
});
