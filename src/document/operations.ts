/**
 * Pure operations on the document model: building a suggestion from a correction, accepting and
 * rejecting its edits, editing text by hand, and keeping each word's origin. Every function returns new
 * objects and leaves its arguments untouched; an operation that changes nothing returns its argument,
 * so that callers (the renderer's undo stack, React) can compare by identity.
 *
 * How the current text relates to the suggestion
 * ---------------------------------------------
 * The *derived text* of a segment is its source with the accepted edits applied. As long as the user has
 * not typed in the segment, `text` equals the derived text, and edits can be accepted and rejected in
 * any order and any number of times.
 *
 * When the user edits the text by hand, what they typed is the truth from then on: it is never
 * recomputed from the source. Each suggestion edit is then carried over onto the typed text by aligning
 * the derived text with it word by word:
 * - a pending edit whose words (for an insertion: whose neighbouring words) the user left untouched
 *   stays pending, and accepting it later changes those words in the typed text;
 * - a pending edit whose words the user changed is marked `stale` and can no longer be accepted: the
 *   user has already decided what goes there;
 * - rejecting an accepted edit puts its original words back if the corrected words are still there;
 *   if the user has retyped them, the decision changes but the typed words stay.
 * Should the user's edits bring the text back to the derived text, the segment simply follows its
 * decisions again.
 */
import { alignSequences } from '../align/sequence.js';
import {
  applyTextEdits,
  spansOverlap,
  wordEdits,
  wordSpan,
  type TextEdit,
} from '../align/edits.js';
import { tokenizeWords, type Token } from '../align/tokens.js';
import { bulkAcceptable, editCategory, type EditCategory } from './bulk-review.js';
import { inferLineTasks, inferSegmentTask } from './task-inference.js';
import type {
  Decision,
  NekoDocument,
  Origin,
  Segment,
  Suggestion,
  SuggestionEdit,
  Task,
} from './types.js';

/** What the corrector is given for one segment (CorrectRequest's segments, the engine's input). */
export interface CorrectorInput {
  id: string;
  /** Best first: the segment's N-best list when it has one, else its source alone. */
  hypotheses: string[];
  /** The task the segment, or else its document, claims; OCR segments also get the lexical pass. */
  task?: Task;
  /** The recognizer's confidence (0..1, null where unknown) of each white-space word of hypotheses[0]. */
  wordConfidences?: (number | null)[];
}

/**
 * The task each segment that names none is corrected as: the document's, except in N-best JSONL,
 * whose lines may come from different recognizers (lineFallbackTasks).
 */
export function fallbackTasks(
  document: Pick<NekoDocument, 'source' | 'task' | 'segments'>,
): (segment: Segment) => Task {
  if (document.source.format !== 'nbest-jsonl') return () => document.task;
  return lineFallbackTasks(document.segments);
}

/**
 * The task of each line of an N-best file that names none: the line's own evidence, with the file's
 * most common task for lines whose evidence is weak (inferLineTasks).
 */
export function lineFallbackTasks(lines: readonly Segment[]): (segment: Segment) => Task {
  const untasked = lines.filter((segment) => segment.task === undefined);
  const inferred = inferLineTasks(untasked.map(hypothesesOf));
  const byId = new Map(untasked.map((segment, index) => [segment.id, inferred[index]!]));
  return (segment) =>
    segment.task ?? byId.get(segment.id) ?? inferSegmentTask(hypothesesOf(segment)).task;
}

function hypothesesOf(segment: Segment): string[] {
  return segment.nbest?.[0] === segment.source ? [...segment.nbest] : [segment.source];
}

export function correctorInput(segment: Segment, id: string, fallbackTask?: Task): CorrectorInput {
  const task = segment.task ?? fallbackTask;
  const wordConfidences = recognizerWordConfidences(segment);
  return {
    id,
    hypotheses: hypothesesOf(segment),
    ...(task === undefined ? {} : { task }),
    ...(wordConfidences ? { wordConfidences } : {}),
  };
}

/**
 * The recognizer's confidence of each white-space word of the source, when its words are the
 * source's words and at least one has a confidence.
 */
