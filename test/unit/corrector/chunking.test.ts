import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitForModel, type Span } from '../../../src/corrector/decoding/chunking.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';

const tinyModel = new URL('../../fixtures/models/tiny-random/', import.meta.url).pathname;
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const pieces = (text: string, spans: Span[]): string[] => spans.map((span) => text.slice(...span));

describe('splitForModel', () => {
  it('keeps a segment that fits whole, without its outer white space', () => {
    expect(splitForModel('  short one \n', words, 5)).toEqual([[2, 11]]);
  });

  it('packs whole sentences while they fit', () => {
    const text = 'One two three. Four five! Six seven eight nine? Ten.';
    expect(pieces(text, splitForModel(text, words, 5))).toEqual([
      'One two three. Four five!',
      'Six seven eight nine? Ten.',
    ]);
  });

  it('cuts an unpunctuated run into even parts at word boundaries', () => {
    const text = 'a b c d e f g h i j k';
    const result = pieces(text, splitForModel(text, words, 4));
    expect(result).toEqual(['a b c d', 'e f g h', 'i j k']);
  });

  it('leaves only white space between pieces', () => {
    const text = 'First sentence here.\n\nSecond one is longer than that.  Third.';
    const spans = splitForModel(text, words, 4);
    let cursor = 0;
    for (const [start, end] of spans) {
      expect(text.slice(cursor, start)).toMatch(/^\s*$/);
      cursor = end;
    }
    expect(text.slice(cursor)).toMatch(/^\s*$/);
  });
});

describe('the engine on a segment longer than the model takes', () => {
  let engine: CorrectorEngine;
  beforeAll(async () => {
    engine = await CorrectorEngine.load({ modelDirectory: tinyModel, device: 'cpu' });
  });
  afterAll(async () => engine.dispose());

  it(
    'corrects it in pieces, keeping the text and routing offsets of the whole',
    { timeout: 60_000 },
    async () => {
      const sentence = 'the quarterly report shows revenue growth in every region we serve';
      const source = Array.from({ length: 6 }, () => sentence).join(' ');
      const [result] = await engine.correct([{ id: 'long', hypotheses: [source] }]);
      // Random weights finish no piece, so each piece keeps its source text.
      expect(result!.suggestion.text).toBe(source);
      const tokens = result!.suggestion.routing!.encoder.tokens;
      for (const token of tokens) expect(source.slice(token.start, token.end)).toBe(token.piece);
      expect(tokens.at(-1)!.end).toBe(source.length);
      expect(
        tokens
          .map((t) => t.piece)
          .join('')
          .replace(/\s/g, ''),
      ).toBe(source.replace(/\s/g, ''));
    },
  );
});
