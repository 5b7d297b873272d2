/**
 * N-best JSONL (GUIDE.md §3): one `{"id", "hypotheses": [best, …], "reference"?, "task"?}` a line.
 * `hypotheses[0]` is the recognizer's best and becomes the segment's source. Unknown fields are
 * ignored; a bad line stops the import with its line number. Export writes the current text as
 * `hypotheses[0]` and keeps the other hypotheses, the reference and the task.
 */
import { z } from 'zod';
import type { NekoDocument, Segment, Task } from '../document/types.js';
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
      segments.push({
        id,
        source: best,
        text: best,
        nbest: entry.hypotheses,
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
        });
      })
      .map((line) => `${line}\n`)
      .join('');
  },
};

/** The task most lines name; lists without a task are ASR N-best lists when any has alternatives. */
function mostCommonTask(segments: Segment[]): Task {
  const counts = new Map<Task, number>();
  for (const segment of segments) {
    if (segment.task) counts.set(segment.task, (counts.get(segment.task) ?? 0) + 1);
  }
  let best: Task | undefined;
  for (const [task, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = task;
  if (best) return best;
  return segments.some((segment) => (segment.nbest?.length ?? 0) > 1) ? 'asr' : 'text';
}
