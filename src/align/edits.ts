import { normalizeForMetrics } from './metrics.js';
import { alignSequences, editDistance, type AlignOp } from './sequence.js';
import { tokenizeCharacters, tokenizeWords, type Token } from './tokens.js';

/**
 * One change between a source and a target text, with [start, end) character offsets into both.
 * Word edits cover whole words only, never the whitespace around them: `applyTextEdits` supplies the
 * spacing, so that any subset of the edits can be applied and still reads well.
 */
export interface TextEdit {
  kind: 'replace' | 'insert' | 'delete';
  /** Empty (start === end) for an insertion: the place in the source where `after` goes. */
  sourceSpan: [number, number];
  /** Empty for a deletion: the place in the target where `before` was. */
  targetSpan: [number, number];
  before: string;
  after: string;
}

/**
 * Word-level edits turning `source` into `target`. Words compare exactly (case and punctuation count).
 * Adjacent changed words form one edit — "i want" → "we wanted" is a single replacement — because a
 * reviewer accepts or rejects a change as a whole, not half of it.
 */
export function wordEdits(source: string, target: string): TextEdit[] {
  const sourceWords = tokenizeWords(source);
  const targetWords = tokenizeWords(target);
  const ops = alignSequences(
    sourceWords.map((word) => word.text),
    targetWords.map((word) => word.text),
  );
  return changeRuns(ops).map(([first, last]) =>
    editFromRun(
      source,
      target,
      sourceWords,
      targetWords,
      first.sourceSpan[0],
      last.sourceSpan[1],
      first.targetSpan[0],
      last.targetSpan[1],
    ),
  );
}

/** Character-level edits (code points, whitespace included); spans are UTF-16 offsets. */
export function characterEdits(source: string, target: string): TextEdit[] {
  const sourceCharacters = tokenizeCharacters(source);
  const targetCharacters = tokenizeCharacters(target);
  const ops = alignSequences(
    sourceCharacters.map((character) => character.text),
    targetCharacters.map((character) => character.text),
  );
  return ops
    .filter((op) => op.kind !== 'equal')
    .map((op) => {
      const sourceSpan = tokenSpan(sourceCharacters, op.sourceSpan, source.length);
      const targetSpan = tokenSpan(targetCharacters, op.targetSpan, target.length);
      return {
        kind: op.kind as TextEdit['kind'],
        sourceSpan,
        targetSpan,
        before: source.slice(...sourceSpan),
        after: target.slice(...targetSpan),
      };
    });
}

/**
 * Applies word edits (any subset of those `wordEdits` returned, or edits relocated onto another text)
 * to `text`. Whitespace outside the edits is kept as it is, so line breaks inside a segment survive.
 * An insertion is joined to its neighbours with one space; a deletion takes one adjacent run of
 * whitespace with it (the following one, or the preceding one at the end of the text).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort(
    (x, y) => x.sourceSpan[0] - y.sourceSpan[0] || x.sourceSpan[1] - y.sourceSpan[1],
  );
  let result = '';
  let cursor = 0;
  for (const edit of ordered) {
    const [start, end] = edit.sourceSpan;
    if (start < cursor) throw new RangeError(`overlapping edits at offset ${start}`);
    if (edit.kind === 'insert') {
      const beforeWord = /\S/u.test(text.charAt(start));
      const afterWord = start > 0 && /\S/u.test(text.charAt(start - 1));
      result += text.slice(cursor, start);
      if (beforeWord) result += `${edit.after} `;
      else if (afterWord) result += ` ${edit.after}`;
      else result += edit.after;
      cursor = start;
    } else if (edit.kind === 'delete') {
      const followingSpace = /^\s+(?=\S)/u.exec(text.slice(end));
      if (followingSpace) {
        result += text.slice(cursor, start);
        cursor = end + followingSpace[0].length;
      } else {
        const precedingSpace = /\s+$/u.exec(text.slice(cursor, start));
        result += text.slice(cursor, start - (precedingSpace ? precedingSpace[0].length : 0));
        cursor = end;
      }
    } else {
      result += text.slice(cursor, start) + edit.after;
      cursor = end;
    }
  }
  return result + text.slice(cursor);
}

/** Groups consecutive non-equal ops into runs, as [first op, last op] pairs. */
function changeRuns(ops: AlignOp[]): [AlignOp, AlignOp][] {
  const runs: [AlignOp, AlignOp][] = [];
  let open: [AlignOp, AlignOp] | undefined;
  for (const op of ops) {
    if (op.kind === 'equal') {
      open = undefined;
    } else if (open) {
      open[1] = op;
    } else {
      open = [op, op];
      runs.push(open);
    }
  }
  return runs;
}

function editFromRun(
  source: string,
  target: string,
  sourceWords: Token[],
  targetWords: Token[],
  sourceFirst: number,
  sourceLast: number,
  targetFirst: number,
  targetLast: number,
): TextEdit {
  const sourceSpan = wordSpan(sourceWords, sourceFirst, sourceLast);
  const targetSpan = wordSpan(targetWords, targetFirst, targetLast);
  const kind =
    sourceFirst === sourceLast ? 'insert' : targetFirst === targetLast ? 'delete' : 'replace';
  return {
    kind,
    sourceSpan,
    targetSpan,
    before: source.slice(...sourceSpan),
    after: target.slice(...targetSpan),
  };
}

/**
 * Character span of words [first, last). An empty range sits at the start of the next word, or right
 * after the last word when there is none (so an insertion at the end follows the text, not its
 * trailing whitespace).
 */
export function wordSpan(words: readonly Token[], first: number, last: number): [number, number] {
  if (first < last) return [words[first]!.start, words[last - 1]!.end];
  const next = words[first];
  if (next) return [next.start, next.start];
  const previous = words[first - 1];
  return previous ? [previous.end, previous.end] : [0, 0];
}

function tokenSpan(
  tokens: readonly Token[],
  [first, last]: [number, number],
  length: number,
): [number, number] {
  const start = tokens[first]?.start ?? length;
  const end = first < last ? tokens[last - 1]!.end : start;
  return [start, end];
}

/** Whether two [start, end) spans share a character, or an empty one (an insertion) touches the other. */
export function spansOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  if (a[0] === a[1]) return b[0] <= a[0] && a[0] <= b[1];
  if (b[0] === b[1]) return a[0] <= b[0] && b[0] <= a[1];
  return a[0] < b[1] && b[0] < a[1];
}

/**
 * 1 − character edit distance / the longer length, on normalized letters without spaces: how much of
 * a word a replacement keeps (a recognizer's confusion, a respelling) rather than replaces.
 */
export function letterSimilarity(before: string, after: string): number {
  const a = [...normalizeForMetrics(before).replace(/ /g, '')];
  const b = [...normalizeForMetrics(after).replace(/ /g, '')];
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Whether two edits make the same change: the same source span and the same replacement. */
export function sameChange(
  a: { sourceSpan: readonly [number, number]; after: string },
  b: { sourceSpan: readonly [number, number]; after: string },
): boolean {
  return (
    a.sourceSpan[0] === b.sourceSpan[0] &&
    a.sourceSpan[1] === b.sourceSpan[1] &&
    a.after === b.after
  );
}
