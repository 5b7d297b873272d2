import { describe, expect, it } from 'vitest';
import { srtFormat } from '../../../src/formats/srt.js';
import {
  copy,
  essentials,
  formatErrorOf,
  parseFixture,
  readFixture,
  roundTrip,
} from './fixtures.js';

describe('SRT', () => {
  it('reads cues with a BOM, CRLF, styling tags, speakers, overlaps and no final newline', () => {
    const document = parseFixture('edge-cases.srt');
    expect(document.kind).toBe('transcript');
    expect(essentials(document)).toEqual([
      { text: 'Good morning, everyone.', start: 0.5, end: 2.25, speaker: undefined },
      {
        text: 'The revenue grew by\nfourteen percent this quarter.',
        start: 2,
        end: 4.8,
        speaker: 'SPEAKER_00',
      },
      { text: 'Thank you, Maria.', start: 4.8, end: 6.1, speaker: undefined },
    ]);
    expect(document.segments.every((segment) => segment.source === segment.text)).toBe(true);
  });

  it('writes an unchanged document back with its markup', () => {
    const document = parseFixture('edge-cases.srt');
    const output = srtFormat.serialize(document);
    expect(output).toContain('<i>Good morning, everyone.</i>');
    expect(output).toContain('{\\an8}Thank you, <b>Maria</b>.');
    expect(output).toContain(
      '00:00:02,000 --> 00:00:04,800\n[SPEAKER_00]: The revenue grew by\nfourteen',
    );
    expect(essentials(roundTrip(document, 'srt'))).toEqual(essentials(document));
  });

  it('writes edited text in place, keeping times, speaker and whole-cue tags', () => {
    const document = copy(parseFixture('edge-cases.srt'));
    document.segments[0]!.text = 'Good morning, all.';
    document.segments[1]!.text = 'Revenue grew by 14% this quarter.';
    document.segments[2]!.text = 'Thank you, Marie.';
    const output = srtFormat.serialize(document);
    expect(output).toContain('1\n00:00:00,500 --> 00:00:02,250\n<i>Good morning, all.</i>\n');
    expect(output).toContain('[SPEAKER_00]: Revenue grew by 14% this quarter.');
    // Word-level tags cannot follow edited words; the position tag that covers the cue stays.
    expect(output).toContain('{\\an8}Thank you, Marie.');
    const reread = roundTrip(document, 'srt');
    expect(essentials(reread)).toEqual(essentials(document));
  });

  it('does not let an edit with blank lines break the cue structure', () => {
    const document = copy(parseFixture('edge-cases.srt'));
    document.segments[1]!.text = 'First part.\n\n4\n00:00:09,000 --> 00:00:10,000';
    const reread = roundTrip(document, 'srt');
    expect(reread.segments).toHaveLength(3);
    expect(reread.segments[1]?.text).toBe('First part.\n4\n00:00:09,000 -> 00:00:10,000');
  });

  it('names the line of a malformed time line', () => {
    const error = formatErrorOf(() => parseFixture('bad-malformed.srt'));
    expect(error.position.line).toBe(6);
    expect(error.message).toMatch(/^bad-malformed\.srt:6:1: expected a time line/);
  });

  it('names the line where a truncated file stops making sense', () => {
    const error = formatErrorOf(() => parseFixture('bad-truncated.srt'));
    expect(error.message).toMatch(/^bad-truncated\.srt:10:1: expected a time line/);
  });

  it('rejects a cue that ends before it starts', () => {
    const error = formatErrorOf(() =>
      srtFormat.parse('1\n00:00:05,000 --> 00:00:04,000\nx\n', { fileName: 'back.srt' }),
    );
    expect(error.message).toBe('back.srt:2: the cue ends before it starts');
  });

  it('reads UTF-16 with a byte order mark', () => {
    const document = parseFixture('utf16le-bom.srt');
    expect(document.segments[0]?.text).toBe('UTF-16 subtitle ✓');
  });

  it('claims SRT content and nothing else', () => {
    expect(srtFormat.detect(readFixture('edge-cases.srt'))).toBeGreaterThan(0.5);
    expect(srtFormat.detect(readFixture('edge-cases.vtt'))).toBe(0);
    expect(srtFormat.detect(readFixture('paragraphs.txt'))).toBe(0);
  });
});
