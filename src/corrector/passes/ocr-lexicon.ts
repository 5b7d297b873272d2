/**
 * The OCR lexical pass: a noisy-channel word corrector for OCR lines, run after the neural model.
 *
 * Each word of the line may stay as it is, become a known word within a small weighted edit distance
 * (tesseract's own confusions cost less), split in two ("ofthe" → "of the"), or, for a lone "|" or
 * "!", become "I". A beam search over the line picks the words that maximize
 *
 *     ln P_lm(words) - channel_weight * (edit cost + known_word_penalty if the source word is known)
 *
 * with P_lm a word trigram backoff model read from ARPA. Every replacement carries a confidence: the
 * posterior of the chosen word among its position's options, with the words around it as the best
 * path has them, calibrated where channel.json says how into the probability that the edit helps
 * (`calibrated`).
 *
 * This is the twin of `OcrLexicon` in training/ocr_lexicon.py and must give the same output to the
 * last bit: test/unit/corrector/ocr-lexicon.test.ts compares both on dev lines. Hence the care below
 * about the order of float additions, of sorts and of ties; change both files together.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { editDistance } from '../../align/sequence.js';
import { CorrectorUnavailable } from '../errors.js';
import { americanSpelling } from './british-spelling.js';
import { wordSpans } from './confident-words.js';
import { readText, textLines } from './model-files.js';
import {
  GENERAL_MODEL_FILE,
  loadWordTrigramModel,
  mixedWordModel,
  NgramTable,
  type WordTrigramModel,
} from './word-trigram-model.js';

/** One word replacement; `start`/`end` are UTF-16 offsets in the input line. */
export interface LexicalEdit {
  start: number;
  end: number;
  text: string;
  confidence: number;
}

export interface LexicalCorrection {
  text: string;
  edits: LexicalEdit[];
  /**
   * The last two words of the line's best path for the word model, "<s>" where it has fewer: the
   * context the next line starts from where the sentence runs on (ocr-refine.ts runsOn).
   */
  lastWords: readonly [string, string];
}

export interface OcrLexiconSettings {
  channel_weight: number;
  known_word_penalty: number;
  split_cost: number;
  split_min_count: number;
  pipe_cost: number;
  candidates: number;
  /** Far candidates (beyond the deletion search) for unknown all-letter words this long or longer. */
  far_min_length: number;
  /** How many words sharing the most letter bigrams with the word are scored. */
  far_shortlist: number;
  /** A far candidate is at most this many edits per letter of the word away. */
  far_edits_per_letter: number;
  far_candidates: number;
  /** Taken off a far candidate's cost (floored at 0): a long word has more letters to garble. */
  far_discount: number;
  beam: number;
  model_min_confidence: number;
  /** The lexical pass's own edits below this confidence are not proposed (0 when absent). */
  lexicon_min_confidence?: number | undefined;
  /**
   * The general English model's share in the word model the pass scores with (0 when absent: the
   * corpus model alone); above 0, the directory must hold its `general-lm.arpa.gz`.
   */
  general_lm_weight?: number | undefined;
  /**
   * A change of a word costs this times (the recognizer's confidence in it − the midpoint) more,
   * floored at 0 (0 when absent: confidences are not read).
   */
  recognizer_confidence_weight?: number | undefined;
  /** 0.5 when absent. */
  recognizer_confidence_midpoint?: number | undefined;
  /**
   * A line whose sentence may run on from the line before is read from that line's last words, or
   * as a new sentence at this cost in ln-probability (a heading, or "Dear Mrs" after an address).
   * Absent: every line is read as a new sentence.
   */
  new_sentence_cost?: number | undefined;
  /**
   * Weights that turn an edit's posterior into the probability that it lowers the line's character
   * errors (`calibrationFeatures`; fitted by training/tools/fit_lexicon_gate.py). Absent: the
   * posterior is the edit's confidence.
   */
  edit_calibration?: EditCalibration | undefined;
}

/** The calibration's weights, in the order of calibrationFeatures (Python's CALIBRATION_FEATURES). */
const CALIBRATION_WEIGHTS = [
  'posterior_logit',
  'known_word',
  'length',
  'capitalized',
  'candidate_count',
  'similarity',
  'word_repeats',
  'replacement_in_document',
] as const;

export type EditCalibration = Record<'bias' | (typeof CALIBRATION_WEIGHTS)[number], number>;

const CHANNEL_FILE = 'channel.json';
const CANDIDATES_FILE = 'candidates.txt.gz';
const KNOWN_WORDS_FILE = 'known-words.txt.gz';

const SENTENCE_START = '<s>';
const SENTENCE_END = '</s>';

function lastTwo(words: readonly string[]): [string, string] {
  return [words[words.length - 2]!, words[words.length - 1]!];
}

/** Distinct words whose options are kept (OcrLexicon.optionsByWord): a few megabytes. */
const OPTIONS_CACHE_SIZE = 50_000;

/**
 * Python's `\s` (str.isspace), which differs from JavaScript's: it includes U+001C–U+001F and U+0085
 * but not U+FEFF. The lone "|"/"!" must be delimited exactly as the reference delimits it.
 */
const PYTHON_SPACE =
  '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/**
 * A word of the line: letters and digits with inner apostrophes, or a lone "|" or "!" (tesseract's
 * "I"). No `u` flag, so offsets are UTF-16 code units and a surrogate counts as a non-space, as an
 * astral character does for Python's `\S`.
 */
