/**
 * The `.neko.json` project file: the NekoDocument as JSON. Loading validates it against the document
 * model, so that a hand-edited or truncated project is refused with the path and line of the first
 * problem instead of surfacing later as a broken editor. Fields the schema does not know are kept,
 * so that a project written by a newer version survives being opened and saved.
 */
import { z } from 'zod';
import type { NekoDocument } from '../document/types.js';
import {
  assertUniqueIds,
  lineOfJsonPath,
  MAX_PROJECT_NESTING_DEPTH,
  MAX_TIMESTAMP_MILLISECONDS,
  parseJson,
  stripBom,
  validateJson,
} from './common.js';
import { type Format, type ParseContext } from './types.js';

const task = z.enum(['asr', 'ocr', 'text']);
const seconds = z
  .number()
  .nonnegative()
  .max(MAX_TIMESTAMP_MILLISECONDS / 1000, 'times past 999:59:59.999 are not supported');
const bbox = z.looseObject({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const unit = z.number().min(0).max(1);

const word = z.looseObject({
  text: z.string(),
  start: seconds.optional(),
  end: seconds.optional(),
  confidence: unit.optional(),
  bbox: bbox.optional(),
});

const routingSide = z.looseObject({
  tokens: z.array(z.looseObject({ piece: z.string(), start: z.number(), end: z.number() })),
  probabilities: z.array(z.array(z.array(z.number()))),
  top2: z.array(z.array(z.tuple([z.number().int(), z.number().int()]))),
});

const suggestion = z.looseObject({
  text: z.string(),
  edits: z.array(
    z.looseObject({
      kind: z.enum(['replace', 'insert', 'delete']),
      sourceSpan: span,
      targetSpan: span,
      before: z.string(),
      after: z.string(),
      confidence: unit,
      decision: z.enum(['pending', 'accepted', 'rejected']),
      pass: z.enum(['ocr-lexicon', 'ocr-marks', 'grammar-checker']).optional(),
      recognizerConfidence: unit.optional(),
    }),
  ),
  confidence: unit,
  routing: z
    .looseObject({
      experts: z.array(z.string()),
      encoder: routingSide,
      decoder: routingSide,
      inferredTask: z.string(),
      expertMass: z.array(z.number()),
      encoderText: z.string().optional(),
    })
    .optional(),
  task: task.optional(),
  taskInferred: z.boolean().optional(),
});

const segment = z
  .looseObject({
    id: z.string().min(1),
    source: z.string(),
    text: z.string(),
    start: seconds.optional(),
    end: seconds.optional(),
    speaker: z.string().optional(),
    nbest: z.array(z.string()).optional(),
    words: z.array(word).optional(),
    layout: z
      .looseObject({
        page: z.number().int().nonnegative(),
        bbox,
        blockId: z.string().optional(),
        paragraphId: z.string().optional(),
        properties: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    reference: z.string().optional(),
    task: task.optional(),
    suggestion: suggestion.optional(),
    origins: z.array(z.enum(['recognizer', 'corrector', 'user'])).optional(),
  })
  .refine(
    (value) => value.start === undefined || value.end === undefined || value.end >= value.start,
    {
      message: 'end is before start',
      path: ['end'],
    },
  );

const documentSchema = z.looseObject({
  version: z.literal(1),
  kind: z.enum(['transcript', 'scan', 'text']),
  task,
  title: z.string(),
  source: z.looseObject({ format: z.string(), name: z.string(), path: z.string().optional() }),
  media: z.looseObject({ audio: z.string().optional() }).optional(),
  pages: z
    .array(
      z.looseObject({
        index: z.number().int().nonnegative(),
        image: z.string().optional(),
        width: z.number().nonnegative(),
        height: z.number().nonnegative(),
      }),
    )
    .optional(),
  segments: z.array(segment),
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const nekoFormat: Format = {
  id: 'neko',
  label: 'NeKo Studio project',
  extensions: ['.neko.json'],

  detect(content) {
    try {
      const value: unknown = JSON.parse(stripBom(content));
      return documentSchema.safeParse(value).success ? 1 : looksLikeProject(value) ? 0.8 : 0;
    } catch {
      return 0;
    }
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const text = stripBom(content);
    const document = validateJson(
      documentSchema,
      parseJson(text, fileName, 0, MAX_PROJECT_NESTING_DEPTH),
      text,
      fileName,
    ) as NekoDocument;
    assertUniqueIds(document.segments, fileName, (index) =>
      lineOfJsonPath(text, ['segments', index, 'id']),
    );
    return document;
  },

  serialize(document) {
    return `${JSON.stringify(document, null, 1)}\n`;
  },
};

/** A broken project should still be parsed as a project, to get the project's precise error. */
function looksLikeProject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    'kind' in value &&
    'segments' in value
  );
}
