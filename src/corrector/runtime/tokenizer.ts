/**
 * The byte-level BPE tokenizer of training/tokenizer.py, ported so that both yield identical ids
 * (test/unit/corrector/tokenizer.test.ts checks this on strings tokenized by Python).
 *
 * Text is encoded as UTF-8 bytes and split into chunks (an optional single leading space plus a run of
 * one byte class); inside a chunk the adjacent pair with the lowest merge rank is merged, all its
 * non-overlapping occurrences left to right, until no ranked pair remains. Ids: special tokens, then
 * the 256 bytes, then one id per merge. Any string without lone surrogates round-trips exactly.
 */
import { readFileSync } from 'node:fs';

export const TOKENIZER_TYPE = 'neko-byte-bpe';
export const TOKENIZER_VERSION = 1;

export interface SpecialTokenIds {
  pad: number;
  bos: number;
  eos: number;
  sep: number;
  unk?: number;
}

/** The parsed content of tokenizer.json, as training/tokenizer.py writes it. */
export interface TokenizerSpec {
  type: string;
  version: number;
  vocab_size: number;
  special_tokens: SpecialTokenIds & Record<string, number>;
  byte_offset: number;
  merges: [number, number][];
}

/** A token with the UTF-16 range of the source text its bytes came from. */
export interface TokenSpan {
  id: number;
  start: number;
  end: number;
}

const LETTER = 0;
const DIGIT = 1;
const SPACE = 2;
const OTHER = 3;
const SPACE_BYTE = 0x20;

const CLASS_OF_BYTE: Uint8Array = (() => {
  const classes = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) {
    if (byte >= 0x80 || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      classes[byte] = LETTER;
    } else if (byte >= 0x30 && byte <= 0x39) {
      classes[byte] = DIGIT;
    } else if ([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(byte)) {
      classes[byte] = SPACE;
    } else {
      classes[byte] = OTHER;
    }
  }
  return classes;
})();

const classAt = (bytes: Uint8Array, index: number): number => CLASS_OF_BYTE[bytes[index]!]!;

