/**
 * Greedy and aggressive decoding on the real tiny model (random weights, so its outputs are
 * arbitrary token strings: exactly what stresses draft verification and re-alignment).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelDirectory, type ModelDirectory } from '../../../src/corrector/runtime/config.js';
import {
  aggressiveDecode,
  fastExp,
  greedyDecode,
  lengthGroups,
  realignDraft,
  type DecodeOptions,
  type PassReview,
  type DecodedSequence,
} from '../../../src/corrector/decoding/decode.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { Seq2SeqModel } from '../../../src/corrector/runtime/model.js';
import { createModelSessions } from '../../../src/corrector/runtime/session.js';
import { buildSourceIds } from '../../../src/corrector/runtime/source.js';
import { Tokenizer } from '../../../src/corrector/runtime/tokenizer.js';

const tinyModel = new URL('../../fixtures/models/tiny-random/', import.meta.url).pathname;
const sentences = readFileSync(
  new URL('../../../assets/bench/meeting-sentences.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

/** Deterministic pseudo-random numbers for the perturbations. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function argmax(logits: Float32Array, position: number, vocabSize: number): number {
  const row = logits.subarray(position * vocabSize, (position + 1) * vocabSize);
  return row.indexOf(Math.max(...row));
}

describe('decoding with the tiny model', () => {
  let directory: ModelDirectory;
  let model: Seq2SeqModel;
  let tokenizer: Tokenizer;
  let options: DecodeOptions;

  beforeAll(async () => {
    directory = loadModelDirectory(tinyModel);
    model = new Seq2SeqModel(await createModelSessions(directory, 'cpu'), directory.config);
    tokenizer = Tokenizer.fromFile(directory.tokenizerPath);
    const special = directory.config.special_tokens;
    options = { bos: special.bos, eos: special.eos, pad: special.pad, maxTokens: 24 };
  });
  afterAll(async () => model.sessions.release());

  const encodeBatch = (texts: string[]) =>
    model.encode(
      texts.map((text) =>
        buildSourceIds(tokenizer, [text], {
          nbestMax: directory.config.nbest_max,
          maxSourceTokens: directory.config.max_source_tokens,
        }),
      ),
    );

  /** Drafts made from the greedy output by deleting, replacing, inserting and swapping tokens. */
  function perturb(tokens: number[], random: () => number): number[] {
    const draft: number[] = [];
    for (const token of tokens) {
      const roll = random();
      if (roll < 0.08) continue;
      if (roll < 0.16) draft.push(5 + Math.floor(random() * 500));
      else if (roll < 0.22) draft.push(token, 5 + Math.floor(random() * 500));
      else draft.push(token);
    }
    return draft;
  }

  it('gives the greedy output from drafts that agree, disagree or are shifted, on 240 segments', async () => {
    const random = seeded(7);
    let greedyRowPasses = 0;
    let aggressiveRowPasses = 0;
    for (let start = 0; start < 240; start += 48) {
      const texts = Array.from(
        { length: 48 },
        (_, i) => sentences[(start + i) % sentences.length]!,
      );
      const encoded = await encodeBatch(texts);
      const run = model.decoderFor(encoded);
      const greedyStats = { passes: 0, rowPasses: 0 };
      const greedy = await greedyDecode(run, texts.length, options, greedyStats);
      const drafts = greedy.map((sequence, row) => {
        const kind = row % 4;
        if (kind === 0) return sequence.tokens;
        if (kind === 1) return perturb(sequence.tokens, random);
        if (kind === 2) return sequence.tokens.slice(3);
        return tokenizer.encode(texts[row]!);
      });
      const aggressiveStats = { passes: 0, rowPasses: 0 };
      const aggressive = await aggressiveDecode(run, drafts, options, aggressiveStats);
      expect(aggressive.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
      expect(aggressive.map((s) => s.finished)).toEqual(greedy.map((s) => s.finished));
      greedyRowPasses += greedyStats.rowPasses;
      aggressiveRowPasses += aggressiveStats.rowPasses;
    }
    // Rows with exact drafts finish in one pass where greedy needs one per token.
    expect(aggressiveRowPasses).toBeLessThan(0.8 * greedyRowPasses);
  });

  it('gives the greedy output whatever a redraft proposes', async () => {
    const texts = sentences.slice(10, 40);
    const run = model.decoderFor(await encodeBatch(texts));
    const greedy = await greedyDecode(run, texts.length, options);
    const random = seeded(11);
    const drafts = texts.map((text) => tokenizer.encode(text));
    const oracleStats = { passes: 0, rowPasses: 0 };
    const oracle = await aggressiveDecode(run, drafts, options, oracleStats, (row, review) =>
      greedy[row]!.tokens.slice(review.generated.length),
    );
    const noisy = await aggressiveDecode(run, drafts, options, undefined, (row, review) =>
      row % 3 === 0
        ? undefined
        : perturb(greedy[row]!.tokens.slice(review.generated.length), random),
    );
    expect(oracle.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    expect(noisy.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    // With the right continuation proposed after the first departure, a row needs two passes.
    expect(oracleStats.passes).toBe(2);
  });

  it("shows the redraft the decoder's own choice at every block position", async () => {
    const texts = sentences.slice(0, 4);
    const run = model.decoderFor(await encodeBatch(texts));
    const drafts = texts.map((text) => tokenizer.encode(text));
    const reviews = new Map<number, PassReview>();
    await aggressiveDecode(run, drafts, options, undefined, (row, review) => {
      if (!reviews.has(row)) reviews.set(row, review);
      return undefined;
    });
    expect(reviews.size).toBe(texts.length);
    for (const [row, review] of reviews) {
      // A pass of this row alone over <bos> and the block it verified.
      const alone = await run([row], [[options.bos, ...review.block]]);
      const choices = review.block.map((_, i) => argmax(alone.logits, i, alone.vocabSize));
      expect(review.predictions).toEqual(choices);
      expect(review.block.slice(0, review.accepted)).toEqual(choices.slice(0, review.accepted));
      expect(review.generated).toEqual([
        ...review.block.slice(0, review.accepted),
        choices[review.accepted],
      ]);
    }
  });

  it('finishes a row in one pass when the draft is exactly the output', async () => {
    const texts = sentences.slice(0, 6);
    const run = model.decoderFor(await encodeBatch(texts));
    const greedy = await greedyDecode(run, texts.length, options);
    const stats = { passes: 0, rowPasses: 0 };
    const aggressive = await aggressiveDecode(
      run,
      greedy.map((sequence) => sequence.tokens),
      options,
      stats,
    );
    expect(aggressive.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    expect(stats.passes).toBe(1);
  });

  it('reports confidences as probabilities and routing rows that sum to 1', async () => {
    const run = model.decoderFor(await encodeBatch(sentences.slice(0, 3)));
    const [first] = (await greedyDecode(run, 3, options)) as [DecodedSequence];
    expect(first.tokens).toHaveLength(options.maxTokens);
    expect(first.finished).toBe(false);
    expect(first.confidences).toHaveLength(first.tokens.length);
    for (const p of first.confidences) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(first.routing).toHaveLength(directory.config.n_decoder_layers);
    for (const layer of first.routing) {
      expect(layer).toHaveLength(first.tokens.length);
      for (const row of layer) {
        expect(row).toHaveLength(directory.config.n_experts);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    }
  });

  it('leaves the routing out when asked, and nothing else', async () => {
    const run = model.decoderFor(await encodeBatch(sentences.slice(0, 3)));
    const full = await greedyDecode(run, 3, options);
    const lean = await greedyDecode(run, 3, { ...options, withRouting: false });
    expect(lean.map((s) => s.routing)).toEqual([[], [], []]);
    expect(lean.map((s) => [s.tokens, s.confidences])).toEqual(
      full.map((s) => [s.tokens, s.confidences]),
    );
  });

  it('stops at once when cancelled', async () => {
    const run = model.decoderFor(await encodeBatch(sentences.slice(0, 2)));
    const controller = new AbortController();
    controller.abort();
    await expect(greedyDecode(run, 2, { ...options, signal: controller.signal })).rejects.toThrow(
      /cancelled/,
    );
  });
});

describe('the engine on real text', () => {
  let engine: CorrectorEngine;
  beforeAll(async () => {
    engine = await CorrectorEngine.load({ modelDirectory: tinyModel, device: 'cpu' });
  });
  afterAll(async () => engine.dispose());

  it(
    'gives identical suggestions with greedy and aggressive decoding',
    { timeout: 120_000 },
    async () => {
      const segments = sentences.slice(0, 48).map((text, index) => ({
        id: `s${index}`,
        hypotheses: [text.toLowerCase().replace(/[^a-z' ]/g, ''), text],
      }));
      const greedy = await engine.correct(segments, { decoding: 'greedy', withRouting: false });
      const aggressive = await engine.correct(segments, {
        decoding: 'aggressive',
        withRouting: false,
      });
      expect(aggressive.map((r) => r.id)).toEqual(segments.map((s) => s.id));
      expect(aggressive.map((r) => r.suggestion)).toEqual(greedy.map((r) => r.suggestion));
    },
  );

  it('keeps the source when the model runs out of tokens before <eos>', async () => {
    // Random weights never choose <eos> within max_target_tokens.
    const [result] = await engine.correct([{ id: 'a', hypotheses: ['we meet on tuesday'] }]);
    expect(result!.finished).toBe(false);
    expect(result!.suggestion.text).toBe('we meet on tuesday');
    expect(result!.suggestion.edits).toEqual([]);
    expect(result!.suggestion.confidence).toBe(0);
  });
});

describe('lengthGroups', () => {
  it('keeps rows of one length together', () => {
    expect(lengthGroups([30, 30, 30, 30])).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps rows together when padding them costs less than another run', () => {
    expect(lengthGroups([30, 31, 33, 32, 30])).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('runs one long row apart from a batch of short ones', () => {
    const lengths = [...Array.from({ length: 20 }, () => 30), 70, 31];
    const groups = lengthGroups(lengths);
    expect(groups).toEqual([[...Array.from({ length: 20 }, (_, i) => i), 21], [20]]);
  });

  it('splits into groups that cover every row once and pad less than one group', () => {
    const random = seeded(3);
    for (let trial = 0; trial < 50; trial++) {
      const lengths = Array.from({ length: 1 + Math.floor(random() * 48) }, () =>
        Math.floor(5 + random() * random() * 90),
      );
      const groups = lengthGroups(lengths);
      expect(groups.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
      const padded = (group: number[]) => group.length * Math.max(...group.map((i) => lengths[i]!));
      const cost = groups.reduce((sum, group) => sum + padded(group), 0);
      expect(cost).toBeLessThanOrEqual(padded(lengths.map((_, i) => i)));
      for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
    }
  });
});

describe('fastExp', () => {
  it('agrees with Math.exp to 1e-8 over the range softmax terms take', () => {
    for (let x = -120; x <= 5; x += 0.0137) {
      expect(Math.abs(fastExp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-8);
    }
    expect(fastExp(0)).toBe(1);
  });
  it('is 0 where e^x is below the smallest double', () => {
    expect(fastExp(-800)).toBe(0);
  });
});

describe('realignDraft', () => {
  const source = [10, 11, 12, 13, 14, 15, 2];
  it('resumes after a substitution when nothing matches', () => {
    expect(realignDraft(source, [1, 10, 11, 99], 2)).toBe(3);
  });
  it('skips a deleted source token when the output picks up after it', () => {
    expect(realignDraft(source, [1, 10, 11, 13], 2)).toBe(4);
  });
  it('prefers the longest matching n-gram', () => {
    const repeated = [10, 11, 12, 10, 13, 12, 2];
    expect(realignDraft(repeated, [1, 10, 13, 12], 1)).toBe(6);
  });
});
