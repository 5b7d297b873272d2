/**
 * The word trigram model that the OCR lexical pass scores lines with and the writing pass's speller
 * reads context from (passes/ocr-lexicon.ts, passes/context-speller.ts): a backoff model read from
 * the lexicon's `lm.arpa.gz` (56,767 words, 234,553 bigrams, 284,293 trigrams). The OCR pass mixes it
 * with a general English bigram model, `general-lm.arpa.gz` (mixedWordModel; training/general_lm.py).
 *
 * Parsing that ARPA file took 0.7–1.4 s of every OCR or writing run. After the first parse the model's
 * tables are kept in a binary file in the user's cache (modelCacheDirectory), named by the SHA-256 of
 * the ARPA file it came from, and later runs map them in about 0.1 s. A cache file that
 * cannot be read, is cut short or fails its checksum is parsed anew and rewritten; a cache that cannot
 * be written only costs the next run the parse. The probabilities are the same doubles either way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CorrectorUnavailable } from '../errors.js';
import { decompressedText, readBytes, textLines } from './model-files.js';

/** What the passes read of the model. */
export interface WordTrigramModel {
  /** ln P(c | a b); "<s>" and "</s>" mark the sentence's ends. */
  logProbability(a: string, b: string, c: string): number;
  /** Whether the model has seen the (lower-case) word. */
  knows(word: string): boolean;
  /** ln P of the word alone (its <unk> probability when unseen). */
  wordLogProbability(word: string): number;
}

/** A model as loaded, with where its tables came from (the ARPA file's parse or the cache). */
export interface LoadedWordTrigramModel extends WordTrigramModel {
  readonly origin: 'arpa' | 'cache';
}

/** The corpus model's file in a lexicon directory. */
const CORPUS_MODEL_FILE = 'lm.arpa.gz';
/** The general English model's file, which the OCR pass mixes in. */
export const GENERAL_MODEL_FILE = 'general-lm.arpa.gz';
const UNKNOWN_WORD = '<unk>';

/**
 * The model in `file` of the lexicon directory `directory`, from the cache when it holds this ARPA
 * file's tables; a missing or broken ARPA file names itself. `cacheDirectory` null: no cache.
 */
export async function loadWordTrigramModel(
  directory: string,
  cacheDirectory: string | null = modelCacheDirectory(),
  file: string = CORPUS_MODEL_FILE,
): Promise<LoadedWordTrigramModel> {
  const path = join(resolve(directory), file);
  const compressed = await readBytes(path);
  if (cacheDirectory === null)
    return ArpaModel.parse(await decompressedText(compressed, path), path);
  const digest = createHash('sha256').update(compressed).digest();
  const cachePath = join(cacheDirectory, `word-model-${digest.toString('hex', 0, 16)}.bin`);
  const cached = await readFile(cachePath).then(
    (bytes) => tablesFromCache(bytes, digest),
    () => undefined,
  );
  if (cached) return new ArpaModel(cached, 'cache');
  const model = ArpaModel.parse(await decompressedText(compressed, path), path);
  await writeCache(cacheDirectory, cachePath, cacheBytes(model.tables, digest));
  return model;
}

/**
 * Two models interpolated, ln((1 - w) P_first + w P_second), each backing off on its own (Python's
 * MixedModel in training/ocr_lexicon.py, to the same doubles). What a word is known as, and its
 * probability alone, stay the first model's: the writing pass's thresholds were set on it.
 */
export function mixedWordModel(
  first: WordTrigramModel,
  second: WordTrigramModel,
  secondWeight: number,
): WordTrigramModel {
  const firstLogWeight = Math.log1p(-secondWeight);
  const secondLogWeight = Math.log(secondWeight);
  return {
    logProbability(a: string, b: string, c: string): number {
      const x = firstLogWeight + first.logProbability(a, b, c);
      const y = secondLogWeight + second.logProbability(a, b, c);
      return x >= y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
    },
    knows: (word) => first.knows(word),
    wordLogProbability: (word) => first.wordLogProbability(word),
  };
}

/**
 * Where models keep what they derive from their files: `$NEKO_CACHE_DIR`, else the platform's cache
 * folder, named as the data folder is (src/api/data-directory.ts): `$XDG_CACHE_HOME/neko-studio` (by
 * default `~/.cache/neko-studio`), `~/Library/Caches/NeKo Studio` on macOS, `%LOCALAPPDATA%\NeKo
 * Studio\Cache` on Windows.
 */
