/**
 * SubRip (.srt).
 *
 * SRT has no specification, and the npm parsers we tried (subtitle, srt-parser-2) fold a malformed
 * cue silently into the previous cue's text, so bad input would load as if it were fine. This small
 * line reader instead stops at the first line it cannot place, naming it.
 *
 * Styling tags (<i>, <b>, <font>, {\an8}) are not part of the text to correct: `text` holds the
 * cue's words, and the markup is kept to be written back when the text is unchanged (and, around
 * an edited text, the tags that wrap the whole cue). A leading `[NAME]: ` is read as the speaker,
 * the convention WhisperX writes.
 */
import type { NekoDocument, Segment } from '../document/types.js';
import {
  assertHasSegments,
  cueTimes,
  documentName,
  extraOf,
  formatTimestamp,
  importedDocument,
  roundMilliseconds,
  splitLines,
} from './common.js';
import { FormatError, type Format, type ParseContext } from './types.js';

/** `d`: the match records where each group starts, for the column of a bad minute or second. */
const TIMING_LINE =
  /^\s*(\d{1,3}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,3}):(\d{2}):(\d{2})[,.](\d{1,3})(?:\s+.*)?$/d;
const INDEX_LINE = /^\s*\d+\s*$/;
/**
 * A tag cannot hold the character that opens another (`[^<>]`, `[^{}]`): a failed attempt then stops
 * at the next `<` or `{` instead of scanning to the end of the cue, which made a long run of `{\`
 * quadratic (200 KB took 15 s).
 */
const STYLE_TAG = /<\/?(?:i|b|u|s|font)(?:\s[^<>]*)?>|\{\\[^{}]*\}/gi;
const LEADING_MARKUP = /^(?:<(?:i|b|u|s|font)(?:\s[^<>]*)?>|\{\\[^{}]*\})+/i;
const CLOSING_TAG = /^<\/(?:i|b|u|s|font)>$/i;
const POSITION_TAG = /\{\\[^{}]*\}/g;
const SPEAKER_PREFIX = /^\[([^\]\n]+)\]:\s*/;

interface SrtCueExtra {
  /** The cue text exactly as in the file, tags included. */
  markup: string;
}

interface SrtExtra {
  cues: Record<string, SrtCueExtra>;
}

export const srtFormat: Format = {
  id: 'srt',
  label: 'SubRip subtitles',
  extensions: ['.srt'],

  detect(content) {
    const lines = splitLines(content.slice(0, 4096));
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first < 0) return 0;
    const timing = INDEX_LINE.test(lines[first] ?? '') ? lines[first + 1] : lines[first];
    return timing !== undefined && TIMING_LINE.test(timing) ? 0.9 : 0;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const lines = splitLines(content);
    const segments: Segment[] = [];
    const cues: Record<string, SrtCueExtra> = {};
    let index = 0;
    const skipBlank = () => {
      while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
    };

    skipBlank();
    if (index >= lines.length) {
      throw new FormatError(fileName, 'no subtitles: the file is blank', { line: lines.length });
    }
    while (index < lines.length) {
      const cueNumber = segments.length + 1;
      if (INDEX_LINE.test(lines[index] ?? '')) index++;
      const timingText = lines[index];
      if (timingText === undefined) {
        throw new FormatError(
          fileName,
          `cue ${cueNumber} ends before its time line (truncated file?)`,
          {
            line: index + 1,
          },
        );
      }
      const timing = TIMING_LINE.exec(timingText);
      if (!timing) {
        throw new FormatError(
          fileName,
          `expected a time line like "00:00:01,000 --> 00:00:02,000", found "${clip(timingText)}"`,
          { line: index + 1, column: 1 },
        );
      }
      for (const group of [2, 3, 6, 7]) {
        if (Number(timing[group]) > 59) {
          const what = group % 4 === 2 ? 'minutes' : 'seconds';
          throw new FormatError(fileName, `${what} must be 00 to 59, found "${timing[group]}"`, {
            line: index + 1,
            column: (timing.indices?.[group]?.[0] ?? 0) + 1,
          });
        }
      }
      const start = toSeconds(timing.slice(1, 5));
      const end = toSeconds(timing.slice(5, 9));
      if (end < start) {
        throw new FormatError(fileName, 'the cue ends before it starts', { line: index + 1 });
      }
      index++;

      const textLines: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim() !== '') {
        // A cue number directly followed by a time line starts the next cue even without a blank line.
        if (INDEX_LINE.test(lines[index] ?? '') && TIMING_LINE.test(lines[index + 1] ?? '')) break;
        textLines.push(lines[index] ?? '');
        index++;
      }
      const markup = textLines.join('\n');
      const { speaker, text } = readCueText(markup);
      const id = String(cueNumber);
      segments.push({ id, source: text, text, start, end, ...(speaker ? { speaker } : {}) });
      cues[id] = { markup };
      skipBlank();
    }

    return importedDocument(fileName, 'srt', {
      kind: 'transcript',
      task: 'asr',
      segments,
      extra: { srt: { cues } satisfies SrtExtra },
    });
  },

  serialize(document) {
    assertHasSegments(document, 'SRT');
    const extra = extraOf<SrtExtra>(document, 'srt');
    const blocks = document.segments.map((segment, position) => {
      const { start, end } = cueTimes(document, segment, 'SRT');
      const timing = `${formatTimestamp(start, ',')} --> ${formatTimestamp(end, ',')}`;
      const original = extra.cues?.[segment.id];
      return `${position + 1}\n${timing}\n${cueMarkup(document, segment, original)}\n`;
    });
    return blocks.join('\n');
  },
};