function recognizerWordConfidences(segment: Segment): (number | null)[] | undefined {
  const words = segment.words;
  if (!words?.some((word) => word.confidence !== undefined)) return undefined;
  const sourceWords = segment.source.split(/\s+/u).filter(Boolean);
  const recognizerWords = words.flatMap((word) => word.text.split(/\s+/u).filter(Boolean));
  if (recognizerWords.join(' ') !== sourceWords.join(' ')) return undefined;
  return words.flatMap((word) =>
    word.text
      .split(/\s+/u)
      .filter(Boolean)
      .map(() => word.confidence ?? null),
  );
}

/** The corrector's probability for one output token, located by [start, end) offsets in its output. */
export interface TokenConfidence {
  start: number;
  end: number;
  confidence: number;
}

/**
 * The suggestion for `correctedText`: word edits from the segment's source to it, each pending, with
 * the lowest confidence among the output tokens it consists of (for a deletion, the token that follows
 * the deleted words). Without token confidences (a correction typed in or read from a file) the
 * correction is taken as certain.
 */
export function suggestionFromCorrection(
  segment: Segment,
  correctedText: string,
  tokenConfidences?: readonly TokenConfidence[],
): Suggestion {
  const edits = wordEdits(segment.source, correctedText).map((edit): SuggestionEdit => ({
    ...edit,
    confidence: tokenConfidences ? confidenceOf(edit.targetSpan, tokenConfidences) : 1,
    decision: 'pending',
  }));
  const overall =
    tokenConfidences && tokenConfidences.length > 0
      ? tokenConfidences.reduce((sum, token) => sum + token.confidence, 0) / tokenConfidences.length
      : 1;
  return { text: correctedText, edits, confidence: overall };
}

/**
 * The source with only the edits of at least `minConfidence` applied, for batch use (`neko correct
 * --min-confidence`). The editor's "Accept all" also holds back meaning-changing edits: bulkText.
 */
export function confidentText(
  source: string,
  suggestion: Suggestion,
  minConfidence: number,
): string {
  const kept = suggestion.edits.filter((edit) => edit.confidence >= minConfidence);
  if (kept.length === suggestion.edits.length) return suggestion.text;
  return kept.length === 0 ? source : applyTextEdits(source, kept);
}

/** The source with the edits "Accept all ≥ threshold" would take (bulk-review.ts). */
export function bulkText(source: string, suggestion: Suggestion, threshold: number): string {
  const kept = suggestion.edits.filter((edit) => bulkAcceptable(edit, threshold));
  if (kept.length === suggestion.edits.length) return suggestion.text;
  return kept.length === 0 ? source : applyTextEdits(source, kept);
}

/**
 * The suggestion with only the `kept` of its edits: its text, and the edits aligned to that text again,
 * each as sure as the least sure kept edit it overlaps in the source (or, where the new alignment put
 * a change on a twin of a repeated word, the nearest kept edit), and marked with their pass when all
 * of those came from one. Kept replacements of neighbouring words stay apart (keptApart).
 */
export function suggestionWithEdits(
  source: string,
  suggestion: Suggestion,
  kept: readonly SuggestionEdit[],
): Suggestion {
  if (kept.length === suggestion.edits.length) return suggestion;
  return suggestionOnSource(source, suggestion, kept);
}

/**
 * The suggestion of `edits` on `source`, whatever text the suggestion had: the text `applyTextEdits`
 * makes of them (the source's own white space kept between them), and the edits aligned to it again
 * as `suggestionWithEdits` aligns them. For edits made on a stand-in for the source of the same
 * length (a transcript in lower case, a paragraph with its line breaks as spaces), and for edits a
 * pass wrote again (in the writer's apostrophe).
 */
