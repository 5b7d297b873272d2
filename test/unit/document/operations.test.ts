import { describe, expect, it } from 'vitest';
import {
  acceptAboveThreshold,
  acceptEdit,
  attachSuggestion,
  correctorInput,
  decideAllEdits,
  derivedText,
  editSegmentText,
  isHandEdited,
  rejectEdit,
  suggestionFromCorrection,
  updateSegment,
  wordOrigins,
  fallbackTasks,
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
    kind: 'transcript',
    task: 'asr',
    title: 't',
    source: { format: 'srt', name: 't.srt' },
    segments,
  };
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('suggestionFromCorrection', () => {
  it('builds pending word edits from the source with token confidences', () => {
    const source = 'we meet at ten tomorrow';
    const corrected = 'We meet at 10 tomorrow.';
    // tokens of the corrected text: "We", " meet", " at", " 1", "0", " tomorrow", "."
    const tokens = [
      { start: 0, end: 2, confidence: 0.9 },
      { start: 2, end: 7, confidence: 0.99 },
      { start: 7, end: 10, confidence: 0.99 },
      { start: 10, end: 12, confidence: 0.6 },
      { start: 12, end: 13, confidence: 0.8 },
      { start: 13, end: 22, confidence: 0.95 },
      { start: 22, end: 23, confidence: 0.7 },
    ];
    const suggestion = suggestionFromCorrection(
      { id: 's', source, text: source },
      corrected,
      tokens,
    );
    expect(suggestion.text).toBe(corrected);
    expect(
      suggestion.edits.map((edit) => [edit.before, edit.after, edit.confidence, edit.decision]),
    ).toEqual([
      ['we', 'We', 0.9, 'pending'],
      // adjacent changed words make one edit, as sure as its least sure token
      ['ten tomorrow', '10 tomorrow.', 0.6, 'pending'],
    ]);
    expect(suggestion.confidence).toBeCloseTo((0.9 + 0.99 + 0.99 + 0.6 + 0.8 + 0.95 + 0.7) / 7);
  });

  it('gives a deletion the confidence of the token that follows it', () => {
    const suggestion = suggestionFromCorrection(
      { id: 's', source: 'uh hello', text: 'uh hello' },
      'hello',
      [{ start: 0, end: 5, confidence: 0.4 }],
    );
    expect(suggestion.edits).toMatchObject([{ kind: 'delete', before: 'uh', confidence: 0.4 }]);
  });
});

describe('accepting and rejecting', () => {
  it('derives the text from accepted edits in any order and never mutates', () => {
    const start = deepFreeze(segment('s', 'so um the car was was red', 'so the car was red'));
    expect(start.suggestion!.edits.map((edit) => edit.before)).toEqual(['um', 'was']);
    const first = acceptEdit(start, 1);
    expect(first.text).toBe('so um the car was red');
    const both = acceptEdit(first, 0);
    expect(both.text).toBe('so the car was red');
    expect(rejectEdit(both, 1).text).toBe('so the car was was red');
    expect(start.text).toBe('so um the car was was red');
    expect(isHandEdited(both)).toBe(false);
    expect(acceptEdit(both, 0)).toBe(both);
  });

  it('tracks the origin of each word through accept and reject', () => {
    const accepted = acceptEdit(segment('s', 'the cat sad down', 'the cat sat down'), 0);
    expect(wordOrigins(accepted)).toEqual(['recognizer', 'recognizer', 'corrector', 'recognizer']);
    expect(wordOrigins(rejectEdit(accepted, 0))).toEqual([
      'recognizer',
      'recognizer',
      'recognizer',
      'recognizer',
    ]);
  });

  it('accepts or rejects all edits of a segment', () => {
    const start = segment('s', 'a b c d e', 'a x c d y e z');
    const all = decideAllEdits(start, 'accepted');
    expect(all.text).toBe('a x c d y e z');
    expect(wordOrigins(all)).toEqual([
      'recognizer',
      'corrector',
      'recognizer',
      'recognizer',
      'corrector',
      'recognizer',
      'corrector',
    ]);
    // The same decisions taken one by one give the same segment.
    const oneByOne = [0, 1, 2].reduce((current, index) => acceptEdit(current, index), start);
    expect(oneByOne.text).toBe(all.text);
    expect(wordOrigins(oneByOne)).toEqual(wordOrigins(all));
    expect(all.suggestion!.edits.every((edit) => edit.decision === 'accepted')).toBe(true);
    const none = decideAllEdits(all, 'rejected');
    expect(none.text).toBe('a b c d e');
    expect(wordOrigins(none).every((origin) => origin === 'recognizer')).toBe(true);
  });

  it('accepts across the document only the edits at or above a confidence threshold', () => {
    const plain: Segment = { id: 'a', source: 'one too three', text: 'one too three' };
    const withConfidences = attachSuggestion(
      plain,
      suggestionFromCorrection(plain, 'one two three four', [
        { start: 0, end: 3, confidence: 0.99 },
        { start: 3, end: 7, confidence: 0.95 },
        { start: 7, end: 13, confidence: 0.99 },
        { start: 13, end: 18, confidence: 0.3 },
      ]),
    );
    const untouched = segment('b', 'nothing to fix');
    const document = deepFreeze(documentOf(withConfidences, untouched));
    const { document: result, accepted } = acceptAboveThreshold(document, 0.9);
    expect(accepted).toBe(1);
    expect(result.segments[0]!.text).toBe('one two three');
    expect(result.segments[1]).toBe(untouched);
    expect(acceptAboveThreshold(result, 0.9)).toEqual({ document: result, accepted: 0, held: 0 });
  });

  it('updates one segment by id and keeps the document when nothing changes', () => {
    const document = documentOf(segment('a', 'x y', 'x z'), segment('b', 'p q'));
    const next = updateSegment(document, 'a', (current) => acceptEdit(current, 0));
    expect(next.segments[0]!.text).toBe('x z');
    expect(next.segments[1]).toBe(document.segments[1]);
    expect(updateSegment(document, 'missing', (current) => acceptEdit(current, 0))).toBe(document);
  });
});

