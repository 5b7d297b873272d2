/**
 * WebVTT (.vtt), read with webvtt-parser, the W3C's reference parser and validator.
 *
 * The validator reports every departure from the spec, most of which browsers shrug off (an unknown
 * tag, a header line without a blank line after it). Only the errors that lose a cue or its timing
 * stop the import. A `<v Speaker>` voice tag gives the segment's speaker; cue ids, cue settings, the
 * header, STYLE blocks and NOTE comments are kept for export. The parser drops comments, so they are
 * read from the file's blocks, each tied to the cue after it.
 */
import webvtt, { type WebVTTCue, type WebVTTNode } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import type { NekoDocument, Segment } from '../document/types.js';
import {
  assertHasSegments,
  cueTimes,
  extraOf,
  formatTimestamp,
  MAX_NESTING_DEPTH,
  MAX_TIMESTAMP_MILLISECONDS,
  importedDocument,
  roundMilliseconds,
  splitLines,
  stripBom,
} from './common.js';
import { FormatError, type Format, type ParseContext } from './types.js';

/** Errors after which the parser drops a cue or cannot tell where cues are. */
const FATAL_ERRORS = new Set([
  'No timestamp found.',
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
  'No valid timestamp separator found.',
  'Cue identifier cannot be standalone.',
  'Cue identifier needs to be followed by timestamp.',
]);

interface VttCueExtra {
  /** The cue identifier line, when the cue had one. */
  id?: string;
  settings: string;
  /** The cue text exactly as in the file, tags and entities included. */
  markup: string;
  voice?: string;
}

interface VttNote {
  /** The whole block, `NOTE` line included. */
  text: string;
  /** The segment id of the cue that follows it; null at the end of the file. */
  before: string | null;
}

interface VttExtra {
  /** The signature line and any header lines after it, e.g. `WEBVTT - Title`, `Kind: captions`. */
  header: string[];
  styles: string[];
  cues: Record<string, VttCueExtra>;
  /** Absent in documents imported before notes were kept. */
  notes?: VttNote[];
}

const parser = new webvtt.WebVTTParser(linearEntities(entities as Record<string, string>));

/**
 * The entity table handed to the parser. For a `&name;` it does not know, the parser looks for a
 * known name that prefixes it by searching `Object.keys(entities)`: 2,231 keys collected anew for
 * every `;`, so that a 1 MB cue of `&x;` took 100 s. Here every `&name;` is known: a real entity
 * gives its character, any other gives what that search would have made of it (the one legacy name
 * without `;` that prefixes it, then the rest literally; or all of it literally), in time linear in
 * the name. No two legacy names prefix each other, so "the first that prefixes" is "the one".
 */
function linearEntities(table: Record<string, string>): Record<string, string> {
  const legacy = Object.keys(table).filter((name) => !name.endsWith(';'));
  const longest = Math.max(...legacy.map((name) => name.length));
  const legacySet = new Set(legacy);
  const resolve = (reference: string): string => {
    const buffer = reference.slice(0, -1);
    for (let length = 2; length <= Math.min(longest, buffer.length); length++) {
      const name = buffer.slice(0, length);
      if (legacySet.has(name)) return `${table[name]}${buffer.slice(length)};`;
    }
    return reference;
  };
  return new Proxy(table, {
    get(target, key) {
      if (typeof key !== 'string' || Object.hasOwn(target, key)) return target[key as string];
      return key.startsWith('&') && key.endsWith(';') ? resolve(key) : undefined;
    },
  });
}