export function suggestionOnSource(
  source: string,
  suggestion: Suggestion,
  kept: readonly SuggestionEdit[],
): Suggestion {
  const text = applyTextEdits(source, kept);
  const edits = wordEdits(source, text).flatMap((edit): SuggestionEdit[] => {
    const overlapping = kept.filter((old) => spansOverlap(old.sourceSpan, edit.sourceSpan));
    const apart = keptApart(source, text, edit, overlapping);
    if (apart) return apart;
    // Re-aligned, a change among repeated words can land on a twin of the word the kept edit named
    // ("of of" → "of": either "of" is the deleted one); it is the same change, so the nearest kept
    // edit vouches for it.
    const vouching = overlapping.length > 0 ? overlapping : [nearestEdit(kept, edit.sourceSpan)];
    const confidence = Math.min(...vouching.map((old) => old.confidence));
    // The pass that proposed it, when every edit vouching for it came from that one pass.
    const passes = new Set(vouching.map((old) => old.pass));
    const [pass] = passes.size === 1 ? passes : [undefined];
    return [{ ...edit, confidence, decision: 'pending', ...(pass ? { pass } : {}) }];
  });
  return { ...suggestion, text, edits };
}

/**
 * The kept replacements that the alignment joined into `edit`, as they were: two passes' edits of
 * neighbouring words ("‘Stops tf" → "Stops if": a speck and a misreading) are two decisions, and
 * joined, the least sure would hold back the other from "Accept all". Undefined unless `edit` is
 * exactly those replacements with the source's own text between them.
 */
function keptApart(
  source: string,
  text: string,
  edit: TextEdit,
  overlapping: readonly SuggestionEdit[],
): SuggestionEdit[] | undefined {
  if (overlapping.length < 2) return undefined;
  const parts = [...overlapping].sort((x, y) => x.sourceSpan[0] - y.sourceSpan[0]);
  if (
    parts[0]!.sourceSpan[0] !== edit.sourceSpan[0] ||
    parts.at(-1)!.sourceSpan[1] !== edit.sourceSpan[1]
  ) {
    return undefined;
  }
  const apart: SuggestionEdit[] = [];
  let cursor = edit.sourceSpan[0];
  let target = edit.targetSpan[0];
  for (const part of parts) {
    const [start, end] = part.sourceSpan;
    if (part.kind !== 'replace' || start < cursor || part.after === '') return undefined;
    const between = source.slice(cursor, start);
    if (text.slice(target, target + between.length) !== between) return undefined;
    target += between.length;
    if (text.slice(target, target + part.after.length) !== part.after) return undefined;
    apart.push({
      kind: 'replace',
      sourceSpan: [start, end],
      targetSpan: [target, target + part.after.length],
      before: source.slice(start, end),
      after: part.after,
      confidence: part.confidence,
      decision: 'pending',
      ...(part.pass ? { pass: part.pass } : {}),
    });
    target += part.after.length;
    cursor = end;
  }
  return target === edit.targetSpan[1] ? apart : undefined;
}

/** The edit whose source span lies closest to `span` (the first of equals). `edits` is not empty. */
function nearestEdit(
  edits: readonly SuggestionEdit[],
  [start, end]: [number, number],
): SuggestionEdit {
  const gap = ({ sourceSpan: [a, b] }: SuggestionEdit): number => Math.max(a - end, start - b, 0);
  return edits.reduce((best, edit) => (gap(edit) < gap(best) ? edit : best));
}

function confidenceOf([start, end]: [number, number], tokens: readonly TokenConfidence[]): number {
  if (tokens.length === 0) return 1;
  if (start < end) {
    const covering = tokens.filter((token) => token.start < end && token.end > start);
    if (covering.length > 0) return Math.min(...covering.map((token) => token.confidence));
  }
  const following = tokens.find((token) => token.end > start) ?? tokens[tokens.length - 1]!;
  return following.confidence;
}

/**
 * Gives the segment a (new) suggestion. An edit identical to one of the previous suggestion keeps its
 * decision, so running the corrector again does not undo the review. The current text is kept as it is.
 */
export function attachSuggestion(segment: Segment, suggestion: Suggestion): Segment {
  const previous = segment.suggestion?.edits ?? [];
  const edits = suggestion.edits.map((edit) => {
    const same = previous.find(
      (old) =>
        old.sourceSpan[0] === edit.sourceSpan[0] &&
        old.sourceSpan[1] === edit.sourceSpan[1] &&
        old.before === edit.before &&
        old.after === edit.after,
    );
    return same ? { ...edit, decision: same.decision } : { ...edit };
  });
  return refreshStaleness({ ...segment, suggestion: { ...suggestion, edits } });
}

