import type { ImportResult, TypingDraft } from '../../src/api/types.js';
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
  /**
   * Text being typed into a segment's editor, not yet part of the document (that happens on blur or
   * Enter, as one undo step). Kept here only so that recovery can save it while it is typed.
   */
  typing: TypingDraft | null;

  openDocument(result: ImportResult): void;
  /** Opens a document recovered from an autosave; it counts as unsaved. */
  restoreDocument(result: ImportResult): void;
  closeDocument(): void;
  /** Commits the segment's text (one undo step) and ends any typing in it. */
  editSegment(segmentId: string, text: string): void;
  /** The editor's text changed as the user typed; the document is untouched until editSegment. */
  typeInSegment(segmentId: string, text: string): void;
  /** The typing was given up (Escape): nothing of it is kept. */
  abandonTyping(segmentId: string): void;
  selectSegment(segmentId: string | null): void;
  /** Records that `written` (the current document by default) is what the saved file holds. */
  markSaved(written?: NekoDocument): void;
  showError(message: string): void;
  dismissError(): void;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  document: null,
  documentId: null,
  format: null,
  savedDocument: null,
  selectedSegmentId: null,
  errorMessage: null,
  typing: null,

  openDocument({ document, documentId, format }) {
    set({
      document,
      documentId,
      format,
      savedDocument: document,
      selectedSegmentId: document.segments[0]?.id ?? null,
      errorMessage: null,
      typing: null,
      past: [],
      future: [],
      lastCommitKey: null,
      reviewCursor: null,
      fixEverywhereOffer: null,
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
      typing: null,
      past: [],
      future: [],
      lastCommitKey: null,
      reviewCursor: null,
      fixEverywhereOffer: null,
    });
  },

  editSegment(segmentId, text) {
    const { document, typing } = get();
    if (typing?.segmentId === segmentId) set({ typing: null });
    const segment = document && findSegment(document, segmentId);
    if (!document || !segment) return;
    const edited = editSegmentText(segment, text);
    if (edited !== segment) get().commitDocument('Edit text', withSegment(document, edited));
  },

  typeInSegment(segmentId, text) {
    const { document, typing } = get();
    const segment = document && findSegment(document, segmentId);
    if (!segment) return;
    if (text === segment.text) {
      if (typing) set({ typing: null });
    } else if (typing?.segmentId !== segmentId || typing.text !== text) {
      // The editor starts from the segment's text, and starts again when that text changes.
      set({ typing: { segmentId, text, baseText: segment.text } });
    }
  },

  abandonTyping(segmentId) {
    if (get().typing?.segmentId === segmentId) set({ typing: null });
  },

  selectSegment(segmentId) {
    set({ selectedSegmentId: segmentId });
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
