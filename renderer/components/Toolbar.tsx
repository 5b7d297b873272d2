import { useEffect, useRef, useState } from 'react';
import type { FormatInfo } from '../../src/api/types.js';
import type { FormatId } from '../../src/formats/types.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import { selectCanRedo, selectCanUndo, selectHasUnsavedChanges } from '../store/selectors.js';

/** Open, save, export, undo and redo: the file-level actions, always in view. */
export function Toolbar({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const { api, controller } = useServices();
  const title = useStudio((state) => state.document?.title ?? '');
  const hasDocument = useStudio((state) => state.document !== null);
  const unsaved = useStudio(selectHasUnsavedChanges);
  const canUndo = useStudio(selectCanUndo);
  const canRedo = useStudio(selectCanRedo);
  const undoLabel = useStudio((state) => state.past.at(-1)?.label);
  const redoLabel = useStudio((state) => state.future.at(-1)?.label);
  const undo = useStudio((state) => state.undo);
  const redo = useStudio((state) => state.redo);
  const fileInput = useRef<HTMLInputElement>(null);
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const documentId = useStudio((state) => state.documentId);
  const documentFormat = useStudio((state) => state.format);
  // The user's pick holds for the document it was made on; a newly opened one exports to its own format.
  const [chosenFormat, setChosenFormat] = useState<{
    documentId: string | null;
    format: FormatId;
  }>();
  const exportFormat: FormatId | '' =
    (chosenFormat?.documentId === documentId ? chosenFormat.format : undefined) ??
    formats.find((format) => format.id === documentFormat)?.id ??
    formats[0]?.id ??
    '';

  useEffect(() => {
    let current = true;
    api
      .listFormats()
      .then((list) => {
        if (current) setFormats(list);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api]);

  async function open() {
    const usedDialog = await controller.openWithDialog();
    if (!usedDialog) fileInput.current?.click();
  }

  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <button
          type="button"
          onClick={() => void open()}
          title="Open a transcript or scan (Ctrl+O)"
        >
          Open…
        </button>
        <input
          ref={fileInput}
          className="visually-hidden"
          type="file"
          multiple
          data-testid="open-file-input"
          aria-label="Open a transcript or scan, with its audio or page images"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            void controller.openFiles(files);
          }}
        />
        <button
          type="button"
          data-testid="save-project-button"
          disabled={!hasDocument}
          onClick={() => void controller.saveProject()}
          title="Save the project with suggestions and decisions (.neko.json, Ctrl+S)"
        >
          Save project
        </button>
        <select
          data-testid="export-format-select"
          aria-label="Export format"
          value={exportFormat}
          onChange={(event) =>
            setChosenFormat({ documentId, format: event.currentTarget.value as FormatId })
          }
        >
          {formats.map((format) => (
            <option key={format.id} value={format.id}>
              {format.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="export-button"
          disabled={!hasDocument || !exportFormat}
          onClick={() => exportFormat && void controller.exportAs(exportFormat)}
        >
          Export
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          data-testid="undo-button"
          disabled={!canUndo}
          onClick={undo}
          title={undoLabel ? `Undo ${undoLabel.toLowerCase()} (Ctrl+Z)` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          data-testid="redo-button"
          disabled={!canRedo}
          onClick={redo}
          title={redoLabel ? `Redo ${redoLabel.toLowerCase()} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          Redo
        </button>
      </div>
      <h1 className="document-title">
        <span data-testid="document-title">{title}</span>
        {unsaved && (
          <span className="unsaved-mark" title="Unsaved changes">
            {' '}
            ●
          </span>
        )}
      </h1>
      <button
        type="button"
        className="shortcut-hint"
        data-testid="shortcuts-button"
        onClick={onShowShortcuts}
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}
