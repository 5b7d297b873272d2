import { describe, expect, it } from 'vitest';
import type { NekoDocument } from '../../../src/document/types.js';
import { selectCanUndo, selectCurrentEdit } from '../../../renderer/store/selectors.js';
import { createStudioStore } from '../../../renderer/store/studio.js';
import { catSuggestion, imported, transcript } from './documents.js';

/** Three segments reading "the cat sat on teh mat", each with the two-edit suggestion. */
function reviewStore(confidences: [number, number] = [0.95, 0.6]) {
  const document: NekoDocument = transcript(3);
  const { source, suggestion } = catSuggestion(confidences);
  document.segments = document.segments.map((segment) => ({
    ...segment,
    source,
    text: source,
    suggestion,
  }));
  const store = createStudioStore();
  store.getState().openDocument(imported(document));
  return store;
}

type Store = ReturnType<typeof reviewStore>;
const segment = (store: Store, id: string) =>
  store.getState().document!.segments.find((candidate) => candidate.id === id)!;
const decisions = (store: Store, id: string) =>
  segment(store, id).suggestion!.edits.map((edit) => edit.decision);

describe('accepting and rejecting suggestions', () => {
  it('accepting one edit changes only its words, marks them as the corrector’s, and undoes', () => {
    const store = reviewStore();
    store.getState().acceptSuggestion('s2', 1);
    expect(segment(store, 's2').text).toBe('the cat sat on the mat');
    expect(decisions(store, 's2')).toEqual(['pending', 'accepted']);
    expect(segment(store, 's2').origins?.[4]).toBe('corrector');
    expect(segment(store, 's1').text).toBe('the cat sat on teh mat');
    store.getState().undo();
    expect(segment(store, 's2').text).toBe('the cat sat on teh mat');
    expect(decisions(store, 's2')).toEqual(['pending', 'pending']);
  });

  it('rejecting keeps the recognizer text and records the decision as a step', () => {
    const store = reviewStore();
    store.getState().rejectSuggestion('s1', 0);
    expect(segment(store, 's1').text).toBe('the cat sat on teh mat');
    expect(decisions(store, 's1')).toEqual(['rejected', 'pending']);
    expect(selectCanUndo(store.getState())).toBe(true);
  });

  it('rejecting an accepted edit puts the recognizer’s words back', () => {
    const store = reviewStore();
    store.getState().acceptSuggestion('s1', 0);
    store.getState().rejectSuggestion('s1', 0);
    expect(segment(store, 's1').text).toBe('the cat sat on teh mat');
  });

  it('accepts all of a segment as one undo step', () => {
    const store = reviewStore();
    store.getState().acceptAllInSegment('s3');
    expect(segment(store, 's3').text).toBe('The cat sat on the mat');
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(segment(store, 's3').text).toBe('the cat sat on teh mat');
  });

  it('accepts everything above the threshold across the document as one undo step', () => {
    const store = reviewStore([0.95, 0.6]);
    const accepted = store.getState().acceptAllAbove(0.9);
    expect(accepted).toBe(3);
    for (const id of ['s1', 's2', 's3']) {
      expect(segment(store, id).text).toBe('The cat sat on teh mat');
      expect(decisions(store, id)).toEqual(['accepted', 'pending']);
    }
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().past[0]!.label).toBe('Accept 3 suggestions');
    store.getState().undo();
    expect(segment(store, 's1').text).toBe('the cat sat on teh mat');
    expect(store.getState().acceptAllAbove(0.99)).toBe(0);
    expect(selectCanUndo(store.getState())).toBe(false);
  });

  it('keeps an edit typed by the user when a suggestion is accepted elsewhere in the segment', () => {
    const store = reviewStore();
    store.getState().editSegment('s1', 'the dog sat on teh mat');
    store.getState().acceptSuggestion('s1', 1);
    expect(segment(store, 's1').text).toBe('the dog sat on the mat');
    expect(segment(store, 's1').origins).toEqual([
      'recognizer',
      'user',
      'recognizer',
      'recognizer',
      'corrector',
      'recognizer',
    ]);
  });
});