export function modelCacheDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.NEKO_CACHE_DIR) return resolve(env.NEKO_CACHE_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'NeKo Studio');
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'NeKo Studio', 'Cache');
  }
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and is to be ignored.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(home, '.cache'), 'neko-studio');
}

// -------------------------------------------------------------------------------------------------
// The tables

/**
 * Word ids are below this, so that a trigram's key, (a * B + b) * B + c, is an exact double: looking
 * n-grams up by number rather than by a joined string is a third of the lexical pass's time saved
 * (the pass scores every option of every word in its beam).
 */
const WORD_ID_LIMIT = 2 ** 17;

/**
 * N-gram keys → rows, in open addressing with linear probing: plain typed arrays, so that the cache
 * file holds the table as it is used. A slot's key is -1 when empty (keys are never negative); a
 * table is never more than 70% full, so that a search always meets an empty slot. Keys are integers
 * below 2^51 (the OCR lexicon's deletion index keys its forms so too).
 */
export class NgramTable {
  private mask: number;
  private size: number;

  constructor(
    public keys: Float64Array,
    public rows: Int32Array,
  ) {
    this.mask = keys.length - 1;
    let size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== -1) size++;
    this.size = size;
  }

  /** An empty table for `count` keys (it grows past them: a file's declared counts may be wrong). */
  static forCount(count: number): NgramTable {
    let capacity = 16;
    while (capacity * MAX_LOAD < count) capacity *= 2;
    return new NgramTable(new Float64Array(capacity).fill(-1), new Int32Array(capacity));
  }

  /** Whether the arrays hold a table lookups can trust: some empty slots, rows below `rowCount`. */
  isSound(rowCount: number): boolean {
    if (this.size > this.keys.length * MAX_LOAD) return false;
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot]!;
      if (key === -1) continue;
      const row = this.rows[slot]!;
      if (!(key >= 0) || key !== Math.floor(key) || row < 0 || row >= rowCount) return false;
    }
    return true;
  }

  /** The key's row, or -1. */
  get(key: number): number {
    for (let slot = slotOf(key, this.mask); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.rows[slot]!;
      if (found === -1) return -1;
    }
  }

  /** Stores the key's row, replacing the row it had. */
  set(key: number, row: number): void {
    if (this.size + 1 > this.keys.length * MAX_LOAD) this.grow();
    for (let slot = slotOf(key, this.mask); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key || found === -1) {
        if (found === -1) this.size++;
        this.keys[slot] = key;
        this.rows[slot] = row;
        return;
      }
    }
  }

  /** Stores the key's row unless the key is there; returns the row the key has. */
  setIfAbsent(key: number, row: number): number {
    if (this.size + 1 > this.keys.length * MAX_LOAD) this.grow();
    for (let slot = slotOf(key, this.mask); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.rows[slot]!;
      if (found === -1) {
        this.keys[slot] = key;
        this.rows[slot] = row;
        this.size++;
        return row;
      }
    }
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    keys.forEach((key, slot) => {
      if (key !== -1) this.setIfAbsent(key, rows[slot]!);
    });
  }
}

/** The most a table is filled before it grows. */
const MAX_LOAD = 0.7;

/** A slot for a key below 2^51, from both of its 32-bit halves. */
function slotOf(key: number, mask: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  return hash & mask;
}

/** Everything the model is, as the cache file stores it. */
interface ModelTables {
  /** The model's words; a word's id is its index. */
  words: string[];
  /** Each word's unigram row in the arrays below, by word id; -1 for a word with no unigram. */
  unigramRows: Int32Array;
  bigrams: NgramTable;
  trigrams: NgramTable;
  /** ln P of each n-gram. */
  logProbabilities: Float64Array;
  /** ln backoff weight of each n-gram as a context; 0 where the file gives none (as Python's get). */
  logBackoffs: Float64Array;
  /** ln P of a word the model has never seen (its <unk> unigram). */
  unknown: number;
}

/** A trigram backoff model read from ARPA; scores in natural log. */
class ArpaModel implements LoadedWordTrigramModel {
  private readonly wordIds: Map<string, number>;

  constructor(
    readonly tables: ModelTables,
    readonly origin: 'arpa' | 'cache' = 'arpa',
  ) {
    this.wordIds = new Map(tables.words.map((word, id) => [word, id]));
  }

