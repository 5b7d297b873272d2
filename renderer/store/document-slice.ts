import type { ImportResult } from '../../src/api/types.js';
import { editSegmentText } from '../../src/document/operations.js';
import type { NekoDocument } from '../../src/document/types.js';
import type { FormatId } from '../../src/formats/types.js';
import { findSegment, withSegment } from './segment-index.js';
import type { SliceCreator } from './studio.js';

export interface DocumentSlice {
  document: NekoDocument | null;
  /** The server-side handle for media lookups (api.mediaUrl). */
  documentId: string | null;
  /** The format the document was imported from. */
  format: FormatId | null;
  /** The document as last saved or opened; unsaved changes exist when it is not the current one. */
  savedDocument: NekoDocument | null;
  selectedSegmentId: string | null;
  /** One-line message of the last failure (an import error names the file and the place). */
  errorMessage: string | null;

  openDocument(result: ImportResult): void;
  /** Opens a document recovered from an autosave; it counts as unsaved. */
  restoreDocument(result: ImportResult): void;
  closeDocument(): void;
  editSegment(segmentId: string, text: string): void;
  selectSegment(segmentId: string | null): void;
  /** Records that `written` (the current document by default) is what the saved file holds. */
  markSaved(written?: NekoDocument): void;
  showError(message: string): void;
  dismissError(): void;
}

/**
 * The view state that belongs to one document. Kept across documents, a "pending" filter hid every
 * row of the next one ("No segments match the filter"), and the alternatives panel, focused token,
 * hovered line and playhead pointed at ids of a document no longer open.
 */
const PER_DOCUMENT_VIEW_STATE = {
  reviewCursor: null,
  fixEverywhereOffer: null,
  listFilter: 'all',
  alternativesSegmentId: null,
  focusedToken: null,
  hoveredSegmentId: null,
  playingSegmentId: null,
  playingWordIndex: -1,
  playbackTime: 0,
  playing: false,
  seekRequest: null,
} as const;

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  document: null,
  documentId: null,
  format: null,
  savedDocument: null,
  selectedSegmentId: null,
  errorMessage: null,

  openDocument({ document, documentId, format }) {
    set({
      document,
      documentId,
      format,
      savedDocument: document,
      selectedSegmentId: document.segments[0]?.id ?? null,
      errorMessage: null,
      past: [],
      future: [],
      lastCommitKey: null,
      ...PER_DOCUMENT_VIEW_STATE,
    });
  },

  restoreDocument(result) {
    get().openDocument(result);
    set({ savedDocument: null });
  },

  closeDocument() {
    set({
      document: null,
      documentId: null,
      format: null,
      savedDocument: null,
      selectedSegmentId: null,
      past: [],
      future: [],
      lastCommitKey: null,
      ...PER_DOCUMENT_VIEW_STATE,
    });
  },

  editSegment(segmentId, text) {
    const { document } = get();
    const segment = document && findSegment(document, segmentId);
    if (!document || !segment) return;
    const edited = editSegmentText(segment, text);
    if (edited !== segment) get().commitDocument('Edit text', withSegment(document, edited));
  },

  selectSegment(segmentId) {
    // One cursor: a suggestion chosen in another segment is not kept behind the new selection.
    if (segmentId !== get().selectedSegmentId)
      set({ selectedSegmentId: segmentId, reviewCursor: null });
  },

  markSaved(written = get().document ?? undefined) {
    set({ savedDocument: written ?? null });
  },

  showError(message) {
    set({ errorMessage: message });
  },

  dismissError() {
    set({ errorMessage: null });
  },
});
