import type { NekoDocument, Segment, Word } from '../../src/document/types.js';
import { findSegment } from './segment-index.js';
import type { StudioState } from './studio.js';

export const selectCanUndo = (state: StudioState) => state.past.length > 0;
export const selectCanRedo = (state: StudioState) => state.future.length > 0;
export const selectHasUnsavedChanges = (state: StudioState) =>
  state.document !== null && state.document !== state.savedDocument;

export type ListFilter = 'all' | 'pending' | 'routing-disagrees';

export interface EditPosition {
  segmentId: string;
  editIndex: number;
}

/** Suggestions still to decide; stale ones (the user retyped their words) cannot be applied any more. */
export function pendingEditIndices(segment: Segment): number[] {
  const edits = segment.suggestion?.edits ?? [];
  return edits.flatMap((edit, index) =>
    edit.decision === 'pending' && !edit.stale ? [index] : [],
  );
}

/** The task the segment's input claims: its own label, else the document's. */
export function sourceTask(document: NekoDocument, segment: Segment): string {
  return segment.task ?? document.task;
}

/** The review aid of issue 5: the router sent the segment to another task's expert than its source. */
export function routingDisagrees(document: NekoDocument, segment: Segment): boolean {
  const inferred = segment.suggestion?.routing?.inferredTask;
  return inferred !== undefined && inferred !== sourceTask(document, segment);
}

/**
 * The one cursor: the suggestion that is highlighted, and that A and R act on. It always lies in the
 * selected segment: the suggestion J/K or a click moved to, else the segment's first pending one (so
 * ↑/↓, a click on a row, or suggestions arriving for the selected row all highlight something A can
 * take). Null when the selected segment has nothing to decide.
 */
export function selectCurrentEdit(state: StudioState): EditPosition | null {
  const { document, selectedSegmentId, reviewCursor } = state;
  if (!document || !selectedSegmentId) return null;
  const segment = findSegment(document, selectedSegmentId);
  if (!segment) return null;
  if (
    reviewCursor?.segmentId === selectedSegmentId &&
    segment.suggestion?.edits[reviewCursor.editIndex]
  ) {
    return reviewCursor;
  }
  const first = pendingEditIndices(segment)[0];
  return first === undefined ? null : { segmentId: selectedSegmentId, editIndex: first };
}

const filteredCache = new WeakMap<readonly Segment[], Map<ListFilter, Segment[]>>();

/** Segments the list shows under a filter; cached per segments array so re-renders stay cheap. */
export function filterSegments(document: NekoDocument, filter: ListFilter): Segment[] {
  if (filter === 'all') return document.segments;
  let byFilter = filteredCache.get(document.segments);
  if (!byFilter) filteredCache.set(document.segments, (byFilter = new Map()));
  let result = byFilter.get(filter);
  if (!result) {
    result = document.segments.filter((segment) =>
      filter === 'pending'
        ? pendingEditIndices(segment).length > 0
        : routingDisagrees(document, segment),
    );
    byFilter.set(filter, result);
  }
  return result;
}

/**
 * The next (direction 1) or previous (-1) pending suggestion after `from` in document order, or null.
 * Starting without a position starts before the first segment (or after the last going backwards).
 */
export function neighbouringPendingEdit(
  document: NekoDocument,
  from: EditPosition | null,
  direction: 1 | -1,
): EditPosition | null {
  const segments = document.segments;
  let segmentPosition = from
    ? segments.findIndex((segment) => segment.id === from.segmentId)
    : direction === 1
      ? -1
      : segments.length;
  if (from && segmentPosition >= 0) {
    const segment = segments[segmentPosition]!;
    const sameSegment = pendingEditIndices(segment).filter((index) =>
      direction === 1 ? index > from.editIndex : index < from.editIndex,
    );
    const nearest = direction === 1 ? sameSegment[0] : sameSegment.at(-1);
    if (nearest !== undefined) return { segmentId: segment.id, editIndex: nearest };
  }
  for (
    segmentPosition += direction;
    segmentPosition >= 0 && segmentPosition < segments.length;
    segmentPosition += direction
  ) {
    const segment = segments[segmentPosition]!;
    const pending = pendingEditIndices(segment);
    const nearest = direction === 1 ? pending[0] : pending.at(-1);
    if (nearest !== undefined) return { segmentId: segment.id, editIndex: nearest };
  }
  return null;
}

/**
 * The segment playing at `time`. Segments of a transcript are in time order, so a binary search finds
 * the last one starting at or before `time`; it counts only if it has not ended yet.
 */
export function segmentAtTime(document: NekoDocument, time: number): Segment | undefined {
  const segments = document.segments;
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = segments[middle]!.start;
    if (start !== undefined && start <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const segment = segments[found];
  if (!segment) return undefined;
  return segment.end === undefined || time < segment.end ? segment : undefined;
}

export function wordAtTime(words: readonly Word[] | undefined, time: number): number {
  if (!words) return -1;
  return words.findIndex(
    (word) =>
      word.start !== undefined && word.end !== undefined && word.start <= time && time < word.end,
  );
}

export interface ExpertUsage {
  experts: string[];
  /** Share of all routed tokens per expert, summing to 1. */
  mass: number[];
  /** How many segments the router attributed to each task. */
  inferredTasks: Map<string, number>;
  routedSegments: number;
}

const usageCache = new WeakMap<readonly Segment[], ExpertUsage | null>();

/** Document summary of expert use: each segment's routing mass weighted by its token count. */
export function expertUsage(document: NekoDocument): ExpertUsage | null {
  if (!usageCache.has(document.segments)) {
    usageCache.set(document.segments, computeExpertUsage(document));
  }
  return usageCache.get(document.segments)!;
}

function computeExpertUsage(document: NekoDocument): ExpertUsage | null {
  let experts: string[] | null = null;
  let mass: number[] = [];
  let totalTokens = 0;
  const inferredTasks = new Map<string, number>();
  let routedSegments = 0;
  for (const segment of document.segments) {
    const routing = segment.suggestion?.routing;
    if (!routing) continue;
    if (!experts) {
      experts = routing.experts;
      mass = experts.map(() => 0);
    }
    const tokens = Math.max(1, routing.encoder.tokens.length + routing.decoder.tokens.length);
    routing.expertMass.forEach((share, expert) => {
      if (expert < mass.length) mass[expert]! += share * tokens;
    });
    totalTokens += tokens;
    routedSegments += 1;
    inferredTasks.set(routing.inferredTask, (inferredTasks.get(routing.inferredTask) ?? 0) + 1);
  }
  if (!experts) return null;
  return { experts, mass: mass.map((value) => value / totalTokens), inferredTasks, routedSegments };
}
