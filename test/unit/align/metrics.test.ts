import { describe, expect, it } from 'vitest';
import {
  characterErrorRate,
  characterErrors,
  corpusErrors,
  doNoHarm,
  normalizeForMetrics,
  oracleErrors,
  strictWordErrorRate,
  wordErrorRate,
  wordErrors,
} from '../../../src/align/metrics.js';

describe('normalizeForMetrics', () => {
  it('lower-cases, drops punctuation, keeps apostrophes inside words, collapses spaces', () => {
    expect(normalizeForMetrics("  Don't STOP!  'Quoted'  rock 'n' roll,\tdogs' bowls. ")).toBe(
      "don't stop quoted rock n roll dogs bowls",
    );
    expect(normalizeForMetrics('It’s end.Start—now')).toBe("it's end start now");
    expect(normalizeForMetrics('...')).toBe('');
  });
});

describe('word and character error rates', () => {
  it('counts substitutions, insertions and deletions by hand-checkable examples', () => {
    // reference: the cat sat on the mat (6 words); hypothesis: +well, cat→bat, −the
    expect(wordErrors('The cat sat on the mat.', 'well the bat sat on mat')).toEqual({
      substitutions: 1,
      insertions: 1,
      deletions: 1,
      errors: 3,
      referenceLength: 6,
    });
    expect(wordErrorRate('The cat sat on the mat.', 'well the bat sat on mat')).toBeCloseTo(0.5);
  });

  it('counts a tie between substitutions and an insertion plus a deletion as substitutions', () => {
    // "the mat" → "mat today" costs 2 either way; the alignment prefers two substitutions.
    expect(wordErrors('the mat', 'mat today')).toMatchObject({
      substitutions: 2,
      insertions: 0,
      deletions: 0,
    });
  });

  it('is zero for identical texts and ignores case and punctuation', () => {
    expect(wordErrorRate('Hello, World!', 'hello world')).toBe(0);
    expect(characterErrorRate('Hello, World!', 'hello world')).toBe(0);
  });

  it('counts characters of the normalized text, spaces included', () => {
    // "kitten" → "sitting": 2 substitutions and 1 insertion over 6 characters
    expect(characterErrors('kitten', 'sitting')).toMatchObject({
      substitutions: 2,
      insertions: 1,
      errors: 3,
    });
    expect(characterErrorRate('kitten', 'sitting')).toBeCloseTo(0.5);
    expect(characterErrors('a b', 'ab')).toMatchObject({ deletions: 1, referenceLength: 3 });
  });

  it('keeps case and punctuation in the strict WER', () => {
    expect(strictWordErrorRate('Hello, world.', 'hello world')).toBe(1);
    expect(strictWordErrorRate('Hello, world.', 'Hello, world.')).toBe(0);
  });

  it('swaps insertions and deletions when reference and hypothesis swap', () => {
    const forward = wordErrors('a b c d', 'a x c');
    const backward = wordErrors('a x c', 'a b c d');
    expect(forward.errors).toBe(backward.errors);
    expect(forward.insertions).toBe(backward.deletions);
    expect(forward.deletions).toBe(backward.insertions);
  });

  it('gives 1 for words against an empty reference and 0 when both are empty', () => {
    expect(wordErrorRate('', 'something')).toBe(1);
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('two words', '')).toBe(1);
  });
});

describe('corpus aggregation, oracle and do-no-harm', () => {
  it('sums errors and lengths before dividing', () => {
    const corpus = corpusErrors([
      { reference: 'one', hypothesis: 'two' },
      { reference: 'a b c d e f g h i', hypothesis: 'a b c d e f g h i' },
    ]);
    expect(corpus.errors).toBe(1);
    expect(corpus.referenceLength).toBe(10);
    expect(corpus.rate).toBeCloseTo(0.1);
  });

  it('takes the best hypothesis of each N-best list', () => {
    const oracle = oracleErrors([
      {
        reference: 'turn the light on',
        hypotheses: ['turn the lie on', 'turn the light on', 'turn a light'],
      },
      { reference: 'good night', hypotheses: ['good knight', 'could night now'] },
    ]);
    expect(oracle.chosen).toEqual([1, 0]);
    expect(oracle.errors).toBe(1);
    expect(oracle.rate).toBeCloseTo(1 / 6);
  });

  it('counts the words a corrector changed in correct input', () => {
    const harm = doNoHarm([
      { input: 'The meeting starts at ten.', output: 'the meeting starts at ten' },
      { input: 'We ship on Friday', output: 'We shipped on Friday then' },
    ]);
    expect(harm).toEqual({
      inputs: 2,
      changedInputs: 1,
      inputWords: 9,
      changedWords: 2,
      rate: 2 / 9,
    });
  });
});
