import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingSide } from '../../../src/document/types.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { decodeWithSpans, inferTask, topTwo } from '../../../src/corrector/routing.js';
import { Tokenizer } from '../../../src/corrector/tokenizer.js';

const tinyModel = new URL('../../fixtures/models/tiny-random/', import.meta.url).pathname;

function expectWellFormed(side: RoutingSide, layers: number, experts: number): void {
  expect(side.probabilities).toHaveLength(layers);
  expect(side.top2).toHaveLength(layers);
  side.probabilities.forEach((layer, index) => {
    expect(layer).toHaveLength(side.tokens.length);
    expect(side.top2[index]).toHaveLength(side.tokens.length);
    layer.forEach((row, token) => {
      expect(row).toHaveLength(experts);
      expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5);
      const [first, second] = side.top2[index]![token]!;
      expect(first).not.toBe(second);
      const ranked = [...row].sort((a, b) => b - a);
      expect(row[first]).toBe(ranked[0]);
      expect(row[second]).toBe(ranked[1]);
    });
  });
}

describe('routing records from the tiny model', () => {
  let engine: CorrectorEngine;
  beforeAll(async () => {
    engine = await CorrectorEngine.load({ modelDirectory: tinyModel, device: 'cpu' });
  });
  afterAll(async () => engine.dispose());

  it('covers every token of the best hypothesis and of the output, each row summing to 1', async () => {
    const source = 'the invoice totals €418 — naïve café 👍';
    const [result] = await engine.correct([
      { id: 'x', hypotheses: [source, 'the invoice totals 418', 'a second list entry'] },
    ]);
    const routing = result!.suggestion.routing!;
    const config = engine.config;
    expect(routing.experts).toEqual(config.experts);
    expectWellFormed(routing.encoder, config.n_encoder_layers, config.n_experts);
    expectWellFormed(routing.decoder, config.n_decoder_layers, config.n_experts);

    // Encoder tokens are the source's own tokens, offsets pointing into it, covering it in order.
    const tokenizer = Tokenizer.fromFile(`${tinyModel}tokenizer.json`);
    expect(routing.encoder.tokens).toHaveLength(tokenizer.encode(source).length);
    let covered = 0;
    for (const token of routing.encoder.tokens) {
      expect(token.start).toBeGreaterThanOrEqual(covered - 2);
      expect(source.slice(token.start, token.end)).toBe(token.piece);
      covered = token.end;
    }
    expect(covered).toBe(source.length);

    const massTotal = routing.expertMass.reduce((sum, mass) => sum + mass, 0);
    expect(massTotal).toBeCloseTo(1, 6);
    expect(['asr', 'ocr', 'text']).toContain(routing.inferredTask);
  });

  it('gives the decoder one routing row per output token', async () => {
    // Random weights never emit <eos>, so the output is max_target_tokens long.
    const [result] = await engine.correct([{ id: 'y', hypotheses: ['short'] }]);
    expect(result!.suggestion.routing!.decoder.tokens).toHaveLength(
      engine.config.max_target_tokens,
    );
  });
});

describe('routing helpers', () => {
  it('orders the top two experts', () => {
    expect(topTwo([0.1, 0.5, 0.3, 0.1])).toEqual([1, 2]);
    expect(topTwo([0.6, 0.1, 0.1, 0.2])).toEqual([0, 3]);
  });

  it('infers the task with the most mass and never a general expert', () => {
    expect(inferTask(['asr', 'ocr', 'text', 'general'], [0.2, 0.3, 0.1, 0.4])).toBe('ocr');
    expect(inferTask(['asr', 'asr', 'ocr', 'text'], [0.2, 0.2, 0.3, 0.3])).toBe('asr');
  });

  it('spans output tokens so that they rebuild the text, multi-byte characters included', () => {
    const tokenizer = Tokenizer.fromFile(`${tinyModel}tokenizer.json`);
    const text = 'Grüße 👋 from 東京';
    const { text: decoded, tokens } = decodeWithSpans(tokenizer, tokenizer.encode(text));
    expect(decoded).toBe(text);
    expect(tokens.map((token) => token.piece).join('')).toBe(text);
    for (const token of tokens) expect(decoded.slice(token.start, token.end)).toBe(token.piece);
  });
});
