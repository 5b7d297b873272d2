import type { SuggestionEdit } from '../../src/document/types.js';

export interface WordPiece {
  text: string;
  start: number;
  end: number;
  /** Index among the words (not counting white space); -1 for white space. */
  wordIndex: number;
}

/** Splits text into words and the white space between them, keeping character offsets. */
export function splitWords(text: string): WordPiece[] {
  const pieces: WordPiece[] = [];
  let wordIndex = 0;
  for (const match of text.matchAll(/\s+|\S+/g)) {
    const isSpace = /^\s/.test(match[0]);
    pieces.push({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      wordIndex: isSpace ? -1 : wordIndex++,
    });
  }
  return pieces;
}

/** The edits whose span (in source or target text) overlaps [start, end). */
export function overlappingEdits(
  edits: readonly SuggestionEdit[],
  side: 'sourceSpan' | 'targetSpan',
  start: number,
  end: number,
): number[] {
  return edits.flatMap((edit, index) => {
    const [editStart, editEnd] = edit[side];
    return editStart < end && start < editEnd ? [index] : [];
  });
}

export interface TextRun {
  text: string;
  /** The edit this run shows, or -1 for unchanged text. */
  editIndex: number;
}

/**
 * Cuts the suggestion's text into unchanged runs and one run per edit (by target span), so each edit
 * can be shown and decided on its own. Deletions have an empty target span and become empty runs at
 * their place; the view shows the deleted words there.
 */
export function suggestionRuns(text: string, edits: readonly SuggestionEdit[]): TextRun[] {
  const order = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.targetSpan[0] - b.edit.targetSpan[0] || a.index - b.index);
  const runs: TextRun[] = [];
  let position = 0;
  for (const { edit, index } of order) {
    const [start, end] = edit.targetSpan;
    if (start < position) continue; // overlapping spans would repeat text; the first one wins
    if (start > position) runs.push({ text: text.slice(position, start), editIndex: -1 });
    runs.push({ text: text.slice(start, end), editIndex: index });
    position = end;
  }
  if (position < text.length) runs.push({ text: text.slice(position), editIndex: -1 });
  return runs;
}
