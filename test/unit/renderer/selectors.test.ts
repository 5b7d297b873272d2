import { describe, expect, it } from 'vitest';
import {
  expertUsage,
  filterSegments,
  segmentAtTime,
  wordAtTime,
} from '../../../renderer/store/selectors.js';
import type { NekoDocument, RoutingRecord } from '../../../src/document/types.js';
import { catSuggestion, transcript } from './documents.js';

/** A routing record with `tokens` encoder tokens, no decoder tokens, and the given mass. */
function routing(tokens: number, expertMass: number[], inferredTask: string): RoutingRecord {
  const side = {
    tokens: Array.from({ length: tokens }, (_, index) => ({
      piece: 'x',
      start: index,
      end: index + 1,
    })),
    probabilities: [],
    top2: [],
  };
  return {
    experts: ['asr', 'ocr', 'text', 'general'],
    encoder: side,
    decoder: { tokens: [], probabilities: [], top2: [] },
    inferredTask,
    expertMass,
  };
}

function routedDocument(): NekoDocument {
  const document = transcript(3);
  const { suggestion } = catSuggestion();
  document.segments[0] = {
    ...document.segments[0]!,
    suggestion: { ...suggestion, routing: routing(1, [1, 0, 0, 0], 'asr') },
  };
  document.segments[2] = {
    ...document.segments[2]!,
    suggestion: { ...suggestion, routing: routing(3, [0, 1, 0, 0], 'ocr') },
  };
  return document;
}

describe('routing summaries', () => {
  it('weights each segment’s expert mass by its tokens and counts inferred tasks', () => {
    const usage = expertUsage(routedDocument())!;
    expect(usage.mass).toEqual([0.25, 0.75, 0, 0]);
    expect(usage.routedSegments).toBe(2);
    expect([...usage.inferredTasks]).toEqual([
      ['asr', 1],
      ['ocr', 1],
    ]);
    expect(expertUsage(transcript(2))).toBeNull();
  });

  it('filters the segments whose routing disagrees with their source type', () => {
    const document = routedDocument();
    expect(filterSegments(document, 'routing-disagrees').map((segment) => segment.id)).toEqual([
      's3',
    ]);
    document.segments[2] = { ...document.segments[2]!, task: 'ocr' };
    const relabelled = { ...document, segments: [...document.segments] };
    expect(filterSegments(relabelled, 'routing-disagrees')).toEqual([]);
    expect(filterSegments(relabelled, 'pending').map((segment) => segment.id)).toEqual([
      's1',
      's3',
    ]);
  });
});

describe('playback position', () => {
  it('finds the segment and word under the playhead, and none in the gaps', () => {
    const document = transcript(5); // segment n spans [2n-2, 2n-0.5)
    expect(segmentAtTime(document, 4.2)?.id).toBe('s3');
    expect(segmentAtTime(document, 5.7)).toBeUndefined();
    expect(segmentAtTime(document, 0)?.id).toBe('s1');
    expect(segmentAtTime(document, 100)).toBeUndefined();
    const words = [
      { text: 'a', start: 0, end: 0.4 },
      { text: 'b', start: 0.5, end: 0.9 },
    ];
    expect(wordAtTime(words, 0.6)).toBe(1);
    expect(wordAtTime(words, 0.45)).toBe(-1);
  });
});