/** The source with the accepted edits applied: what `text` is while the user has not typed in it. */
export function derivedText(segment: Segment): string {
  const accepted = segment.suggestion?.edits.filter((edit) => edit.decision === 'accepted') ?? [];
  return accepted.length === 0 ? segment.source : applyTextEdits(segment.source, accepted);
}

/** Whether the user's typing has taken over the segment's text (see the notes at the top). */
export function isHandEdited(segment: Segment): boolean {
  return segment.text !== derivedText(segment);
}

/** Origin of each word of `text`; words without a recorded origin came from the recognizer. */
export function wordOrigins(segment: Segment): Origin[] {
  const count = tokenizeWords(segment.text).length;
  if (segment.origins?.length === count) return [...segment.origins];
  return new Array<Origin>(count).fill('recognizer');
}

export function acceptEdit(segment: Segment, editIndex: number): Segment {
  return decideEdit(segment, editIndex, 'accepted');
}

export function rejectEdit(segment: Segment, editIndex: number): Segment {
  return decideEdit(segment, editIndex, 'rejected');
}

/**
 * Records a decision on one edit and updates the text and origins to match. Accepting a stale edit, or
 * one the user's typing has made impossible, marks it stale and changes nothing else.
 */
export function decideEdit(segment: Segment, editIndex: number, decision: Decision): Segment {
  const suggestion = segment.suggestion;
  const edit = suggestion?.edits[editIndex];
  if (!suggestion || !edit || edit.decision === decision) return segment;
  const replaceEdit = (next: SuggestionEdit): Segment => ({
    ...segment,
    suggestion: {
      ...suggestion,
      edits: suggestion.edits.map((other, index) => (index === editIndex ? next : other)),
    },
  });
  const { stale: _stale, ...decided } = { ...edit, decision };
  const textChanges = (edit.decision === 'accepted') !== (decision === 'accepted');
  if (!textChanges) return refreshStaleness(replaceEdit(decided));

  const location = locateInText(segment, editIndex);
  if (decision === 'accepted') {
    if (!location)
      return edit.decision === 'pending' && !edit.stale
        ? replaceEdit({ ...edit, stale: true })
        : segment;
    return refreshStaleness(applyChange(replaceEdit(decided), location, edit.after, 'corrector'));
  }
  // Un-accepting: the original words come back unless the user has retyped the corrected ones.
  if (!location) return refreshStaleness(replaceEdit(decided));
  return refreshStaleness(applyChange(replaceEdit(decided), location, edit.before, 'recognizer'));
}

/** Sets every edit of the segment (all but the stale ones when accepting) to `decision`. */
export function decideAllEdits(segment: Segment, decision: Decision): Segment {
  return decideEdits(segment, (edit) => !(decision === 'accepted' && edit.stale), decision);
}

/**
 * Sets the edits that `chosen` picks to `decision`, as one change. While the text follows the
 * decisions this is a single re-derivation; after hand edits each edit is carried over in turn.
 */
export function decideEdits(
  segment: Segment,
  chosen: (edit: SuggestionEdit, index: number) => boolean,
  decision: Decision,
): Segment {
  const suggestion = segment.suggestion;
  if (!suggestion) return segment;
  const indices = suggestion.edits.flatMap((edit, index) =>
    edit.decision !== decision && chosen(edit, index) ? [index] : [],
  );
  if (indices.length === 0) return segment;
  if (isHandEdited(segment)) {
    return indices.reduce((current, index) => decideEdit(current, index, decision), segment);
  }
  const edits = suggestion.edits.map((edit, index) => {
    if (!indices.includes(index)) return edit;
    const { stale: _stale, ...rest } = edit;
    return { ...rest, decision };
  });
  const decided: Segment = { ...segment, suggestion: { ...suggestion, edits } };
  const text = derivedText(decided);
  const actor: Origin = decision === 'accepted' ? 'corrector' : 'recognizer';
  return {
    ...decided,
    text,
    origins: carryOrigins(segment.text, wordOrigins(segment), text, actor),
  };
}

