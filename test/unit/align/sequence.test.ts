import { describe, expect, it } from 'vitest';
import { alignSequences, editDistance, type AlignOp } from '../../../src/align/sequence.js';

/** Rebuilds `b` from `a` and the ops, checking that the spans tile both sequences. */
function replay<T>(a: T[], b: T[], ops: AlignOp[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    expect(op.sourceSpan[0]).toBe(i);
    expect(op.targetSpan[0]).toBe(j);
    if (op.kind === 'equal') expect(a.slice(...op.sourceSpan)).toEqual(b.slice(...op.targetSpan));
    if (op.kind === 'replace') {
      expect(op.sourceSpan[1] - op.sourceSpan[0]).toBe(op.targetSpan[1] - op.targetSpan[0]);
    }
    out.push(...b.slice(...op.targetSpan));
    i = op.sourceSpan[1];
    j = op.targetSpan[1];
  }
  expect(i).toBe(a.length);
  expect(j).toBe(b.length);
  return out;
}

function cost(ops: AlignOp[]): number {
  return ops
    .filter((op) => op.kind !== 'equal')
    .reduce(
      (sum, op) =>
        sum + Math.max(op.sourceSpan[1] - op.sourceSpan[0], op.targetSpan[1] - op.targetSpan[0]),
      0,
    );
}

/** Plain O(n·m) Levenshtein, the reference the fast path is checked against. */
function naiveDistance(a: string[], b: string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(
        Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1),
      );
    }
    row = next;
  }
  return row[b.length]!;
}

/** Deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('alignSequences', () => {
  it('merges runs and labels a substitution as replace', () => {
    const ops = alignSequences(['the', 'cat', 'sat', 'down'], ['the', 'bat', 'sat', 'down', 'now']);
    expect(ops).toEqual([
      { kind: 'equal', sourceSpan: [0, 1], targetSpan: [0, 1] },
      { kind: 'replace', sourceSpan: [1, 2], targetSpan: [1, 2] },
      { kind: 'equal', sourceSpan: [2, 4], targetSpan: [2, 4] },
      { kind: 'insert', sourceSpan: [4, 4], targetSpan: [4, 5] },
    ]);
  });

  it('prefers a replacement over a deletion plus an insertion at the same place', () => {
    const ops = alignSequences(['a', 'x', 'c'], ['a', 'y', 'c']);
    expect(ops.map((op) => op.kind)).toEqual(['equal', 'replace', 'equal']);
  });

  it('handles empty inputs', () => {
    expect(alignSequences([], [])).toEqual([]);
    expect(alignSequences(['a', 'b'], [])).toEqual([
      { kind: 'delete', sourceSpan: [0, 2], targetSpan: [0, 0] },
    ]);
    expect(alignSequences([], ['a'])).toEqual([
      { kind: 'insert', sourceSpan: [0, 0], targetSpan: [0, 1] },
    ]);
  });

  it('uses a custom equality', () => {
    const ops = alignSequences(
      ['A', 'b'],
      ['a', 'B'],
      (x, y) => x.toLowerCase() === y.toLowerCase(),
    );
    expect(ops).toEqual([{ kind: 'equal', sourceSpan: [0, 2], targetSpan: [0, 2] }]);
  });

  it('finds a minimal alignment on random inputs and is deterministic', () => {
    const next = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const alphabet = ['a', 'b', 'c', 'd'].slice(0, 1 + Math.floor(next() * 4));
      const pick = (): string[] =>
        Array.from(
          { length: Math.floor(next() * 12) },
          () => alphabet[Math.floor(next() * alphabet.length)]!,
        );
      const a = pick();
      const b = pick();
      const ops = alignSequences(a, b);
      expect(replay(a, b, ops)).toEqual(b);
      expect(cost(ops)).toBe(naiveDistance(a, b));
      expect(editDistance(a, b)).toBe(naiveDistance(a, b));
      expect(alignSequences(a, b)).toEqual(ops);
    }
  });

  it('splits large inputs (Hirschberg path) and still finds a minimal alignment', () => {
    const next = random(11);
    // 2100 × 2100 cells exceed the full-table limit, so this goes through the divide-and-conquer path.
    const a = Array.from({ length: 2100 }, () => String(Math.floor(next() * 3)));
    const b = Array.from({ length: 2100 }, () => String(Math.floor(next() * 3)));
    const ops = alignSequences(a, b);
    expect(replay(a, b, ops)).toEqual(b);
    expect(cost(ops)).toBe(naiveDistance(a, b));
  });

  it('aligns 10,000 words with scattered changes quickly', () => {
    const next = random(3);
    const vocabulary = Array.from({ length: 500 }, (_, index) => `w${index}`);
    const source = Array.from(
      { length: 10_000 },
      () => vocabulary[Math.floor(next() * vocabulary.length)]!,
    );
    const target: string[] = [];
    let changes = 0;
    for (const word of source) {
      const roll = next();
      if (roll < 0.03) {
        changes++;
        continue;
      }
      if (roll < 0.06) {
        changes++;
        target.push('typo');
        continue;
      }
      target.push(word);
    }
    const started = performance.now();
    const ops = alignSequences(source, target);
    const elapsed = performance.now() - started;
    expect(replay(source, target, ops)).toEqual(target);
    expect(cost(ops)).toBeLessThanOrEqual(changes);
    expect(elapsed).toBeLessThan(10_000);
  });
});
