import { correctorInput, fallbackTasks } from '../../src/document/operations.js';
import { readBase64, uploadFromFiles } from '../api.js';
import type { ImportResult, NekoApi, SampleId } from '../../src/api/types.js';
import type { FormatId } from '../../src/formats/types.js';
import { selectHasUnsavedChanges } from '../store/selectors.js';
import type { StudioStore } from '../store/studio.js';
import { downloadExport } from './downloads.js';

/**
 * The actions that need the core: each calls the API, then tells the store what happened. Failures
 * end as the store's one-line error message, never as an exception in a click handler.
 */
export function createStudioController(
  api: NekoApi,
  store: StudioStore,
  confirm: (question: string) => boolean = (question) => window.confirm(question),
) {
  const state = () => store.getState();

  /**
   * Opens an imported document in place of the current one. Asked only once the new file has parsed,
   * so a broken file costs nothing; unsaved work is not replaced without the user's word (the autosave
   * keeps only the open document).
   */
  function replaceDocument(result: ImportResult): void {
    const current = state();
    if (
      selectHasUnsavedChanges(current) &&
      !confirm(
        `Discard the unsaved changes to “${current.document!.title}” and open “${result.document.title}”?`,
      )
    ) {
      return;
    }
    state().openDocument(result);
  }

  async function reportingErrors(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      state().showError(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    openFiles: (files: readonly File[]) =>
      reportingErrors(async () => {
        if (files.length === 0) return;
        replaceDocument(await api.importFile(await uploadFromFiles(files)));
      }),

    openSample: (sampleId: SampleId) =>
      reportingErrors(async () => replaceDocument(await api.openSample(sampleId))),

    /**
     * Pairs a file the user chose with the open document, where its audio or a page image is missing
     * (the document kept, with the choice as one undo step).
     */
    attachMedia: (target: { audio: true } | { pageIndex: number }, file: File) =>
      reportingErrors(async () => {
        const documentId = state().documentId;
        if (!documentId) return;
        const name = await api.attachMedia(documentId, {
          name: file.name,
          dataBase64: await readBase64(file),
        });
        if (state().documentId === documentId) state().pairMedia(target, name);
      }),

    /** Electron's native dialog; resolves false where there is none, so the caller can use the picker. */
    openWithDialog: async (): Promise<boolean> => {
      if (!api.openWithDialog) return false;
      await reportingErrors(async () => {
        const result = await api.openWithDialog!();
        if (result) replaceDocument(result);
      });
      return true;
    },

    saveProject: () =>
      reportingErrors(async () => {
        const document = state().document;
        if (!document) return;
        if (api.saveWithDialog) {
          const path = await api.saveWithDialog(document, 'neko');
          if (path === null) return;
        } else {
          downloadExport(await api.exportDocument(document, 'neko'));
        }
        // Marks the document that was written, even if the user kept editing while the dialog was open.
        state().markSaved(document);
      }),

    exportAs: (format: FormatId) =>
      reportingErrors(async () => {
        const document = state().document;
        if (!document) return;
        if (api.saveWithDialog) await api.saveWithDialog(document, format);
        else downloadExport(await api.exportDocument(document, format));
      }),

    refreshCorrectorStatus: async () => {
      try {
        state().setCorrectorStatus(await api.correctorStatus());
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        state().setCorrectorStatus({
          available: false,
          message: `Corrector unreachable: ${reason}`,
        });
      }
    },

    /** Corrects the given segments (all by default) from their recognizer hypotheses. */
    startCorrection: (segmentIds?: readonly string[]) =>
      reportingErrors(async () => {
        const { document, settings, correctionJob } = state();
        if (!document || correctionJob) return;
        const wanted = segmentIds ? new Set(segmentIds) : null;
        const taskOf = fallbackTasks(document);
        const segments = document.segments
          .filter((segment) => !wanted || wanted.has(segment.id))
          .map((segment) => correctorInput(segment, segment.id, taskOf(segment)));
        if (segments.length === 0) return;
        state().correctionRequested(segments.length);
        try {
          const { jobId } = await api.correct({
            segments,
            decoding: settings.decoding,
            device: settings.device,
          });
          state().correctionStarted(jobId);
        } catch (error) {
          state().correctionFailed(
            `Correction could not start: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }),

    cancelCorrection: () =>
      reportingErrors(async () => {
        const jobId = state().correctionJob?.jobId;
        if (jobId) await api.cancel(jobId);
      }),

    listenToCorrector: () => api.onCorrectorEvent((event) => state().handleCorrectorEvent(event)),
  };
}

export type StudioController = ReturnType<typeof createStudioController>;
