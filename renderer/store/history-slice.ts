import type { NekoDocument } from '../../src/document/types.js';
import type { SliceCreator } from './studio.js';

/** Enough for a long review session; each entry shares all unchanged segments with its neighbours. */
export const HISTORY_LIMIT = 300;

export interface HistoryEntry {
  /** What the change did, for the undo/redo tooltips ("Accept 12 suggestions"). */
  label: string;
  /** The document on the other side of the change. */
  document: NekoDocument;
}

export interface CommitOptions {
  /**
   * Consecutive commits with the same key fold into one undo step: the results of one correction job
   * arrive one segment at a time, yet undoing them should take one keystroke.
   */
  coalesceKey?: string;
}

export interface HistorySlice {
  /** Documents before each change, oldest first. */
  past: HistoryEntry[];
  /** Documents undone, the next redo last. */
  future: HistoryEntry[];
  lastCommitKey: string | null;
  /** The one way every document change enters the store, so that every change can be undone. */
  commitDocument(label: string, next: NekoDocument, options?: CommitOptions): void;
  undo(): void;
  redo(): void;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastCommitKey: null,

  commitDocument(label, next, options = {}) {
    const { document: current, past, lastCommitKey } = get();
    if (!current || next === current) return;
    const key = options.coalesceKey ?? null;
    const foldIntoLast = key !== null && key === lastCommitKey && past.length > 0;
    set({
      document: next,
      past: foldIntoLast ? past : [...past, { label, document: current }].slice(-HISTORY_LIMIT),
      future: [],
      lastCommitKey: key,
      // An offer found on the previous document may point at words that have moved.
      fixEverywhereOffer: null,
    });
  },

  undo() {
    const { document: current, past, future } = get();
    const entry = past.at(-1);
    if (!current || !entry) return;
    set({
      document: entry.document,
      past: past.slice(0, -1),
      future: [...future, { label: entry.label, document: current }],
      lastCommitKey: null,
      fixEverywhereOffer: null,
    });
  },

  redo() {
    const { document: current, past, future } = get();
    const entry = future.at(-1);
    if (!current || !entry) return;
    set({
      document: entry.document,
      past: [...past, { label: entry.label, document: current }],
      future: future.slice(0, -1),
      lastCommitKey: null,
      fixEverywhereOffer: null,
    });
  },
});