/** Chunk boundaries as [start, end) byte ranges; mirrors `pretokenize` in training/tokenizer.py. */
export function pretokenize(bytes: Uint8Array): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = start;
    if (
      bytes[start] === SPACE_BYTE &&
      start + 1 < bytes.length &&
      classAt(bytes, start + 1) !== SPACE
    ) {
      end = start + 1;
    }
    const runClass = classAt(bytes, end);
    end += 1;
    while (end < bytes.length && classAt(bytes, end) === runClass) {
      // Leave the last space of a white-space run to the word that follows it.
      const spaceBeforeWord =
        runClass === SPACE &&
        bytes[end] === SPACE_BYTE &&
        end + 1 < bytes.length &&
        classAt(bytes, end + 1) !== SPACE;
      if (spaceBeforeWord) break;
      end += 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

export class TokenizerError extends Error {
  override name = 'TokenizerError';
}

export class Tokenizer {
  readonly vocabSize: number;
  readonly special: SpecialTokenIds;
  private readonly byteOffset: number;
  private readonly merges: [number, number][];
  /** Merge rank keyed by `left * vocabSize + right`. */
  private readonly rankOfPair = new Map<number, number>();
  private readonly pieceBytes: Uint8Array[] = [];
  private readonly chunkCache = new Map<string, number[]>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  constructor(spec: TokenizerSpec, source = 'tokenizer.json') {
    if (spec.type !== TOKENIZER_TYPE || spec.version !== TOKENIZER_VERSION) {
      throw new TokenizerError(
        `${source}: not a ${TOKENIZER_TYPE} v${TOKENIZER_VERSION} tokenizer`,
      );
    }
    const { pad, bos, eos, sep } = spec.special_tokens;
    if (
      ![pad, bos, eos, sep].every((id) => Number.isInteger(id) && id >= 0 && id < spec.byte_offset)
    ) {
      throw new TokenizerError(
        `${source}: special_tokens must hold pad, bos, eos and sep ids below byte_offset`,
      );
    }
    this.special = { ...spec.special_tokens };
    this.byteOffset = spec.byte_offset;
    this.merges = spec.merges;
    this.vocabSize = spec.byte_offset + 256 + spec.merges.length;
    if (spec.vocab_size !== this.vocabSize) {
      throw new TokenizerError(
        `${source}: vocab_size ${spec.vocab_size} does not match ${this.vocabSize} pieces`,
      );
    }
    for (let id = 0; id < this.byteOffset; id++) this.pieceBytes.push(new Uint8Array(0));
    for (let byte = 0; byte < 256; byte++) this.pieceBytes.push(Uint8Array.of(byte));
    spec.merges.forEach(([left, right], rank) => {
      const newId = this.byteOffset + 256 + rank;
      const leftBytes = this.pieceBytes[left];
      const rightBytes = this.pieceBytes[right];
      if (leftBytes === undefined || rightBytes === undefined || left >= newId || right >= newId) {
        throw new TokenizerError(`${source}: merge ${rank} refers to an id not defined before it`);
      }
      const joined = new Uint8Array(leftBytes.length + rightBytes.length);
      joined.set(leftBytes);
      joined.set(rightBytes, leftBytes.length);
      this.pieceBytes.push(joined);
      this.rankOfPair.set(left * this.vocabSize + right, rank);
    });
  }

  static fromFile(path: string): Tokenizer {
    let spec: TokenizerSpec;
    try {
      spec = JSON.parse(readFileSync(path, 'utf8')) as TokenizerSpec;
    } catch (error) {
      throw new TokenizerError(`${path}: cannot read tokenizer (${(error as Error).message})`);
    }
    return new Tokenizer(spec, path);
  }

  encode(text: string): number[] {
    return this.encodeWithSpans(text).map((span) => span.id);
  }

  /** Ids with the UTF-16 range of `text` each token covers (a token inside one character covers it). */
  encodeWithSpans(text: string): TokenSpan[] {
    const bytes = this.encoder.encode(text);
    const charStartOfByte = utf16IndexOfEachByte(text, bytes.length);
    const spans: TokenSpan[] = [];
    for (const [chunkStart, chunkEnd] of pretokenize(bytes)) {
      let byteStart = chunkStart;
      for (const id of this.encodeChunk(bytes.subarray(chunkStart, chunkEnd))) {
        const byteEnd = byteStart + this.pieceBytes[id]!.length;
        spans.push({
          id,
          start: charStartOfByte[byteStart]!,
          end: charEndBefore(charStartOfByte, byteEnd, text),
        });
        byteStart = byteEnd;
      }
    }
    return spans;
  }

  /** Special tokens decode to nothing; invalid UTF-8 (a model can emit it) becomes U+FFFD. */
  decode(ids: readonly number[]): string {
    return this.decoder.decode(this.bytesOf(ids));
  }

  /** The raw bytes of a piece; empty for special tokens. */
  pieceBytesOf(id: number): Uint8Array {
    const bytes = this.pieceBytes[id];
    if (bytes === undefined) throw new TokenizerError(`token id ${id} is outside the vocabulary`);
    return bytes;
  }

  private bytesOf(ids: readonly number[]): Uint8Array {
    const pieces = ids.map((id) => this.pieceBytesOf(id));
    const joined = new Uint8Array(pieces.reduce((total, piece) => total + piece.length, 0));
    let offset = 0;
    for (const piece of pieces) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    return joined;
  }

  private encodeChunk(chunk: Uint8Array): number[] {
    const key = String.fromCharCode(...chunk);
    const cached = this.chunkCache.get(key);
    if (cached !== undefined) return cached;
    let symbols = Array.from(chunk, (byte) => this.byteOffset + byte);
    while (symbols.length > 1) {
      let bestRank = -1;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const rank = this.rankOfPair.get(symbols[i]! * this.vocabSize + symbols[i + 1]!);
        if (rank !== undefined && (bestRank < 0 || rank < bestRank)) bestRank = rank;
      }
      if (bestRank < 0) break;
      const [left, right] = this.merges[bestRank]!;
      const newId = this.byteOffset + 256 + bestRank;
      const merged: number[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (i + 1 < symbols.length && symbols[i] === left && symbols[i + 1] === right) {
          merged.push(newId);
          i++;
        } else {
          merged.push(symbols[i]!);
        }
      }
      symbols = merged;
    }
    if (this.chunkCache.size < 200_000) this.chunkCache.set(key, symbols);
    return symbols;
  }
}

/** For each UTF-8 byte of `text`, the UTF-16 index of the character it belongs to. */
function utf16IndexOfEachByte(text: string, byteLength: number): Uint32Array {
  const indexOfByte = new Uint32Array(byteLength);
  let byte = 0;
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    const utf8Length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    indexOfByte.fill(index, byte, byte + utf8Length);
    byte += utf8Length;
    index += codePoint >= 0x10000 ? 2 : 1;
  }
  return indexOfByte;
}

/** The UTF-16 end of the character holding byte `byteEnd - 1`. */
function charEndBefore(charStartOfByte: Uint32Array, byteEnd: number, text: string): number {
  const lastCharStart = charStartOfByte[byteEnd - 1]!;
  return lastCharStart + (text.codePointAt(lastCharStart)! >= 0x10000 ? 2 : 1);
}