const WORD = new RegExp(
  `[A-Za-z0-9]+(?:['\\u2019][A-Za-z]+)*|(?<![^${PYTHON_SPACE}])[|!](?![^${PYTHON_SPACE}])`,
  'g',
);

/** The index of the white-space separated word (given by its starts) that holds `offset`. */
function wordIndexAt(wordStarts: readonly number[], offset: number): number {
  let index = -1;
  while (index + 1 < wordStarts.length && wordStarts[index + 1]! <= offset) index++;
  return index;
}

/**
 * A word tied to a number by "-" or "/" is part of a reference code ("NW-4471", "COVID-19", "A/3"):
 * its letters are not a word of the language, so the pass keeps them as printed.
 */
function inReferenceCode(line: string, start: number, end: number): boolean {
  return (
    /^[-/][0-9]/.test(line.slice(end, end + 2)) ||
    /^[0-9][-/]$/.test(line.slice(Math.max(0, start - 2), start))
  );
}

/**
 * A word that a letter or mark outside A–Z touches is a piece of a longer word ("H" "ô" "pital",
 * "Exup" "é" "ry"): the lexicon knows English words in A–Z only, and respelt, the piece made
 * "Hôpital" "Hôvital" and "Exupéry" "Exupémy", so the pass keeps it as printed. (Python's
 * `in_longer_word`: both read code points, so an astral letter counts as one.)
 */
function inLongerWord(line: string, start: number, end: number): boolean {
  return (
    /[\p{L}\p{M}]$/u.test(line.slice(Math.max(0, start - 2), start)) ||
    /^[\p{L}\p{M}]/u.test(line.slice(end, end + 2))
  );
}

const settingsSchema = z.object({
  channel_weight: z.number().nonnegative(),
  known_word_penalty: z.number().nonnegative(),
  split_cost: z.number().nonnegative(),
  split_min_count: z.number().int().nonnegative(),
  pipe_cost: z.number().nonnegative(),
  candidates: z.number().int().positive(),
  far_min_length: z.number().int().nonnegative(),
  far_shortlist: z.number().int().nonnegative(),
  far_edits_per_letter: z.number().nonnegative(),
  far_candidates: z.number().int().nonnegative(),
  far_discount: z.number().nonnegative(),
  beam: z.number().int().positive(),
  model_min_confidence: z.number().min(0).max(1),
  lexicon_min_confidence: z.number().min(0).max(1).optional(),
  general_lm_weight: z.number().min(0).lt(1).optional(),
  recognizer_confidence_weight: z.number().nonnegative().optional(),
  recognizer_confidence_midpoint: z.number().min(0).max(1).optional(),
  new_sentence_cost: z.number().nonnegative().optional(),
  edit_calibration: z
    .object(
      Object.fromEntries(['bias', ...CALIBRATION_WEIGHTS].map((name) => [name, z.number()])) as {
        [name in keyof EditCalibration]: z.ZodNumber;
      },
    )
    .optional(),
});

/** channel.json: the settings, and the confusions as [OCR text, intended text, cost]. */
const channelSchema = settingsSchema.extend({
  confusions: z.array(z.tuple([z.string().min(1), z.string().min(1), z.number().nonnegative()])),
});

// -------------------------------------------------------------------------------------------------
// Reading the files

/** A settled promise's value, or its error thrown. */
function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function parseSettings(text: string, path: string): z.infer<typeof channelSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CorrectorUnavailable(`${path} is not valid JSON (${(error as Error).message})`);
  }
  const result = channelSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.map(String).join('.')}": ` : '';
  throw new CorrectorUnavailable(`${path}: ${where}${issue?.message ?? 'invalid settings'}`);
}

// -------------------------------------------------------------------------------------------------
// The channel and the lexicon

/**
 * Calls `visit` with the key (formKey) of every string made from `word` by deleting up to `depth`
 * (at most 2) characters, the word itself included (Python's `deletions` set). Each choice of
 * positions is visited once; a string that repeated letters make in two ways comes twice. Keys
 * instead of strings: the lexicon's index holds about a million forms, and making each as a string
 * was most of the pass's load (1.0 of 1.2 s).
 */
function visitDeletionKeys(word: string, depth: number, visit: (key: number) => void): void {
  visit(formKey(word, -1, -1));
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    visit(formKey(word, i, -1));
    if (depth === 1) continue;
    for (let j = i + 1; j < word.length; j++) visit(formKey(word, i, j));
  }
}

/**
 * A 51-bit key of `word` without its code units at `skip` and `skipToo` (-1: none), from two 32-bit
 * hashes (FNV-1a and a murmur-style mix). The shipped lexicon's 1,014,367 forms have as many keys;
 * another lexicon's two forms share one with a chance of about 1 in 4,400, and such a collision
 * could only add a candidate, which the channel's distance then judges as any other.
 */
function formKey(word: string, skip: number, skipToo: number): number {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let k = 0; k < word.length; k++) {
    if (k === skip || k === skipToo) continue;
    const code = word.charCodeAt(k);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  second = Math.imul(second ^ (second >>> 13), 0xc2b2ae35);
  second ^= second >>> 16;
  return (first >>> 13) * 4294967296 + (second >>> 0);
}

