/**
 * Whisper JSON: openai-whisper's `{text, segments: [{id, start, end, text, words?}], language}` with
 * words `{word, start, end, probability}`, and WhisperX's variant, whose segments and words carry a
 * `speaker` and whose words have a `score` (and sometimes no times).
 *
 * Segment and word texts lose Whisper's leading space on import and get it back on export. Fields
 * NeKo does not use (seek, tokens, avg_logprob, word_segments…) are kept and written back; a segment
 * whose text changed loses only its `tokens`, which would no longer match. Words of an edited
 * segment are refitted to the new text (see refit-words.ts).
 */
import { z } from 'zod';
import type { NekoDocument, Origin, Segment, Word } from '../document/types.js';
import {
  assertUniqueIds,
  extraOf,
  importedDocument,
  lineOfJsonPath,
  MAX_TIMESTAMP_MILLISECONDS,
  parseJson,
  stripBom,
  validateJson,
  words as wordsOf,
} from './common.js';
import { refitTimedWords } from './refit-words.js';
import { type Format, type ParseContext } from './types.js';

const wordSchema = z.looseObject({
  word: z.string(),
  start: z.number().nonnegative().optional(),
  end: z.number().nonnegative().optional(),
  probability: z.number().optional(),
  score: z.number().optional(),
  speaker: z.string().optional(),
});

/** Seconds that subtitle formats can write too (999:59:59.999 at most). */
const cueSeconds = z
  .number()
  .nonnegative()
  .max(MAX_TIMESTAMP_MILLISECONDS / 1000, 'times past 999:59:59.999 are not supported');

const segmentSchema = z
  .looseObject({
    id: z.union([z.number(), z.string()]).optional(),
    start: cueSeconds,
    end: cueSeconds,
    text: z.string(),
    speaker: z.string().optional(),
    words: z.array(wordSchema).optional(),
  })
  .refine((segment) => segment.end >= segment.start, {
    message: 'end is before start',
    path: ['end'],
  });

const whisperSchema = z.looseObject({
  text: z.string().optional(),
  segments: z.array(segmentSchema),
  language: z.string().optional(),
});

type WhisperWord = z.infer<typeof wordSchema>;

/** Keys NeKo reads into the document model; everything else is kept verbatim. */
const SEGMENT_KEYS = new Set(['id', 'start', 'end', 'text', 'speaker', 'words']);

interface WhisperExtra {
  /** Top-level fields other than text and segments (language, word_segments…). */
  fields: Record<string, unknown>;
  /** Per segment id: the fields NeKo does not model (seek, tokens, temperature…). */
  segmentFields: Record<string, Record<string, unknown>>;
  /** Segment keys in the order the file wrote them, to write them back in that order. */
  segmentKeyOrder: string[];
  /** The original `id` values, to write numbers back as numbers; empty when the file had none. */
  segmentIds: Record<string, number | string>;
  /** WhisperX writes `score` and word speakers; openai-whisper writes `probability`. */
  style: 'openai' | 'whisperx';
  /** Whether texts start with a space, as openai-whisper's do. */
  leadingSpace: boolean;
}