function toSeconds([hours, minutes, seconds, fraction]: string[]): number {
  const milliseconds = Number((fraction ?? '0').padEnd(3, '0'));
  return roundMilliseconds(
    Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + milliseconds / 1000,
  );
}

function readCueText(markup: string): { speaker?: string; text: string } {
  const plain = markup.replace(STYLE_TAG, '');
  const speaker = SPEAKER_PREFIX.exec(plain);
  return speaker ? { speaker: speaker[1], text: plain.slice(speaker[0].length) } : { text: plain };
}

function cueMarkup(
  document: NekoDocument,
  segment: Segment,
  original: SrtCueExtra | undefined,
): string {
  const prefix = segment.speaker ? `[${segment.speaker}]: ` : '';
  if (original) {
    const before = readCueText(original.markup);
    if (before.text === segment.text && before.speaker === segment.speaker) return original.markup;
  }
  assertSrtCanHold(document, segment);
  if (original) {
    return withoutBlankLines(`${wrapping(original.markup, `${prefix}${segment.text}`)}`);
  }
  return withoutBlankLines(`${prefix}${segment.text}`);
}

/**
 * SRT has no escapes: text with a style tag in it (`<i>`, `{\an8}`) would lose it when read back, and
 * a leading `[Name]:` would become the speaker. Such a document is refused with the segment named
 * rather than written so that it reads back differently; WebVTT can hold it.
 */
function assertSrtCanHold(document: NekoDocument, segment: Segment): void {
  const refuse = (why: string): never => {
    throw new FormatError(
      documentName(document),
      `segment "${segment.id}": SRT cannot hold this text: ${why}; export as WebVTT or change the text`,
    );
  };
  const tag = new RegExp(STYLE_TAG.source, 'i').exec(segment.text);
  if (tag) refuse(`"${clip(tag[0])}" would be read as a style tag`);
  if (!segment.speaker && SPEAKER_PREFIX.test(segment.text))
    refuse(
      `a leading "${clip(SPEAKER_PREFIX.exec(segment.text)![0].trim())}" would be read as the speaker`,
    );
  if (segment.speaker && !/^[^\]\n]+$/.test(segment.speaker))
    refuse(`the speaker "${clip(segment.speaker)}" cannot be written as "[Name]:"`);
}

/**
 * Puts an edited text inside the tags that wrapped the whole original cue (`<i>…</i>`, `{\an8}`).
 * Tags around single words cannot be carried over to words that changed, so then only position
 * tags stay.
 */
function wrapping(markup: string, text: string): string {
  const leading = LEADING_MARKUP.exec(markup)?.[0] ?? '';
  const trailing = trailingClosingTags(markup.slice(leading.length));
  const middle = markup.slice(leading.length, markup.length - trailing.length);
  const positionTags = (leading.match(POSITION_TAG) ?? []).join('');
  const openedAndClosed = leading.length > positionTags.length === (trailing !== '');
  const wrapsWholeCue = openedAndClosed && !new RegExp(STYLE_TAG.source, 'i').test(middle);
  return wrapsWholeCue ? `${leading}${text}${trailing}` : `${positionTags}${text}`;
}

/**
 * The closing tags at the end of `markup`, found from the end: a regular expression anchored only at
 * `$` would be tried from every position of the cue.
 */
function trailingClosingTags(markup: string): string {
  let end = markup.length;
  while (end > 0) {
    const open = markup.lastIndexOf('</', end - 1);
    if (open < 0 || end - open > 8 || !CLOSING_TAG.test(markup.slice(open, end))) break;
    end = open;
  }
  return markup.slice(end);
}

/**
 * A blank line would end the cue early, and a line that reads as a time line would start a new cue:
 * SRT has no escapes, so such lines are defused (the arrow loses a dash).
 */
function withoutBlankLines(text: string): string {
  return text
    .replace(/\n\s*\n/g, '\n')
    .replace(/^\s*\n|\n\s*$/g, '')
    .split('\n')
    .map((line) => (TIMING_LINE.test(line) ? line.replace(/-->/g, '->') : line))
    .join('\n');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
