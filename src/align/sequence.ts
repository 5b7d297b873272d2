/**
 * Levenshtein alignment of two sequences, the ground the word and character diffs and the error
 * rates stand on.
 *
 * Memory: a full direction table is kept only for sub-problems of at most BASE_CASE_CELLS cells.
 * Larger inputs are split with Hirschberg's divide and conquer, which keeps two rows of costs per
 * split, so memory stays linear in the input while time stays O(n·m). Common prefixes and suffixes are
 * matched first, which makes the usual case (a correction that changes a few words) nearly linear.
 *
 * Ties between alignments of equal cost are broken the same way every time: a diagonal step (match or
 * substitution) is preferred over a deletion, and a deletion over an insertion. With unit costs a
 * substitution never loses to an insertion plus a deletion, so changed words show up as replacements.
 */

export type AlignOpKind = 'equal' | 'replace' | 'insert' | 'delete';

/** A run of one kind of step; spans are [start, end) element indices into `a` (source) and `b` (target). */
export interface AlignOp {
  kind: AlignOpKind;
  sourceSpan: [number, number];
  targetSpan: [number, number];
}

/** Sub-problems up to this many cells are solved with a full table (1 byte a cell). */
const BASE_CASE_CELLS = 1 << 22;

const DIAGONAL = 0;
const DELETE = 1;
const INSERT = 2;

type Equals<T> = (x: T, y: T) => boolean;

export function alignSequences<T>(a: readonly T[], b: readonly T[], equals?: Equals<T>): AlignOp[] {
  // Interning turns every comparison in the O(n·m) loops into an integer comparison.
  const [codesA, codesB] = equals ? [a, b] : intern(a, b);
  const same: Equals<unknown> = equals ? (equals as Equals<unknown>) : (x, y) => x === y;
  const steps: number[] = [];
  alignRange(codesA as unknown[], codesB as unknown[], same, 0, a.length, 0, b.length, steps);
  return mergeSteps(steps, codesA as unknown[], codesB as unknown[], same);
}

/** Edit distance alone, in linear memory. */
export function editDistance<T>(a: readonly T[], b: readonly T[], equals?: Equals<T>): number {
  const [codesA, codesB] = equals ? [a, b] : intern(a, b);
  const same: Equals<unknown> = equals ? (equals as Equals<unknown>) : (x, y) => x === y;
  const row = forwardRow(codesA as unknown[], codesB as unknown[], same, 0, a.length, 0, b.length);
  return row[b.length] ?? 0;
}

function intern<T>(a: readonly T[], b: readonly T[]): [number[], number[]] {
  const codes = new Map<T, number>();
  const code = (item: T): number => {
    let value = codes.get(item);
    if (value === undefined) {
      value = codes.size;
      codes.set(item, value);
    }
    return value;
  };
  return [a.map(code), b.map(code)];
}

/**
 * Appends the elementary steps aligning a[aStart, aEnd) with b[bStart, bEnd) to `steps`, as
 * DIAGONAL / DELETE / INSERT codes in order.
 */
function alignRange(
  a: unknown[],
  b: unknown[],
  same: Equals<unknown>,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  steps: number[],
): void {
  let prefix = 0;
  while (
    aStart + prefix < aEnd &&
    bStart + prefix < bEnd &&
    same(a[aStart + prefix], b[bStart + prefix])
  ) {
    prefix++;
  }
  let suffix = 0;
  while (
    aEnd - suffix > aStart + prefix &&
    bEnd - suffix > bStart + prefix &&
    same(a[aEnd - suffix - 1], b[bEnd - suffix - 1])
  ) {
    suffix++;
  }
  for (let i = 0; i < prefix; i++) steps.push(DIAGONAL);
  const innerA = [aStart + prefix, aEnd - suffix] as const;
  const innerB = [bStart + prefix, bEnd - suffix] as const;
  const rows = innerA[1] - innerA[0];
  const columns = innerB[1] - innerB[0];

  if (rows === 0) {
    for (let j = 0; j < columns; j++) steps.push(INSERT);
  } else if (columns === 0) {
    for (let i = 0; i < rows; i++) steps.push(DELETE);
  } else if (rows === 1 || (rows + 1) * (columns + 1) <= BASE_CASE_CELLS) {
    alignWithTable(a, b, same, innerA[0], innerA[1], innerB[0], innerB[1], steps);
  } else {
    const aMiddle = innerA[0] + (rows >> 1);
    const costsBefore = forwardRow(a, b, same, innerA[0], aMiddle, innerB[0], innerB[1]);
    const costsAfter = backwardRow(a, b, same, aMiddle, innerA[1], innerB[0], innerB[1]);
    let bestSplit = 0;
    let bestCost = Infinity;
    for (let j = 0; j <= columns; j++) {
      const cost = (costsBefore[j] ?? 0) + (costsAfter[j] ?? 0);
      if (cost < bestCost) {
        bestCost = cost;
        bestSplit = j;
      }
    }
    const bMiddle = innerB[0] + bestSplit;
    alignRange(a, b, same, innerA[0], aMiddle, innerB[0], bMiddle, steps);
    alignRange(a, b, same, aMiddle, innerA[1], bMiddle, innerB[1], steps);
  }
  for (let i = 0; i < suffix; i++) steps.push(DIAGONAL);
}

