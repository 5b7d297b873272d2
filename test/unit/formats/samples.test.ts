import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/formats/io.js';
import { parseDocument } from '../../../src/formats/registry.js';
import { samplesDirectory } from './fixtures.js';

function readSample(name: string) {
  const path = `${samplesDirectory}${name}`;
  return parseDocument(decodeText(readFileSync(path), name), name);
}

describe('shipped samples', () => {
  it('the meeting is a Whisper transcript of 8–15 segments by 2–3 speakers, with word times inside its audio', () => {
    const { document, format } = readSample('meeting.whisper.json');
    expect(format.id).toBe('whisper-json');
    expect(document.segments.length).toBeGreaterThanOrEqual(8);
    expect(document.segments.length).toBeLessThanOrEqual(15);
    const speakers = new Set(document.segments.map((segment) => segment.speaker));
    expect(speakers.size).toBeGreaterThanOrEqual(2);
    expect(speakers.size).toBeLessThanOrEqual(3);
    let previousEnd = 0;
    for (const segment of document.segments) {
      expect(segment.start!).toBeGreaterThanOrEqual(previousEnd);
      expect(segment.words?.length).toBe(segment.text.split(' ').length);
      for (const word of segment.words ?? []) {
        expect(word.start!).toBeGreaterThanOrEqual(segment.start!);
        expect(word.end!).toBeLessThanOrEqual(segment.end!);
      }
      previousEnd = segment.end!;
    }
    expect(previousEnd).toBeGreaterThan(40);
    expect(previousEnd).toBeLessThan(75);
    expect(statSync(`${samplesDirectory}meeting.ogg`).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('the scanned page’s hOCR and ALTO agree with tesseract’s text output', () => {
    const lines = readFileSync(`${samplesDirectory}page.txt`, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    for (const name of ['page.hocr', 'page.xml']) {
      const { document } = readSample(name);
      expect(document.segments.map((segment) => segment.text)).toEqual(lines);
      expect(document.pages?.[0]?.image).toBe('page.png');
    }
    expect(statSync(`${samplesDirectory}page.png`).size).toBeLessThan(500 * 1024);
  });
});
