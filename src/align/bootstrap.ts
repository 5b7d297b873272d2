/**
 * Paired bootstrap of the difference between two systems' corpus error rates on the same items
 * (Koehn 2004): the items are drawn again with replacement many times, both corpus rates are
 * recomputed on each draw, and the 2.5th and 97.5th percentiles of their difference bound it. Items
 * that are not independent (the lines of one page, one sentence read by several voices) are drawn as
 * one group; drawing them one by one would make the interval too narrow.
 */

export interface PairedItem {
  /** Items with the same group are drawn together. */
  group: string;
  baselineErrors: number;
  errors: number;
  referenceLength: number;
}

export interface PairedDifference {
  /** Corpus rate minus the baseline's corpus rate on all items (negative: fewer errors). */
  difference: number;
  /** 95% interval of the difference. */
  low: number;
  high: number;
  groups: number;
}

export const BOOTSTRAP_RESAMPLES = 2000;

/** mulberry32: a small seeded generator, so that the same files give the same interval. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pairedBootstrap(
  items: readonly PairedItem[],
  resamples = BOOTSTRAP_RESAMPLES,
  seed = 1,
): PairedDifference {
  const byGroup = new Map<string, { baselineErrors: number; errors: number; length: number }>();
  for (const item of items) {
    const sums = byGroup.get(item.group) ?? { baselineErrors: 0, errors: 0, length: 0 };
    sums.baselineErrors += item.baselineErrors;
    sums.errors += item.errors;
    sums.length += item.referenceLength;
    byGroup.set(item.group, sums);
  }
  const groups = [...byGroup.values()];
  const differenceOf = (errors: number, baselineErrors: number, length: number): number =>
    length === 0 ? 0 : (errors - baselineErrors) / length;
  const total = groups.reduce(
    (sum, group) => ({
      errors: sum.errors + group.errors,
      baselineErrors: sum.baselineErrors + group.baselineErrors,
      length: sum.length + group.length,
    }),
    { errors: 0, baselineErrors: 0, length: 0 },
  );
  const difference = differenceOf(total.errors, total.baselineErrors, total.length);
  if (groups.length === 0) return { difference, low: difference, high: difference, groups: 0 };

  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let draw = 0; draw < resamples; draw++) {
    let errors = 0;
    let baselineErrors = 0;
    let length = 0;
    for (let pick = 0; pick < groups.length; pick++) {
      const group = groups[Math.floor(random() * groups.length)]!;
      errors += group.errors;
      baselineErrors += group.baselineErrors;
      length += group.length;
    }
    draws.push(differenceOf(errors, baselineErrors, length));
  }
  draws.sort((a, b) => a - b);
  const percentile = (fraction: number): number =>
    draws[Math.min(draws.length - 1, Math.floor(fraction * draws.length))]!;
  return { difference, low: percentile(0.025), high: percentile(0.975), groups: groups.length };
}
