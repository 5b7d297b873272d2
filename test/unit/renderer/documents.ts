import type { ImportResult } from '../../../src/api/types.js';
import type { NekoDocument, Segment, Suggestion } from '../../../src/document/types.js';

/** A transcript of `count` two-second segments whose texts are "segment N says hello". */
export function transcript(count: number): NekoDocument {
  const segments: Segment[] = Array.from({ length: count }, (_, index) => {
    const text = `segment ${index + 1} says hello`;
    return { id: `s${index + 1}`, source: text, text, start: index * 2, end: index * 2 + 1.5 };
  });
  return {
    version: 1,
    kind: 'transcript',
    task: 'asr',
    title: 'Weekly meeting',
    source: { format: 'srt', name: 'meeting.srt' },
    segments,
  };
}

export function imported(document: NekoDocument): ImportResult {
  return { documentId: 'doc-1', format: 'srt', document };
}

/** "the cat sat on teh mat" corrected to "The cat sat on the mat": two replacements. */
export function catSuggestion(confidences: [number, number] = [0.95, 0.6]): {
  source: string;
  suggestion: Suggestion;
} {
  const source = 'the cat sat on teh mat';
  return {
    source,
    suggestion: {
      text: 'The cat sat on the mat',
      confidence: 0.9,
      edits: [
        {
          kind: 'replace',
          sourceSpan: [0, 3],
          targetSpan: [0, 3],
          before: 'the',
          after: 'The',
          confidence: confidences[0],
          decision: 'pending',
        },
        {
          kind: 'replace',
          sourceSpan: [15, 18],
          targetSpan: [15, 18],
          before: 'teh',
          after: 'the',
          confidence: confidences[1],
          decision: 'pending',
        },
      ],
    },
  };
}