  static parse(text: string, path: string): ArpaModel {
    const lines = textLines(text);
    const wordIds = new Map<string, number>();
    const words: string[] = [];
    const unigramRows = new Int32Array(WORD_ID_LIMIT).fill(-1);
    const counts = declaredCounts(lines);
    // An order the \data\ section leaves out has no n-grams (a bigram model's trigram table stays
    // small); a file without counts gets tables for all its lines. Either way the tables grow.
    const undeclared = counts.length === 0 ? lines.length : 0;
    const bigrams = NgramTable.forCount(counts[2] ?? undeclared);
    const trigrams = NgramTable.forCount(counts[3] ?? undeclared);
    let rowCount = 0;
    const logProbabilities = new Float64Array(lines.length);
    const logBackoffs = new Float64Array(lines.length);
    // Python's `float(x) * math.log(10)`: Math.LN10 is the same double as math.log(10).
    const ln10 = Math.LN10;
    const malformed = (lineIndex: number, what: string) =>
      new CorrectorUnavailable(`${path}, line ${lineIndex + 1}: ${what}`);
    const idOf = (word: string, lineIndex: number): number => {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = words.length;
        if (id >= WORD_ID_LIMIT) {
          throw malformed(lineIndex, `more than ${WORD_ID_LIMIT} distinct words`);
        }
        wordIds.set(word, id);
        words.push(word);
      }
      return id;
    };
    /**
     * The row of the n-gram at line[start, end); a repeated n-gram keeps its row and takes the later
     * scores (as a dict would).
     */
    const rowOf = (line: string, start: number, end: number, order: number, lineIndex: number) => {
      let key = 0;
      let wordStart = start;
      for (let n = 1; n <= order; n++) {
        const space = n < order ? line.indexOf(' ', wordStart) : end;
        if (space < 0 || space > end || (n === order && line.lastIndexOf(' ', end) >= wordStart)) {
          throw malformed(lineIndex, `expected ${order} word(s) in "${line.slice(start, end)}"`);
        }
        const id = idOf(line.slice(wordStart, space), lineIndex);
        if (order === 1) {
          if (unigramRows[id]! < 0) unigramRows[id] = rowCount++;
          return unigramRows[id]!;
        }
        key = key * WORD_ID_LIMIT + id;
        wordStart = space + 1;
      }
      const row = (order === 2 ? bigrams : trigrams).setIfAbsent(key, rowCount);
      if (row === rowCount) rowCount++;
      return row;
    };
    let order = 0;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as string;
      if (line.startsWith('\\') && line.endsWith('-grams:')) {
        const digit = line[1] ?? '';
        if (!/^[0-9]$/.test(digit)) throw malformed(index, `bad section header "${line}"`);
        order = Number(digit);
        continue;
      }
      // Before the first n-gram section (the \data\ counts), blank lines and \end\ carry no n-grams.
      if (!order || !line || line.startsWith('\\')) continue;
      // Fields: log10 probability, n-gram, optional log10 backoff (Python's split("\t"), unsplit).
      const firstTab = line.indexOf('\t');
      if (firstTab < 0) {
        throw malformed(index, 'expected "log10 probability<TAB>n-gram[<TAB>backoff]"');
      }
      const logProbability = parsePythonFloat(line.slice(0, firstTab));
      if (logProbability === undefined) throw malformed(index, 'bad log10 probability');
      const secondTab = line.indexOf('\t', firstTab + 1);
      // Orders above three are never read (logProbability backs off from trigrams).
      if (order > 3) continue;
      const row = rowOf(line, firstTab + 1, secondTab < 0 ? line.length : secondTab, order, index);
      logProbabilities[row] = logProbability * ln10;
      if (secondTab >= 0) {
        const thirdTab = line.indexOf('\t', secondTab + 1);
        const logBackoff = parsePythonFloat(
          line.slice(secondTab + 1, thirdTab < 0 ? line.length : thirdTab),
        );
        if (logBackoff === undefined) throw malformed(index, 'bad log10 backoff weight');
        logBackoffs[row] = logBackoff * ln10;
      }
    }
    const unknownId = wordIds.get(UNKNOWN_WORD);
    const unknownRow = unknownId === undefined ? -1 : unigramRows[unknownId]!;
    if (unknownRow < 0) {
      throw new CorrectorUnavailable(`${path}: no ${UNKNOWN_WORD} unigram`);
    }
    return new ArpaModel({
      words,
      unigramRows: unigramRows.slice(0, words.length),
      bigrams,
      trigrams,
      logProbabilities: logProbabilities.slice(0, rowCount),
      logBackoffs: logBackoffs.slice(0, rowCount),
      unknown: logProbabilities[unknownRow]!,
    });
  }

  /** ln P(c | a b), backing off to the bigram and the unigram (the additions in Python's order). */
  logProbability(a: string, b: string, c: string): number {
    const { unigramRows, bigrams, trigrams, logProbabilities, logBackoffs, unknown } = this.tables;
    const idA = this.wordIds.get(a);
    const idB = this.wordIds.get(b);
    const idC = this.wordIds.get(c);
    const context = idA === undefined || idB === undefined ? undefined : idA * WORD_ID_LIMIT + idB;
    if (context !== undefined && idC !== undefined) {
      const trigram = trigrams.get(context * WORD_ID_LIMIT + idC);
      if (trigram >= 0) return logProbabilities[trigram]!;
    }
    const contextRow = context === undefined ? -1 : bigrams.get(context);
    const contextBackoff = contextRow < 0 ? 0 : logBackoffs[contextRow]!;
    if (idB !== undefined && idC !== undefined) {
      const bigram = bigrams.get(idB * WORD_ID_LIMIT + idC);
      if (bigram >= 0) return contextBackoff + logProbabilities[bigram]!;
    }
    const unigram = idC === undefined ? -1 : unigramRows[idC]!;
    const unigramLogProbability = unigram >= 0 ? logProbabilities[unigram]! : unknown;
    const lastRow = idB === undefined ? -1 : unigramRows[idB]!;
    return contextBackoff + (lastRow >= 0 ? logBackoffs[lastRow]! : 0) + unigramLogProbability;
  }

  knows(word: string): boolean {
    return word !== UNKNOWN_WORD && this.unigramRow(word) >= 0;
  }

  wordLogProbability(word: string): number {
    const row = this.knows(word) ? this.unigramRow(word) : -1;
    return row >= 0 ? this.tables.logProbabilities[row]! : this.tables.unknown;
  }

  private unigramRow(word: string): number {
    const id = this.wordIds.get(word);
    return id === undefined ? -1 : this.tables.unigramRows[id]!;
  }
}

