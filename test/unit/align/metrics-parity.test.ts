/** The metrics agree with their Python twin, training/data/metrics.py, on shared cases. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { characterErrors, normalizeForMetrics, wordErrors } from '../../../src/align/metrics.js';

const parity = JSON.parse(
  readFileSync(new URL('../../fixtures/metrics/parity.json', import.meta.url), 'utf8'),
) as {
  normalize: [string, string][];
  normalize_differs: { text: string; typescript: string; python: string }[];
  errors: [string, string, [number, number], [number, number]][];
};

describe('metrics parity with training/data/metrics.py', () => {
  it.each(parity.normalize)('normalizes %j as %j', (text, normalized) => {
    expect(normalizeForMetrics(text)).toBe(normalized);
  });

  it.each(parity.normalize_differs)('differs on $text as the fixture records', (entry) => {
    expect(normalizeForMetrics(entry.text)).toBe(entry.typescript);
  });

  it.each(parity.errors)('counts %j → %j', (reference, hypothesis, words, characters) => {
    const w = wordErrors(reference, hypothesis);
    const c = characterErrors(reference, hypothesis);
    expect([w.errors, w.referenceLength]).toEqual(words);
    expect([c.errors, c.referenceLength]).toEqual(characters);
  });
});
