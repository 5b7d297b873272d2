import { useEffect, useState } from 'react';
import { ErrorBanner, RecoveryBanner } from './components/Banners.js';
import { AudioPlayer } from './components/AudioPlayer.js';
import { CorrectionControls } from './components/CorrectionControls.js';
import { FindReplace } from './components/FindReplace.js';
import { FixEverywhereBanner } from './components/FixEverywhereBanner.js';
import { RoutingPanel } from './components/RoutingPanel.js';
import { ScanView } from './components/ScanView.js';
import { segmentEditorId } from './components/SegmentRow.js';
import { SegmentList } from './components/SegmentList.js';
import { ShortcutSheet } from './components/ShortcutSheet.js';
import { useAutosave } from './hooks/useAutosave.js';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts.js';
import { useServices } from './services/context.js';
import { useStudio, useStudioStore } from './store/react.js';
import { findSegment } from './store/segment-index.js';
import { filterSegments, selectHasUnsavedChanges, type ListFilter } from './store/selectors.js';
import { Toolbar } from './components/Toolbar.js';

export function App() {
  const store = useStudioStore();
  const { api, controller, recoveryStorage } = useServices();
  const document = useStudio((state) => state.document);
  const documentId = useStudio((state) => state.documentId);
  const filter = useStudio((state) => state.listFilter);
  const setFilter = useStudio((state) => state.setListFilter);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showFind, setShowFind] = useState(false);
  const recoveryOffer = useAutosave(store, recoveryStorage);

  useEffect(() => {
    void controller.refreshCorrectorStatus();
    return controller.listenToCorrector();
  }, [controller]);

  useEffect(() => {
    function warnIfUnsaved(event: BeforeUnloadEvent) {
      if (!selectHasUnsavedChanges(store.getState())) return;
      event.preventDefault();
      // Older Chromium (and so Electron) shows the prompt only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', warnIfUnsaved);
    return () => window.removeEventListener('beforeunload', warnIfUnsaved);
  }, [store]);

  useEffect(
    () =>
      api.onMenuCommand?.((command) => {
        const state = store.getState();
        if (command === 'open') void controller.openWithDialog();
        else if (command === 'save') void controller.saveProject();
        else if (command === 'export' && state.format) void controller.exportAs(state.format);
        else if (command === 'undo') state.undo();
        else if (command === 'redo') state.redo();
      }),
    [api, controller, store],
  );

  useKeyboardShortcuts(
    keyboardActions(store, controller, {
      toggleShortcuts: () => setShowShortcuts((shown) => !shown),
      openFind: () => setShowFind(true),
    }),
  );

  return (
    <div className="app">
      <Toolbar onShowShortcuts={() => setShowShortcuts(true)} />
      <CorrectionControls />
      <ErrorBanner />
      <RecoveryBanner offer={recoveryOffer} />
      <FixEverywhereBanner />
      {showFind && document && (
        <FindReplace document={document} onClose={() => setShowFind(false)} />
      )}
      {document && documentId ? (
        <main className="workspace">
          <section className="review" aria-label="Review">
            <div className="review-filter">
              <label>
                Show{' '}
                <select
                  data-testid="list-filter"
                  value={filter}
                  onChange={(event) => setFilter(event.currentTarget.value as ListFilter)}
                >
                  <option value="all">all segments</option>
                  <option value="pending">with pending suggestions</option>
                  <option value="routing-disagrees">routing disagrees with source type</option>
                </select>
              </label>
            </div>
            <div className="review-header" aria-hidden="true">
              <span>Recognizer</span>
              <span>Corrected</span>
            </div>
            <SegmentList document={document} />
          </section>
          <aside className="side-panel">
            {document.kind === 'scan' ? (
              <ScanView document={document} documentId={documentId} />
            ) : document.media?.audio ? (
              <AudioPlayer documentId={documentId} audioPath={document.media.audio} />
            ) : null}
            <RoutingPanel document={document} />
          </aside>
        </main>
      ) : (
        <main className="welcome">
          <p>
            Open a transcript (SRT, WebVTT, Whisper JSON, N-best JSONL, text) with its audio, or a
            scan (hOCR, ALTO) with its page image.
          </p>
          <p>
            Choose several files at once to open a document with its media. Press ? for keyboard
            shortcuts.
          </p>
        </main>
      )}
      {showShortcuts && <ShortcutSheet onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}

function keyboardActions(
  store: ReturnType<typeof useStudioStore>,
  controller: ReturnType<typeof useServices>['controller'],
  view: { toggleShortcuts(): void; openFind(): void },
) {
  const state = () => store.getState();
  const selected = () => {
    const { document, selectedSegmentId } = state();
    return document && selectedSegmentId ? findSegment(document, selectedSegmentId) : undefined;
  };
  // ↑/↓ walk the rows the list shows (the filter applies); the new row's first pending suggestion is
  // highlighted (selectCurrentEdit), so A then takes it.
  const moveSelection = (step: 1 | -1) => {
    const { document, selectedSegmentId, selectSegment, listFilter } = state();
    if (!document) return;
    const shown = filterSegments(document, listFilter);
    const position = selectedSegmentId
      ? shown.findIndex((segment) => segment.id === selectedSegmentId)
      : -1;
    // A selection outside the filtered rows starts from the first (↓) or last (↑) shown row.
    const target = position < 0 ? (step === 1 ? 0 : shown.length - 1) : position + step;
    const next = shown[Math.min(shown.length - 1, Math.max(0, target))];
    if (next) selectSegment(next.id);
  };
  return {
    'next-suggestion': () => void state().moveToNeighbouringSuggestion(1),
    'previous-suggestion': () => void state().moveToNeighbouringSuggestion(-1),
    accept: () => state().acceptCurrentSuggestion(),
    reject: () => state().rejectCurrentSuggestion(),
    'accept-segment': () => {
      const segment = selected();
      if (segment) state().acceptAllInSegment(segment.id);
    },
    'reject-segment': () => {
      const segment = selected();
      if (segment) state().rejectAllInSegment(segment.id);
    },
    'next-segment': () => moveSelection(1),
    'previous-segment': () => moveSelection(-1),
    edit: () => {
      const segment = selected();
      // The row may only now be scrolled into view; focus once it is rendered.
      if (segment)
        requestAnimationFrame(() =>
          window.document.getElementById(segmentEditorId(segment.id))?.focus(),
        );
    },
    alternatives: () => {
      const segment = selected();
      if (segment?.nbest && segment.nbest.length > 1) state().toggleAlternatives(segment.id);
    },
    'play-segment': () => {
      const segment = selected();
      if (segment?.start !== undefined) state().playFrom(segment.start);
    },
    undo: () => state().undo(),
    redo: () => state().redo(),
    find: view.openFind,
    save: () => void controller.saveProject(),
    open: () => {
      void controller.openWithDialog().then((usedDialog) => {
        if (!usedDialog)
          window.document
            .querySelector<HTMLInputElement>('[data-testid="open-file-input"]')
            ?.click();
      });
    },
    shortcuts: view.toggleShortcuts,
  };
}
