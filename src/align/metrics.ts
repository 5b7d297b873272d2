/**
 * Error rates as README.md ("N-best JSONL and metrics") defines them: WER and CER on normalized text, a case- and
 * punctuation-sensitive WER, corpus-level aggregation, the N-best oracle, and do-no-harm counting.
 */
import { alignSequences } from './sequence.js';

export interface ErrorCounts {
  substitutions: number;
  insertions: number;
  deletions: number;
  /** substitutions + insertions + deletions */
  errors: number;
  /** Number of reference units (words or characters). */
  referenceLength: number;
}

export interface ReferenceHypothesis {
  reference: string;
  hypothesis: string;
}

/**
 * Lower case; punctuation removed except apostrophes inside words; white space collapsed and trimmed.
 * Removed punctuation becomes a space ("end.Start" is two words, as a reader would count it), and a
 * typographic apostrophe (’) counts as a plain one, so "don’t" and "don't" are the same word.
 */
export function normalizeForMetrics(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u2019/gu, "'")
    .replace(/\p{P}/gu, (mark: string, offset: number, whole: string) =>
      mark === "'" && isInsideWord(whole, offset) ? mark : ' ',
    )
    .replace(/\s+/gu, ' ')
    .trim();
}

function isInsideWord(text: string, offset: number): boolean {
  return (
    /[\p{L}\p{N}]/u.test(text.charAt(offset - 1)) && /[\p{L}\p{N}]/u.test(text.charAt(offset + 1))
  );
}

/** Words of the normalized text. */
export function metricWords(text: string): string[] {
  const normalized = normalizeForMetrics(text);
  return normalized === '' ? [] : normalized.split(' ');
}

export function countErrors<T>(reference: readonly T[], hypothesis: readonly T[]): ErrorCounts {
  const counts: ErrorCounts = {
    substitutions: 0,
    insertions: 0,
    deletions: 0,
    errors: 0,
    referenceLength: reference.length,
  };
  for (const op of alignSequences(reference, hypothesis)) {
    const length = Math.max(
      op.sourceSpan[1] - op.sourceSpan[0],
      op.targetSpan[1] - op.targetSpan[0],
    );
    if (op.kind === 'replace') counts.substitutions += length;
    else if (op.kind === 'insert') counts.insertions += length;
    else if (op.kind === 'delete') counts.deletions += length;
  }
  counts.errors = counts.substitutions + counts.insertions + counts.deletions;
  return counts;
}

/** errors / reference length. An empty reference gives 0 for an empty hypothesis and 1 otherwise. */
export function errorRate(counts: ErrorCounts): number {
  if (counts.referenceLength === 0) return counts.errors === 0 ? 0 : 1;
  return counts.errors / counts.referenceLength;
}

export function wordErrors(reference: string, hypothesis: string): ErrorCounts {
  return countErrors(metricWords(reference), metricWords(hypothesis));
}

/** Characters are the code points of the normalized text, its single spaces included. */
export function characterErrors(reference: string, hypothesis: string): ErrorCounts {
  return countErrors([...normalizeForMetrics(reference)], [...normalizeForMetrics(hypothesis)]);
}

/** Words split on white space only, so "Hello," and "hello" are different words. */
export function strictWordErrors(reference: string, hypothesis: string): ErrorCounts {
  const words = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');
  return countErrors(words(reference), words(hypothesis));
}

export function wordErrorRate(reference: string, hypothesis: string): number {
  return errorRate(wordErrors(reference, hypothesis));
}

export function characterErrorRate(reference: string, hypothesis: string): number {
  return errorRate(characterErrors(reference, hypothesis));
}

export function strictWordErrorRate(reference: string, hypothesis: string): number {
  return errorRate(strictWordErrors(reference, hypothesis));
}

export function sumErrorCounts(all: Iterable<ErrorCounts>): ErrorCounts {
  const total: ErrorCounts = {
    substitutions: 0,
    insertions: 0,
    deletions: 0,
    errors: 0,
    referenceLength: 0,
  };
  for (const counts of all) {
    total.substitutions += counts.substitutions;
    total.insertions += counts.insertions;
    total.deletions += counts.deletions;
    total.errors += counts.errors;
    total.referenceLength += counts.referenceLength;
  }
  return total;
}

export type ErrorCounter = (reference: string, hypothesis: string) => ErrorCounts;

/** Corpus-level counts: errors and reference lengths are summed before dividing, never rates averaged. */
export function corpusErrors(
  pairs: Iterable<ReferenceHypothesis>,
  counter: ErrorCounter = wordErrors,
): ErrorCounts & { rate: number } {
  const total = sumErrorCounts(
    [...pairs].map(({ reference, hypothesis }) => counter(reference, hypothesis)),
  );
  return { ...total, rate: errorRate(total) };
}

/**
 * N-best oracle: for each item the hypothesis with the fewest errors against its reference (the first
 * such on a tie), summed over the corpus. The ceiling a perfect reranker could reach.
 */
export function oracleErrors(
  items: Iterable<{ reference: string; hypotheses: readonly string[] }>,
  counter: ErrorCounter = wordErrors,
): ErrorCounts & { rate: number; chosen: number[] } {
  const chosen: number[] = [];
  const best: ErrorCounts[] = [];
  for (const { reference, hypotheses } of items) {
    const candidates = hypotheses.length > 0 ? hypotheses : [''];
    let bestIndex = 0;
    let bestCounts = counter(reference, candidates[0]!);
    candidates.slice(1).forEach((hypothesis, offset) => {
      const counts = counter(reference, hypothesis);
      if (counts.errors < bestCounts.errors) {
        bestCounts = counts;
        bestIndex = offset + 1;
      }
    });
    chosen.push(bestIndex);
    best.push(bestCounts);
  }
  const total = sumErrorCounts(best);
  return { ...total, rate: errorRate(total), chosen };
}

export interface HarmCounts {
  /** Inputs given to the corrector (each a correct text). */
  inputs: number;
  /** Inputs whose output differs from them in at least one (normalized) word. */
  changedInputs: number;
  /** Words of all the inputs. */
  inputWords: number;
  /** Word edits needed to get back from the outputs to the inputs. */
  changedWords: number;
  /** changedWords / inputWords */
  rate: number;
}

/**
 * Do-no-harm: the corrector was given correct text (`input`) and produced `output`; every word it
 * changed, inserted or deleted is harm. Counted on normalized words, so a change of case or
 * punctuation alone is not harm here; use `strictWordErrors` for that view.
 */
export function doNoHarm(
  pairs: Iterable<{ input: string; output: string }>,
  counter: ErrorCounter = wordErrors,
): HarmCounts {
  let inputs = 0;
  let changedInputs = 0;
  let inputWords = 0;
  let changedWords = 0;
  for (const { input, output } of pairs) {
    const counts = counter(input, output);
    inputs++;
    inputWords += counts.referenceLength;
    changedWords += counts.errors;
    if (counts.errors > 0) changedInputs++;
  }
  return {
    inputs,
    changedInputs,
    inputWords,
    changedWords,
    rate: inputWords === 0 ? 0 : changedWords / inputWords,
  };
}
