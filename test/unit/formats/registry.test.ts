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
    expect(formatForFileName('meeting.json')?.id).toBe('whisper-json');
    expect(formatForFileName('page.hocr')?.id).toBe('hocr');
    expect(formatForFileName('page.html')?.id).toBe('hocr');
    expect(formatForFileName('page.xml')?.id).toBe('alto');
    expect(formatForFileName('work/Project.NEKO.JSON')?.id).toBe('neko');
    expect(formatForFileName('archive.zip')).toBeUndefined();
  });

  it('detects the format from the content even under a wrong extension', () => {
    expect(detectFormat(readFixture('edge-cases.vtt'), 'captions.srt').id).toBe('vtt');
    expect(detectFormat(readFixture('edge-cases.srt'), 'captions.txt').id).toBe('srt');
    expect(detectFormat(readFixture('sample.nbest.jsonl'), 'lists.txt').id).toBe('nbest-jsonl');
    expect(detectFormat(readFixture('paragraphs.txt'), 'notes').id).toBe('text');
    expect(detectFormat(readFixture('openai-whisper.json'), 'meeting.txt').id).toBe('whisper-json');
    expect(detectFormat(readFixture('whisperx.json'), 'meeting.jsonl').id).toBe('whisper-json');
    expect(detectFormat(readFixture('memo.hocr'), 'memo.xml').id).toBe('hocr');
    expect(detectFormat(readFixture('memo.alto.xml'), 'memo.html').id).toBe('alto');
    const project = formatById('neko').serialize(
      parseDocument(readFixture('memo.hocr'), 'memo.hocr').document,
    );
    expect(detectFormat(project, 'memo.json').id).toBe('neko');
  });

  it('converts every real-tool file to N-best JSONL whose text matches, and back', () => {
    const jsonl = formatById('nbest-jsonl');
    for (const name of [
      'edge-cases.srt',
      'edge-cases.vtt',
      'openai-whisper.json',
      'whisperx.json',
      'memo.hocr',
      'two-column.alto.xml',
    ]) {
      const { document } = parseDocument(readFixture(name), name);
      const lines = jsonl
        .serialize(document)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.hypotheses[0])).toEqual(
        document.segments.map((segment) => segment.text),
      );
      expect(lines.map((line) => line.id)).toEqual(document.segments.map((segment) => segment.id));
      expect(lines.every((line) => line.task === document.task)).toBe(true);
      const back = parseDocument(jsonl.serialize(document), 'lists.jsonl').document;
      expect(back.segments.map((segment) => segment.text)).toEqual(
        document.segments.map((segment) => segment.text),
      );
    }
  });

  it('converts transcripts between SRT, WebVTT and Whisper JSON keeping times and speakers', () => {
    const { document } = parseDocument(readFixture('whisperx.json'), 'whisperx.json');
    const essentials = (segments: typeof document.segments) =>
      segments.map(({ text, start, end, speaker }) => ({ text, start, end, speaker }));
    for (const target of ['srt', 'vtt', 'whisper-json'] as const) {
      const written = formatById(target).serialize(document);
      const reread = parseDocument(written, `out.${target}`).document;
      expect(essentials(reread.segments)).toEqual(essentials(document.segments));
    }
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
    expect(() => detectFormat('   \n', 'blank.bin')).toThrow(
      /^blank\.bin \(byte 0\): not a supported format/,
    );
  });
});