/** Classic Wagner–Fischer with a one-byte direction table, then a backtrace. */
function alignWithTable(
  a: unknown[],
  b: unknown[],
  same: Equals<unknown>,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  steps: number[],
): void {
  const rows = aEnd - aStart;
  const columns = bEnd - bStart;
  const width = columns + 1;
  const directions = new Uint8Array((rows + 1) * width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j <= columns; j++) {
    previous[j] = j;
    directions[j] = INSERT;
  }
  for (let i = 1; i <= rows; i++) {
    current[0] = i;
    directions[i * width] = DELETE;
    const itemA = a[aStart + i - 1];
    for (let j = 1; j <= columns; j++) {
      const diagonal = previous[j - 1]! + (same(itemA, b[bStart + j - 1]) ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      let cost = diagonal;
      let direction = DIAGONAL;
      if (deletion < cost) {
        cost = deletion;
        direction = DELETE;
      }
      if (insertion < cost) {
        cost = insertion;
        direction = INSERT;
      }
      current[j] = cost;
      directions[i * width + j] = direction;
    }
    [previous, current] = [current, previous];
  }
  const reversed: number[] = [];
  let i = rows;
  let j = columns;
  while (i > 0 || j > 0) {
    const direction = directions[i * width + j]!;
    reversed.push(direction);
    if (direction === DIAGONAL) {
      i--;
      j--;
    } else if (direction === DELETE) {
      i--;
    } else {
      j--;
    }
  }
  for (let k = reversed.length - 1; k >= 0; k--) steps.push(reversed[k]!);
}

/** Costs of aligning a[aStart, aEnd) with every prefix b[bStart, bStart + j). */
function forwardRow(
  a: unknown[],
  b: unknown[],
  same: Equals<unknown>,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): Int32Array {
  const columns = bEnd - bStart;
  let previous = new Int32Array(columns + 1);
  let current = new Int32Array(columns + 1);
  for (let j = 0; j <= columns; j++) previous[j] = j;
  for (let i = 1; i <= aEnd - aStart; i++) {
    current[0] = i;
    const itemA = a[aStart + i - 1];
    for (let j = 1; j <= columns; j++) {
      const diagonal = previous[j - 1]! + (same(itemA, b[bStart + j - 1]) ? 0 : 1);
      current[j] = Math.min(diagonal, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

/** Costs of aligning a[aStart, aEnd) with every suffix b[bStart + j, bEnd), indexed by j. */
function backwardRow(
  a: unknown[],
  b: unknown[],
  same: Equals<unknown>,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): Int32Array {
  const columns = bEnd - bStart;
  let previous = new Int32Array(columns + 1);
  let current = new Int32Array(columns + 1);
  for (let j = 0; j <= columns; j++) previous[j] = columns - j;
  for (let i = aEnd - 1; i >= aStart; i--) {
    current[columns] = aEnd - i;
    const itemA = a[i];
    for (let j = columns - 1; j >= 0; j--) {
      const diagonal = previous[j + 1]! + (same(itemA, b[bStart + j]) ? 0 : 1);
      current[j] = Math.min(diagonal, previous[j]! + 1, current[j + 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

/** Turns elementary steps into runs: a diagonal step is `equal` or `replace` depending on the items. */
function mergeSteps(steps: number[], a: unknown[], b: unknown[], same: Equals<unknown>): AlignOp[] {
  const ops: AlignOp[] = [];
  let i = 0;
  let j = 0;
  for (const step of steps) {
    let kind: AlignOpKind;
    if (step === DIAGONAL) kind = same(a[i], b[j]) ? 'equal' : 'replace';
    else kind = step === DELETE ? 'delete' : 'insert';
    const nextI = step === INSERT ? i : i + 1;
    const nextJ = step === DELETE ? j : j + 1;
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) {
      last.sourceSpan[1] = nextI;
      last.targetSpan[1] = nextJ;
    } else {
      ops.push({ kind, sourceSpan: [i, nextI], targetSpan: [j, nextJ] });
    }
    i = nextI;
    j = nextJ;
  }
  return ops;
}