/** Replaces one segment through `update`; the document is returned as is when nothing changed. */
export function updateSegment(
  document: NekoDocument,
  segmentId: string,
  update: (segment: Segment) => Segment,
): NekoDocument {
  let changed = false;
  const segments = document.segments.map((segment) => {
    if (segment.id !== segmentId) return segment;
    const next = update(segment);
    changed ||= next !== segment;
    return next;
  });
  return changed ? { ...document, segments } : document;
}

/**
 * Accepts, across the whole document, every pending edit whose confidence is at least `threshold`.
 * Returns the new document (one undo step for the caller) and how many edits were accepted.
 */
export function acceptAboveThreshold(
  document: NekoDocument,
  threshold: number,
  category?: EditCategory,
): { document: NekoDocument; accepted: number; held: number } {
  let accepted = 0;
  let held = 0;
  let changed = false;
  const acceptedIn = (segment: Segment): number =>
    segment.suggestion?.edits.filter((edit) => edit.decision === 'accepted').length ?? 0;
  const segments = document.segments.map((segment) => {
    const inCategory = (edit: SuggestionEdit): boolean =>
      category === undefined || editCategory(edit) === category;
    for (const edit of segment.suggestion?.edits ?? []) {
      const sure = edit.decision === 'pending' && !edit.stale && edit.confidence >= threshold;
      if (sure && inCategory(edit) && !bulkAcceptable(edit, threshold)) held++;
    }
    const next = decideEdits(
      segment,
      (edit) => inCategory(edit) && bulkAcceptable(edit, threshold),
      'accepted',
    );
    if (next === segment) return segment;
    changed = true;
    accepted += acceptedIn(next) - acceptedIn(segment);
    return next;
  });
  return { document: changed ? { ...document, segments } : document, accepted, held };
}

/**
 * The user's inline edit of a segment's text. Words that survive keep their origin, new or changed
 * words are the user's, and pending edits are re-checked against the new text (stale or not).
 */
export function editSegmentText(segment: Segment, newText: string): Segment {
  if (newText === segment.text) return segment;
  const origins = carryOrigins(segment.text, wordOrigins(segment), newText, 'user');
  return refreshStaleness({ ...segment, text: newText, origins });
}

/** Where a change of words goes in the current text: word indices and the character span they cover. */
export interface TextLocation {
  /** Words [first, last) of the current text; first === last for an insertion point. */
  words: [number, number];
  span: [number, number];
}

/**
 * Locates the words an edit changes in the current text: for a pending edit its source words, for an
 * accepted one its corrected words. Undefined when the user's typing changed them (or, for an
 * insertion, typed something at that very place).
 */
export function locateInText(segment: Segment, editIndex: number): TextLocation | undefined {
  const range = derivedWordRange(segment, editIndex);
  if (!range) return undefined;
  return relocateWords(derivedText(segment), segment.text, range);
}

/**
 * Word range [first, last) of an edit in the derived text: the source words shifted by the accepted
 * edits before it, spanning its `after` when accepted and its `before` otherwise.
 */
export function derivedWordRange(
  segment: Segment,
  editIndex: number,
): [number, number] | undefined {
  const edits = segment.suggestion?.edits ?? [];
  const target = edits[editIndex];
  if (!target) return undefined;
  const sourceWords = tokenizeWords(segment.source);
  let shift = 0;
  for (const edit of edits) {
    if (
      edit !== target &&
      edit.decision === 'accepted' &&
      edit.sourceSpan[0] < target.sourceSpan[0]
    ) {
      shift += countWords(edit.after) - countWords(edit.before);
    }
  }
  const first = sourceWords.filter((word) => word.start < target.sourceSpan[0]).length + shift;
  const length = countWords(target.decision === 'accepted' ? target.after : target.before);
  return [first, first + length];
}

/**
 * Maps words [first, last) of `from` onto `to` through a word alignment. The words must all be
 * unchanged and contiguous in `to`. An insertion point needs its neighbours unchanged and still side
 * by side; at either end of the text, it must still be that end.
 */
export function relocateWords(
  from: string,
  to: string,
  range: [number, number],
): TextLocation | undefined {
  return wordRelocator(from, to)(range);
}