export const vttFormat: Format = {
  id: 'vtt',
  label: 'WebVTT subtitles',
  extensions: ['.vtt'],

  detect(content) {
    return /^WEBVTT(?:[ \t]|\r?\n|\r|$)/.test(stripBom(content)) ? 1 : 0;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const text = stripBom(content);
    const lines = splitLines(text);
    assertCueTagNesting(lines, fileName);
    assertCueTimes(lines, fileName);
    const result = parser.parse(text, 'subtitles');
    for (const error of result.errors) {
      const onTimingLine = (lines[error.line - 1] ?? '').includes('-->');
      const fatal =
        error.message.startsWith('No valid signature') ||
        (FATAL_ERRORS.has(error.message) &&
          (onTimingLine || error.message.startsWith('Cue identifier')));
      if (fatal) {
        throw new FormatError(fileName, asDetail(error.message), {
          line: error.line,
          column: error.col,
        });
      }
    }

    const header: string[] = [];
    for (const line of lines) {
      if (line.trim() === '' || line.includes('-->')) break;
      header.push(line);
    }

    const segments: Segment[] = [];
    const cues: Record<string, VttCueExtra> = {};
    const usedIds = new Set<string>();
    result.cues.forEach((cue, index) => {
      const id = cue.id && !usedIds.has(cue.id) ? cue.id : `cue-${index + 1}`;
      usedIds.add(id);
      const children = cue.tree?.children ?? [];
      const plain = plainText(children);
      const speaker = firstVoice(children);
      segments.push({
        id,
        source: plain,
        text: plain,
        start: roundMilliseconds(cue.startTime),
        end: roundMilliseconds(cue.endTime),
        ...(speaker ? { speaker } : {}),
      });
      cues[id] = {
        ...(cue.id ? { id: cue.id } : {}),
        settings: cueSettings(cue),
        markup: cue.text,
        ...(speaker ? { voice: speaker } : {}),
      };
    });

    if (segments.length === 0) {
      throw new FormatError(fileName, 'no cues: the file has a header and nothing to edit', {
        line: lines.length,
      });
    }
    const notes = readNotes(lines, segments);
    return importedDocument(fileName, 'vtt', {
      kind: 'transcript',
      task: 'asr',
      segments,
      extra: {
        vtt: {
          header,
          styles: result.styles,
          cues,
          ...(notes.length ? { notes } : {}),
        } satisfies VttExtra,
      },
    });
  },

  serialize(document) {
    assertHasSegments(document, 'WebVTT');
    const extra = extraOf<VttExtra>(document, 'vtt');
    const blocks: string[] = [(extra.header?.length ? extra.header : ['WEBVTT']).join('\n')];
    for (const style of extra.styles ?? []) blocks.push(`STYLE\n${style}`);
    const segmentIds = new Set(document.segments.map((segment) => segment.id));
    const notesByCue = new Map<string | null, string[]>();
    for (const note of extra.notes ?? []) {
      // A note whose cue is gone (merged or deleted) moves to the end rather than being lost.
      const cue = note.before !== null && segmentIds.has(note.before) ? note.before : null;
      // Appended in place: copying the list for every note was quadratic in the number of notes.
      const list = notesByCue.get(cue) ?? [];
      list.push(note.text);
      notesByCue.set(cue, list);
    }
    const notesBefore = (id: string | null) => notesByCue.get(id) ?? [];
    for (const segment of document.segments) {
      blocks.push(...notesBefore(segment.id));
      const original = extra.cues?.[segment.id];
      const { start, end } = cueTimes(document, segment, 'WebVTT');
      const settings = original?.settings ? ` ${original.settings}` : '';
      const timing = `${formatTimestamp(start, '.')} --> ${formatTimestamp(end, '.')}${settings}`;
      const idLine = original?.id ? `${original.id}\n` : '';
      blocks.push(`${idLine}${timing}\n${cueMarkup(segment, original)}`);
    }
    blocks.push(...notesBefore(null));
    return blocks.join('\n\n') + '\n';
  },
};

/** The tags the cue text parser nests (`rt` only inside `ruby`); any other tag it drops. */
const NESTING_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'v', 'lang']);

/**
 * Refuses cue text whose tags nest deeper than MAX_NESTING_DEPTH before the parser sees it: the
 * parser copies its tree recursively (2,500 levels overflowed the stack) and looks up `<v>` through
 * every open tag. This follows the parser's rules: a cue's text runs from the line after its time
 * line to a blank line or the next time line; a tag runs from `<` to `>`; an end tag closes the
 * innermost tag only if the names match.
 */
function assertCueTagNesting(lines: readonly string[], fileName: string): void {
  let open: string[] | undefined;
  lines.forEach((line, index) => {
    if (line === '' || line.includes('-->')) {
      open = line === '' ? undefined : [];
      return;
    }
    if (!open) return;
    for (let at = line.indexOf('<'); at >= 0; at = line.indexOf('<', at + 1)) {
      const close = line.indexOf('>', at);
      const tag = line.slice(at + 1, close < 0 ? undefined : close);
      if (tag.startsWith('/')) {
        const name = tag.slice(1);
        const top = open[open.length - 1];
        if (name === top) open.pop();
        else if (name === 'ruby' && top === 'rt') open.splice(-2);
      } else {
        const name = /^[^\t\n\f .]*/.exec(tag)![0];
        const top = open[open.length - 1];
        if (NESTING_TAGS.has(name) || (name === 'rt' && top === 'ruby')) open.push(name);
        if (open.length > MAX_NESTING_DEPTH) {
          throw new FormatError(
            fileName,
            `cue tags nested deeper than ${MAX_NESTING_DEPTH} levels`,
            {
              line: index + 1,
              column: at + 1,
            },
          );
        }
      }
      // The next tag starts after this one's `>`: scanning from each `<` would be quadratic.
      if (close < 0) break;
      at = close;
    }
  });
}

