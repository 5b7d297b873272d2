import { describe, expect, it } from 'vitest';
import { whisperJsonFormat } from '../../../src/formats/whisper-json.js';
import {
  copy,
  essentials,
  formatErrorOf,
  parseFixture,
  readFixture,
  roundTrip,
} from './fixtures.js';

const serializeToJson = (document: Parameters<typeof whisperJsonFormat.serialize>[0]) =>
  JSON.parse(whisperJsonFormat.serialize(document));

describe('Whisper JSON (openai-whisper)', () => {
  it('reads segments and words without Whisper’s leading spaces', () => {
    const document = parseFixture('openai-whisper.json');
    expect(document.kind).toBe('transcript');
    expect(essentials(document)).toEqual([
      { text: 'The revenue grew by 14 percent.', start: 0, end: 2.62, speaker: undefined },
      { text: 'Thanks, Maria.', start: 3.1, end: 4.4, speaker: undefined },
    ]);
    expect(document.segments[0]?.words?.[4]).toEqual({
      text: '14',
      start: 1.36,
      end: 1.9,
      confidence: 0.731,
    });
  });

  it('writes an unchanged document back with the same content', () => {
    const original = JSON.parse(readFixture('openai-whisper.json'));
    expect(serializeToJson(parseFixture('openai-whisper.json'))).toEqual(original);
  });

  it('writes edited text in place, keeps unchanged word times and drops stale tokens', () => {
    const document = copy(parseFixture('openai-whisper.json'));
    document.segments[0]!.text = 'The revenue grew by fourteen percent.';
    document.segments[1]!.text = 'Many thanks, Maria.';
    const output = serializeToJson(document);
    const [first, second] = output.segments;
    expect(first.text).toBe(' The revenue grew by fourteen percent.');
    expect(first.tokens).toBeUndefined();
    expect(first.avg_logprob).toBe(-0.2309);
    expect(first.words[4]).toEqual({ word: ' fourteen', start: 1.36, end: 1.9 });
    expect(first.words[5]).toEqual({
      word: ' percent.',
      start: 1.9,
      end: 2.62,
      probability: 0.964,
    });
    // Two words replace "Thanks," and share its time; "Maria." keeps its own.
    expect(second.words.map((word: { word: string }) => word.word)).toEqual([
      ' Many',
      ' thanks,',
      ' Maria.',
    ]);
    expect(second.words[0].start).toBe(3.1);
    expect(second.words[1].end).toBe(3.62);
    expect(second.words[0].end).toBe(second.words[1].start);
    expect(second.words[2]).toEqual({ word: ' Maria.', start: 3.62, end: 4.4, probability: 0.62 });
    expect(output.text).toBe(' The revenue grew by fourteen percent. Many thanks, Maria.');
    expect(essentials(roundTrip(document, 'whisper-json'))).toEqual(essentials(document));
  });

  it('names the line and column where a truncated file ends', () => {
    const error = formatErrorOf(() => parseFixture('bad-truncated.json'));
    expect(error.message).toMatch(/^bad-truncated\.json:1:\d+: invalid JSON/);
  });

  it('names the field and line of a value of the wrong type', () => {
    const error = formatErrorOf(() => parseFixture('bad-wrong-type.whisper.json'));
    expect(error.message).toMatch(/^bad-wrong-type\.whisper\.json:2: segments\[1\]\.start: /);
  });

  it('rejects a segment that ends before it starts', () => {
    const content = '{"segments": [\n{"start": 2, "end": 1, "text": "x"}]}';
    expect(
      formatErrorOf(() => whisperJsonFormat.parse(content, { fileName: 'w.json' })).message,
    ).toBe('w.json:2: segments[0].end: end is before start');
  });
});

describe('Whisper JSON (WhisperX)', () => {
  it('reads speakers and word scores, and words without times', () => {
    const document = parseFixture('whisperx.json');
    expect(essentials(document)).toEqual([
      {
        text: 'Good morning, this is the quarterly review.',
        start: 0.031,
        end: 2.973,
        speaker: 'SPEAKER_00',
      },
      { text: 'Sales rose by 3%.', start: 3.5, end: 5.9, speaker: 'SPEAKER_01' },
    ]);
    expect(document.segments[1]?.words?.[3]).toEqual({ text: '3%.' });
    expect(document.segments[0]?.words?.[0]?.confidence).toBe(0.921);
  });

  it('writes WhisperX’s shape back: scores, word speakers and word_segments', () => {
    const document = copy(parseFixture('whisperx.json'));
    document.segments[0]!.speaker = 'Anna';
    const output = serializeToJson(document);
    expect(output.segments[0].speaker).toBe('Anna');
    expect(output.segments[0].words[0]).toEqual({
      word: 'Good',
      start: 0.031,
      end: 0.312,
      score: 0.921,
      speaker: 'Anna',
    });
    expect(output.word_segments).toHaveLength(11);
    expect(essentials(roundTrip(document, 'whisper-json'))).toEqual(essentials(document));
  });

  it('spreads edited words over the segment when the recognizer gave some words no time', () => {
    const document = copy(parseFixture('whisperx.json'));
    document.segments[1]!.text = 'Sales rose by three percent.';
    const words = serializeToJson(document).segments[1].words;
    expect(words.map((word: { word: string }) => word.word)).toEqual([
      'Sales',
      'rose',
      'by',
      'three',
      'percent.',
    ]);
    expect(words[0].start).toBe(3.5);
    expect(words[4].end).toBe(5.9);
    for (let index = 1; index < words.length; index++) {
      expect(words[index].start).toBeGreaterThanOrEqual(words[index - 1].end);
    }
  });
});
