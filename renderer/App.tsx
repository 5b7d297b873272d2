import { useEffect, useState } from 'react';
import { SAMPLES } from '../src/api/types.js';
import { inferDocumentTask } from '../src/document/task-inference.js';
import type { NekoDocument, Task } from '../src/document/types.js';
import { ErrorBanner, NotUsedBanner, RecoveryBanner } from './components/Banners.js';
import { AudioPlayer } from './components/AudioPlayer.js';
import { Waveform } from './components/Waveform.js';
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
  const { api, controller } = useServices();
  const document = useStudio((state) => state.document);
  const documentId = useStudio((state) => state.documentId);
  const filter = useStudio((state) => state.listFilter);
  const setFilter = useStudio((state) => state.setListFilter);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showFind, setShowFind] = useState(false);
  const [dropping, setDropping] = useState(false);
  const recoveryOffer = useAutosave(store, api);

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

  // Files dropped anywhere on the window open as if chosen together in the file picker.
  const dropHandlers = {
    onDragOver(event: React.DragEvent) {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    },
    onDragLeave(event: React.DragEvent) {
      if (event.currentTarget === event.target) setDropping(false);
    },
    onDrop(event: React.DragEvent) {
      setDropping(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.length === 0) return;
      event.preventDefault();
      void controller.openFiles(files);
    },
  };

  return (
    <div className={dropping ? 'app is-dropping' : 'app'} data-testid="app" {...dropHandlers}>
      <Toolbar onShowShortcuts={() => setShowShortcuts(true)} />
      <CorrectionControls />
      <ErrorBanner />
      <NotUsedBanner />
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
                  <option value="routing-disagrees">
                    where routing differs from the source type
                  </option>
                </select>
              </label>
              <ShowResultsToggle />
              {document.source.format === 'text' && <TextOriginChoice document={document} />}
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
              <>
                <AudioPlayer documentId={documentId} audioPath={document.media.audio} />
                <Waveform
                  document={document}
                  documentId={documentId}
                  audioPath={document.media.audio}
                />
              </>
            ) : null}
            <RoutingPanel document={document} />
          </aside>
        </main>
      ) : (
        <main className="welcome">
          <p>
            Open a transcript (SRT, WebVTT, Whisper JSON, N-best JSONL, text) with its audio, or a
            scan (hOCR, ALTO) with its page image: choose them together, or drop them on this
            window. Press ? for keyboard shortcuts.
          </p>
          <div className="samples">
            <p>Or try a sample:</p>
            {SAMPLES.map((sample) => (
              <button
                key={sample.id}
                type="button"
                data-testid="open-sample"
                data-sample={sample.id}
                onClick={() => void controller.openSample(sample.id)}
                title={sample.description}
              >
                {sample.label}
              </button>
            ))}
          </div>
        </main>
      )}
      {showShortcuts && <ShortcutSheet onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}

const TIME_STEP = 0.1;

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
  // Keys move a time by a tenth of a second; each press is its own undo step.
  const nudgeTime = (edge: 'start' | 'end', step: number) => {
    const segment = selected();
    const time = segment?.[edge];
    if (!segment || time === undefined) return;
    state().setSegmentTimes(segment.id, { [edge]: time + step });
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
      if (segment) state().playSegment(segment.id);
    },
    'play-pause': () => {
      if (state().document?.media?.audio) state().togglePlayback();
    },
    'start-earlier': () => nudgeTime('start', -TIME_STEP),
    'start-later': () => nudgeTime('start', TIME_STEP),
    'end-earlier': () => nudgeTime('end', -TIME_STEP),
    'end-later': () => nudgeTime('end', TIME_STEP),
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

const TEXT_ORIGINS: { task: Task; label: string }[] = [
  { task: 'asr', label: 'a speech transcript' },
  { task: 'ocr', label: 'OCR of a scan' },
  { task: 'text', label: 'typed text' },
];

/**
 * A plain-text file does not say what made it, and the corrector's task (which passes follow the
 * model) depends on it: the user says, starting from the guess the corrector would make.
 */
function TextOriginChoice({ document }: { document: NekoDocument }) {
  const setDocumentTask = useStudio((state) => state.setDocumentTask);
  const guessed = inferDocumentTask(document.segments);
  return (
    <label>
      This text is{' '}
      <select
        data-testid="text-origin"
        value={document.task}
        onChange={(event) => setDocumentTask(event.currentTarget.value as Task)}
      >
        {TEXT_ORIGINS.map(({ task, label }) => (
          <option key={task} value={task}>
            {label}
            {task === guessed ? ' (guessed from the text)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Rows with suggestions show the diff; their result (the editable text) on demand. */
function ShowResultsToggle() {
  const showResults = useStudio((state) => state.showResults);
  const setShowResults = useStudio((state) => state.setShowResults);
  return (
    <label title="Rows with suggestions show the diff; the selected row also shows its result">
      <input
        type="checkbox"
        data-testid="show-results"
        checked={showResults}
        onChange={(event) => setShowResults(event.currentTarget.checked)}
      />{' '}
      Show every result
    </label>
  );
}
