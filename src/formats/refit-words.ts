/**
 * Fits a segment's recognizer words to its edited text, so that exports with word-level data (Whisper
 * words, hOCR/ALTO words) stay valid after a correction.
 *
 * The old and new words are aligned (Levenshtein over whole words). Unchanged words keep their time or
 * box and confidence. A word that replaces one word takes its place; words that replace a different
 * number of words share the extent those covered; inserted
 * words share the gap where they go; each in proportion to its length, since longer words take longer
 * to say and more room on the page. Changed words get no confidence: nobody measured one.
 */
import { alignSequences, type AlignOp } from '../align/sequence.js';
import type { BBox, Word } from '../document/types.js';
import { words as splitWords } from './common.js';

/** A span on one axis: time in seconds, or x in pixels. */
interface Extent {
  start: number;
  end: number;
}

interface FittedWord {
  text: string;
  /** Index of the old word this one is unchanged from. */
  keptFrom?: number;
  extent: Extent;
}

/** Words of `text` with times inside [start, end]. */
export function refitTimedWords(
  oldWords: Word[],
  text: string,
  start: number,
  end: number,
): Word[] {
  const extents = oldWords.map((word) =>
    word.start !== undefined && word.end !== undefined
      ? { start: word.start, end: word.end }
      : undefined,
  );
  return fit(oldWords, splitWords(text), extents, { start, end }).map((fitted) =>
    fitted.keptFrom !== undefined
      ? { ...oldWords[fitted.keptFrom], text: fitted.text }
      : {
          text: fitted.text,
          start: round(fitted.extent.start, 1000),
          end: round(fitted.extent.end, 1000),
        },
  );
}

/** Words of `text` with boxes inside the line's box, laid out left to right. */
export function refitBoxedWords(oldWords: Word[], text: string, line: BBox): Word[] {
  const extents = oldWords.map((word) =>
    word.bbox ? { start: word.bbox.x0, end: word.bbox.x1 } : undefined,
  );
  return fit(oldWords, splitWords(text), extents, { start: line.x0, end: line.x1 }).map(
    (fitted) => {
      if (fitted.keptFrom !== undefined) return { ...oldWords[fitted.keptFrom], text: fitted.text };
      const neighbour = nearestBox(oldWords, fitted.extent) ?? line;
      const x0 = Math.round(fitted.extent.start);
      const x1 = Math.max(x0, Math.round(fitted.extent.end));
      return { text: fitted.text, bbox: { x0, y0: neighbour.y0, x1, y1: neighbour.y1 } };
    },
  );
}

function fit(
  oldWords: Word[],
  newTexts: string[],
  extents: (Extent | undefined)[],
  whole: Extent,
): FittedWord[] {
  if (extents.some((extent) => extent === undefined)) {
    return spread(newTexts, whole).map((extent, index) => ({
      text: newTexts[index] ?? '',
      extent,
    }));
  }
  const known = extents as Extent[];
  const fitted: FittedWord[] = [];
  for (const { kind, sourceSpan, targetSpan } of changeBlocks(oldWords, newTexts)) {
    const [sourceStart, sourceEnd] = sourceSpan;
    const targets = newTexts.slice(targetSpan[0], targetSpan[1]);
    if (kind === 'equal') {
      targets.forEach((text, offset) => {
        const keptFrom = sourceStart + offset;
        fitted.push({ text, keptFrom, extent: known[keptFrom] as Extent });
      });
    } else if (targets.length === sourceEnd - sourceStart) {
      // Word for word: each new word takes the place of the one it replaces.
      targets.forEach((text, offset) =>
        fitted.push({ text, extent: known[sourceStart + offset] as Extent }),
      );
    } else if (targets.length) {
      const room =
        sourceEnd > sourceStart
          ? {
              start: (known[sourceStart] as Extent).start,
              end: (known[sourceEnd - 1] as Extent).end,
            }
          : gapBefore(known, sourceStart, whole);
      spread(targets, room).forEach((extent, offset) =>
        fitted.push({ text: targets[offset] ?? '', extent }),
      );
    }
  }
  return fitted;
}

/**
 * The alignment with neighbouring replace/insert/delete runs merged into one change, so that
 * "Thanks," → "Many thanks," is one change over the old word's time rather than an insertion into
 * the zero-width gap before it.
 */
function changeBlocks(oldWords: Word[], newTexts: string[]): AlignOp[] {
  const blocks: AlignOp[] = [];
  const ops = alignSequences(
    oldWords.map((word) => word.text),
    newTexts,
  );
  for (const op of ops) {
    const last = blocks[blocks.length - 1];
    if (op.kind !== 'equal' && last && last.kind !== 'equal') {
      last.kind = 'replace';
      last.sourceSpan = [last.sourceSpan[0], op.sourceSpan[1]];
      last.targetSpan = [last.targetSpan[0], op.targetSpan[1]];
    } else {
      blocks.push({ ...op, sourceSpan: [...op.sourceSpan], targetSpan: [...op.targetSpan] });
    }
  }
  return blocks;
}

/** The room between the old word before `index` and the old word at `index`. */
function gapBefore(extents: Extent[], index: number, whole: Extent): Extent {
  const start = index > 0 ? (extents[index - 1] as Extent).end : whole.start;
  const end = index < extents.length ? (extents[index] as Extent).start : whole.end;
  return end >= start ? { start, end } : { start, end: start };
}

/** Splits `room` among `texts` in proportion to their lengths (plus one for the space after each). */
function spread(texts: string[], room: Extent): Extent[] {
  const weights = texts.map((text) => text.length + 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const span = Math.max(0, room.end - room.start);
  let cursor = room.start;
  return weights.map((weight) => {
    const start = cursor;
    cursor += total ? (span * weight) / total : 0;
    return { start, end: cursor };
  });
}

function nearestBox(oldWords: Word[], extent: Extent): BBox | undefined {
  let best: BBox | undefined;
  let bestDistance = Infinity;
  for (const word of oldWords) {
    if (!word.bbox) continue;
    const distance = Math.abs((word.bbox.x0 + word.bbox.x1) / 2 - (extent.start + extent.end) / 2);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = word.bbox;
    }
  }
  return best;
}

function round(value: number, steps: number): number {
  return Math.round(value * steps) / steps;
}