describe('editing by hand', () => {
  it('marks typed words as the user’s and keeps the others’ origins', () => {
    const accepted = acceptEdit(segment('s', 'the cat sad down', 'the cat sat down'), 0);
    const edited = editSegmentText(accepted, 'the black cat sat down');
    expect(wordOrigins(edited)).toEqual([
      'recognizer',
      'user',
      'recognizer',
      'corrector',
      'recognizer',
    ]);
    expect(isHandEdited(edited)).toBe(true);
  });

  it('keeps pending edits the user did not touch and applies them to the typed text', () => {
    const start = segment('s', 'i red the book yesterday', 'I read the book yesterday.');
    const edited = editSegmentText(start, 'i red the old book yesterday');
    expect(edited.suggestion!.edits.map((edit) => edit.stale ?? false)).toEqual([false, false]);
    const accepted = acceptEdit(acceptEdit(edited, 0), 1);
    expect(accepted.text).toBe('I read the old book yesterday.');
    expect(wordOrigins(accepted)).toEqual([
      'corrector',
      'corrector',
      'recognizer',
      'user',
      'recognizer',
      'corrector',
    ]);
  });

  it('marks an edit stale when the user changed its words, and refuses to accept it', () => {
    const start = segment('s', 'i red the book', 'I read the book');
    const edited = editSegmentText(start, 'i wrote the book');
    expect(edited.suggestion!.edits[0]!.stale).toBe(true);
    expect(acceptEdit(edited, 0)).toBe(edited);
    // Typing the original back brings the segment back under its decisions.
    const restored = editSegmentText(edited, 'i red the book');
    expect(restored.suggestion!.edits[0]!.stale).toBeUndefined();
    expect(acceptEdit(restored, 0).text).toBe('I read the book');
  });

  it('marks an insertion stale when the user typed at its place', () => {
    const start = segment('s', 'the cat', 'the black cat');
    expect(editSegmentText(start, 'the fat cat').suggestion!.edits[0]!.stale).toBe(true);
    expect(editSegmentText(start, 'the cat ran').suggestion!.edits[0]!.stale).toBeUndefined();
    expect(acceptEdit(editSegmentText(start, 'the cat ran'), 0).text).toBe('the black cat ran');
  });

  it('reverts an accepted edit in typed text only where its words are still there', () => {
    const accepted = decideAllEdits(segment('s', 'a b c d', 'a x c y'), 'accepted');
    const edited = editSegmentText(accepted, 'a x c z and more');
    expect(rejectEdit(edited, 0).text).toBe('a b c z and more');
    const retyped = rejectEdit(edited, 1);
    expect(retyped.text).toBe('a x c z and more');
    expect(retyped.suggestion!.edits[1]!.decision).toBe('rejected');
  });

  it('keeps decisions when the same correction arrives again', () => {
    const accepted = acceptEdit(segment('s', 'a b c', 'a x c'), 0);
    const again = attachSuggestion(accepted, suggestionFromCorrection(accepted, 'a x c'));
    expect(again.suggestion!.edits[0]!.decision).toBe('accepted');
    expect(derivedText(again)).toBe(again.text);
  });
});

describe('correctorInput', () => {
  it('gives the N-best list when it starts with the source, else the source alone', () => {
    const listed: Segment = { id: 'a', source: 'one', text: 'one', nbest: ['one', 'won'] };
    expect(correctorInput(listed, '0').hypotheses).toEqual(['one', 'won']);
    const stale: Segment = { ...listed, source: 'on', text: 'on' };
    expect(correctorInput(stale, '0').hypotheses).toEqual(['on']);
  });

  it("takes the segment's task, else the document's, else none", () => {
    const plain: Segment = { id: 'a', source: 'x', text: 'x' };
    expect(correctorInput({ ...plain, task: 'asr' }, '7', 'ocr')).toEqual({
      id: '7',
      hypotheses: ['x'],
      task: 'asr',
    });
    expect(correctorInput(plain, '7', 'ocr').task).toBe('ocr');
    expect('task' in correctorInput(plain, '7')).toBe(false);
  });
});

describe('fallbackTasks', () => {
  const lines = [
    'from your Leeds showroom for £429.99 (order no.',
    'four times, leaving standing water in the tub and an E7',
    'error on the display. Your engineer visited on 26',
    'tbe rnachine | still leaks',
    'and the drain pump was replaced',
    'leaving standing water in the tub',
    'error on the display. Your engineer visited on 14',
  ];
  const segments: Segment[] = lines.map((source, index) => ({
    id: `l${index}`,
    source,
    text: source,
    ...(index === 0 ? { task: 'text' as const } : {}),
  }));

  it("gives an N-best file's unlabelled lines the file's task and keeps a line's own label", () => {
    const taskOf = fallbackTasks({
      source: { format: 'nbest-jsonl', name: 'page.jsonl' },
      task: 'ocr',
      segments,
    });
    expect(segments.map(taskOf)).toEqual(['text', 'ocr', 'ocr', 'ocr', 'ocr', 'ocr', 'ocr']);
  });

  it("gives every segment of another format the document's task", () => {
    const taskOf = fallbackTasks({
      source: { format: 'srt', name: 'a.srt' },
      task: 'asr',
      segments,
    });
    expect(segments.map(taskOf)).toEqual(Array(lines.length).fill('asr'));
  });
});