/** A time line as the spec reads it: hours optional and of any length, then mm:ss.ttt. */
const TIME_LINE =
  /^[ \t\f]*(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})[ \t\f]+-->[ \t\f]+(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/d;

/**
 * Times the parser accepts but that cannot be kept: hours past 999 (400 digits read as Infinity) and
 * a cue that ends before it starts. A zero-length cue is allowed, as players allow it.
 */
function assertCueTimes(lines: readonly string[], fileName: string): void {
  lines.forEach((line, index) => {
    const timing = line.includes('-->') ? TIME_LINE.exec(line) : null;
    if (!timing) return; // the parser names what is wrong with it, if anything
    const milliseconds = (first: number) => {
      const [hours, minutes, seconds, fraction] = timing.slice(first, first + 4);
      if ((hours ?? '').replace(/^0+/, '').length > 3) return Infinity;
      return (
        ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 +
        Number(fraction)
      );
    };
    const [start, end] = [milliseconds(1), milliseconds(5)];
    for (const [time, group] of [
      [start, 1],
      [end, 5],
    ] as const) {
      if (time > MAX_TIMESTAMP_MILLISECONDS) {
        throw new FormatError(fileName, 'times past 999:59:59.999 are not supported', {
          line: index + 1,
          column: (timing.indices?.[group]?.[0] ?? 0) + 1,
        });
      }
    }
    if (end < start) {
      throw new FormatError(fileName, 'the cue ends before it starts', { line: index + 1 });
    }
  });
}

/** NOTE blocks, each tied to the next cue block (the n-th cue block is the n-th segment). */
function readNotes(lines: readonly string[], segments: readonly Segment[]): VttNote[] {
  const notes: VttNote[] = [];
  const pending: string[] = [];
  let cueIndex = 0;
  let block: string[] = [];
  const closeBlock = () => {
    if (block.length === 0) return;
    if (/^NOTE(?:[ \t]|$)/u.test(block[0]!)) pending.push(block.join('\n'));
    else if (block.some((line) => line.includes('-->'))) {
      const before = segments[cueIndex]?.id ?? null;
      for (const text of pending.splice(0)) notes.push({ text, before });
      cueIndex += 1;
    }
    block = [];
  };
  for (const line of lines) {
    if (line.trim() === '') closeBlock();
    else block.push(line);
  }
  closeBlock();
  for (const text of pending) notes.push({ text, before: null });
  return notes;
}

/** The validator's "Must be exactly two digits." as this project's error style: "must be …". */
function asDetail(message: string): string {
  const text = message.replace(/\.$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function plainText(nodes: WebVTTNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return String(node.value ?? '');
      if (node.type === 'object') return plainText(node.children ?? []);
      return '';
    })
    .join('');
}

function firstVoice(nodes: WebVTTNode[]): string | undefined {
  for (const node of nodes) {
    if (node.type !== 'object') continue;
    if (node.name === 'v' && typeof node.value === 'string' && node.value.trim())
      return node.value.trim();
    const inner = firstVoice(node.children ?? []);
    if (inner) return inner;
  }
  return undefined;
}

/** The cue settings in the spec's syntax, from the values the parser read. */
function cueSettings(cue: WebVTTCue): string {
  const settings: string[] = [];
  if (cue.direction !== 'horizontal') settings.push(`vertical:${cue.direction}`);
  const line = settingNumber(cue.linePosition);
  if (line !== undefined) {
    const align = cue.lineAlign !== 'start' ? `,${cue.lineAlign}` : '';
    settings.push(`line:${line}${cue.snapToLines ? '' : '%'}${align}`);
  }
  const position = settingNumber(cue.textPosition);
  if (position !== undefined) {
    const align = cue.positionAlign !== 'auto' ? `,${cue.positionAlign}` : '';
    settings.push(`position:${position}%${align}`);
  }
  const size = settingNumber(cue.size);
  if (size !== undefined && cue.size !== 100) settings.push(`size:${size}%`);
  if (cue.alignment !== 'center') settings.push(`align:${cue.alignment}`);
  return settings.join(' ');
}

/**
 * A setting's number as the spec's parser reads it back: digits, at most three decimals, never the
 * exponent notation (`1e-301`) that JavaScript writes for very small or large numbers; undefined
 * for `auto` or a number that has no such form.
 */
function settingNumber(value: number | 'auto'): string | undefined {
  if (value === 'auto' || !Number.isFinite(value) || Math.abs(value) >= 1e15) return undefined;
  const rounded = Math.round(value * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function cueMarkup(segment: Segment, original: VttCueExtra | undefined): string {
  if (original && segment.text === segment.source && original.voice === segment.speaker) {
    return original.markup;
  }
  const escaped = segment.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = segment.speaker ? `<v ${segment.speaker}>${escaped}` : escaped;
  // A blank line or an arrow inside the text would end the cue or start a new one.
  return body
    .replace(/\n\s*\n/g, '\n')
    .replace(/-->/g, '--&gt;')
    .replace(/^\s*\n|\n\s*$/g, '');
}
