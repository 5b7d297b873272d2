import { describe, expect, it } from 'vitest';
import {
  cellAt,
  certainty,
  heatmapLayout,
  topExpert,
} from '../../../renderer/components/heatmap-drawing.js';
import { shortcutFor } from '../../../renderer/components/shortcuts.js';
import { splitWords, suggestionRuns } from '../../../renderer/components/text-pieces.js';
import type { RoutingSide } from '../../../src/document/types.js';
import { catSuggestion } from './documents.js';

const press = (
  key: string,
  modifiers: { ctrl?: boolean; shift?: boolean; meta?: boolean } = {},
) => ({
  key,
  ctrlKey: Boolean(modifiers.ctrl),
  metaKey: Boolean(modifiers.meta),
  shiftKey: Boolean(modifiers.shift),
  altKey: false,
});

describe('keyboard shortcuts', () => {
  it('maps keys to review actions, with Ctrl or Cmd for undo and redo', () => {
    expect(shortcutFor(press('j'), false)).toBe('next-suggestion');
    expect(shortcutFor(press('a'), false)).toBe('accept');
    expect(shortcutFor(press('A', { shift: true }), false)).toBe('accept-segment');
    expect(shortcutFor(press('z', { ctrl: true }), false)).toBe('undo');
    expect(shortcutFor(press('z', { meta: true }), false)).toBe('undo');
    expect(shortcutFor(press('Z', { ctrl: true, shift: true }), false)).toBe('redo');
    expect(shortcutFor(press('y', { ctrl: true }), false)).toBe('redo');
    expect(shortcutFor(press('?', { shift: true }), false)).toBe('shortcuts');
  });

  it('leaves typing alone except for the window-wide commands', () => {
    expect(shortcutFor(press('a'), true)).toBeUndefined();
    expect(shortcutFor(press('z', { ctrl: true }), true)).toBeUndefined();
    expect(shortcutFor(press('s', { ctrl: true }), true)).toBe('save');
    expect(shortcutFor(press('x'), false)).toBeUndefined();
  });
});

describe('suggestion text runs', () => {
  it('cuts the corrected text into unchanged runs and one run per edit', () => {
    const { suggestion } = catSuggestion();
    expect(suggestionRuns(suggestion.text, suggestion.edits)).toEqual([
      { text: 'The', editIndex: 0 },
      { text: ' cat sat on ', editIndex: -1 },
      { text: 'the', editIndex: 1 },
      { text: ' mat', editIndex: -1 },
    ]);
  });

  it('places a deletion as an empty run where the words were', () => {
    const runs = suggestionRuns('a c', [
      {
        kind: 'delete',
        sourceSpan: [2, 4],
        targetSpan: [2, 2],
        before: 'b ',
        after: '',
        confidence: 0.8,
        decision: 'pending',
      },
    ]);
    expect(runs).toEqual([
      { text: 'a ', editIndex: -1 },
      { text: '', editIndex: 0 },
      { text: 'c', editIndex: -1 },
    ]);
  });

  it('numbers words and keeps offsets of every piece', () => {
    const pieces = splitWords(' two  words');
    expect(pieces.map((piece) => [piece.text, piece.start, piece.wordIndex])).toEqual([
      [' ', 0, -1],
      ['two', 1, 0],
      ['  ', 4, -1],
      ['words', 6, 1],
    ]);
  });
});

describe('heatmap geometry', () => {
  const side: RoutingSide = {
    tokens: [
      { piece: 'a', start: 0, end: 1 },
      { piece: 'b', start: 2, end: 3 },
    ],
    probabilities: [
      [
        [0.7, 0.1, 0.1, 0.1],
        [0.1, 0.2, 0.6, 0.1],
      ],
      [
        [0.25, 0.25, 0.25, 0.25],
        [0.1, 0.1, 0.1, 0.7],
      ],
    ],
    top2: [
      [
        [0, 1],
        [2, 1],
      ],
      [
        [1, 0],
        [3, 0],
      ],
    ],
  };

  it('finds the cell under the pointer and nothing outside the grid', () => {
    const layout = heatmapLayout(side);
    expect(cellAt(layout, layout.left + layout.cellWidth + 1, layout.cellHeight + 1)).toEqual({
      layer: 1,
      token: 1,
    });
    expect(cellAt(layout, layout.left - 1, 1)).toBeNull();
    expect(cellAt(layout, layout.left + 2 * layout.cellWidth, 1)).toBeNull();
    expect(cellAt(layout, layout.left + 1, 2 * layout.cellHeight)).toBeNull();
  });

  it('colours by the router’s chosen expert, with intensity above a uniform guess', () => {
    expect(topExpert(side, 0, 1)).toEqual({ expert: 2, probability: 0.6 });
    expect(topExpert(side, 1, 0)).toEqual({ expert: 1, probability: 0.25 });
    expect(certainty(0.25, 4)).toBe(0);
    expect(certainty(1, 4)).toBe(1);
    expect(certainty(0.625, 4)).toBeCloseTo(0.5);
  });
});
