import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GENERAL_MODEL_FILE,
  loadWordTrigramModel,
  mixedWordModel,
  modelCacheDirectory,
  NgramTable,
  type WordTrigramModel,
} from '../../../src/corrector/passes/word-trigram-model.js';

const lexiconDir = fileURLToPath(new URL('../../../assets/models/ocr-lexicon/', import.meta.url));

const ARPA = [
  '\\data\\',
  'ngram 1=4',
  'ngram 2=2',
  'ngram 3=1',
  '',
  '\\1-grams:',
  '-9.0\t<unk>',
  '-1.0\tthe\t-0.25',
  '-2.0\tcat\t-0.5',
  '-3.0\tsat',
  '',
  '\\2-grams:',
  '-0.5\tthe cat\t-0.125',
  '-0.75\tcat sat',
  '',
  '\\3-grams:',
  '-0.0625\tthe cat sat',
  '',
  '\\end\\',
  '',
].join('\n');

let scratch: string;
let tinyLexicon: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'neko-word-model-'));
  tinyLexicon = join(scratch, 'tiny');
  await mkdir(tinyLexicon);
  await writeFile(join(tinyLexicon, 'lm.arpa.gz'), gzipSync(ARPA));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The tiny model loaded once with the cache folder `name`: the cache file's path and bytes. */
async function cachedTinyModel(
  name: string,
): Promise<{ cache: string; path: string; bytes: Buffer }> {
  const cache = join(scratch, name);
  await loadWordTrigramModel(tinyLexicon, cache);
  const [file] = await readdir(cache);
  const path = join(cache, file!);
  return { cache, path, bytes: await readFile(path) };
}

/** Every score the passes ask for, over words the model knows and does not. */
function scores(model: WordTrigramModel, words: readonly string[]): number[] {
  const out: number[] = [];
  for (const a of words) {
    for (const b of words) {
      for (const c of words) out.push(model.logProbability(a, b, c));
    }
    out.push(model.wordLogProbability(a), model.knows(a) ? 1 : 0);
  }
  return out;
}

