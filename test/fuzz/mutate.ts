/**
 * Seeded mutations of the format fixtures: bit flips, truncation, deep nesting, huge numbers, huge
 * lines, other encodings, and structural damage (lines dropped, doubled, swapped, hostile tokens).
 * The same (seed, format, index) always gives the same bytes, so that a failure can be replayed.
 */

import { seededRandom as mulberry32 } from '../../src/align/bootstrap.js';

/** Every mutated input stays under this size: the 2 s limit applies to inputs under 1 MB. */
export const MAX_INPUT_BYTES = 1024 * 1024 - 1;

export type Random = () => number;

/** mulberry32, as the bootstrap intervals use it: small, fast, and the same everywhere. */
export const seededRandom: (seed: number) => Random = mulberry32;

/** A 32-bit hash of the parts, to seed one case. */
export function caseSeed(...parts: (string | number)[]): number {
  let hash = 2166136261;
  for (const character of parts.join('\u0000')) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** Openers and closers that nest in one format or another. */
const NESTINGS: readonly [string, string][] = [
  ['[', ']'],
  ['{"a":', '}'],
  ['<b>', '</b>'],
  ['<i>', '</i>'],
  ['<v a>', '</v>'],
  ['<ruby><rt>', '</rt></ruby>'],
  ['<div>', '</div>'],
  ['<span class="ocr_line" title="bbox 0 0 1 1">', '</span>'],
  ['<TextBlock>', '</TextBlock>'],
  ['<a>', '</a>'],
];
const DEPTHS = [50, 99, 100, 101, 199, 201, 1000, 5000, 50_000];

/** Runs that hurt a parser that backtracks or searches: stripped tags, entities, quotes. */
const HOSTILE_RUNS = [
  '{\\',
  '<i ',
  '</i>',
  '&x;',
  '&amp',
  '<',
  '&',
  '"',
  '\\',
  ' ',
  'a',
  '-->',
  '\n',
  '\r\n \n',
  '[',
  '<!--',
  '0',
  '\ud83d\ude00',
];

const HOSTILE_TOKENS = [
  '-->',
  '\n\n',
  '00:00:00,000 --> 00:00:01,000',
  '00:00.000 --> 00:01.000',
  '99:59:59.999 --> 00:00:00.000',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE html>',
  '&x;',
  ']]>',
  '<![CDATA[',
  '"id": 1,',
  '"start": -1,',
  '"end": 1e400,',
  '\ufeff',
  '\u0000',
  '\ud800',
  '[SPEAKER_00]: ',
  '<v Anna>',
  '{\\an8}',
  'NOTE',
  'STYLE',
  'WEBVTT',
  '</alto>',
  '<alto>',
  "class='ocr_page'",
  "title='bbox 1 2 3'",
  'HPOS="-5"',
];

const HUGE_NUMBERS = [
  '9'.repeat(400),
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '0.' + '0'.repeat(300) + '1',
  '4294967296',
  '-1',
];

type Mutation = (bytes: Buffer, random: Random, others: readonly Buffer[]) => Buffer;

const latin1 = (bytes: Buffer) => Buffer.from(bytes.toString('utf8'), 'latin1');

const MUTATIONS: Record<string, Mutation> = {
  bitflip(bytes, random) {
    if (bytes.length === 0) return bytes;
    const copy = Buffer.from(bytes);
    for (let flips = between(random, 1, 8); flips > 0; flips--) {
      const at = Math.floor(random() * copy.length);
      copy[at] = copy[at]! ^ (1 << between(random, 0, 7));
    }
    return copy;
  },
  truncate(bytes, random) {
    return bytes.subarray(0, Math.floor(random() * bytes.length));
  },
  nesting(bytes, random) {
    const [open, close] = pick(random, NESTINGS);
    const depth = pick(random, DEPTHS);
    const balanced = random() < 0.5;
    const at = Math.floor(random() * (bytes.length + 1));
    const inner = open.repeat(depth) + (balanced ? close.repeat(depth) : '');
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(inner), bytes.subarray(at)]);
  },
  hugeNumber(bytes, random) {
    const text = bytes.toString('latin1');
    const runs = [...text.matchAll(/\d+(?:\.\d+)?/g)];
    if (runs.length === 0) return bytes;
    const run = pick(random, runs);
    const replacement = pick(random, HUGE_NUMBERS);
    const at = run.index;
    return Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(replacement),
      bytes.subarray(at + run[0].length),
    ]);
  },
  hugeLine(bytes, random) {
    const size = pick(random, [10_000, 100_000, 500_000, 900_000]);
    const at = Math.floor(random() * (bytes.length + 1));
    let piece: Buffer;
    if (random() < 0.6) piece = Buffer.from(pick(random, HOSTILE_RUNS));
    else {
      const start = Math.floor(random() * bytes.length);
      piece = bytes.subarray(start, start + between(random, 1, 80));
      if (piece.length === 0) piece = Buffer.from('x');
    }
    const run = Buffer.alloc(Math.max(0, Math.min(size, MAX_INPUT_BYTES - bytes.length)), piece);
    return Buffer.concat([bytes.subarray(0, at), run, bytes.subarray(at)]);
  },
  encoding(bytes, random) {
    const text = bytes.toString('utf8');
    switch (between(random, 0, 8)) {
      case 0:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 1: {
        const le = Buffer.from(text, 'utf16le');
        return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
      }
      case 2:
        return Buffer.from(text, 'utf16le'); // no byte order mark
      case 3:
        return latin1(bytes);
      case 4:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      case 5:
        return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
      case 6:
        return Buffer.from(text.replace(/\r?\n/g, '\r'));
      case 7: {
        const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const at = 2 + 2 * Math.floor((random() * (odd.length - 2)) / 2);
        odd[at] = 0x00;
        odd[at + 1] = pick(random, [0xd8, 0xdc, 0xdf]); // an unpaired surrogate
        return random() < 0.5 ? odd : odd.subarray(0, odd.length - 1);
      }
      default: {
        const invalid = pick(random, [
          [0xc3, 0x28],
          [0xff],
          [0x80],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0xf4, 0x90, 0x80, 0x80],
          [0x00],
          [0x1b, 0x5b],
        ]);
        const at = Math.floor(random() * (bytes.length + 1));
        return Buffer.concat([bytes.subarray(0, at), Buffer.from(invalid), bytes.subarray(at)]);
      }
    }
  },
  lines(bytes, random) {
    const lines = bytes.toString('utf8').split('\n');
    const at = Math.floor(random() * lines.length);
    const other = Math.floor(random() * lines.length);
    switch (between(random, 0, 3)) {
      case 0:
        lines.splice(at, between(random, 1, 3));
        break;
      case 1:
        lines.splice(at, 0, ...lines.slice(at, at + between(random, 1, 4)));
        break;
      case 2:
        [lines[at], lines[other]] = [lines[other]!, lines[at]!];
        break;
      default:
        lines.splice(at, 0, '');
    }
    return Buffer.from(lines.join('\n'));
  },
  token(bytes, random) {
    const at = Math.floor(random() * (bytes.length + 1));
    const token = Buffer.from(pick(random, HOSTILE_TOKENS));
    return Buffer.concat([bytes.subarray(0, at), token, bytes.subarray(at)]);
  },
  splice(bytes, random, others) {
    const other = pick(random, others);
    const from = Math.floor(random() * other.length);
    const piece = other.subarray(from, from + between(random, 1, 400));
    const at = Math.floor(random() * (bytes.length + 1));
    return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface MutatedInput {
  bytes: Buffer;
  /** Which seed file and which mutations, to read in a failure report. */
  recipe: string;
}

/** One to three mutations of one seed file, chosen by `random`. */
export function mutate(
  seeds: readonly { name: string; bytes: Buffer }[],
  random: Random,
): MutatedInput {
  const seed = pick(random, seeds);
  const others = seeds.map((candidate) => candidate.bytes);
  let bytes = seed.bytes;
  const applied: string[] = [];
  for (let count = between(random, 1, 3); count > 0; count--) {
    const name = pick(random, MUTATION_NAMES);
    bytes = MUTATIONS[name]!(bytes, random, others);
    applied.push(name);
  }
  if (bytes.length > MAX_INPUT_BYTES) bytes = bytes.subarray(0, MAX_INPUT_BYTES);
  return { bytes, recipe: `${seed.name}: ${applied.join(', ')}` };
}