/** The n-gram counts the \data\ section declares, by order (only to size the tables). */
function declaredCounts(lines: readonly string[]): number[] {
  const counts: number[] = [];
  for (const line of lines) {
    if (line.endsWith('-grams:')) break;
    const declared = /^ngram ([0-9])=([0-9]+)$/.exec(line.trim());
    if (declared) counts[Number(declared[1])] = Number(declared[2]);
  }
  return counts;
}

/** Python's float() on the decimal forms an ARPA file holds (and inf/nan, which it also accepts). */
function parsePythonFloat(field: string): number | undefined {
  const trimmed = field.trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(trimmed);
  if (!special) return undefined;
  if (special[2]?.toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

// -------------------------------------------------------------------------------------------------
// The cache file
//
// A 64-byte header, then the arrays, each at a multiple of 8 bytes so that they can be viewed in
// place, and the words (UTF-8, one per line) last:
//   0 magic "NEKOWTM1" · 8 the number 0x01020304 (byte order) · 12 word count · 16 row count ·
//   20 bigram slots · 24 trigram slots · 28 words' byte length · 32 ln P of <unk> (f64) ·
//   40 the first 16 bytes of the ARPA file's SHA-256 · 56 the payload's checksum (8 bytes of its
//   SHA-256)

const MAGIC = 'NEKOWTM1';
const HEADER_BYTES = 64;
const BYTE_ORDER_MARK = 0x01020304;

function cacheBytes(tables: ModelTables, digest: Buffer): Buffer {
  const words = Buffer.from(tables.words.join('\n'), 'utf8');
  const parts: Uint8Array[] = [
    tables.logProbabilities,
    tables.logBackoffs,
    tables.bigrams.keys,
    tables.trigrams.keys,
    tables.unigramRows,
    tables.bigrams.rows,
    tables.trigrams.rows,
  ].map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  const padded = (length: number): number => Math.ceil(length / 8) * 8;
  const payloadLength = parts.reduce((sum, part) => sum + padded(part.byteLength), 0);
  const bytes = Buffer.alloc(HEADER_BYTES + payloadLength + words.byteLength);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  bytes.write(MAGIC, 0, 'latin1');
  header.setUint32(8, BYTE_ORDER_MARK, true);
  header.setUint32(12, tables.words.length, true);
  header.setUint32(16, tables.logProbabilities.length, true);
  header.setUint32(20, tables.bigrams.keys.length, true);
  header.setUint32(24, tables.trigrams.keys.length, true);
  header.setUint32(28, words.byteLength, true);
  header.setFloat64(32, tables.unknown, true);
  digest.copy(bytes, 40, 0, 16);
  let offset = HEADER_BYTES;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += padded(part.byteLength);
  }
  bytes.set(words, offset);
  payloadChecksum(bytes).copy(bytes, 56);
  return bytes;
}

function payloadChecksum(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes.subarray(HEADER_BYTES)).digest().subarray(0, 8);
}

