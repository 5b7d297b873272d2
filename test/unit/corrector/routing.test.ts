import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoutingSide } from '../../../src/document/types.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { loadModelDirectory } from '../../../src/corrector/runtime/config.js';
import { greedyDecode } from '../../../src/corrector/decoding/decode.js';
import { Seq2SeqModel } from '../../../src/corrector/runtime/model.js';
import {
  buildRoutingRecord,
  decodeWithSpans,
  inferTask,
  topTwo,
} from '../../../src/corrector/decoding/routing.js';
import { createModelSessions } from '../../../src/corrector/runtime/session.js';
import { buildSourceIds } from '../../../src/corrector/runtime/source.js';
import { Tokenizer } from '../../../src/corrector/runtime/tokenizer.js';

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

  it('leaves the decoder side empty when the output was cut off, as the text shows the source', async () => {
    // Random weights never emit <eos>, so the suggestion keeps the source.
    const [result] = await engine.correct([{ id: 'y', hypotheses: ['short'] }]);
    const decoder = result!.suggestion.routing!.decoder;
    expect(decoder.tokens).toEqual([]);
    expect(decoder.probabilities).toEqual(
      Array.from({ length: engine.config.n_decoder_layers }, () => []),
    );
  });
});

describe('routing records from decoded sequences', () => {
  it('gives one decoder row per output token, offsets into the output', async () => {
    const directory = loadModelDirectory(tinyModel);
    const model = new Seq2SeqModel(await createModelSessions(directory, 'cpu'), directory.config);
    try {
      const tokenizer = Tokenizer.fromFile(directory.tokenizerPath);
      const special = directory.config.special_tokens;
      const encoded = await model.encode([
        buildSourceIds(tokenizer, ['we met on tuesday'], { nbestMax: 4, maxSourceTokens: 64 }),
      ]);
      const [decoded] = await greedyDecode(model.decoderFor(encoded), 1, {
        bos: special.bos,
        eos: special.eos,
        pad: special.pad,
        maxTokens: 20,
      });
      const output = decodeWithSpans(tokenizer, decoded!.tokens);
      const record = buildRoutingRecord({
        experts: directory.config.experts,
        encoderTokens: [],
        encoderProbabilities: [[], []],
        encoderAllProbabilities: [[], []],
        decoderTokens: output.tokens,
        decoderProbabilities: decoded!.routing,
      });
      expectWellFormed(
        record.decoder,
        directory.config.n_decoder_layers,
        directory.config.n_experts,
      );
      expect(record.decoder.tokens).toHaveLength(20);
      for (const token of record.decoder.tokens) {
        expect(output.text.slice(token.start, token.end)).toBe(token.piece);
      }
      expect(record.expertMass.reduce((sum, mass) => sum + mass, 0)).toBeCloseTo(1, 6);
    } finally {
      await model.sessions.release();
    }
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
