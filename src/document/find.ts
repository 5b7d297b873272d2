/**
 * Operations that look across a whole document: find and replace in the current text, and "fix
 * everywhere", which offers a fix accepted in one place wherever the same recognizer error occurs.
 */
import { tokenizeWords, type Token } from '../align/tokens.js';
import {
  applyChange,
  decideEdit,
  derivedText,
  editSegmentText,
  refreshStaleness,
  relocateWords,
  type TextLocation,
} from './operations.js';
import type { NekoDocument, Segment } from './types.js';

export interface FindOptions {
  /** Match only where the query is not part of a longer word (letters, digits, underscore). */
  wholeWord?: boolean;
  /** Off by default: "Paris" also finds "paris". */
  caseSensitive?: boolean;
}

export interface FindMatch {
  segmentId: string;
  /** [start, end) offsets in the segment's current text. */
  start: number;
  end: number;
}

/** Every occurrence of `query` in the current texts, in document order. An empty query finds nothing. */
export function findInDocument(
  document: NekoDocument,
  query: string,
  options: FindOptions = {},
): FindMatch[] {
  if (query === '') return [];
  const pattern = searchPattern(query, options);
  return document.segments.flatMap((segment) =>
    [...segment.text.matchAll(pattern)].map((match) => ({
      segmentId: segment.id,
      start: match.index,
      end: match.index + match[0].length,
    })),
  );
}

/**
 * Replaces every occurrence of `query` with `replacement` (taken literally, `$` included). Each changed
 * segment goes through `editSegmentText`, so the new words are the user's and pending edits are
 * re-checked. Returns the new document and the number of replacements.
 */
export function replaceInDocument(
  document: NekoDocument,
  query: string,
  replacement: string,
  options: FindOptions = {},
): { document: NekoDocument; count: number } {
  if (query === '') return { document, count: 0 };
  const pattern = searchPattern(query, options);
  let count = 0;
  const segments = document.segments.map((segment) => {
    const text = segment.text.replace(pattern, () => {
      count++;
      return replacement;
    });
    return editSegmentText(segment, text);
  });
  return { document: count === 0 ? document : { ...document, segments }, count };
}

function searchPattern(
  query: string,
  { wholeWord = false, caseSensitive = false }: FindOptions,
): RegExp {
  const escaped = query.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  const body = wholeWord ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
  return new RegExp(body, caseSensitive ? 'gu' : 'giu');
}

export interface FixOptions {
  /**
   * Words on each side of the error that must match too (default 0: the same error as whole words
   * anywhere). An insertion always needs at least one, or it would match everywhere.
   */
  contextWords?: number;
}

export interface FixCandidate {
  segmentId: string;
  /** The segment's own pending suggestion edit making the same fix, which accepting the candidate accepts. */
  editIndex?: number;
  /** Words [first, last) of the segment's source holding the error (empty for an insertion). */
  sourceWords: [number, number];
  before: string;
  after: string;
  /** Where the fix goes in the segment's current text. */
  location: TextLocation;
}

/**
 * Other places where the source has the same error as edit `editIndex` of segment `segmentId`: the
 * same `before` words (with the requested context) in some segment's source, not yet changed there by an
 * accepted edit or by the user. Places whose own suggestion already rejected that fix are left out.
 */
export function findSameFix(
  document: NekoDocument,
  segmentId: string,
  editIndex: number,
  options: FixOptions = {},
): FixCandidate[] {
  const origin = document.segments.find((segment) => segment.id === segmentId);
  const edit = origin?.suggestion?.edits[editIndex];
  if (!origin || !edit) return [];
  const originWords = words(origin.source);
  const errorStart = originWords.filter((word) => word.start < edit.sourceSpan[0]).length;
  const errorWords = words(edit.before).map((word) => word.text);
  const context = Math.max(options.contextWords ?? 0, errorWords.length === 0 ? 1 : 0);
  const leftContext = originWords
    .slice(Math.max(0, errorStart - context), errorStart)
    .map((word) => word.text);
  const rightStart = errorStart + errorWords.length;
  const rightContext = originWords.slice(rightStart, rightStart + context).map((word) => word.text);
  const pattern = [...leftContext, ...errorWords, ...rightContext];

  const candidates: FixCandidate[] = [];
  for (const segment of document.segments) {
    const sourceWords = words(segment.source).map((word) => word.text);
    for (let position = 0; position + pattern.length <= sourceWords.length; position++) {
      if (!pattern.every((word, offset) => sourceWords[position + offset] === word)) continue;
      const first = position + leftContext.length;
      const range: [number, number] = [first, first + errorWords.length];
      if (segment === origin && range[0] === errorStart) continue;
      const matched: [number, number] = [position, position + pattern.length];
      const candidate = candidateAt(segment, matched, range, edit.before, edit.after);
      if (candidate) candidates.push(candidate);
    }
  }
  return candidates;
}

/**
 * The candidate for the error at source words `range` of `segment`, found with its context at
 * `matched`; undefined when an accepted edit changed any of the matched words or the user's typing
 * changed the error words.
 */
function candidateAt(
  segment: Segment,
  matched: [number, number],
  range: [number, number],
  before: string,
  after: string,
): FixCandidate | undefined {
  const sourceWords = words(segment.source);
  let shift = 0;
  for (const [index, edit] of (segment.suggestion?.edits ?? []).entries()) {
    const first = sourceWords.filter((word) => word.start < edit.sourceSpan[0]).length;
    const last = first + words(edit.before).length;
    if (first === range[0] && last === range[1] && edit.before === before && edit.after === after) {
      if (edit.decision !== 'pending' || edit.stale) return undefined;
      const location = relocateWords(derivedText(segment), segment.text, [
        first + shift,
        last + shift,
      ]);
      return (
        location && {
          segmentId: segment.id,
          editIndex: index,
          sourceWords: range,
          before,
          after,
          location,
        }
      );
    }
    if (edit.decision !== 'accepted') continue;
    const endsBefore = first === last ? first <= matched[0] : last <= matched[0];
    if (endsBefore) shift += words(edit.after).length - (last - first);
    else if (first < matched[1]) return undefined;
  }
  const location = relocateWords(derivedText(segment), segment.text, [
    range[0] + shift,
    range[1] + shift,
  ]);
  return location && { segmentId: segment.id, sourceWords: range, before, after, location };
}

/**
 * Applies the chosen candidates: a candidate that matches the segment's own suggestion accepts that
 * edit (the words are the corrector's); any other writes the fix into the text as the user's choice,
 * since the corrector did not propose it there.
 */
export function applyFixes(
  document: NekoDocument,
  candidates: readonly FixCandidate[],
): NekoDocument {
  const bySegment = new Map<string, FixCandidate[]>();
  for (const candidate of candidates) {
    bySegment.set(candidate.segmentId, [...(bySegment.get(candidate.segmentId) ?? []), candidate]);
  }
  let changed = false;
  const segments = document.segments.map((segment) => {
    const chosen = bySegment.get(segment.id);
    if (!chosen) return segment;
    // From the end of the text backwards, so that each location found earlier still holds.
    const ordered = [...chosen].sort((x, y) => y.location.words[0] - x.location.words[0]);
    const next = ordered.reduce(
      (current, candidate) =>
        candidate.editIndex !== undefined
          ? decideEdit(current, candidate.editIndex, 'accepted')
          : refreshStaleness(applyChange(current, candidate.location, candidate.after, 'user')),
      segment,
    );
    changed ||= next !== segment;
    return next;
  });
  return changed ? { ...document, segments } : document;
}

function words(text: string): Token[] {
  return tokenizeWords(text);
}
