/**
 * N-best JSONL (README.md, "N-best JSONL and metrics"): one `{"id", "hypotheses": [best, …], "reference"?, "task"?}` a line.
 * `hypotheses[0]` is the recognizer's best and becomes the segment's source. Unknown fields are
 * ignored; a bad line stops the import with its line number. Export writes the current text as
 * `hypotheses[0]` and keeps the other hypotheses, the reference and the task.
 */
import { z } from 'zod';
import type { NekoDocument, Segment, Task, Word } from '../document/types.js';
import { inferDocumentTask } from '../document/task-inference.js';
import {
  assertHasSegments,
  importedDocument,
  parseJson,
  splitLines,
  validateJson,
} from './common.js';
import { FormatError, type Format, type ParseContext } from './types.js';

const nbestLineSchema = z.object({
  id: z.union([z.string().min(1, 'id must not be empty'), z.number()]),
  hypotheses: z.array(z.string()).min(1, 'hypotheses must hold at least the best hypothesis'),
  reference: z.string().optional(),
  task: z.enum(['asr', 'ocr', 'text']).optional(),
  /** The recognizer's confidence (0..1) of each white-space word of hypotheses[0]. */
  word_confidences: z.array(z.number().min(0).max(1)).optional(),
});

export const nbestJsonlFormat: Format = {
  id: 'nbest-jsonl',
  label: 'N-best JSONL',
  extensions: ['.jsonl'],

  detect(content) {
    const firstLine = splitLines(content.slice(0, 65536)).find((line) => line.trim() !== '');
    if (!firstLine) return 0;
    try {
      const value: unknown = JSON.parse(firstLine);
      return nbestLineSchema.safeParse(value).success ? 0.95 : 0;
    } catch {
      return 0;
    }
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const segments: Segment[] = [];
    const lineOfId = new Map<string, number>();
    splitLines(content).forEach((line, index) => {
      if (!line.trim()) return;
      const lineNumber = index + 1;
      const value = parseJson(line, fileName, index);
      const entry = validateJson(nbestLineSchema, value, line, fileName, index);
      const id = String(entry.id);
      const previous = lineOfId.get(id);
      if (previous !== undefined) {
        throw new FormatError(fileName, `duplicate id "${id}" (first on line ${previous})`, {
          line: lineNumber,
        });
      }
      lineOfId.set(id, lineNumber);
      const best = entry.hypotheses[0] ?? '';
      const words = wordsWithConfidences(best, entry.word_confidences, fileName, lineNumber);
      segments.push({
        id,
        source: best,
        text: best,
        nbest: entry.hypotheses,
        ...(words ? { words } : {}),
        ...(entry.reference !== undefined ? { reference: entry.reference } : {}),
        ...(entry.task ? { task: entry.task } : {}),
      });
    });
    if (!segments.length)
      throw new FormatError(fileName, 'no entries: the file has only blank lines', {
        line: splitLines(content).length,
      });

    const task = mostCommonTask(segments);
    return importedDocument(fileName, 'nbest-jsonl', {
      kind: task === 'asr' ? 'transcript' : 'text',
      task,
      segments,
    });
  },

  serialize(document) {
    assertHasSegments(document, 'N-best JSONL');
    return document.segments
      .map((segment) => {
        const others = (segment.nbest ?? []).slice(1);
        // A converted document (a scan, a transcript) tells the corrector its task; a list read from
        // JSONL keeps exactly the tasks its lines had.
        const task =
          segment.task ?? (document.source.format === 'nbest-jsonl' ? undefined : document.task);
        return JSON.stringify({
          id: segment.id,
          hypotheses: [segment.text, ...others],
          ...(segment.reference !== undefined ? { reference: segment.reference } : {}),
          ...(task ? { task } : {}),
          ...(unchangedWordConfidences(segment) ?? {}),
        });
      })
      .map((line) => `${line}\n`)
      .join('');
  },
};

/** The recognizer's word confidences, while the text is still the recognizer's. */
function unchangedWordConfidences(segment: Segment): { word_confidences: number[] } | undefined {
  const confidences = segment.words?.map((word) => word.confidence);
  const words = segment.source.split(/\s+/u).filter(Boolean);
  if (segment.text !== segment.source || confidences?.length !== words.length) return undefined;
  if (!confidences.every((confidence) => confidence !== undefined)) return undefined;
  return { word_confidences: confidences };
}

function wordsWithConfidences(
  best: string,
  confidences: number[] | undefined,
  fileName: string,
  line: number,
): Word[] | undefined {
  if (confidences === undefined) return undefined;
  const words = best.split(/\s+/u).filter(Boolean);
  if (words.length !== confidences.length) {
    throw new FormatError(
      fileName,
      `word_confidences has ${confidences.length} numbers for the ${words.length} words of the best hypothesis`,
      { line },
    );
  }
  return words.map((text, index) => ({ text, confidence: confidences[index]! }));
}

/** The task most lines name, or else the one their text shows (task-inference.ts). */
function mostCommonTask(segments: Segment[]): Task {
  const counts = new Map<Task, number>();
  for (const segment of segments) {
    if (segment.task) counts.set(segment.task, (counts.get(segment.task) ?? 0) + 1);
  }
  let best: Task | undefined;
  for (const [task, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = task;
  return best ?? inferDocumentTask(segments);
}
