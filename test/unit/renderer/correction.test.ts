import { describe, expect, it } from 'vitest';
import { selectCanUndo } from '../../../renderer/store/selectors.js';
import { createStudioStore } from '../../../renderer/store/studio.js';
import { catSuggestion, imported, transcript } from './documents.js';

function storeWithCatSegments() {
  const store = createStudioStore();
  const document = transcript(3);
  const { source } = catSuggestion();
  document.segments = document.segments.map((segment) => ({ ...segment, source, text: source }));
  store.getState().openDocument(imported(document));
  return store;
}

describe('corrector events', () => {
  it('tracks progress, stores results as suggestions and ends the job when done', () => {
    const store = storeWithCatSegments();
    const { suggestion } = catSuggestion();
    store.getState().correctionRequested(3);
    store.getState().correctionStarted('job-1');
    store.getState().handleCorrectorEvent({ type: 'progress', jobId: 'job-1', done: 1, total: 3 });
    expect(store.getState().correctionJob).toEqual({ jobId: 'job-1', done: 1, total: 3 });
    store
      .getState()
      .handleCorrectorEvent({ type: 'result', jobId: 'job-1', segmentId: 's2', suggestion });
    expect(store.getState().document!.segments[1]!.suggestion).toEqual(suggestion);
    expect(store.getState().document!.segments[0]!.suggestion).toBeUndefined();
    store.getState().handleCorrectorEvent({ type: 'done', jobId: 'job-1', cancelled: false });
    expect(store.getState().correctionJob).toBeNull();
  });

  it('adopts the job id from events that arrive before the API answers', () => {
    const store = storeWithCatSegments();
    store.getState().correctionRequested(3);
    store.getState().handleCorrectorEvent({ type: 'progress', jobId: 'early', done: 2, total: 3 });
    expect(store.getState().correctionJob?.jobId).toBe('early');
    store
      .getState()
      .handleCorrectorEvent({ type: 'progress', jobId: 'someone-else', done: 3, total: 3 });
    expect(store.getState().correctionJob?.done).toBe(2);
  });

  it('makes all results of one job a single undo step', () => {
    const store = storeWithCatSegments();
    const { suggestion } = catSuggestion();
    store.getState().correctionRequested(3);
    store.getState().correctionStarted('job-1');
    for (const segmentId of ['s1', 's2', 's3']) {
      store
        .getState()
        .handleCorrectorEvent({ type: 'result', jobId: 'job-1', segmentId, suggestion });
    }
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().document!.segments.every((segment) => !segment.suggestion)).toBe(true);
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('reports a failed job as an error and stops tracking it', () => {
    const store = storeWithCatSegments();
    store.getState().correctionRequested(3);
    store.getState().handleCorrectorEvent({ type: 'error', jobId: 'j', message: 'model crashed' });
    expect(store.getState().correctionJob).toBeNull();
    expect(store.getState().errorMessage).toBe('Correction failed: model crashed');
  });
});