/** `relocateWords` for many ranges between the same two texts, aligning them once. */
export function wordRelocator(
  from: string,
  to: string,
): (range: [number, number]) => TextLocation | undefined {
  const fromWords = tokenizeWords(from);
  const toWords = tokenizeWords(to);
  const mapped = mapEqualWords(fromWords, toWords);
  return ([first, last]) => {
    if (first < last) {
      const start = mapped[first];
      if (start === undefined) return undefined;
      for (let index = first; index < last; index++) {
        if (mapped[index] !== start + (index - first)) return undefined;
      }
      const words: [number, number] = [start, start + (last - first)];
      return { words, span: wordSpan(toWords, ...words) };
    }
    const left = first > 0 ? mapped[first - 1] : -1;
    const right = first < fromWords.length ? mapped[first] : toWords.length;
    if (left === undefined || right === undefined || right !== left + 1) return undefined;
    return { words: [right, right], span: wordSpan(toWords, right, right) };
  };
}

/** For each word of `from`, its index in `to` when the alignment keeps it unchanged. */
function mapEqualWords(fromWords: Token[], toWords: Token[]): (number | undefined)[] {
  const mapped = new Array<number | undefined>(fromWords.length).fill(undefined);
  const ops = alignSequences(
    fromWords.map((word) => word.text),
    toWords.map((word) => word.text),
  );
  for (const op of ops) {
    if (op.kind !== 'equal') continue;
    for (let offset = 0; offset < op.sourceSpan[1] - op.sourceSpan[0]; offset++) {
      mapped[op.sourceSpan[0] + offset] = op.targetSpan[0] + offset;
    }
  }
  return mapped;
}

/** Replaces the located words of the current text with `replacement`, whose words get `origin`. */
export function applyChange(
  segment: Segment,
  location: TextLocation,
  replacement: string,
  origin: Origin,
): Segment {
  const [start, end] = location.span;
  const kind: TextEdit['kind'] =
    start === end ? 'insert' : replacement.trim() === '' ? 'delete' : 'replace';
  const edit: TextEdit = {
    kind,
    sourceSpan: [start, end],
    targetSpan: [0, 0],
    before: '',
    after: replacement,
  };
  if (kind === 'insert' && replacement.trim() === '') return segment;
  const text = applyTextEdits(segment.text, [edit]);
  const origins = wordOrigins(segment);
  origins.splice(
    location.words[0],
    location.words[1] - location.words[0],
    ...new Array<Origin>(countWords(replacement)).fill(origin),
  );
  return { ...segment, text, origins };
}

/** Marks each pending edit stale or not, by whether it can still be located in the current text. */
export function refreshStaleness(segment: Segment): Segment {
  const suggestion = segment.suggestion;
  if (!suggestion) return segment;
  const derived = derivedText(segment);
  const relocate = derived === segment.text ? undefined : wordRelocator(derived, segment.text);
  let changed = false;
  const edits = suggestion.edits.map((edit, index) => {
    const range =
      relocate && edit.decision === 'pending' ? derivedWordRange(segment, index) : undefined;
    const stale = range !== undefined && relocate!(range) === undefined;
    if (Boolean(edit.stale) === stale) return edit;
    changed = true;
    const { stale: _previous, ...rest } = edit;
    return stale ? { ...rest, stale } : rest;
  });
  return changed ? { ...segment, suggestion: { ...suggestion, edits } } : segment;
}

/** Origins for `newText`: words the alignment keeps unchanged keep theirs, the others get `actor`. */
export function carryOrigins(
  oldText: string,
  oldOrigins: readonly Origin[],
  newText: string,
  actor: Origin,
): Origin[] {
  const oldWords = tokenizeWords(oldText).map((word) => word.text);
  const newWords = tokenizeWords(newText).map((word) => word.text);
  const origins: Origin[] = [];
  for (const op of alignSequences(oldWords, newWords)) {
    for (let offset = 0; offset < op.targetSpan[1] - op.targetSpan[0]; offset++) {
      origins.push(
        op.kind === 'equal' ? (oldOrigins[op.sourceSpan[0] + offset] ?? 'recognizer') : actor,
      );
    }
  }
  return origins;
}

function countWords(text: string): number {
  return tokenizeWords(text).length;
}
