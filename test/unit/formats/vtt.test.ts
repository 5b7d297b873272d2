import { describe, expect, it } from 'vitest';
import { vttFormat } from '../../../src/formats/vtt.js';
import {
  copy,
  essentials,
  formatErrorOf,
  parseFixture,
  readFixture,
  roundTrip,
} from './fixtures.js';

describe('WebVTT', () => {
  it('reads cues, voices, entities, ids and overlapping cues; NOTE blocks are not text', () => {
    const document = parseFixture('edge-cases.vtt');
    expect(essentials(document)).toEqual([
      { text: 'Welcome to the quarterly review.', start: 0, end: 2.5, speaker: 'Anna' },
      { text: 'Sales rose & costs fell\nby three percent.', start: 2, end: 5, speaker: 'Ben' },
      { text: 'Thanks.', start: 5, end: 6, speaker: undefined },
    ]);
    expect(document.segments.map((segment) => segment.id)).toEqual(['intro', 'cue-2', 'closing']);
    expect(document.segments.map((segment) => segment.source).join(' ')).not.toContain('NOTE');
  });

  it('writes each NOTE block back before the cue it preceded, and one whose cue is gone at the end', () => {
    const document = parseFixture('edge-cases.vtt');
    const output = vttFormat.serialize(document);
    expect(output).toContain(
      'NOTE\nThis note is a comment; it stays with the cue after it.\n\nintro\n00:00:00.000',
    );
    expect(output).toContain('NOTE review the closing line\n\nclosing\n00:00:05.000');
    expect(output.endsWith('Thanks.\n\nNOTE end of the review\n')).toBe(true);

    const withoutClosing = copy(document);
    withoutClosing.segments = withoutClosing.segments.filter((segment) => segment.id !== 'closing');
    const shortened = vttFormat.serialize(withoutClosing);
    expect(shortened).not.toContain('closing\n');
    expect(shortened.endsWith('NOTE review the closing line\n\nNOTE end of the review\n')).toBe(
      true,
    );
    expect(vttFormat.parse(shortened, { fileName: 'shortened.vtt' }).segments).toHaveLength(2);
  });

  it('writes back the header, styles, ids, settings and markup of an unchanged document', () => {
    const output = vttFormat.serialize(parseFixture('edge-cases.vtt'));
    expect(
      output.startsWith('WEBVTT - Quarterly review\nKind: captions\nLanguage: en\n\nSTYLE\n'),
    ).toBe(true);
    expect(output).toContain('intro\n00:00:00.000 --> 00:00:02.500 position:10% align:start\n');
    expect(output).toContain('<v Anna>Welcome to the <i>quarterly</i> review.');
    expect(output).toContain(
      '00:00:02.000 --> 00:00:05.000 line:0\n<v.loud Ben>Sales rose &amp; costs fell',
    );
    expect(output).toContain('closing\n00:00:05.000 --> 00:00:06.000\nThanks.\n');
  });

  it('round-trips text, times, speakers, ids and settings', () => {
    const document = parseFixture('edge-cases.vtt');
    const reread = roundTrip(document, 'vtt');
    expect(essentials(reread)).toEqual(essentials(document));
    expect(reread.segments.map((segment) => segment.id)).toEqual(['intro', 'cue-2', 'closing']);
    expect(reread.extra).toEqual(document.extra);
  });

  it('writes edited text in place with the speaker as a voice tag, escaping markup characters', () => {
    const document = copy(parseFixture('edge-cases.vtt'));
    document.segments[1]!.text = 'Sales rose <sharply> & costs fell by 3%.';
    document.segments[2]!.speaker = 'Anna';
    const output = vttFormat.serialize(document);
    expect(output).toContain('line:0\n<v Ben>Sales rose &lt;sharply&gt; &amp; costs fell by 3%.\n');
    expect(output).toContain('closing\n00:00:05.000 --> 00:00:06.000\n<v Anna>Thanks.\n');
    expect(essentials(roundTrip(document, 'vtt'))).toEqual(essentials(document));
  });

  it('reads UTF-16 big-endian with a byte order mark', () => {
    const document = parseFixture('utf16be-bom.vtt');
    expect(essentials(document)).toEqual([
      { text: 'Olá, bom dia.', start: 0, end: 1.5, speaker: 'Ana' },
    ]);
  });

  it('stops at a broken timestamp, naming line and column', () => {
    const error = formatErrorOf(() => parseFixture('bad-malformed.vtt'));
    expect(error.position.line).toBe(6);
    expect(error.message).toMatch(/^bad-malformed\.vtt:6:\d+: /);
  });

  it('stops at a file without the WEBVTT signature', () => {
    const error = formatErrorOf(() =>
      vttFormat.parse('00:00.000 --> 00:01.000\nHello\n', { fileName: 'unsigned.vtt' }),
    );
    expect(error.message).toMatch(/^unsigned\.vtt:1: no valid signature/);
  });

  it('tolerates what players accept: unknown tags and a zero-length cue', () => {
    const content = 'WEBVTT\n\n00:01.000 --> 00:01.000\n<x>odd</x> tag\n';
    const document = vttFormat.parse(content, { fileName: 'lenient.vtt' });
    expect(essentials(document)).toEqual([
      { text: 'odd tag', start: 1, end: 1, speaker: undefined },
    ]);
  });

  it('claims only WebVTT content', () => {
    expect(vttFormat.detect(readFixture('edge-cases.vtt'))).toBe(1);
    expect(vttFormat.detect(readFixture('edge-cases.srt'))).toBe(0);
  });
});
