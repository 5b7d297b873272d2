import { describe, expect, it } from 'vitest';
import { applyTextEdits, characterEdits, wordEdits } from '../../../src/align/edits.js';
import { tokenizeCharacters, tokenizeWords } from '../../../src/align/tokens.js';

describe('tokenizeWords', () => {
  it('gives each whitespace-separated word with its offsets', () => {
    expect(tokenizeWords('  Hello,\n world ')).toEqual([
      { text: 'Hello,', start: 2, end: 8 },
      { text: 'world', start: 10, end: 15 },
    ]);
    expect(tokenizeWords(' \t')).toEqual([]);
  });

  it('counts an astral character once at the character level', () => {
    expect(tokenizeCharacters('a😀b').map((token) => [token.text, token.start, token.end])).toEqual(
      [
        ['a', 0, 1],
        ['😀', 1, 3],
        ['b', 3, 4],
      ],
    );
  });
});

describe('wordEdits', () => {
  it('gives spans that slice to before and after', () => {
    const source = 'i want to by a new car';
    const target = 'I want to buy a new car.';
    const edits = wordEdits(source, target);
    expect(edits).toEqual([
      { kind: 'replace', sourceSpan: [0, 1], targetSpan: [0, 1], before: 'i', after: 'I' },
      { kind: 'replace', sourceSpan: [10, 12], targetSpan: [10, 13], before: 'by', after: 'buy' },
      { kind: 'replace', sourceSpan: [19, 22], targetSpan: [20, 24], before: 'car', after: 'car.' },
    ]);
    for (const edit of edits) {
      expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
      expect(target.slice(...edit.targetSpan)).toBe(edit.after);
    }
  });

  it('merges adjacent changed words into one edit', () => {
    expect(wordEdits('so i want it', 'so we wanted it')).toEqual([
      {
        kind: 'replace',
        sourceSpan: [3, 9],
        targetSpan: [3, 12],
        before: 'i want',
        after: 'we wanted',
      },
    ]);
  });

  it('places insertions and deletions at word starts, or after the last word', () => {
    expect(wordEdits('the cat', 'the black cat')).toEqual([
      { kind: 'insert', sourceSpan: [4, 4], targetSpan: [4, 9], before: '', after: 'black' },
    ]);
    expect(wordEdits('the cat', 'the cat sat')).toEqual([
      { kind: 'insert', sourceSpan: [7, 7], targetSpan: [8, 11], before: '', after: 'sat' },
    ]);
    expect(wordEdits('um the cat', 'the cat')).toEqual([
      { kind: 'delete', sourceSpan: [0, 2], targetSpan: [0, 0], before: 'um', after: '' },
    ]);
    expect(wordEdits('', '')).toEqual([]);
  });

  it('applied in full turns the source into the target', () => {
    const cases: [string, string][] = [
      ['the cat sat on the mat', 'a cat sat on a red mat today'],
      ['um so the the plan is', 'so the plan is'],
      ['', 'new words here'],
      ['all of it goes', ''],
      ['one two three', 'zero one two three four'],
      ['a b c d e f', 'f e d c b a'],
    ];
    for (const [source, target] of cases) {
      expect(applyTextEdits(source, wordEdits(source, target))).toBe(target);
    }
  });

  it('applied in full gives the target, and each edit slices to its words, on random texts', () => {
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocabulary = ['a', 'the', 'cat', 'sat', 'on', 'mat', 'Mat,', 'dog.', "don't"];
    const sentence = (): string =>
      Array.from(
        { length: Math.floor(next() * 9) },
        () => vocabulary[Math.floor(next() * vocabulary.length)],
      ).join(' ');
    for (let trial = 0; trial < 300; trial++) {
      const source = sentence();
      const target = sentence();
      const edits = wordEdits(source, target);
      expect(applyTextEdits(source, edits)).toBe(target);
      for (const edit of edits) {
        expect(source.slice(...edit.sourceSpan)).toBe(edit.before);
        expect(target.slice(...edit.targetSpan)).toBe(edit.after);
      }
      // Any one edit alone still leaves single spaces between words.
      for (const edit of edits) expect(applyTextEdits(source, [edit])).not.toMatch(/ {2}|^ | $/u);
    }
  });

  it('applied in any subset leaves well-spaced words and keeps line breaks', () => {
    const source = 'uh we meet\nat ten tomorrow';
    const target = 'We meet\nat 10 tomorrow morning';
    const edits = wordEdits(source, target);
    expect(edits.map((edit) => edit.kind)).toEqual(['replace', 'replace', 'insert']);
    expect(applyTextEdits(source, edits)).toBe(target);
    for (let mask = 0; mask < 1 << edits.length; mask++) {
      const chosen = edits.filter((_, index) => mask & (1 << index));
      const result = applyTextEdits(source, chosen);
      expect(result).not.toMatch(/ {2}|^\s|\s$/u);
      expect(result).toContain('\n');
    }
    expect(applyTextEdits(source, [edits[2]!])).toBe('uh we meet\nat ten tomorrow morning');
  });

  it('a subset of deletions keeps single spaces', () => {
    const source = 'so um the plan uh is';
    const edits = wordEdits(source, 'so the plan is');
    expect(edits).toHaveLength(2);
    expect(applyTextEdits(source, [edits[0]!])).toBe('so the plan uh is');
    expect(applyTextEdits(source, [edits[1]!])).toBe('so um the plan is');
    expect(applyTextEdits('a b c', wordEdits('a b c', 'a b'))).toBe('a b');
  });
});

describe('characterEdits', () => {
  it('finds character changes with offsets in both texts', () => {
    const edits = characterEdits('recieve', 'receive');
    expect(edits.every((edit) => edit.kind === 'replace')).toBe(true);
    let rebuilt = '';
    let cursor = 0;
    for (const edit of edits) {
      rebuilt += 'recieve'.slice(cursor, edit.sourceSpan[0]) + edit.after;
      cursor = edit.sourceSpan[1];
    }
    expect(rebuilt + 'recieve'.slice(cursor)).toBe('receive');
  });

  it('reports UTF-16 offsets around astral characters', () => {
    expect(characterEdits('😀a', '😀b')).toEqual([
      { kind: 'replace', sourceSpan: [2, 3], targetSpan: [2, 3], before: 'a', after: 'b' },
    ]);
    expect(characterEdits('ab', 'a😀b')).toEqual([
      { kind: 'insert', sourceSpan: [1, 1], targetSpan: [1, 3], before: '', after: '😀' },
    ]);
  });
});