/** The tables in a cache file, or undefined when it is not one for this ARPA file, or is damaged. */
function tablesFromCache(file: Buffer, digest: Buffer): ModelTables | undefined {
  if (file.byteLength < HEADER_BYTES || file.toString('latin1', 0, 8) !== MAGIC) return undefined;
  // Typed arrays need their element size's alignment: a pooled Buffer may start anywhere.
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(new Uint8Array(file).buffer);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (header.getUint32(8, true) !== BYTE_ORDER_MARK) return undefined;
  if (!bytes.subarray(40, 56).equals(digest.subarray(0, 16))) return undefined;
  const wordCount = header.getUint32(12, true);
  const rowCount = header.getUint32(16, true);
  const bigramSlots = header.getUint32(20, true);
  const trigramSlots = header.getUint32(24, true);
  const wordBytes = header.getUint32(28, true);
  const padded = (length: number): number => Math.ceil(length / 8) * 8;
  const expected =
    HEADER_BYTES +
    2 * 8 * rowCount +
    8 * (bigramSlots + trigramSlots) +
    padded(4 * wordCount) +
    padded(4 * bigramSlots) +
    padded(4 * trigramSlots) +
    wordBytes;
  if (bytes.byteLength !== expected || !payloadChecksum(bytes).equals(bytes.subarray(56, 64))) {
    return undefined;
  }
  const powerOfTwo = (slots: number): boolean => slots > 0 && (slots & (slots - 1)) === 0;
  if (!powerOfTwo(bigramSlots) || !powerOfTwo(trigramSlots)) return undefined;
  const rowIsValid = (row: number): boolean => row >= -1 && row < rowCount;
  let offset = bytes.byteOffset + HEADER_BYTES;
  const floats = (length: number): Float64Array => {
    const array = new Float64Array(bytes.buffer, offset, length);
    offset += 8 * length;
    return array;
  };
  const integers = (length: number): Int32Array => {
    const array = new Int32Array(bytes.buffer, offset, length);
    offset += padded(4 * length);
    return array;
  };
  const logProbabilities = floats(rowCount);
  const logBackoffs = floats(rowCount);
  const bigramKeys = floats(bigramSlots);
  const trigramKeys = floats(trigramSlots);
  const unigramRows = integers(wordCount);
  const bigramRows = integers(bigramSlots);
  const trigramRows = integers(trigramSlots);
  const words = bytes.toString('utf8', offset - bytes.byteOffset, bytes.byteLength).split('\n');
  if (words.length !== wordCount || !unigramRows.every(rowIsValid)) return undefined;
  const bigrams = new NgramTable(bigramKeys, bigramRows);
  const trigrams = new NgramTable(trigramKeys, trigramRows);
  // A file that passed its checksum was written by cacheBytes; checked anyway, as a table without
  // an empty slot would make a look-up search forever.
  if (!bigrams.isSound(rowCount) || !trigrams.isSound(rowCount)) return undefined;
  return {
    words,
    unigramRows,
    bigrams,
    trigrams,
    logProbabilities,
    logBackoffs,
    unknown: header.getFloat64(32, true),
  };
}

/** Writes the cache file whole or not at all; a folder that cannot be written is left be. */
async function writeCache(directory: string, path: string, bytes: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch {
    // A read-only or full disk: the next run parses the ARPA file again, which is all a cache saves.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
