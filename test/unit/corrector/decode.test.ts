/**
 * Greedy and aggressive decoding on the real tiny model (random weights, so its outputs are
 * arbitrary token strings: exactly what stresses draft verification and re-alignment).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelDirectory, type ModelDirectory } from '../../../src/corrector/runtime/config.js';
import {
  aggressiveDecode,
  decodeJobs,
  greedyDecode,
  passLength,
  realignDraft,
  type DecodeOptions,
  type PassReview,
  type DecodedSequence,
} from '../../../src/corrector/decoding/decode.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { Seq2SeqModel, type DecoderPool } from '../../../src/corrector/runtime/model.js';
import { createModelSessions } from '../../../src/corrector/runtime/session.js';
import { buildSourceIds } from '../../../src/corrector/runtime/source.js';
import { Tokenizer } from '../../../src/corrector/runtime/tokenizer.js';
import { expectAlike } from './alike.js';

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
      const greedyStats = { passes: 0, rowPasses: 0 };
      const greedy = await greedyDecode(
        model.decoderFor(encoded),
        texts.length,
        options,
        greedyStats,
      );
      const drafts = greedy.map((sequence, row) => {
        const kind = row % 4;
        if (kind === 0) return sequence.tokens;
        if (kind === 1) return perturb(sequence.tokens, random);
        if (kind === 2) return sequence.tokens.slice(3);
        return tokenizer.encode(texts[row]!);
      });
      const aggressiveStats = { passes: 0, rowPasses: 0 };
      const aggressive = await aggressiveDecode(
        model.decoderFor(encoded),
        drafts,
        options,
        aggressiveStats,
      );
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
    const encoded = await encodeBatch(texts);
    const run = (): DecoderPool => model.decoderFor(encoded);
    const greedy = await greedyDecode(run(), texts.length, options);
    const random = seeded(11);
    const drafts = texts.map((text) => tokenizer.encode(text));
    const oracleStats = { passes: 0, rowPasses: 0 };
    const oracle = await aggressiveDecode(run(), drafts, options, oracleStats, (row, review) =>
      greedy[row]!.tokens.slice(review.generated.length),
    );
    const noisy = await aggressiveDecode(run(), drafts, options, undefined, (row, review) =>
      row % 3 === 0
        ? undefined
        : perturb(greedy[row]!.tokens.slice(review.generated.length), random),
    );
    expect(oracle.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    expect(noisy.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    // With the right continuation proposed after the first departure, a row needs only a few
    // passes (blocks halve after a departure and double while accepted), greedy one per token.
    expect(oracleStats.passes).toBeLessThanOrEqual(options.maxTokens / 4);
  });

  it("shows the redraft the decoder's own choice at every block position", async () => {
    const texts = sentences.slice(0, 4);
    const encoded = await encodeBatch(texts);
    const run = (): DecoderPool => model.decoderFor(encoded);
    const drafts = texts.map((text) => tokenizer.encode(text));
    const reviews = new Map<number, PassReview>();
    await aggressiveDecode(run(), drafts, options, undefined, (row, review) => {
      if (!reviews.has(row)) reviews.set(row, review);
      return undefined;
    });
    expect(reviews.size).toBe(texts.length);
    for (const [row, review] of reviews) {
      // A pass of this row alone over <bos> and the block it verified, on a fresh cache.
      const alone = model.decoderFor(encoded);
      const inputs = texts.map((_, k) => (k === row ? [options.bos, ...review.block] : undefined));
      const pass = await alone.step(inputs, new Array<number>(texts.length).fill(0));
      const choices = review.block.map((_, i) => Number(pass.tokens[row * pass.length + i]));
      expect(review.predictions).toEqual(choices);
      expect(review.block.slice(0, review.accepted)).toEqual(choices.slice(0, review.accepted));
      expect(review.generated).toEqual([
        ...review.block.slice(0, review.accepted),
        choices[review.accepted],
      ]);
    }
  });

  it('decodes with the cache exactly as one uncached pass over the whole output does', async () => {
    const texts = sentences.slice(40, 52);
    const encoded = await encodeBatch(texts);
    const greedy = await greedyDecode(model.decoderFor(encoded), texts.length, options);
    // Every position of a row at once on an empty cache: the decoder without a cache.
    const uncached = model.decoderFor(encoded);
    const inputs = greedy.map((sequence) => [options.bos, ...sequence.tokens]);
    const pass = await uncached.step(inputs, new Array<number>(texts.length).fill(0));
    greedy.forEach((sequence, row) => {
      const produced = sequence.finished ? [...sequence.tokens, options.eos] : sequence.tokens;
      produced.forEach((token, i) => {
        const at = row * pass.length + i;
        expect(Number(pass.tokens[at])).toBe(token);
        expect(pass.probabilities[at]).toBeCloseTo(sequence.confidences[i]!, 5);
        if (i >= sequence.tokens.length) return;
        for (let layer = 0; layer < pass.layers; layer++) {
          const base = ((layer * pass.batch + row) * pass.length + i) * pass.experts;
          Array.from(pass.routerProbs.subarray(base, base + pass.experts)).forEach((p, e) =>
            expect(p).toBeCloseTo(sequence.routing[layer]![i]![e]!, 5),
          );
        }
      });
    });
  });

  it("hands a finished row's slot to the next job and returns every job once", async () => {
    const texts = sentences.slice(60, 80);
    const encoded = await encodeBatch(texts);
    const reference = await greedyDecode(model.decoderFor(encoded), texts.length, {
      ...options,
      maxTokens: 12,
    });
    const slots = 3;
    const pool = model.decoderPool(slots);
    let next = 0;
    const admitted: number[] = [];
    const results = new Map<number, DecodedSequence>();
    const random = seeded(5);
    await decodeJobs(
      pool,
      {
        take: (slot) => {
          if (next >= texts.length) return Promise.resolve(undefined);
          const row = next++;
          pool.admit(slot, encoded, row);
          admitted.push(slot);
          // Half of them with drafts, so that rows of one pass feed different lengths.
          const draft = row % 2 ? perturb(reference[row]!.tokens, random) : undefined;
          return Promise.resolve({ row, ...(draft ? { draft } : {}) });
        },
      },
      (job, sequence) => {
        expect(results.has(job.row)).toBe(false);
        results.set(job.row, sequence);
      },
      { ...options, maxTokens: 12 },
    );
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
    for (const [row, sequence] of results) {
      expect(sequence.tokens).toEqual(reference[row]!.tokens);
      expect(sequence.confidences).toHaveLength(reference[row]!.confidences.length);
      sequence.confidences.forEach((p, i) =>
        expect(p).toBeCloseTo(reference[row]!.confidences[i]!, 5),
      );
    }
    // Slots were reused: only `slots` distinct slots for all the jobs.
    expect(new Set(admitted).size).toBe(slots);
  });

  it('verifies an exact draft in blocks that double while accepted', async () => {
    const texts = sentences.slice(0, 6);
    const encoded = await encodeBatch(texts);
    const greedy = await greedyDecode(model.decoderFor(encoded), texts.length, options);
    const stats = { passes: 0, rowPasses: 0 };
    const aggressive = await aggressiveDecode(
      model.decoderFor(encoded),
      greedy.map((sequence) => sequence.tokens),
      options,
      stats,
    );
    expect(aggressive.map((s) => s.tokens)).toEqual(greedy.map((s) => s.tokens));
    // 24 tokens: a first block of 12 (plus the model's own next token), then the rest.
    expect(stats.passes).toBe(2);
  });

  it('reports confidences as probabilities and routing rows that sum to 1', async () => {
    const encoded = await encodeBatch(sentences.slice(0, 3));
    const run = (): DecoderPool => model.decoderFor(encoded);
    const [first] = (await greedyDecode(run(), 3, options)) as [DecodedSequence];
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
    const encoded = await encodeBatch(sentences.slice(0, 3));
    const run = (): DecoderPool => model.decoderFor(encoded);
    const full = await greedyDecode(run(), 3, options);
    const lean = await greedyDecode(run(), 3, { ...options, withRouting: false });
    expect(lean.map((s) => s.routing)).toEqual([[], [], []]);
    expect(lean.map((s) => [s.tokens, s.confidences])).toEqual(
      full.map((s) => [s.tokens, s.confidences]),
    );
  });

  it('stops at once when cancelled', async () => {
    const encoded = await encodeBatch(sentences.slice(0, 2));
    const run = (): DecoderPool => model.decoderFor(encoded);
    const controller = new AbortController();
    controller.abort();
    await expect(greedyDecode(run(), 2, { ...options, signal: controller.signal })).rejects.toThrow(
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
      expectAlike(
        aggressive.map((r) => r.suggestion),
        greedy.map((r) => r.suggestion),
      );
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

describe('passLength', () => {
  it('feeds one position a slot when no row has a draft (greedy)', () => {
    expect(passLength([0, 0, 0], 3)).toBe(1);
  });

  it('feeds the whole block when every row wants it', () => {
    expect(
      passLength(
        Array.from({ length: 48 }, () => 20),
        48,
      ),
    ).toBe(21);
  });

  it('does not pad every slot for one long block', () => {
    const wanted = [...Array.from({ length: 47 }, () => 3), 40];
    expect(passLength(wanted, 48)).toBe(4);
  });

  it('pads idle slots too, so a lone row may take a long block', () => {
    expect(passLength([30], 1)).toBe(31);
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
