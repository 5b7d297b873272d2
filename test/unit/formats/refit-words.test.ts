import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/document/types.js';
import { refitBoxedWords, refitTimedWords } from '../../../src/formats/refit-words.js';

const timed: Word[] = [
  { text: 'we', start: 1, end: 1.2, confidence: 0.9 },
  { text: 'met', start: 1.2, end: 1.5, confidence: 0.8 },
  { text: 'on', start: 1.6, end: 1.7, confidence: 0.7 },
  { text: 'tuesday', start: 1.7, end: 2.3, confidence: 0.6 },
];

describe('refitting words to edited text', () => {
  it('keeps every word of an unchanged text as it was', () => {
    expect(refitTimedWords(timed, 'we met on tuesday', 1, 2.3)).toEqual(timed);
  });

  it('gives a word that replaces one word its time, without its confidence', () => {
    const words = refitTimedWords(timed, 'we met on Tuesday', 1, 2.3);
    expect(words[3]).toEqual({ text: 'Tuesday', start: 1.7, end: 2.3 });
    expect(words.slice(0, 3)).toEqual(timed.slice(0, 3));
  });

  it('shares a replaced word’s time among the words replacing it, by length', () => {
    const words = refitTimedWords(timed, 'we met on the first', 1, 2.3);
    expect(words.map((word) => word.text)).toEqual(['we', 'met', 'on', 'the', 'first']);
    expect(words[3]!.start).toBe(1.7);
    expect(words[4]!.end).toBe(2.3);
    // "the" (3 letters) gets less time than "first" (5 letters).
    expect(words[3]!.end! - words[3]!.start!).toBeLessThan(words[4]!.end! - words[4]!.start!);
  });

  it('puts an inserted word into the pause where it goes and drops deleted words', () => {
    const words = refitTimedWords(timed, 'we met again on tuesday', 1, 2.3);
    expect(words[2]).toEqual({ text: 'again', start: 1.5, end: 1.6 });
    expect(refitTimedWords(timed, 'we on tuesday', 1, 2.3)).toEqual([timed[0], timed[2], timed[3]]);
  });

  it('spreads words over the line box when words had no boxes, and keeps them inside it', () => {
    const line = { x0: 100, y0: 10, x1: 300, y1: 30 };
    // Widths follow length plus a space: 3 : 5 of the 200 pixels.
    const words = refitBoxedWords([], 'ab abcd', line);
    expect(words).toEqual([
      { text: 'ab', bbox: { x0: 100, y0: 10, x1: 175, y1: 30 } },
      { text: 'abcd', bbox: { x0: 175, y0: 10, x1: 300, y1: 30 } },
    ]);
  });
});
