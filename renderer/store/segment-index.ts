import type { NekoDocument, Segment } from '../../src/document/types.js';

/**
 * Segment lookups by id happen on every keystroke-level action; a 10,000-segment document makes a
 * linear scan noticeable, so each segments array gets one id → index map, built on first use. Arrays
 * are never mutated (every change copies them), so the cache stays valid for as long as it is reachable.
 */
const indexBySegments = new WeakMap<readonly Segment[], Map<string, number>>();

export function segmentIndex(document: NekoDocument, segmentId: string): number {
  let index = indexBySegments.get(document.segments);
  if (!index) {
    index = new Map(document.segments.map((segment, position) => [segment.id, position]));
    indexBySegments.set(document.segments, index);
  }
  return index.get(segmentId) ?? -1;
}

export function findSegment(document: NekoDocument, segmentId: string): Segment | undefined {
  const position = segmentIndex(document, segmentId);
  return position < 0 ? undefined : document.segments[position];
}

/** A copy of the document with one segment replaced, sharing every other segment object. */
export function withSegment(document: NekoDocument, segment: Segment): NekoDocument {
  const position = segmentIndex(document, segment.id);
  if (position < 0) throw new Error(`No segment with id "${segment.id}"`);
  const segments = document.segments.slice();
  segments[position] = segment;
  // The id → index map is unchanged by a replacement, so the new array can share it.
  const index = indexBySegments.get(document.segments);
  if (index) indexBySegments.set(segments, index);
  return { ...document, segments };
}
