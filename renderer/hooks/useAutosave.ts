import { useEffect, useState } from 'react';
import type { RecoveryOffer } from '../components/Banners.js';
import type { RecoveryStorage } from '../services/recovery-storage.js';
import { parseRecovery, recoveryToImportResult, serializeRecovery } from '../store/recovery.js';
import { selectHasUnsavedChanges } from '../store/selectors.js';
import type { StudioStore } from '../store/studio.js';

export const AUTOSAVE_INTERVAL_MS = 5000;

/**
 * Every few seconds, writes the document to the recovery storage if it changed and is unsaved; clears
 * the recovery once everything is saved. On start, offers what an earlier session left behind.
 */
export function useAutosave(store: StudioStore, storage: RecoveryStorage): RecoveryOffer | null {
  const [offer, setOffer] = useState<RecoveryOffer | null>(null);

  useEffect(() => {
    let active = true;
    storage
      .load()
      .then((saved) => {
        if (!active || saved === null) return;
        try {
          const record = parseRecovery(saved);
          setOffer({
            savedAt: new Date(record.savedAt),
            title: record.document.title,
            restore() {
              store.getState().restoreDocument(recoveryToImportResult(record));
              setOffer(null);
            },
            discard() {
              void storage.clear();
              setOffer(null);
            },
          });
        } catch (error) {
          store.getState().showError(`Recovery skipped: ${(error as Error).message}`);
          void storage.clear();
        }
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [store, storage]);

  useEffect(() => {
    let lastDocument: unknown = undefined;
    let lastUnsaved = false;
    const timer = setInterval(() => {
      const state = store.getState();
      const { document, documentId, format } = state;
      const unsaved = selectHasUnsavedChanges(state);
      if (document === lastDocument && unsaved === lastUnsaved) return;
      lastDocument = document;
      lastUnsaved = unsaved;
      if (!document || !documentId || !format || !unsaved) {
        // Saved or closed: nothing to recover. An offer still showing keeps its record until decided.
        if (document) void storage.clear().catch(() => undefined);
        return;
      }
      storage
        .save(serializeRecovery({ document, documentId, format }, new Date()))
        .catch((error: unknown) => state.showError(`Autosave failed: ${(error as Error).message}`));
    }, AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [store, storage]);

  return offer;
}