describe('loadWordTrigramModel', () => {
  it('keeps the shipped model in a cache that gives the same doubles as the parse', async () => {
    const cache = join(scratch, 'shipped-cache');
    const parsed = await loadWordTrigramModel(lexiconDir, null);
    const first = await loadWordTrigramModel(lexiconDir, cache);
    const second = await loadWordTrigramModel(lexiconDir, cache);
    expect([parsed.origin, first.origin, second.origin]).toEqual(['arpa', 'arpa', 'cache']);
    expect(await readdir(cache)).toEqual([expect.stringMatching(/^word-model-[0-9a-f]{32}\.bin$/)]);
    const words = ['<s>', '</s>', 'the', 'of', 'year', 'invoice', 'payment', 'qwzx', 'will', 'wil'];
    expect(scores(second, words)).toEqual(scores(parsed, words));
    // Trigrams found and backed off from, with and without the context's backoff.
    expect(second.logProbability('the', 'end', 'of')).not.toBe(
      second.logProbability('qwzx', 'end', 'of'),
    );
  });

  it('backs off from trigrams to bigrams and unigrams as an ARPA model does, parsed or cached', async () => {
    const cache = join(scratch, 'tiny-cache');
    const ln = (log10: number): number => log10 * Math.LN10;
    const origins: string[] = [];
    for (const cacheDirectory of [null, cache, cache]) {
      const model = await loadWordTrigramModel(tinyLexicon, cacheDirectory);
      origins.push(model.origin);
      expect(model.logProbability('the', 'cat', 'sat')).toBe(ln(-0.0625));
      // No "sat cat sat" trigram: the "sat cat" context has no backoff, the "cat sat" bigram is there.
      expect(model.logProbability('sat', 'cat', 'sat')).toBe(ln(-0.75));
      // "the cat the": the context's backoff, then "cat"'s backoff and the unigram.
      expect(model.logProbability('the', 'cat', 'the')).toBe(ln(-0.125) + ln(-0.5) + ln(-1.0));
      expect(model.logProbability('the', 'cat', 'dog')).toBe(ln(-0.125) + ln(-0.5) + ln(-9.0));
      expect(model.knows('cat')).toBe(true);
      expect(model.knows('dog')).toBe(false);
      expect(model.knows('<unk>')).toBe(false);
      expect(model.wordLogProbability('sat')).toBe(ln(-3.0));
      expect(model.wordLogProbability('dog')).toBe(ln(-9.0));
    }
    // The third load read the tables the second wrote.
    expect(origins).toEqual(['arpa', 'arpa', 'cache']);
  });

  it('parses again, and rewrites the cache, when the cache file is damaged or cut short', async () => {
    const { cache, path, bytes: good } = await cachedTinyModel('damaged-cache');
    for (const damaged of [
      Buffer.concat([good.subarray(0, good.length - 9), Buffer.from('X'), good.subarray(-8)]),
      good.subarray(0, good.length - 3),
      Buffer.from('not a cache'),
    ]) {
      await writeFile(path, damaged);
      const model = await loadWordTrigramModel(tinyLexicon, cache);
      expect(model.origin).toBe('arpa');
      expect(model.logProbability('the', 'cat', 'sat')).toBe(-0.0625 * Math.LN10);
      expect(await readFile(path)).toEqual(good);
    }
  });

  it('takes no table that a look-up could search forever, even under a good checksum', async () => {
    const { cache, path, bytes: file } = await cachedTinyModel('full-table-cache');
    // The layout (word-trigram-model.ts): a 64-byte header, the rows' two float arrays, then the
    // bigram table's keys; every slot filled is a table with no empty slot.
    const rowCount = file.readUInt32LE(16);
    const bigramSlots = file.readUInt32LE(20);
    const keysAt = 64 + 2 * 8 * rowCount;
    for (let slot = 0; slot < bigramSlots; slot++) file.writeDoubleLE(slot, keysAt + 8 * slot);
    createHash('sha256').update(file.subarray(64)).digest().copy(file, 56, 0, 8);
    await writeFile(path, file);
    const model = await loadWordTrigramModel(tinyLexicon, cache);
    expect(model.origin).toBe('arpa');
    expect(model.logProbability('sat', 'cat', 'sat')).toBe(-0.75 * Math.LN10);
  });

  it('grows its tables past the counts an ARPA file declares', async () => {
    const undercounted = join(scratch, 'undercounted');
    await mkdir(undercounted);
    const words = Array.from({ length: 40 }, (_, index) => `w${index}`);
    const arpa = [
      '\\data\\',
      'ngram 1=1',
      'ngram 2=1',
      '',
      '\\1-grams:',
      '-9.0\t<unk>',
      ...words.map((word) => `-2.0\t${word}\t-0.5`),
      '',
      '\\2-grams:',
      ...words.slice(1).map((word, index) => `-0.25\t${words[index]!} ${word}`),
      '',
      '\\end\\',
      '',
    ].join('\n');
    await writeFile(join(undercounted, 'lm.arpa.gz'), gzipSync(arpa));
    for (const cacheDirectory of [null, join(scratch, 'undercounted-cache')]) {
      const model = await loadWordTrigramModel(undercounted, cacheDirectory);
      expect(model.logProbability('<s>', 'w38', 'w39')).toBe(-0.25 * Math.LN10);
      expect(model.logProbability('<s>', 'w39', 'w0')).toBe(-0.5 * Math.LN10 + -2.0 * Math.LN10);
    }
  });

  it("does not take another ARPA file's cache", async () => {
    const cache = join(scratch, 'other-cache');
    const other = join(scratch, 'other');
    await mkdir(other);
    await writeFile(join(other, 'lm.arpa.gz'), gzipSync(ARPA.replace('-3.0\tsat', '-3.5\tsat')));
    await loadWordTrigramModel(tinyLexicon, cache);
    const model = await loadWordTrigramModel(other, cache);
    expect(model.origin).toBe('arpa');
    expect(model.wordLogProbability('sat')).toBe(-3.5 * Math.LN10);
    expect(await readdir(cache)).toHaveLength(2);
  });

  it('works without a cache where the cache folder cannot be made', async () => {
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, 'in the way');
    const cache = join(blocker, 'cache');
    for (let run = 0; run < 2; run++) {
      const model = await loadWordTrigramModel(tinyLexicon, cache);
      expect(model.origin).toBe('arpa');
      expect(model.knows('sat')).toBe(true);
    }
  });

  it('names a missing ARPA file', async () => {
    const empty = await mkdtemp(join(scratch, 'empty-'));
    await expect(loadWordTrigramModel(empty, join(scratch, 'c'))).rejects.toThrow(
      `${join(empty, 'lm.arpa.gz')} is missing`,
    );
  });

  it('copies of the same file share one cache entry', async () => {
    const cache = join(scratch, 'shared-cache');
    const copy = join(scratch, 'copy');
    await mkdir(copy);
    await copyFile(join(tinyLexicon, 'lm.arpa.gz'), join(copy, 'lm.arpa.gz'));
    await loadWordTrigramModel(tinyLexicon, cache);
    expect((await loadWordTrigramModel(copy, cache)).origin).toBe('cache');
  });
});

