import { describe, expect, it } from 'vitest';
import {
  parseRecovery,
  recoveryToImportResult,
  RecoveryError,
  serializeRecovery,
} from '../../../renderer/store/recovery.js';
import { selectHasUnsavedChanges } from '../../../renderer/store/selectors.js';
import { createStudioStore } from '../../../renderer/store/studio.js';
import { catSuggestion, imported, transcript } from './documents.js';

describe('autosave recovery', () => {
  it('brings back the edited document with its suggestions and decisions, as unsaved', () => {
    const store = createStudioStore();
    const document = transcript(3);
    const { source, suggestion } = catSuggestion();
    document.segments[1] = { ...document.segments[1]!, source, text: source, suggestion };
    store.getState().openDocument(imported(document));
    store.getState().editSegment('s3', 'edited before the crash');
    const { document: edited, documentId, format } = store.getState();
    const saved = serializeRecovery(
      { document: edited!, documentId: documentId!, format: format! },
      new Date('2025-01-02T03:04:05Z'),
    );

    const record = parseRecovery(saved);
    expect(record.savedAt).toBe('2025-01-02T03:04:05.000Z');
    const restored = createStudioStore();
    restored.getState().restoreDocument(recoveryToImportResult(record));
    const state = restored.getState();
    expect(state.document).toEqual(edited);
    expect(state.documentId).toBe('doc-1');
    expect(state.format).toBe('srt');
    expect(selectHasUnsavedChanges(state)).toBe(true);
  });

  it.each([
    ['not JSON', '{"kind": "neko-studio-recovery"', /not valid JSON/],
    ['another kind of JSON', '{"hello": 1}', /not a NeKo Studio recovery record/],
    [
      'a future version',
      JSON.stringify({ kind: 'neko-studio-recovery', version: 2 }),
      /version 2 is not supported/,
    ],
    [
      'a segment without text',
      JSON.stringify({
        kind: 'neko-studio-recovery',
        version: 1,
        savedAt: '2025-01-01T00:00:00Z',
        documentId: 'd',
        format: 'srt',
        document: {
          version: 1,
          segments: [
            { id: 'a', source: 'x', text: 'x' },
            { id: 'b', source: 'y' },
          ],
        },
      }),
      /segment 2 lacks its id, source or text/,
    ],
  ])('refuses %s with a reason', (_case, text, reason) => {
    expect(() => parseRecovery(text)).toThrow(RecoveryError);
    expect(() => parseRecovery(text)).toThrow(reason);
  });
});
