import { useEffect, useState } from 'react';
import { RECOVERY_SESSION_ALIVE_MS, type RecoveredWork } from '../../src/api/types.js';
import type { RecoveryOffer } from '../components/Banners.js';
import { startRecoveryWriter, type RecoveryApi } from '../services/recovery.js';
import { selectHasUnsavedChanges } from '../store/selectors.js';
import type { StudioStore } from '../store/studio.js';

const askUser = (question: string) => window.confirm(question);

/**
 * Keeps this window's unsaved work, typing included, in the core's recovery files (see
 * services/recovery.ts), and offers what an earlier session left behind: on start, and once more
 * after a session that stopped just now has stopped counting as alive (the browser alone crashed
 * and was reopened within seconds). The user restores or discards it; nothing is forced.
 */
export function useAutosave(
  store: StudioStore,
  api: RecoveryApi,
  confirm: (question: string) => boolean = askUser,
): RecoveryOffer | null {
  const [offer, setOffer] = useState<RecoveryOffer | null>(null);

  useEffect(() => {
    let active = true;
    let offered = false;
    const showError = (message: string) => store.getState().showError(message);
    const writer = startRecoveryWriter(store, api, { onError: showError });

    async function offerNext(): Promise<void> {
      const summaries = await api.listRecoveries();
      const own = writer.sessionId;
      for (const summary of summaries) {
        if (!active) return;
        if (summary.sessionId === own) continue;
        if (summary.problem !== undefined) {
          // Unreadable: nothing can be restored from it, and it would come back at every start.
          showError(`Recovery skipped: ${summary.problem}`);
          await api.discardRecovery(summary.sessionId);
          continue;
        }
        offered = true;
        setOffer({
          savedAt: new Date(summary.savedAt),
          title: summary.title,
          restore: () => decide(() => restore(summary.sessionId)),
          discard: () => decide(() => api.discardRecovery(summary.sessionId)),
        });
        return;
      }
    }

    function decide(action: () => Promise<void>): void {
      offered = false;
      setOffer(null);
      action()
        .then(offerNext)
        .catch((error: unknown) => showError(`Recovery failed: ${(error as Error).message}`));
    }

    async function restore(sessionId: string): Promise<void> {
      const state = store.getState();
      if (
        selectHasUnsavedChanges(state) &&
        !confirm(
          `Discard the unsaved changes to “${state.document!.title}” and restore the recovered work?`,
        )
      ) {
        return;
      }
      const work: RecoveredWork = await api.loadRecovery(sessionId);
      await writer.adopt(sessionId);
      store.getState().restoreDocument(work);
      // Text that was being typed comes back committed, as one undo step the user can take back,
      // unless the segment had changed under it since (then the editor no longer showed it).
      const { typing } = work;
      const segment = typing && work.document.segments.find(({ id }) => id === typing.segmentId);
      if (typing && segment?.text === typing.baseText)
        store.getState().editSegment(typing.segmentId, typing.text);
    }

    const report = (error: unknown) =>
      showError(`Recovery could not be read: ${(error as Error).message}`);
    offerNext().catch(report);
    const later = setTimeout(() => {
      if (active && !offered) offerNext().catch(report);
    }, RECOVERY_SESSION_ALIVE_MS + 1000);
    return () => {
      active = false;
      clearTimeout(later);
      writer.stop();
    };
  }, [store, api, confirm]);

  return offer;
}