describe('mixedWordModel', () => {
  it('interpolates two models n-gram by n-gram, each backing off on its own', async () => {
    const ln = (log10: number): number => log10 * Math.LN10;
    const tiny = await loadWordTrigramModel(tinyLexicon, null);
    const general = join(scratch, 'general');
    await mkdir(general);
    // Knows "dog", which the tiny corpus model does not, and backs "the cat" off differently.
    const generalArpa = [
      '\\data\\',
      'ngram 1=4',
      'ngram 2=1',
      '',
      '\\1-grams:',
      '-7.0\t<unk>',
      '-1.5\tthe\t-0.3',
      '-2.5\tcat',
      '-2.0\tdog',
      '',
      '\\2-grams:',
      '-0.2\tthe dog',
      '',
      '\\end\\',
      '',
    ].join('\n');
    await writeFile(join(general, GENERAL_MODEL_FILE), gzipSync(generalArpa));
    const second = await loadWordTrigramModel(general, null, GENERAL_MODEL_FILE);
    const mixed = mixedWordModel(tiny, second, 0.25);
    const mix = (a: number, b: number): number => Math.log(0.75 * Math.exp(a) + 0.25 * Math.exp(b));
    expect(mixed.logProbability('the', 'cat', 'sat')).toBeCloseTo(mix(ln(-0.0625), ln(-7.0)), 12);
    expect(mixed.logProbability('<s>', 'the', 'dog')).toBeCloseTo(
      mix(ln(-0.25) + ln(-9.0), ln(-0.2)),
      12,
    );
    expect(mixed.logProbability('<s>', 'the', 'dog')).toBeGreaterThan(
      tiny.logProbability('<s>', 'the', 'dog'),
    );
    // What a word is known as stays the corpus model's (the writing pass's thresholds are set on it).
    expect(mixed.knows('dog')).toBe(false);
    expect(mixed.wordLogProbability('cat')).toBe(ln(-2.0));
  });

  it('mixes in the shipped general model, which knows words the corpus model has not seen', async () => {
    const corpus = await loadWordTrigramModel(lexiconDir, null);
    const general = await loadWordTrigramModel(lexiconDir, null, GENERAL_MODEL_FILE);
    const unseen = ['sunscreen', 'overdraft'].filter((word) => !corpus.knows(word));
    expect(unseen).toHaveLength(2);
    for (const word of unseen) expect(general.knows(word)).toBe(true);
  });
});

describe('NgramTable', () => {
  it('replaces a row on set, grows past the count it was made for, and answers -1 for a missing key', () => {
    const table = NgramTable.forCount(2);
    const keys = Array.from({ length: 1000 }, (_, i) => i * 2 ** 33 + 7 * i);
    keys.forEach((key, row) => table.set(key, row));
    table.set(keys[5]!, 999_999);
    expect(keys.map((key) => table.get(key))).toEqual(
      keys.map((_, row) => (row === 5 ? 999_999 : row)),
    );
    expect(table.get(2 ** 50 + 3)).toBe(-1);
    expect(table.setIfAbsent(keys[7]!, 1)).toBe(7);
  });
});

describe('modelCacheDirectory', () => {
  it("follows NEKO_CACHE_DIR, then the platform's cache folder", () => {
    expect(modelCacheDirectory({ NEKO_CACHE_DIR: '/srv/cache' }, 'linux', '/home/u')).toBe(
      '/srv/cache',
    );
    expect(modelCacheDirectory({}, 'linux', '/home/u')).toBe('/home/u/.cache/neko-studio');
    expect(modelCacheDirectory({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe(
      '/x/neko-studio',
    );
    // A relative XDG_CACHE_HOME is invalid (XDG spec) and ignored.
    expect(modelCacheDirectory({ XDG_CACHE_HOME: 'x' }, 'linux', '/home/u')).toBe(
      '/home/u/.cache/neko-studio',
    );
    expect(modelCacheDirectory({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Caches/NeKo Studio',
    );
    expect(modelCacheDirectory({ LOCALAPPDATA: '/L' }, 'win32', '/h')).toBe(
      join('/L', 'NeKo Studio', 'Cache'),
    );
  });
});
