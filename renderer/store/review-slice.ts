import {
  applyFixes,
  findSameFix,
  replaceInDocument,
  type FindMatch,
  type FindOptions,
  type FixCandidate,
} from '../../src/document/find.js';
import {
  acceptAboveThreshold,
  acceptEdit,
  decideAllEdits,
  rejectEdit,
} from '../../src/document/operations.js';
import type { Segment } from '../../src/document/types.js';
import type { EditCategory } from '../../src/document/bulk-review.js';
import { findSegment, withSegment } from './segment-index.js';
import {
  neighbouringPendingEdit,
  selectCurrentEdit,
  type EditPosition,
  type ListFilter,
} from './selectors.js';
import type { SliceCreator, StudioState } from './studio.js';

export type RoutingSideName = 'encoder' | 'decoder';

/** A token of the selected segment's routing record, highlighted in both the heatmap and the text. */
export interface TokenFocus {
  side: RoutingSideName;
  tokenIndex: number;
}

/** After a fix is accepted: the same source error elsewhere, which one click fixes too. */
export interface FixEverywhereOffer {
  before: string;
  after: string;
  candidates: FixCandidate[];
}

export interface ReviewSlice {
  /**
   * The suggestion J/K or a click moved to. Only meaningful inside the selected segment: what is
   * highlighted (and what A/R act on) is selectCurrentEdit, which falls back to the segment's first
   * pending suggestion.
   */
  reviewCursor: EditPosition | null;
  listFilter: ListFilter;
  routingSide: RoutingSideName;
  focusedToken: TokenFocus | null;
  fixEverywhereOffer: FixEverywhereOffer | null;
  /** The segment whose N-best alternatives are shown. */
  alternativesSegmentId: string | null;
  /**
   * Whether rows with suggestions show their result (the text editor) too; otherwise only the
   * selected row does, so that a row shows the diff once and the list fits twice the rows.
   */
  showResults: boolean;
  setShowResults(shown: boolean): void;
  /** Find's matches in the current texts and which one is current, for the rows to mark. */
  findMatches: FindMatch[];
  currentFindMatch: number;
  showFindMatches(matches: FindMatch[], current: number): void;

  toggleAlternatives(segmentId: string): void;
  setListFilter(filter: ListFilter): void;
  setRoutingSide(side: RoutingSideName): void;
  focusToken(token: TokenFocus | null): void;
  moveToSuggestion(position: EditPosition): void;
  /** Moves the cursor to the next (1) or previous (-1) pending suggestion; false when there is none. */
  moveToNeighbouringSuggestion(direction: 1 | -1): boolean;

  acceptSuggestion(segmentId: string, editIndex: number): void;
  rejectSuggestion(segmentId: string, editIndex: number): void;
  acceptAllInSegment(segmentId: string): void;
  rejectAllInSegment(segmentId: string): void;
  /**
   * Accepts every pending suggestion at or above `threshold` (of one category, when given) that bulk
   * review may take, as one undo step; returns how many.
   */
  acceptAllAbove(threshold: number, category?: EditCategory): number;
  /**
   * Keyboard review: decide the highlighted suggestion. The highlight stays on it, so that J then
   * moves to the very next pending one (moving on by itself made J, A, J skip one).
   */
  acceptCurrentSuggestion(): void;
  rejectCurrentSuggestion(): void;
  /** Applies the offered fix at every candidate place, as one undo step. */
  fixEverywhere(): void;
  dismissFixEverywhere(): void;
  /** Replaces every match of `query` in the current texts as one undo step; returns how many. */
  replaceAll(query: string, replacement: string, options?: FindOptions): number;
}

