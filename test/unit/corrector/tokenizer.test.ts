import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSourceIds, buildSourceTokens } from '../../../src/corrector/runtime/source.js';
import {
  Tokenizer,
  TokenizerError,
  type TokenizerSpec,
} from '../../../src/corrector/runtime/tokenizer.js';

// Written by training/make_tokenizer_fixture.py from the Python tokenizer (training/tokenizer.py).
const fixtureDir = new URL('../../fixtures/tokenizer/', import.meta.url);
const tokenizer = Tokenizer.fromFile(new URL('tokenizer.json', fixtureDir).pathname);

interface EncodeCase {
  text: string;
  ids: number[];
}
interface SourceCase {
  hypotheses: string[];
  nbest_max: number;
  max_source_tokens: number;
  source_ids: number[];
}

const records = gunzipSync(readFileSync(new URL('parity.jsonl.gz', fixtureDir)))
  .toString('utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => JSON.parse(line) as EncodeCase | SourceCase);
const encodeCases = records.filter((record): record is EncodeCase => 'text' in record);
const sourceCases = records.filter((record): record is SourceCase => 'source_ids' in record);

describe('Tokenizer parity with training/tokenizer.py', () => {
  it('has at least 10,000 strings covering the hard cases', () => {
    expect(encodeCases.length).toBeGreaterThanOrEqual(10_000);
    const texts = encodeCases.map((c) => c.text);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Script=Han}/u.test(t))).toBe(true);
    expect(texts.some((t) => /\p{M}/u.test(t))).toBe(true);
    expect(texts.some((t) => [...t].some((c) => c.charCodeAt(0) < 0x09))).toBe(true);
    expect(texts.some((t) => /\s{20}/.test(t))).toBe(true);
  });

  it('yields the same ids as Python for every string', () => {
    const mismatches = encodeCases.filter(
      (c) => JSON.stringify(tokenizer.encode(c.text)) !== JSON.stringify(c.ids),
    );
    expect(mismatches.slice(0, 3).map((c) => c.text)).toEqual([]);
  });

  it('round-trips every string exactly', () => {
    const broken = encodeCases.filter((c) => tokenizer.decode(tokenizer.encode(c.text)) !== c.text);
    expect(broken.slice(0, 3).map((c) => c.text)).toEqual([]);
  });

  it('builds the same encoder input as Python for N-best lists under every limit', () => {
    expect(sourceCases.length).toBeGreaterThan(100);
    for (const c of sourceCases) {
      const limits = { nbestMax: c.nbest_max, maxSourceTokens: c.max_source_tokens };
      expect(buildSourceIds(tokenizer, c.hypotheses, limits)).toEqual(c.source_ids);
    }
  });
});

describe('Tokenizer', () => {
  it('merges frequent words into few pieces', () => {
    const ids = tokenizer.encode(' the United States');
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(tokenizer.decode(ids)).toBe(' the United States');
  });

  it('gives each token the characters it came from, also inside surrogate pairs', () => {
    const text = 'ok 👍🏽 日本 done';
    const spans = tokenizer.encodeWithSpans(text);
    expect(spans.map((s) => s.id)).toEqual(tokenizer.encode(text));
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.start);
      expect(spans[i]!.end).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
    expect(spans[0]!.start).toBe(0);
    expect(spans.at(-1)!.end).toBe(text.length);
    const thumbTokens = spans.filter((s) => s.start === text.indexOf('👍'));
    expect(thumbTokens.length).toBeGreaterThan(0);
    for (const token of thumbTokens) expect(token.end - token.start).toBe(2);
  });

  it('skips special tokens and replaces invalid UTF-8 when decoding', () => {
    const { bos, eos, sep } = tokenizer.special;
    expect(tokenizer.decode([bos, ...tokenizer.encode('a b'), sep, eos])).toBe('a b');
    const loneContinuationByte = 5 + 0x80;
    expect(tokenizer.decode([loneContinuationByte])).toBe('\uFFFD');
  });

  it('keeps the best hypothesis whole and drops later ones that do not fit', () => {
    const best = 'the quick brown fox';
    const bestIds = tokenizer.encode(best);
    const tokens = buildSourceTokens(
      tokenizer,
      [best, 'the quick brown fax jumps over everything'],
      {
        nbestMax: 5,
        maxSourceTokens: bestIds.length + 3,
      },
    );
    expect(tokens.map((t) => t.id)).toEqual([...bestIds, tokenizer.special.eos]);
    expect(
      tokens
        .filter((t) => t.hypothesis === 0)
        .map((t) => best.slice(t.start, t.end))
        .join(''),
    ).toBe(best);
  });

  it('rejects a tokenizer file that is not one', () => {
    const spec = JSON.parse(
      readFileSync(new URL('tokenizer.json', fixtureDir), 'utf8'),
    ) as TokenizerSpec;
    expect(() => new Tokenizer({ ...spec, type: 'sentencepiece' }, 'x.json')).toThrow(
      TokenizerError,
    );
    const forwardReference = { ...spec, merges: [[9999, 5], ...spec.merges] as [number, number][] };
    expect(
      () => new Tokenizer({ ...forwardReference, vocab_size: spec.vocab_size + 1 }, 'x.json'),
    ).toThrow(/x\.json: merge 0/);
  });
});