export const whisperJsonFormat: Format = {
  id: 'whisper-json',
  label: 'Whisper JSON (openai-whisper, WhisperX)',
  extensions: ['.json'],

  detect(content) {
    const value = tryParse(content);
    if (!isObject(value) || !Array.isArray(value.segments)) return 0;
    if ('version' in value && 'kind' in value) return 0; // a NeKo project
    const first: unknown = value.segments[0];
    if (first === undefined) return 'text' in value || 'language' in value ? 0.7 : 0.3;
    return isObject(first) && typeof first.start === 'number' && typeof first.text === 'string'
      ? 0.95
      : 0.2;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const text = stripBom(content);
    const whisper = validateJson(whisperSchema, parseJson(text, fileName), text, fileName);
    const style = looksLikeWhisperX(whisper) ? 'whisperx' : 'openai';
    const extra: WhisperExtra = {
      fields: Object.fromEntries(
        Object.entries(whisper).filter(([key]) => key !== 'text' && key !== 'segments'),
      ),
      segmentFields: {},
      segmentKeyOrder: Object.keys(whisper.segments[0] ?? {}),
      segmentIds: {},
      style,
      leadingSpace:
        whisper.segments.length > 0 &&
        whisper.segments.every((segment) => /^\s/.test(segment.text)),
    };
    const segments = whisper.segments.map((raw, index): Segment => {
      const id = raw.id !== undefined ? String(raw.id) : String(index);
      if (raw.id !== undefined) extra.segmentIds[id] = raw.id;
      const others = Object.fromEntries(
        Object.entries(raw).filter(([key]) => !SEGMENT_KEYS.has(key)),
      );
      if (Object.keys(others).length) extra.segmentFields[id] = others;
      const segmentText = raw.text.trim();
      const speaker = raw.speaker ?? commonWordSpeaker(raw.words);
      const words = raw.words?.map(toWord);
      const origins = originsOf(raw.words, segmentText);
      return {
        id,
        source: segmentText,
        text: segmentText,
        start: raw.start,
        end: raw.end,
        ...(speaker ? { speaker } : {}),
        ...(words ? { words } : {}),
        ...(origins ? { origins } : {}),
      };
    });
    assertUniqueIds(segments, fileName, (index) =>
      lineOfJsonPath(text, [
        'segments',
        index,
        whisper.segments[index]?.id !== undefined ? 'id' : 'start',
      ]),
    );
    return importedDocument(fileName, 'whisper-json', {
      kind: 'transcript',
      task: 'asr',
      segments,
      extra: { whisper: extra },
    });
  },

  serialize(document) {
    const extra = extraOf<WhisperExtra>(document, 'whisper');
    const style = extra.style ?? 'openai';
    const space = (extra.leadingSpace ?? true) ? ' ' : '';
    const segments = document.segments.map((segment, index) => {
      const changed = segment.text !== segment.source;
      const fields = { ...(extra.segmentFields?.[segment.id] ?? {}) };
      if (changed) delete fields.tokens;
      const start = segment.start ?? 0;
      const end = segment.end ?? start;
      const words =
        segment.words &&
        (changed ? refitTimedWords(segment.words, segment.text, start, end) : segment.words);
      // Where someone changed the text, each word says who wrote it (recognizer, corrector, user).
      const wordOrigins = segment.origins ?? [];
      const origins =
        changed && words?.length === wordOrigins.length && wordOrigins.length > 0
          ? wordOrigins
          : undefined;
      // A file without segment ids (WhisperX writes none) is written back without them.
      const withoutIds =
        document.source.format === 'whisper-json' &&
        extra.segmentIds !== undefined &&
        Object.keys(extra.segmentIds).length === 0;
      const id =
        extra.segmentIds?.[segment.id] ??
        (document.source.format === 'whisper-json' ? segment.id : index);
      const known = {
        ...(withoutIds ? {} : { id }),
        start,
        end,
        text: `${space}${segment.text}`,
        ...(segment.speaker ? { speaker: segment.speaker } : {}),
        ...(words
          ? {
              words: words.map((word, i) => ({
                ...fromWord(word, style, space, segment.speaker),
                ...(origins ? { origin: origins[i] } : {}),
              })),
            }
          : {}),
      };
      return inKeyOrder({ ...fields, ...known }, extra.segmentKeyOrder ?? []);
    });
    const output: Record<string, unknown> = {
      text: segments.map((segment) => String(segment.text)).join(space ? '' : ' '),
      segments,
      ...(extra.fields ?? { language: 'en' }),
    };
    if (style === 'whisperx' && 'word_segments' in output) {
      output.word_segments = segments.flatMap(
        (segment) => (segment.words as unknown[] | undefined) ?? [],
      );
    }
    return `${JSON.stringify(output, null, 2)}\n`;
  },
};

function inKeyOrder(fields: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in fields) ordered[key] = fields[key];
  return Object.assign(ordered, fields);
}

const ORIGINS: readonly string[] = ['recognizer', 'corrector', 'user'] satisfies Origin[];

/** The words' `origin` fields (written by NeKo's export), when every word of the text has one. */
function originsOf(rawWords: WhisperWord[] | undefined, text: string): Origin[] | undefined {
  if (!rawWords || rawWords.length === 0) return undefined;
  const origins = rawWords.map((word) => word.origin);
  if (
    !origins.every(
      (origin): origin is Origin => typeof origin === 'string' && ORIGINS.includes(origin),
    )
  )
    return undefined;
  return origins.length === wordsOf(text).length ? origins : undefined;
}

function toWord(raw: WhisperWord): Word {
  const confidence = raw.probability ?? raw.score;
  return {
    text: raw.word.trim(),
    ...(raw.start !== undefined ? { start: raw.start } : {}),
    ...(raw.end !== undefined ? { end: raw.end } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  };
}

function fromWord(
  word: Word,
  style: 'openai' | 'whisperx',
  space: string,
  speaker: string | undefined,
) {
  if (style === 'whisperx') {
    return {
      word: word.text,
      ...(word.start !== undefined ? { start: word.start } : {}),
      ...(word.end !== undefined ? { end: word.end } : {}),
      ...(word.confidence !== undefined ? { score: word.confidence } : {}),
      ...(speaker ? { speaker } : {}),
    };
  }
  return {
    word: `${space}${word.text}`,
    start: word.start,
    end: word.end,
    ...(word.confidence !== undefined ? { probability: word.confidence } : {}),
  };
}

function looksLikeWhisperX(whisper: z.infer<typeof whisperSchema>): boolean {
  if ('word_segments' in whisper) return true;
  return whisper.segments.some((segment) =>
    segment.words?.some((word) => word.score !== undefined),
  );
}

/** WhisperX diarization can leave the segment without a speaker while its words all have one. */
function commonWordSpeaker(words: WhisperWord[] | undefined): string | undefined {
  const speakers = new Set((words ?? []).map((word) => word.speaker).filter(Boolean));
  return speakers.size === 1 ? [...speakers][0] : undefined;
}

function tryParse(content: string): unknown {
  try {
    return JSON.parse(stripBom(content));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