/** The word's letter pairs, with ^ and $ marking its ends (Python's `letter_bigrams` set). */
function letterBigrams(word: string): Set<string> {
  const marked = `^${word}$`;
  const bigrams = new Set<string>();
  for (let i = 0; i < marked.length - 1; i++) bigrams.add(marked.slice(i, i + 2));
  return bigrams;
}

/** Longer words may be two deletions from their candidates, shorter ones only one. */
function searchDepth(word: string): number {
  return word.length > 4 ? 2 : 1;
}

class Channel {
  /** Confusion costs: OCR text → intended text → cost (a later duplicate wins, as in a Python dict). */
  private readonly costs = new Map<string, Map<string, number>>();

  constructor(confusions: ReadonlyArray<readonly [string, string, number]>) {
    for (const [ocr, intended, cost] of confusions) {
      let targets = this.costs.get(ocr);
      if (!targets) this.costs.set(ocr, (targets = new Map()));
      targets.set(intended, cost);
    }
  }

  /** The dynamic-programming table, reused by every distance: one allocation per call was a tenth of the pass. */
  private table = new Float64Array(256);
  private readonly codeTables = new Map<string, Float64Array>();

  /**
   * The cost of each character code below CODE_TABLE_SIZE as a one-character target of `ocr`'s
   * confusions: its confusion cost, else `otherwise`; a one-character `ocr` costs 0 to itself.
   */
  private costsByCode(ocr: string, otherwise: number): Float64Array {
    const key = `${otherwise}\t${ocr}`;
    let costs = this.codeTables.get(key);
    if (costs) return costs;
    costs = new Float64Array(CODE_TABLE_SIZE).fill(otherwise);
    for (const [target, cost] of this.costs.get(ocr) ?? []) {
      const code = target.charCodeAt(0);
      if (target.length === 1 && code < CODE_TABLE_SIZE) costs[code] = cost;
    }
    if (ocr.length === 1 && ocr.charCodeAt(0) < CODE_TABLE_SIZE) costs[ocr.charCodeAt(0)] = 0;
    this.codeTables.set(key, costs);
    return costs;
  }

  private readonly pairCodeTables = new Map<string, Map<number, number> | undefined>();

  /** `ocr`'s confusions with two-character targets, keyed by the target's pairCode; none: undefined. */
  private costsByPairCode(ocr: string): Map<number, number> | undefined {
    if (this.pairCodeTables.has(ocr)) return this.pairCodeTables.get(ocr);
    let costs: Map<number, number> | undefined;
    for (const [target, cost] of this.costs.get(ocr) ?? []) {
      if (target.length !== 2) continue;
      costs ??= new Map();
      costs.set(pairCode(target.charCodeAt(0), target.charCodeAt(1)), cost);
    }
    this.pairCodeTables.set(ocr, costs);
    return costs;
  }

  /**
   * The weighted Levenshtein distance from `source` (an OCR word) to any target, with two-character
   * confusions (rn → m) as single steps. Returned as a function so that the confusions of the
   * source's characters are looked up once for all of a word's candidates. Only a selection (min)
   * ever combines two paths, so the result is the reference's bit for bit whatever the order.
   *
   * A distance above `limit` comes back as Infinity, as soon as two consecutive rows exceed it: a
   * path crosses one of any two consecutive rows (a step spans two rows at most) and no step costs
   * less than nothing, so nothing past them can come back under the limit.
   */
  distancesFrom(source: string): (target: string, limit: number) => number {
    const n = source.length;
    // Confusions whose OCR side is the character (pair) ending at source position i (1-based).
    // One-character targets are also kept by character code (NaN: none), as a Map lookup per cell
    // was most of the pass's time.
    const singleConfusions: (Map<string, number> | undefined)[] = [undefined];
    const pairConfusions: (Map<string, number> | undefined)[] = [undefined, undefined];
    const substitutionCosts: Float64Array[] = [new Float64Array(0)];
    const pairToSingleCosts: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
    // Two-character targets by the pair's code (pairCode): slicing the target for every cell cost
    // about a fifth of the pass's time.
    const singleToPairCosts: (Map<number, number> | undefined)[] = [undefined];
    const pairToPairCosts: (Map<number, number> | undefined)[] = [undefined, undefined];
    for (let i = 1; i <= n; i++) {
      const single = this.costs.get(source.slice(i - 1, i));
      singleConfusions.push(single);
      singleToPairCosts.push(this.costsByPairCode(source.slice(i - 1, i)));
      substitutionCosts.push(this.costsByCode(source.slice(i - 1, i), 1));
      if (i >= 2) {
        const pair = this.costs.get(source.slice(i - 2, i));
        pairConfusions.push(pair);
        pairToSingleCosts.push(this.costsByCode(source.slice(i - 2, i), NaN));
        pairToPairCosts.push(this.costsByPairCode(source.slice(i - 2, i)));
      }
    }
    return (target: string, limit: number): number => {
      const m = target.length;
      const width = m + 1;
      if (this.table.length < (n + 1) * width) this.table = new Float64Array((n + 1) * width * 2);
      const d = this.table;
      for (let j = 0; j <= m; j++) d[j] = j;
      let previousRowMin = 0;
      for (let i = 1; i <= n; i++) {
        const single = singleConfusions[i];
        const pair = pairConfusions[i];
        const substitutionCost = substitutionCosts[i]!;
        const pairToSingleCost = pairToSingleCosts[i]!;
        const toPairCosts = singleToPairCosts[i];
        const pairToPair = pairToPairCosts[i];
        const row = i * width;
        const above = row - width;
        const twoAbove = above - width;
        d[row] = i;
        let rowMin = i;
        for (let j = 1; j <= m; j++) {
          const code = target.charCodeAt(j - 1);
          const substitution =
            code < CODE_TABLE_SIZE
              ? substitutionCost[code]!
              : source[i - 1] === target[j - 1]
                ? 0
                : (single?.get(target[j - 1]!) ?? 1);
          let best = Math.min(
            d[above + j]! + 1,
            d[row + j - 1]! + 1,
            d[above + j - 1]! + substitution,
          );
          const targetPair = j >= 2 ? pairCode(target.charCodeAt(j - 2), code) : -1;
          if (toPairCosts !== undefined && targetPair >= 0) {
            const cost = toPairCosts.get(targetPair);
            if (cost !== undefined) best = Math.min(best, d[above + j - 2]! + cost);
          }
          if (pair) {
            const cost =
              code < CODE_TABLE_SIZE ? pairToSingleCost[code]! : pair.get(target[j - 1]!);
            if (cost !== undefined && !Number.isNaN(cost)) {
              best = Math.min(best, d[twoAbove + j - 1]! + cost);
            }
            if (pairToPair !== undefined && targetPair >= 0) {
              const pairCost = pairToPair.get(targetPair);
              if (pairCost !== undefined) best = Math.min(best, d[twoAbove + j - 2]! + pairCost);
            }
          }
          d[row + j] = best;
          if (best < rowMin) rowMin = best;
        }
        if (rowMin > limit && previousRowMin > limit) return Infinity;
        previousRowMin = rowMin;
      }
      const distance = d[n * width + m]!;
      return distance > limit ? Infinity : distance;
    };
  }
}

