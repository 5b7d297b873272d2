import { expect } from 'vitest';

/**
 * Asserts that two results are equal but for floating-point noise in their numbers (confidences,
 * router probabilities): a position computed in passes of different shapes (greedy one token at a
 * time, aggressive whole blocks, other rows alongside) gets the same value to about 1e-7, not to
 * the bit. Everything else (texts, tokens, spans, edits) must be identical.
 */
export function expectAlike(actual: unknown, expected: unknown, tolerance = 1e-5): void {
  const differences: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (differences.length >= 5) return;
    if (typeof a === 'number' && typeof b === 'number') {
      if (Number.isInteger(a) && Number.isInteger(b) ? a !== b : !(Math.abs(a - b) <= tolerance))
        differences.push(`${path}: ${a} vs ${b}`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) differences.push(`${path}: length ${a.length} vs ${b.length}`);
      else a.forEach((item, index) => walk(item, b[index], `${path}[${index}]`));
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys)
        walk(
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
          `${path}.${key}`,
        );
      return;
    }
    if (a !== b) differences.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  };
  walk(actual, expected, '$');
  expect(differences).toEqual([]);
}