describe('keyboard review', () => {
  it('one cursor: selecting a segment highlights its first pending suggestion, which A takes', () => {
    const store = reviewStore();
    const state = () => store.getState();
    state().selectSegment('s2');
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's2', editIndex: 0 });
    state().acceptCurrentSuggestion();
    expect(decisions(store, 's2')).toEqual(['accepted', 'pending']);
    // The highlight stays on what was decided; J moves to the very next pending one (no skip).
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's2', editIndex: 0 });
    expect(state().moveToNeighbouringSuggestion(1)).toBe(true);
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's2', editIndex: 1 });
    state().rejectCurrentSuggestion();
    expect(decisions(store, 's2')).toEqual(['accepted', 'rejected']);
    expect(state().moveToNeighbouringSuggestion(1)).toBe(true);
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's3', editIndex: 0 });
    expect(state().selectedSegmentId).toBe('s3');
    state().moveToNeighbouringSuggestion(-1);
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's1', editIndex: 1 });
    expect(state().selectedSegmentId).toBe('s1');
  });

  it('a suggestion chosen in one segment is not acted on once another segment is selected', () => {
    const store = reviewStore();
    const state = () => store.getState();
    state().moveToSuggestion({ segmentId: 's1', editIndex: 1 });
    state().selectSegment('s3');
    expect(selectCurrentEdit(state())).toEqual({ segmentId: 's3', editIndex: 0 });
    state().acceptCurrentSuggestion();
    expect(decisions(store, 's1')).toEqual(['pending', 'pending']);
    expect(decisions(store, 's3')).toEqual(['accepted', 'pending']);
  });

  it('reports when there is nothing further to review', () => {
    const store = reviewStore();
    store.getState().acceptAllAbove(0);
    expect(store.getState().moveToNeighbouringSuggestion(1)).toBe(false);
    expect(selectCurrentEdit(store.getState())).toBeNull();
  });
});

describe('fix everywhere', () => {
  it('offers the accepted fix in the other segments and applies it as one undo step', () => {
    const store = reviewStore();
    store.getState().acceptSuggestion('s1', 1);
    const offer = store.getState().fixEverywhereOffer;
    expect(offer?.before).toBe('teh');
    expect(offer?.candidates.map((candidate) => candidate.segmentId)).toEqual(['s2', 's3']);
    store.getState().fixEverywhere();
    expect(segment(store, 's2').text).toBe('the cat sat on the mat');
    expect(segment(store, 's3').text).toBe('the cat sat on the mat');
    expect(store.getState().fixEverywhereOffer).toBeNull();
    store.getState().undo();
    expect(segment(store, 's3').text).toBe('the cat sat on teh mat');
    expect(segment(store, 's1').text).toBe('the cat sat on the mat');
  });

  it('withdraws the offer once the document changes otherwise', () => {
    const store = reviewStore();
    store.getState().acceptSuggestion('s1', 1);
    store.getState().editSegment('s2', 'something else');
    expect(store.getState().fixEverywhereOffer).toBeNull();
  });
});

describe('find and replace', () => {
  it('replaces across the document as one undo step', () => {
    const store = reviewStore();
    expect(store.getState().replaceAll('teh', 'the', { wholeWord: true })).toBe(3);
    expect(segment(store, 's2').text).toBe('the cat sat on the mat');
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(segment(store, 's2').text).toBe('the cat sat on teh mat');
    expect(store.getState().replaceAll('absent', 'x')).toBe(0);
    expect(selectCanUndo(store.getState())).toBe(false);
  });
});

describe('opening another document', () => {
  it('starts the new one with its own view state: no filter, panel, focused token or hover left over', () => {
    const store = reviewStore();
    const state = () => store.getState();
    state().setListFilter('pending');
    state().toggleAlternatives('s2');
    state().focusToken({ side: 'encoder', tokenIndex: 2 });
    state().hoverSegment('s3');
    state().moveToSuggestion({ segmentId: 's3', editIndex: 1 });
    state().openDocument(imported(transcript(2)));
    expect(state().listFilter).toBe('all');
    expect(state().alternativesSegmentId).toBeNull();
    expect(state().focusedToken).toBeNull();
    expect(state().hoveredSegmentId).toBeNull();
    expect(state().reviewCursor).toBeNull();
    expect(state().selectedSegmentId).toBe('s1');
  });
});
