import { neighbouringPendingEdit, type EditPosition, type ListFilter } from './selectors.js';
import type { SliceCreator } from './studio.js';

export type RoutingSideName = 'encoder' | 'decoder';

/** A token of the selected segment's routing record, highlighted in both the heatmap and the text. */
export interface TokenFocus {
  side: RoutingSideName;
  tokenIndex: number;
}

export interface ReviewSlice {
  /** The suggestion the keyboard acts on. */
  reviewCursor: EditPosition | null;
  listFilter: ListFilter;
  routingSide: RoutingSideName;
  focusedToken: TokenFocus | null;

  setListFilter(filter: ListFilter): void;
  setRoutingSide(side: RoutingSideName): void;
  focusToken(token: TokenFocus | null): void;
  moveToSuggestion(position: EditPosition): void;
  /** Moves the cursor to the next (1) or previous (-1) pending suggestion; false when there is none. */
  moveToNeighbouringSuggestion(direction: 1 | -1): boolean;
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => ({
  reviewCursor: null,
  listFilter: 'all',
  routingSide: 'encoder',
  focusedToken: null,

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
    const { document, reviewCursor, selectedSegmentId } = get();
    if (!document) return false;
    // Without a cursor, start from the selected segment so "next" means "next from here".
    const from =
      reviewCursor ??
      (selectedSegmentId
        ? { segmentId: selectedSegmentId, editIndex: direction === 1 ? -1 : Infinity }
        : null);
    const next = neighbouringPendingEdit(document, from, direction);
    if (!next) return false;
    get().moveToSuggestion(next);
    return true;
  },
});
