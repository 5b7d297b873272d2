import { describe, expect, it } from 'vitest';
import { srtFormat } from '../../../src/formats/srt.js';
import { vttFormat } from '../../../src/formats/vtt.js';

/**
 * Inputs built to hurt a parser: each is read in time linear in its size, or refused with the format's
 * error naming the file and the place. The tests assert what comes out, not how long it took: the
 * quadratic versions of these parsers did not finish within the test timeout.
 */

const MEGABYTE = 1024 * 1024;

function srtCue(text: string): string {
  return `1\n00:00:01,000 --> 00:00:02,000\n${text}\n`;
}

function vttCue(text: string): string {
  return `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n`;
}

describe('style tags in linear time', () => {
  it('SRT: a 1 MB cue of unterminated `{\\` stays text', () => {
    const text = '{\\'.repeat(MEGABYTE / 2);
    const document = srtFormat.parse(srtCue(text), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('SRT: a 1 MB cue of unterminated `<i ` stays text', () => {
    const text = '<i '.repeat(MEGABYTE / 3);
    const document = srtFormat.parse(srtCue(text), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('SRT: a 1 MB cue of closing tags before its text is read and written back', () => {
    const markup = `${'</i>'.repeat(MEGABYTE / 4)}x`;
    const document = srtFormat.parse(srtCue(markup), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe('x');
    document.segments[0]!.text = 'y';
    expect(srtFormat.serialize(document)).toContain('\ny\n');
  });

  it('SRT: an edited cue keeps the tags that wrap it', () => {
    const document = srtFormat.parse(srtCue('<i><b>x</b></i>'), { fileName: 'a.srt' });
    document.segments[0]!.text = 'y';
    expect(srtFormat.serialize(document)).toContain('\n<i><b>y</b></i>\n');
  });

  it('SRT: tags are still stripped and kept as before', () => {
    const document = srtFormat.parse(srtCue('{\\an8}<i>Hello <b>there</b></i>'), {
      fileName: 'a.srt',
    });
    expect(document.segments[0]!.text).toBe('Hello there');
    document.segments[0]!.text = 'Hello you';
    expect(srtFormat.serialize(document)).toContain('\n{\\an8}Hello you\n');
  });

  it('WebVTT: a 1 MB cue of unknown character references reads as text', () => {
    const text = '&x;'.repeat(MEGABYTE / 3);
    const document = vttFormat.parse(vttCue(text), { fileName: 'a.vtt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('WebVTT: references resolve as the W3C parser resolves them', () => {
    const document = vttFormat.parse(vttCue('&amp; &ampx; &notin; &notx; &x; &#38; &lt'), {
      fileName: 'a.vtt',
    });
    expect(document.segments[0]!.text).toBe('& &x; ∉ ¬x; &x; & <');
  });
});