/** Two UTF-16 code units as one number, a key for two-character confusions. */
function pairCode(first: number, second: number): number {
  return first * 0x10000 + second;
}

/** Characters below this code have their confusion costs in arrays (the lexicon's are ASCII). */
const CODE_TABLE_SIZE = 128;

interface Candidate {
  word: string;
  cost: number;
  count: number;
}

/**
 * Deleted form → the lexicon words that reach it by deletions. Stored as linked lists of postings
 * in typed arrays: a JavaScript array per form would mean some 640,000 small arrays, a third of the
 * load time.
 */
class DeletionIndex {
  private readonly words: string[] = [];
  /** Form (its key, formKey) → its most recently added posting. */
  private readonly lastPosting = NgramTable.forCount(1 << 20);
  /** Posting → the index of its word in `words`, and the form's previous posting (-1: none). */
  private postingWord = new Int32Array(1 << 16);
  private previousPosting = new Int32Array(1 << 16);
  private postings = 0;

  /** Adds `word` under each of its deletions up to `depth`. */
  add(word: string, depth: number): void {
    const wordIndex = this.words.push(word) - 1;
    visitDeletionKeys(word, depth, (form) => {
      const previous = this.lastPosting.get(form);
      // A form made twice from this word (repeated letters) is listed once, as in Python's set.
      if (previous >= 0 && this.postingWord[previous] === wordIndex) return;
      if (this.postings === this.postingWord.length) this.grow();
      this.postingWord[this.postings] = wordIndex;
      this.previousPosting[this.postings] = previous;
      this.lastPosting.set(form, this.postings++);
    });
  }

  /** The words added with the form keyed `form` (formKey) among their forms. */
  *wordsReaching(form: number): Generator<string> {
    for (let posting = this.lastPosting.get(form); posting >= 0;) {
      yield this.words[this.postingWord[posting]!]!;
      posting = this.previousPosting[posting]!;
    }
  }

  private grow(): void {
    const postingWord = new Int32Array(this.postingWord.length * 2);
    const previousPosting = new Int32Array(this.previousPosting.length * 2);
    postingWord.set(this.postingWord);
    previousPosting.set(this.previousPosting);
    this.postingWord = postingWord;
    this.previousPosting = previousPosting;
  }
}

/** Words of `BIGRAM_MIN_LENGTH` letters or more are indexed by their letter bigrams. */
const BIGRAM_MIN_LENGTH = 5;

/**
 * Letter bigram → the words (of `BIGRAM_MIN_LENGTH` or more) that have it, each once; and the
 * counting of bigrams a query shares with each word. Words are numbered in code-unit order (which
 * is Python's code-point order for the ASCII lexicon, and the tie order of its sort), so ties break
 * by number.
 */
class BigramIndex {
  /** Bigram → its words' numbers. */
  private readonly postings = new Map<string, Int32Array>();
  private readonly words: string[];
  /** Shared-bigram count per word during a query; all zero between queries. */
  private readonly shared: Int32Array;

  constructor(words: Iterable<string>) {
    this.words = [...words].filter((word) => word.length >= BIGRAM_MIN_LENGTH);
    this.words.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    this.shared = new Int32Array(this.words.length);
    const lists = new Map<string, number[]>();
    this.words.forEach((word, number) => {
      for (const bigram of letterBigrams(word)) {
        let list = lists.get(bigram);
        if (!list) lists.set(bigram, (list = []));
        list.push(number);
      }
    });
    for (const [bigram, list] of lists) this.postings.set(bigram, Int32Array.from(list));
  }

