import type { ImportResult, TypingDraft, UnusedFile } from '../../src/api/types.js';
import { editSegmentText } from '../../src/document/operations.js';
import type { NekoDocument, Task } from '../../src/document/types.js';
import type { FormatId } from '../../src/formats/types.js';
import { findSegment, segmentIndex, withSegment } from './segment-index.js';

/** The shortest a segment may become by moving its times. */
const MIN_SEGMENT_SECONDS = 0.05;
import type { SliceCreator, StudioState } from './studio.js';

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
  /** Files the user chose with the open document that it does not use, with the reason. */
  notUsedFiles: UnusedFile[];
  /** Counts media chosen by the user, so that a view retries a file that failed to load before. */
  mediaRevision: number;

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
  /** What the user says the text is (a transcript, OCR, typed text): the corrector's task. */
  setDocumentTask(task: Task): void;
  /** The document's audio, or one page's image, chosen by the user (one undo step). */
  pairMedia(target: { audio: true } | { pageIndex: number }, name: string): void;
  dismissNotUsed(): void;
  /**
   * Moves a segment's start and/or end (seconds). Kept in time order: the start stays at or after the
   * previous segment's start and before the end, the end after the start and at or before the next
   * segment's end. Steps with the same `coalesceKey` (one drag) are one undo step.
   */
  setSegmentTimes(
    segmentId: string,
    times: { start?: number; end?: number },
    coalesceKey?: string,
  ): void;
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
const PER_DOCUMENT_VIEW_STATE: Partial<StudioState> = {
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
  findMatches: [],
  currentFindMatch: -1,
};

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  document: null,
  documentId: null,
  format: null,
  savedDocument: null,
  selectedSegmentId: null,
  errorMessage: null,
  typing: null,
  notUsedFiles: [],
  mediaRevision: 0,

  openDocument({ document, documentId, format, notUsed }) {
    set({
      document,
      documentId,
      format,
      savedDocument: document,
      selectedSegmentId: document.segments[0]?.id ?? null,
      errorMessage: null,
      typing: null,
      notUsedFiles: notUsed ?? [],
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
      typing: null,
      notUsedFiles: [],
      past: [],
      future: [],
      lastCommitKey: null,
      ...PER_DOCUMENT_VIEW_STATE,
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

  setDocumentTask(task) {
    const { document } = get();
    if (!document || document.task === task) return;
    const names = { asr: 'a transcript', ocr: 'OCR', text: 'typed text' };
    get().commitDocument(`Treat the text as ${names[task]}`, { ...document, task });
  },

  pairMedia(target, name) {
    const { document } = get();
    if (!document) return;
    set({ mediaRevision: get().mediaRevision + 1 });
    if ('audio' in target) {
      if (document.media?.audio === name) return;
      get().commitDocument(`Use “${name}” as the audio`, {
        ...document,
        media: { ...document.media, audio: name },
      });
      return;
    }
    const pages = document.pages ?? [];
    if (!pages.some((page) => page.index === target.pageIndex)) return;
    get().commitDocument(`Use “${name}” as page ${target.pageIndex + 1}`, {
      ...document,
      pages: pages.map((page) =>
        page.index === target.pageIndex ? { ...page, image: name } : page,
      ),
    });
  },

  setSegmentTimes(segmentId, times, coalesceKey) {
    const { document } = get();
    if (!document) return;
    const position = segmentIndex(document, segmentId);
    const segment = document.segments[position];
    if (!segment || segment.start === undefined || segment.end === undefined) return;
    const previous = document.segments[position - 1];
    const next = document.segments[position + 1];
    const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
    let start = round(times.start ?? segment.start);
    let end = round(times.end ?? segment.end);
    start = Math.max(previous?.start ?? 0, 0, Math.min(start, end - MIN_SEGMENT_SECONDS));
    end = Math.max(start + MIN_SEGMENT_SECONDS, Math.min(end, next?.end ?? Infinity));
    if (start === segment.start && end === segment.end) return;
    get().commitDocument(
      'Change segment times',
      withSegment(document, { ...segment, start, end }),
      {
        ...(coalesceKey ? { coalesceKey } : {}),
      },
    );
  },

  dismissNotUsed() {
    set({ notUsedFiles: [] });
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