/** Applies a decision to one segment as one undo step; a decision that changes nothing records nothing. */
function decide(
  get: () => StudioState,
  segmentId: string,
  label: string,
  change: (segment: Segment) => Segment,
): void {
  const { document, commitDocument } = get();
  const segment = document && findSegment(document, segmentId);
  if (!document || !segment) return;
  const next = change(segment);
  if (next !== segment) commitDocument(label, withSegment(document, next));
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => ({
  reviewCursor: null,
  listFilter: 'all',
  routingSide: 'encoder',
  focusedToken: null,
  fixEverywhereOffer: null,
  alternativesSegmentId: null,
  showResults: false,
  findMatches: [],
  currentFindMatch: -1,

  showFindMatches(matches, current) {
    set({ findMatches: matches, currentFindMatch: current });
  },

  setShowResults(shown) {
    set({ showResults: shown });
  },

  toggleAlternatives(segmentId) {
    set({ alternativesSegmentId: get().alternativesSegmentId === segmentId ? null : segmentId });
  },

  setListFilter(filter) {
    set({ listFilter: filter });
  },

  setRoutingSide(side) {
    set({ routingSide: side, focusedToken: null });
  },

  focusToken(token) {
    set({ focusedToken: token });
  },

  moveToSuggestion(position) {
    set({ reviewCursor: position, selectedSegmentId: position.segmentId, focusedToken: null });
  },

  moveToNeighbouringSuggestion(direction) {
    const { document, selectedSegmentId } = get();
    if (!document) return false;
    // From what is highlighted; with nothing highlighted, from the selected segment's edge, so that
    // "next" means "next from here".
    const from =
      selectCurrentEdit(get()) ??
      (selectedSegmentId
        ? { segmentId: selectedSegmentId, editIndex: direction === 1 ? -1 : Infinity }
        : null);
    const next = neighbouringPendingEdit(document, from, direction);
    if (!next) return false;
    get().moveToSuggestion(next);
    return true;
  },

  acceptSuggestion(segmentId, editIndex) {
    decide(get, segmentId, 'Accept suggestion', (segment) => acceptEdit(segment, editIndex));
    const { document } = get();
    const edit = document && findSegment(document, segmentId)?.suggestion?.edits[editIndex];
    if (!document || edit?.decision !== 'accepted') return;
    const candidates = findSameFix(document, segmentId, editIndex);
    set({
      fixEverywhereOffer:
        candidates.length > 0 ? { before: edit.before, after: edit.after, candidates } : null,
    });
  },

  rejectSuggestion(segmentId, editIndex) {
    decide(get, segmentId, 'Reject suggestion', (segment) => rejectEdit(segment, editIndex));
  },

  acceptAllInSegment(segmentId) {
    decide(get, segmentId, 'Accept all in segment', (segment) =>
      decideAllEdits(segment, 'accepted'),
    );
  },

  rejectAllInSegment(segmentId) {
    decide(get, segmentId, 'Reject all in segment', (segment) =>
      decideAllEdits(segment, 'rejected'),
    );
  },

  acceptAllAbove(threshold, category) {
    const { document, commitDocument } = get();
    if (!document) return 0;
    const { document: next, accepted } = acceptAboveThreshold(document, threshold, category);
    if (accepted > 0) {
      commitDocument(`Accept ${accepted} suggestion${accepted === 1 ? '' : 's'}`, next);
    }
    return accepted;
  },

  fixEverywhere() {
    const { document, fixEverywhereOffer: offer, commitDocument } = get();
    set({ fixEverywhereOffer: null });
    if (!document || !offer) return;
    const count = offer.candidates.length;
    commitDocument(
      `Fix “${offer.before}” → “${offer.after}” in ${count} place${count === 1 ? '' : 's'}`,
      applyFixes(document, offer.candidates),
    );
  },

  dismissFixEverywhere() {
    set({ fixEverywhereOffer: null });
  },

  replaceAll(query, replacement, options) {
    const { document, commitDocument } = get();
    if (!document) return 0;
    const { document: next, count } = replaceInDocument(document, query, replacement, options);
    if (count > 0) commitDocument(`Replace ${count} × “${query}”`, next);
    return count;
  },

  acceptCurrentSuggestion() {
    const current = selectCurrentEdit(get());
    if (!current) return;
    set({ reviewCursor: current });
    get().acceptSuggestion(current.segmentId, current.editIndex);
  },

  rejectCurrentSuggestion() {
    const current = selectCurrentEdit(get());
    if (!current) return;
    set({ reviewCursor: current });
    get().rejectSuggestion(current.segmentId, current.editIndex);
  },
});