  /**
   * The `limit` words sharing the most distinct bigrams with `word`, ties broken A–Z (Python's
   * sort by (-shared, word), cut to `limit`); in no particular order, as only the set matters.
   */
  shortlist(word: string, limit: number): string[] {
    const { shared } = this;
    const touched: number[] = [];
    let most = 0;
    for (const bigram of letterBigrams(word)) {
      const list = this.postings.get(bigram);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const number = list[k]!;
        const count = ++shared[number]!;
        if (count === 1) touched.push(number);
        if (count > most) most = count;
      }
    }
    // Counting sort by shared bigrams: whole levels from the top, then the level cut by `limit`
    // in word order.
    const perLevel = new Int32Array(most + 1);
    for (const number of touched) perLevel[shared[number]!]!++;
    let cut = most + 1;
    let taken = 0;
    while (cut > 1 && taken + perLevel[cut - 1]! <= limit) taken += perLevel[--cut]!;
    const chosen: string[] = [];
    const atCut: number[] = [];
    for (const number of touched) {
      const count = shared[number]!;
      if (count >= cut) chosen.push(this.words[number]!);
      else if (count === cut - 1) atCut.push(number);
      shared[number] = 0;
    }
    if (taken < limit && cut > 1) {
      atCut.sort((x, y) => x - y);
      for (const number of atCut.slice(0, limit - taken)) chosen.push(this.words[number]!);
    }
    return chosen;
  }
}

class Lexicon {
  /** Built once, here: a query then needs only its own deletions (symmetric delete search). */
  private readonly index = new DeletionIndex();
  private readonly bigramIndex: BigramIndex;

  constructor(
    /** Candidate word → its count in the training corpus. */
    readonly counts: Map<string, number>,
    /** Every word a dictionary or the corpus knows (a known source word pays a penalty to change). */
    readonly known: ReadonlySet<string>,
  ) {
    for (const word of counts.keys()) this.index.add(word, searchDepth(word));
    this.bigramIndex = new BigramIndex(counts.keys());
  }

  static parse(
    candidatesText: string,
    candidatesPath: string,
    known: ReadonlySet<string>,
  ): Lexicon {
    const counts = new Map<string, number>();
    textLines(candidatesText).forEach((line, index) => {
      const fields = line.split('\t');
      const count = fields[1]?.trim();
      if (fields.length !== 2 || count === undefined || !/^[+-]?[0-9]+$/.test(count)) {
        throw new CorrectorUnavailable(
          `${candidatesPath}, line ${index + 1}: expected "word<TAB>count"`,
        );
      }
      counts.set(fields[0] as string, Number(count));
    });
    return new Lexicon(counts, known);
  }

  /** Candidate words within the channel's reach: cheapest first, then the more frequent, then A–Z. */
  candidates(word: string, channel: Channel, limit: number): Candidate[] {
    const reach = word.length > 4 ? 2 : 1;
    const found = new Set<string>();
    visitDeletionKeys(word, searchDepth(word), (form) => {
      for (const candidate of this.index.wordsReaching(form)) found.add(candidate);
    });
    const distance = channel.distancesFrom(word);
    const scored: Candidate[] = [];
    for (const candidate of found) {
      if (candidate === word) continue;
      const cost = distance(candidate, reach);
      if (cost <= reach) scored.push({ word: candidate, cost, count: this.counts.get(candidate)! });
    }
    // Python sorts the tuples (cost, -count, word); words are unique, so the order is total.
    scored.sort(
      (x, y) =>
        x.cost - y.cost || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0),
    );
    return scored.slice(0, limit);
  }

  /**
   * Candidates beyond the deletion search, for a long word tesseract garbled: of the words sharing
   * the most letter bigrams with it (a shortlist), those within `far_edits_per_letter` edits per
   * letter, cheapest first, then the more frequent, then A–Z.
   */
  farCandidates(
    word: string,
    channel: Channel,
    settings: OcrLexiconSettings,
    exclude: ReadonlySet<string>,
  ): Candidate[] {
    const reach = settings.far_edits_per_letter * word.length;
    const distance = channel.distancesFrom(word);
    const scored: Candidate[] = [];
    for (const candidate of this.bigramIndex.shortlist(word, settings.far_shortlist)) {
      if (Math.abs(candidate.length - word.length) > 3 || exclude.has(candidate)) continue;
      const cost = distance(candidate, reach);
      if (cost <= reach) scored.push({ word: candidate, cost, count: this.counts.get(candidate)! });
    }
    scored.sort(
      (x, y) =>
        x.cost - y.cost || y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0),
    );
    return scored.slice(0, settings.far_candidates);
  }
}

/**
 * The source word's case on a lexicon word: ALL CAPS (two letters or more) or Capitalized. The
 * WORD pattern admits only ASCII letters as cased characters, so Python's str.isupper() is "some
 * A–Z and no a–z".
 */
/** `word` written in the case of `source`: all capitals, a capital first, or as it is. */
export function matchCase(source: string, word: string): string {
  if (source.length > 1 && /[A-Z]/.test(source) && !/[a-z]/.test(source)) {
    return word.toUpperCase();
  }
  if (/^[A-Z]/.test(source)) return word.slice(0, 1).toUpperCase() + word.slice(1);
  return word;
}

