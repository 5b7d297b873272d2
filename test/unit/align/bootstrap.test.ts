import { describe, expect, it } from 'vitest';
import { pairedBootstrap, type PairedItem } from '../../../src/align/bootstrap.js';
import { bootstrapGroupOf } from '../../../src/cli/commands/eval.js';

const item = (group: string, baselineErrors: number, errors: number, length = 10): PairedItem => ({
  group,
  baselineErrors,
  errors,
  referenceLength: length,
});

describe('the paired bootstrap', () => {
  it('gives a zero-width interval at zero when both systems make the same errors', () => {
    const items = Array.from({ length: 30 }, (_, index) =>
      item(String(index), index % 4, index % 4),
    );
    expect(pairedBootstrap(items)).toEqual({ difference: 0, low: 0, high: 0, groups: 30 });
  });

  it('puts the interval below zero when the system is better on every group', () => {
    const items = Array.from({ length: 40 }, (_, index) => item(String(index), 3 + (index % 3), 2));
    const result = pairedBootstrap(items);
    expect(result.difference).toBeCloseTo((80 - 160) / 400);
    expect(result.high).toBeLessThan(0);
    expect(result.low).toBeLessThanOrEqual(result.difference);
    expect(result.high).toBeGreaterThanOrEqual(result.difference);
  });

  it('keeps zero inside the interval when one group of many holds the whole difference', () => {
    const items = Array.from({ length: 50 }, (_, index) =>
      item(String(index), 1, index === 7 ? 6 : 1),
    );
    const result = pairedBootstrap(items);
    expect(result.difference).toBeCloseTo(5 / 500);
    expect(result.low).toBe(0);
    expect(result.high).toBeGreaterThan(result.difference);
  });

  it('draws a group as one, which widens the interval when its items move together', () => {
    // 10 sentences read by 5 voices each; the system is worse on every voice of 3 sentences.
    const voices = (group: (sentence: number, voice: number) => string): PairedItem[] =>
      Array.from({ length: 50 }, (_, index) => {
        const sentence = Math.floor(index / 5);
        return item(group(sentence, index % 5), 2, sentence < 3 ? 4 : 2);
      });
    const grouped = pairedBootstrap(voices((sentence) => `s${sentence}`));
    const loose = pairedBootstrap(voices((sentence, voice) => `s${sentence}-${voice}`));
    expect(grouped.groups).toBe(10);
    expect(loose.groups).toBe(50);
    expect(grouped.difference).toBe(loose.difference);
    expect(grouped.high - grouped.low).toBeGreaterThan(1.5 * (loose.high - loose.low));
  });

  it('gives the same interval for the same items and seed', () => {
    const items = Array.from({ length: 25 }, (_, index) =>
      item(String(index), index % 5, index % 3),
    );
    expect(pairedBootstrap(items, 500, 3)).toEqual(pairedBootstrap(items, 500, 3));
    expect(pairedBootstrap([])).toEqual({ difference: 0, low: 0, high: 0, groups: 0 });
  });
});

describe('bootstrap groups of segment ids', () => {
  it.each([
    ['business-46-0', 'business-46'],
    ['ocr-real-sotu-1911_william_h_taft_r-p1-7', 'ocr-real-sotu-1911_william_h_taft_r-p1'],
    ['12', '12'],
    ['-3', '-3'],
  ])('%s → %s', (id, group) => {
    expect(bootstrapGroupOf(id)).toBe(group);
  });
});
