import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../renderer/store/history-slice.js';
import {
  selectCanRedo,
  selectCanUndo,
  selectHasUnsavedChanges,
} from '../../../renderer/store/selectors.js';
import { createStudioStore } from '../../../renderer/store/studio.js';
import { imported, transcript } from './documents.js';

function openedStore(segmentCount = 3) {
  const store = createStudioStore();
  store.getState().openDocument(imported(transcript(segmentCount)));
  return store;
}

const textOf = (store: ReturnType<typeof openedStore>, id: string) =>
  store.getState().document!.segments.find((segment) => segment.id === id)!.text;

describe('opening a document', () => {
  it('shows it unchanged, selects the first segment and starts with an empty history', () => {
    const store = openedStore();
    const state = store.getState();
    expect(state.document!.segments.map((segment) => segment.id)).toEqual(['s1', 's2', 's3']);
    expect(state.selectedSegmentId).toBe('s1');
    expect(state.documentId).toBe('doc-1');
    expect(selectCanUndo(state)).toBe(false);
    expect(selectHasUnsavedChanges(state)).toBe(false);
  });

  it('forgets the previous document’s history', () => {
    const store = openedStore();
    store.getState().editSegment('s1', 'changed');
    store.getState().openDocument(imported(transcript(2)));
    expect(selectCanUndo(store.getState())).toBe(false);
    expect(textOf(store, 's1')).toBe('segment 1 says hello');
  });
});

describe('editing, undo and redo', () => {
  it('edits one segment and leaves the source and the other segments alone', () => {
    const store = openedStore();
    const before = store.getState().document!;
    store.getState().editSegment('s2', 'segment two says hi');
    const after = store.getState().document!;
    expect(after.segments[1]!.text).toBe('segment two says hi');
    expect(after.segments[1]!.source).toBe('segment 2 says hello');
    expect(after.segments[0]).toBe(before.segments[0]);
    expect(before.segments[1]!.text).toBe('segment 2 says hello');
    expect(selectHasUnsavedChanges(store.getState())).toBe(true);
  });

  it('does not record an edit that changes nothing', () => {
    const store = openedStore();
    store.getState().editSegment('s1', 'segment 1 says hello');
    store.getState().editSegment('unknown', 'text');
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('undoes and redoes edits in order, and a new edit clears the redo list', () => {
    const store = openedStore();
    const { editSegment, undo, redo } = store.getState();
    editSegment('s1', 'first');
    editSegment('s1', 'second');
    editSegment('s3', 'third');
    undo();
    expect(textOf(store, 's3')).toBe('segment 3 says hello');
    undo();
    expect(textOf(store, 's1')).toBe('first');
    redo();
    expect(textOf(store, 's1')).toBe('second');
    expect(selectCanRedo(store.getState())).toBe(true);
    editSegment('s2', 'new branch');
    expect(selectCanRedo(store.getState())).toBe(false);
    undo();
    undo();
    undo();
    expect(textOf(store, 's1')).toBe('segment 1 says hello');
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('is clean again after undoing back to the saved document', () => {
    const store = openedStore();
    store.getState().editSegment('s1', 'changed');
    store.getState().undo();
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
    store.getState().redo();
    store.getState().markSaved();
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
  });

  it('keeps the most recent changes when the history is full, and undo still works', () => {
    const store = openedStore(1);
    for (let step = 1; step <= HISTORY_LIMIT + 20; step++)
      store.getState().editSegment('s1', `v${step}`);
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    store.getState().undo();
    expect(textOf(store, 's1')).toBe(`v${HISTORY_LIMIT + 19}`);
  });

  it('stays fast on a 10,000-segment document', () => {
    const store = openedStore(10_000);
    const started = performance.now();
    for (let step = 0; step < 200; step++)
      store.getState().editSegment(`s${step * 50 + 1}`, `edit ${step}`);
    for (let step = 0; step < 200; step++) store.getState().undo();
    const elapsed = performance.now() - started;
    expect(textOf(store, 's51')).toBe('segment 51 says hello');
    // 400 actions; a linear id search plus copies would still pass, a quadratic one would not.
    expect(elapsed).toBeLessThan(2000);
  });
});