// -------------------------------------------------------------------------------------------------
// Correcting

/** One way to write a word of the line: the text written, its LM words, its channel cost. */
interface WordOption {
  readonly text: string;
  readonly words: readonly string[];
  readonly cost: number;
}

interface Hypothesis {
  score: number;
  /** The last two LM words, the trigram context of the next word. */
  previous: string;
  last: string;
  /** The option chosen for each word so far. */
  chosen: number[];
  /** Which of bestPath's starts the hypothesis began from. */
  start: number;
}

const DOCUMENT_WORD = /[A-Za-z]+/g;

/** How often each word (a run of ASCII letters, lower-cased) occurs in a document's lines. */
export function documentWordCounts(lines: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const [word] of line.matchAll(DOCUMENT_WORD)) {
      const low = word.toLowerCase();
      counts.set(low, (counts.get(low) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * What `edit_calibration` weighs of an edit (Python's calibration_features): the posterior's logit;
 * whether the scan's word is a known word; its length (up to 15 letters, in tens); whether it is
 * capitalised (a name the lexicon may not know); how common the replacement's first word is; the
 * letters the two share; how often the scan's word recurs elsewhere in the document (a name read the
 * same way twice is likely right) and how often the replacement occurs in it as read.
 */
function calibrationFeatures(
  lexicon: Lexicon,
  word: string,
  replacement: string,
  posterior: number,
  documentCounts: ReadonlyMap<string, number>,
): number[] {
  const clamped = Math.min(Math.max(posterior, 1e-6), 1 - 1e-6);
  const low = word.toLowerCase().replaceAll('\u2019', "'");
  const replacementLow = replacement.toLowerCase().replaceAll('\u2019', "'");
  const first = replacementLow.split(' ')[0]!;
  const longest = Math.max(low.length, replacementLow.length);
  return [
    Math.log(clamped / (1 - clamped)),
    lexicon.known.has(low) ? 1 : 0,
    Math.min(word.length, 15) / 10,
    /^[A-Z]/.test(word) ? 1 : 0,
    Math.log1p(lexicon.counts.get(first) ?? 0),
    1 - editDistance([...low], [...replacementLow]) / longest,
    Math.log1p(Math.max(0, (documentCounts.get(low) ?? 0) - 1)),
    Math.log1p(documentCounts.get(first) ?? 0),
  ];
}

export class OcrLexicon {
  private constructor(
    readonly settings: Readonly<OcrLexiconSettings>,
    private readonly lm: WordTrigramModel,
    private readonly lexicon: Lexicon,
    private readonly channel: Channel,
  ) {}

  /**
   * Each word's options, as options() found them: a scan repeats its words (12,652 words of the OOD
   * dev scans are 5,449 distinct ones) and the candidate search is most of the pass's time. Cleared
   * when full, so that a long session's memory stays bounded.
   */
  private readonly optionsByWord = new Map<string, readonly WordOption[]>();

  /**
   * The words the lexicon knows (CMUdict's and the corpus's), for the writing pass, which reads a
   * capitalised word it lists at a sentence's start as a name (grammar-checker.ts).
   */
  static async knownWords(directory: string): Promise<ReadonlySet<string>> {
    return new Set(textLines(await readText(join(resolve(directory), KNOWN_WORDS_FILE))));
  }

  /**
   * Reads the model directory; a missing or broken file throws CorrectorUnavailable naming it. The
   * word model and the known words may be given, loaded already for the writing pass
   * (loadWordTrigramModel, OcrLexicon.knownWords).
   */
  static async load(
    directory: string,
    wordModel?: Promise<WordTrigramModel>,
    knownWords?: Promise<ReadonlySet<string>>,
  ): Promise<OcrLexicon> {
    const root = resolve(directory);
    const isDirectory = await stat(root).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (!isDirectory) throw new CorrectorUnavailable(`no OCR lexicon directory at ${root}`);
    const [channelPath, candidatesPath] = [CHANNEL_FILE, CANDIDATES_FILE].map((name) =>
      join(root, name),
    ) as [string, string];
    // Read and decompress in parallel, but report the first broken file in a fixed order. The
    // general model is read only when channel.json gives it a weight (unused, it may be missing).
    const settingsRead = readText(channelPath).then((text) => parseSettings(text, channelPath));
    const [channel, lm, candidates, known, general] = await Promise.allSettled([
      settingsRead,
      wordModel ?? loadWordTrigramModel(root),
      readText(candidatesPath),
      knownWords ?? OcrLexicon.knownWords(root),
      settingsRead.then((read) =>
        (read.general_lm_weight ?? 0) > 0
          ? loadWordTrigramModel(root, undefined, GENERAL_MODEL_FILE)
          : undefined,
      ),
    ]);
    const { confusions, ...settings } = settled(channel);
    const languageModel = settled(lm);
    const candidatesText = settled(candidates);
    const lexicon = Lexicon.parse(candidatesText, candidatesPath, settled(known));
    const generalWeight = settings.general_lm_weight ?? 0;
    return new OcrLexicon(
      Object.freeze(settings),
      generalWeight > 0
        ? mixedWordModel(languageModel, settled(general)!, generalWeight)
        : languageModel,
      lexicon,
      new Channel(confusions),
    );
  }

  /**
   * The corrected line and its word replacements. `confidences`: the recognizer's, one per
   * white-space separated word of the line (null where unknown), as documents carry them.
   * `documentCounts`: the words of the document the line belongs to (documentWordCounts), which the
   * edits' calibration weighs; the line's own when not given. `wordsBefore`: the last words of the
   * line before (its `lastWords`) where the sentence may run on into this line: the line is read
   * from them, or as a new sentence at `new_sentence_cost`; without them, or without that setting,
   * as a new sentence.
   */
  correct(
    line: string,
    confidences?: readonly (number | null)[],
    documentCounts?: ReadonlyMap<string, number>,
    wordsBefore?: readonly string[],
  ): LexicalCorrection {
    const spans = [...line.matchAll(WORD)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    }));
    const wordStarts = confidences ? wordSpans(line).map(([start]) => start) : [];
    const options = spans.map(({ start, end }) =>
      this.withRecognizerConfidence(
        this.cachedOptions(
          line.slice(start, end),
          inReferenceCode(line, start, end) || inLongerWord(line, start, end),
        ),
        confidences?.[wordIndexAt(wordStarts, start)],
      ),
    );
    const newSentence: readonly [string, string] = [SENTENCE_START, SENTENCE_START];
    const starts =
      wordsBefore && wordsBefore.length > 0 && this.settings.new_sentence_cost !== undefined
        ? [lastTwo([...newSentence, ...wordsBefore]), newSentence]
        : [newSentence];
    const { chosen, start: before } = this.bestPath(options, starts);
    const counts = documentCounts ?? documentWordCounts([line]);
    const pieces: string[] = [];
    const edits: LexicalEdit[] = [];
    let cursor = 0;
    spans.forEach(({ start, end }, position) => {
      const option = options[position]![chosen[position]!]!;
      pieces.push(line.slice(cursor, start), option.text);
      cursor = end;
      if (chosen[position] !== 0) {
        const posterior = this.posterior(options, chosen, position, before);
        const confidence = this.calibrated(line.slice(start, end), option.text, posterior, counts);
        edits.push({ start, end, text: option.text, confidence });
      }
    });
    pieces.push(line.slice(cursor));
    // The line's own words only: a line of marks ("-----") or a single word passes on no more.
    const words = options.flatMap((wordOptions, position) => wordOptions[chosen[position]!]!.words);
    return {
      text: pieces.join(''),
      edits,
      lastWords: lastTwo([SENTENCE_START, SENTENCE_START, ...words]),
    };
  }

  /**
   * The probability that the edit of `word` into `replacement` lowers the line's character errors,
   * where channel.json has an `edit_calibration` (Python's calibrated); else the posterior. The
   * posterior alone is a poor judge: on the OOD dev scans, gated at 0.7 it gave CER −13.2%, where
   * taking exactly the helpful edits would give −22.7%.
   */
  private calibrated(
    word: string,
    replacement: string,
    posterior: number,
    documentCounts: ReadonlyMap<string, number>,
  ): number {
    const calibration = this.settings.edit_calibration;
    // A lone "|" or "!" read as "I": the OOD dev scans, where the weights were fitted, have none.
    if (!calibration || word === '|' || word === '!') return posterior;
    const features = calibrationFeatures(
      this.lexicon,
      word,
      replacement,
      posterior,
      documentCounts,
    );
    // Summed in the order of Python's loop over CALIBRATION_FEATURES.
    let z = calibration.bias;
    CALIBRATION_WEIGHTS.forEach((name, index) => {
      z += calibration[name] * features[index]!;
    });
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The options with each change's cost moved by how sure the recognizer was of the word (Python's
   * with_recognizer_confidence): a word tesseract doubted is cheaper to change, one it was sure of
   * dearer.
   */
  private withRecognizerConfidence(
    options: readonly WordOption[],
    confidence: number | null | undefined,
  ): readonly WordOption[] {
    const weight = this.settings.recognizer_confidence_weight ?? 0;
    if (typeof confidence !== 'number' || weight === 0 || options.length === 1) return options;
    const shift = weight * (confidence - (this.settings.recognizer_confidence_midpoint ?? 0.5));
    return options.map((option, index) =>
      index === 0 ? option : { ...option, cost: Math.max(0, option.cost + shift) },
    );
  }

  private cachedOptions(word: string, inCode: boolean): readonly WordOption[] {
    const key = inCode ? `\u0000${word}` : word;
    let options = this.optionsByWord.get(key);
    if (options === undefined) {
      if (this.optionsByWord.size >= OPTIONS_CACHE_SIZE) this.optionsByWord.clear();
      options = this.options(word, inCode);
      this.optionsByWord.set(key, options);
    }
    return options;
  }

  /** The ways to write one word; the first is the word unchanged. */
  private options(word: string, inCode: boolean): WordOption[] {
    const { settings, lexicon } = this;
    if (word === '|' || word === '!') {
      return [
        { text: word, words: [], cost: 0 },
        { text: 'I', words: ['i'], cost: settings.pipe_cost },
      ];
    }
    const low = word.toLowerCase().replaceAll('\u2019', "'");
    const options: WordOption[] = [{ text: word, words: [low], cost: 0 }];
    if (inCode || /[0-9]/.test(low) || low.length < 2) return options;
    const american = americanSpelling(low);
    // A British spelling of a word the lexicon knows is a word too.
    const known = lexicon.known.has(low) || (american !== low && lexicon.known.has(american));
    const penalty = known ? settings.known_word_penalty : 0;
    const isAmericanised = (candidate: string): boolean =>
      candidate !== low && americanSpelling(candidate) === american;
    for (const candidate of lexicon.candidates(low, this.channel, settings.candidates)) {
      if (isAmericanised(candidate.word)) continue;
      options.push({
        text: matchCase(word, candidate.word),
        words: [candidate.word],
        cost: candidate.cost + penalty,
      });
    }
    for (let i = 1; i < low.length; i++) {
      const left = low.slice(0, i);
      const right = low.slice(i);
      const rarer = Math.min(lexicon.counts.get(left) ?? 0, lexicon.counts.get(right) ?? 0);
      if (rarer > settings.split_min_count) {
        options.push({
          text: matchCase(word, `${left} ${right}`),
          words: [left, right],
          cost: settings.split_cost + penalty,
        });
      }
    }
    // A long unknown word may be garbled past the deletion search's two edits.
    if (low.length >= settings.far_min_length && /^[a-z]+$/.test(low) && !known) {
      const exclude = new Set(
        options.filter((option) => option.words.length === 1).map((option) => option.words[0]!),
      );
      for (const candidate of lexicon.farCandidates(low, this.channel, settings, exclude)) {
        if (isAmericanised(candidate.word)) continue;
        options.push({
          text: matchCase(word, candidate.word),
          words: [candidate.word],
          cost: Math.max(0, candidate.cost - settings.far_discount),
        });
      }
    }
    return options;
  }

  /**
   * The option index per word of the best hypothesis of a beam search with recombination, and the
   * context it started from: the first of `starts` free, the second (a new sentence, where the line
   * may run on from the line before) at `new_sentence_cost`.
   */
  private bestPath(
    options: (readonly WordOption[])[],
    starts: readonly (readonly [string, string])[],
  ): { chosen: number[]; start: readonly [string, string] } {
    const { channel_weight: weight, beam: beamWidth } = this.settings;
    let beam: Hypothesis[] = starts.map(([previous, last], start) => ({
      score: start === 0 ? 0 : -(this.settings.new_sentence_cost ?? 0),
      previous,
      last,
      chosen: [],
      start,
    }));
    for (const wordOptions of options) {
      const extended: Hypothesis[] = [];
      for (const hypothesis of beam) {
        wordOptions.forEach((option, k) => {
          let total = hypothesis.score - weight * option.cost;
          let previous = hypothesis.previous;
          let last = hypothesis.last;
          for (const word of option.words) {
            total += this.lm.logProbability(previous, last, word);
            previous = last;
            last = word;
          }
          extended.push({
            score: total,
            previous,
            last,
            chosen: [...hypothesis.chosen, k],
            start: hypothesis.start,
          });
        });
      }
      // Best first; Array.prototype.sort is stable, so ties keep the earlier hypothesis (as Python).
      extended.sort((x, y) => (x.score > y.score ? -1 : x.score < y.score ? 1 : 0));
      // Hypotheses that end in the same two LM words score the rest of the line alike: keep the best.
      beam = [];
      const seen = new Set<string>();
      for (const hypothesis of extended) {
        const context = `${hypothesis.previous}\t${hypothesis.last}`;
        if (seen.has(context)) continue;
        seen.add(context);
        beam.push(hypothesis);
        if (beam.length === beamWidth) break;
      }
    }
    // The first of the best, as Python's max() takes it, with the end of the sentence scored.
    let best = beam[0]!;
    let bestScore = -Infinity;
    for (const hypothesis of beam) {
      const score =
        hypothesis.score +
        this.lm.logProbability(hypothesis.previous, hypothesis.last, SENTENCE_END);
      if (score > bestScore) {
        best = hypothesis;
        bestScore = score;
      }
    }
    return { chosen: best.chosen, start: starts[best.start]! };
  }

  /**
   * The posterior of the chosen option at `position` among that position's options, each scored
   * with the two LM words before it (from `start`, the line's context) and up to two after it (or
   * the end of the sentence).
   */
  private posterior(
    options: (readonly WordOption[])[],
    chosen: number[],
    position: number,
    start: readonly [string, string],
  ): number {
    const chosenWords = (from: number, to: number): string[] =>
      options.slice(from, to).flatMap((wordOptions, i) => wordOptions[chosen[from + i]!]!.words);
    const before = [...start, ...chosenWords(0, position)].slice(-2);
    const following = chosenWords(position + 1, options.length);
    const after = following.length >= 2 ? following.slice(0, 2) : [...following, SENTENCE_END];
    const scores = options[position]!.map((option) => {
      const history = [...before, ...option.words, ...after];
      let total = -this.settings.channel_weight * option.cost;
      for (let i = 2; i < history.length; i++) {
        total += this.lm.logProbability(history[i - 2]!, history[i - 1]!, history[i]!);
      }
      return total;
    });
    const top = Math.max(...scores);
    // Summed left to right, as Python 3.11's sum() does.
    let normalizer = 0;
    for (const score of scores) normalizer += Math.exp(score - top);
    return Math.exp(scores[chosen[position]!]! - top) / normalizer;
  }
}
