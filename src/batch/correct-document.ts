/**
 * One document through the corrector and back into a file's text: the single path that `neko
 * correct`, the embedded batch and every `neko worker` take, so that their outputs cannot drift apart.
 */
import { correctorInput, fallbackTasks } from '../document/operations.js';
import type { NekoDocument, Segment, Suggestion, Task } from '../document/types.js';
import { serializeCorrected } from '../formats/corrected.js';
import { formatById, formatForFileName } from '../formats/registry.js';
import type { Format, FormatId } from '../formats/types.js';
import type { HostCorrectorClient } from '../corrector/host/client.js';
import type { Decoding, DeviceRequest } from '../corrector/contract.js';

export interface CorrectDocumentOptions {
  decoding: Decoding;
  device: DeviceRequest;
  minConfidence: number;
  /** The task of every segment that names none (`--task`); else read from the text. */
  task?: Task;
  onProgress?: (done: number, total: number) => void;
}

export interface CorrectedDocument {
  /** One suggestion per segment, in document order (undefined where the corrector gave none). */
  suggestions: (Suggestion | undefined)[];
  /** The output file's text. */
  content: string;
}

/**
 * The format an output is written in: `--to` when given, else the output name's extension, else the
 * input's own format (as `neko correct` has always chosen).
 */
export function outputFormatFor(
  outputName: string,
  inputFormat: Format,
  to: FormatId | undefined,
): Format {
  return to ? formatById(to) : (formatForFileName(outputName) ?? inputFormat);
}

export async function correctDocument(
  client: HostCorrectorClient,
  document: NekoDocument,
  outputFormat: Format,
  options: CorrectDocumentOptions,
): Promise<CorrectedDocument> {
  const { task } = options;
  const taskOf =
    task === undefined ? fallbackTasks(document) : (segment: Segment) => segment.task ?? task;
  const results = await client.correctAll(
    {
      segments: document.segments.map((segment, index) =>
        correctorInput(segment, String(index), taskOf(segment)),
      ),
      decoding: options.decoding,
      device: options.device,
    },
    options.onProgress,
  );
  const suggestions = document.segments.map((_, index) => results.get(String(index)));
  return {
    suggestions,
    content: serializeCorrected(document, outputFormat, suggestions, options.minConfidence),
  };
}

/** White-space words of the segments' sources: what the batch's words done and words/s count. */
export function countWords(document: NekoDocument): number {
  let words = 0;
  for (const segment of document.segments) {
    const trimmed = segment.source.trim();
    if (trimmed) words += trimmed.split(/\s+/u).length;
  }
  return words;
}
