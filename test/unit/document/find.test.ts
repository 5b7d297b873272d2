import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  findInDocument,
  findSameFix,
  replaceInDocument,
} from '../../../src/document/find.js';
import {
  acceptEdit,
  attachSuggestion,
  editSegmentText,
  suggestionFromCorrection,
  wordOrigins,
} from '../../../src/document/operations.js';
import type { NekoDocument, Segment } from '../../../src/document/types.js';

function segment(id: string, source: string, correction?: string): Segment {
  const plain: Segment = { id, source, text: source };
  return correction === undefined
    ? plain
    : attachSuggestion(plain, suggestionFromCorrection(plain, correction));
}

function documentOf(...segments: Segment[]): NekoDocument {
  return {
    version: 1,
    kind: 'text',
    task: 'text',
    title: 't',
    source: { format: 'text', name: 't.txt' },
    segments,
  };
}

describe('find and replace', () => {
  const document = documentOf(
    segment('a', 'Paris is in France. paris, the city'),
    segment('b', 'Comparison of parisian cafés'),
  );

  it('finds plain, whole-word and case-sensitive matches with offsets', () => {
    expect(findInDocument(document, 'paris')).toEqual([
      { segmentId: 'a', start: 0, end: 5 },
      { segmentId: 'a', start: 20, end: 25 },
      { segmentId: 'b', start: 3, end: 8 },
      { segmentId: 'b', start: 14, end: 19 },
    ]);
    expect(
      findInDocument(document, 'paris', { wholeWord: true }).map((match) => match.start),
    ).toEqual([0, 20]);
    expect(findInDocument(document, 'Paris', { caseSensitive: true })).toHaveLength(1);
    expect(findInDocument(document, '')).toEqual([]);
  });

  it('treats the query and the replacement literally', () => {
    const prices = documentOf(segment('p', 'costs 5.00 or 5x00 (approx)'));
    expect(findInDocument(prices, '5.00')).toHaveLength(1);
    expect(findInDocument(prices, '(approx)')).toHaveLength(1);
    const { document: replaced } = replaceInDocument(prices, '5.00', '$&$1');
    expect(replaced.segments[0]!.text).toBe('costs $&$1 or 5x00 (approx)');
  });

  it('replaces across the document, counts, and marks the new words as the user’s', () => {
    const { document: replaced, count } = replaceInDocument(document, 'paris', 'Lyon', {
      wholeWord: true,
    });
    expect(count).toBe(2);
    expect(replaced.segments[0]!.text).toBe('Lyon is in France. Lyon, the city');
    expect(replaced.segments[1]).toBe(document.segments[1]);
    expect(wordOrigins(replaced.segments[0]!)).toEqual([
      'user',
      'recognizer',
      'recognizer',
      'recognizer',
      'user',
      'recognizer',
      'recognizer',
    ]);
    expect(document.segments[0]!.text).toBe('Paris is in France. paris, the city');
    expect(replaceInDocument(document, 'absent', 'x')).toEqual({ document, count: 0 });
  });
});

describe('fix everywhere', () => {
  it('offers the same fix where the same error occurs, as whole words', () => {
    const document = documentOf(
      segment('a', 'we met jon smith today', 'we met John Smith today'),
      segment('b', 'jon smith called'),
      segment('c', 'jon smithers called'),
      segment('d', 'later jon smith left', 'later John Smith left'),
    );
    const candidates = findSameFix(document, 'a', 0);
    expect(candidates.map((candidate) => [candidate.segmentId, candidate.editIndex])).toEqual([
      ['b', undefined],
      ['d', 0],
    ]);
    const fixed = applyFixes(document, candidates);
    expect(fixed.segments.map((current) => current.text)).toEqual([
      'we met jon smith today',
      'John Smith called',
      'jon smithers called',
      'later John Smith left',
    ]);
    // The corrector proposed the fix for "d" itself; for "b" it is the user's choice.
    expect(wordOrigins(fixed.segments[3]!)).toEqual([
      'recognizer',
      'corrector',
      'corrector',
      'recognizer',
    ]);
    expect(wordOrigins(fixed.segments[1]!)).toEqual(['user', 'user', 'recognizer']);
  });

  it('requires the context words when asked, and always for an insertion', () => {
    const document = documentOf(
      segment('a', 'over their now', 'over there now'),
      segment('b', 'over their heads'),
      segment('c', 'all their things'),
      segment('i', 'go the store', 'go to the store'),
      segment('j', 'we go the way'),
      segment('k', 'the end'),
    );
    expect(findSameFix(document, 'a', 0).map((candidate) => candidate.segmentId)).toEqual([
      'b',
      'c',
    ]);
    expect(findSameFix(document, 'a', 0, { contextWords: 1 })).toEqual([]);
    expect(findSameFix(document, 'i', 0).map((candidate) => candidate.segmentId)).toEqual(['j']);
    expect(applyFixes(document, findSameFix(document, 'i', 0)).segments[4]!.text).toBe(
      'we go to the way',
    );
  });

  it('skips places already fixed, rejected or retyped by the user', () => {
    const base = documentOf(
      segment('a', 'teh end', 'the end'),
      acceptEdit(segment('b', 'teh start', 'the start'), 0),
      segment('c', 'teh middle'),
      segment('d', 'teh fox', 'the fox'),
    );
    const document: NekoDocument = {
      ...base,
      segments: [
        base.segments[0]!,
        base.segments[1]!,
        editSegmentText(base.segments[2]!, 'a middle'),
        {
          ...base.segments[3]!,
          suggestion: {
            ...base.segments[3]!.suggestion!,
            edits: [{ ...base.segments[3]!.suggestion!.edits[0]!, decision: 'rejected' }],
          },
        },
      ],
    };
    expect(findSameFix(document, 'a', 0)).toEqual([]);
  });

  it('finds several places in one segment and applies them all', () => {
    const document = documentOf(
      segment('a', 'teh cat', 'the cat'),
      segment('b', 'teh dog and teh bird'),
    );
    const candidates = findSameFix(document, 'a', 0);
    expect(candidates).toHaveLength(2);
    expect(applyFixes(document, candidates).segments[1]!.text).toBe('the dog and the bird');
  });
});
