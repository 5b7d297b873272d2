/**
 * The document model shared by every layer: formats parse into it, the corrector fills its
 * suggestions, the renderer records the user's decisions in it, and exporters write it back.
 *
 * Every recognizer unit (a subtitle cue, a Whisper segment, an OCR line, a paragraph of text) is a
 * `Segment`. Scans additionally carry `pages`, and each of their segments has a `layout` that says
 * where on which page the line sits.
 */

/** The recognition task a document (or a segment) comes from; the corrector's experts map to these. */
export const TASKS = ['asr', 'ocr', 'text'] as const;
export type Task = (typeof TASKS)[number];

export type DocumentKind = 'transcript' | 'scan' | 'text';

/** Who produced a word of the current text. */
export type Origin = 'recognizer' | 'corrector' | 'user';

/** Pixel box on a page image: left, top, right, bottom (hOCR's `bbox x0 y0 x1 y1`). */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A recognizer word of the segment's source text, with whatever the recognizer said about it. */
export interface Word {
  text: string;
  /** Seconds from the start of the audio. */
  start?: number;
  end?: number;
  /** 0..1 */
  confidence?: number;
  bbox?: BBox;
}

export interface Page {
  index: number;
  /** Path or file name of the page image, relative to the source file where possible. */
  image?: string;
  width: number;
  height: number;
}

/** Where an OCR line sits, and the structure it belongs to, so that export can rebuild the page. */
export interface LineLayout {
  page: number;
  bbox: BBox;
  blockId?: string;
  paragraphId?: string;
  /** hOCR `baseline` and similar per-line properties, kept verbatim for export. */
  properties?: Record<string, string>;
}

export type EditKind = 'replace' | 'insert' | 'delete';
export type Decision = 'pending' | 'accepted' | 'rejected';

/** One word-level change the corrector proposes, with spans as [start, end) character offsets. */
export interface SuggestionEdit {
  kind: EditKind;
  /** Span in the segment's `source`. Empty for an insertion (start === end). */
  sourceSpan: [number, number];
  /** Span in the suggestion's `text`. Empty for a deletion. */
  targetSpan: [number, number];
  before: string;
  after: string;
  /** 0..1, the corrector's confidence in the tokens of `after` (or in the deletion). */
  confidence: number;
  decision: Decision;
  /**
   * The highest confidence (0..1) the recognizer gave a word this edit changes, where it gave one:
   * such an edit overrules the recognizer (src/corrector/passes/confident-words.ts).
   */
  recognizerConfidence?: number;
  /**
   * Set when a pass, not the model alone, proposed it: the OCR lexical pass
   * (src/corrector/passes/ocr-refine.ts), the removal of specks read as marks at a scan line's ends
   * (passes/stray-marks.ts) or the grammar checker (passes/grammar-checker.ts).
   */
  pass?: 'ocr-lexicon' | 'ocr-marks' | 'grammar-checker';
  /**
   * Set on a pending edit when the user has since changed the words it would change (or the place it
   * would insert at) by hand, so that it can no longer be applied; see src/document/operations.ts.
   */
  stale?: boolean;
}

/** Router probabilities of one side (encoder or decoder) of the corrector for one segment. */
export interface RoutingSide {
  /** Token pieces with [start, end) character offsets into the source (encoder) or output (decoder). */
  tokens: { piece: string; start: number; end: number }[];
  /** probabilities[layer][token][expert], each row sums to 1. */
  probabilities: number[][][];
  /** top2[layer][token] = the two chosen experts, best first. */
  top2: [number, number][][];
}

export interface RoutingRecord {
  /** Expert index → task name (e.g. ["asr", "ocr", "text", "general"]). */
  experts: string[];
  encoder: RoutingSide;
  decoder: RoutingSide;
  /** The task whose expert received most routing mass over the segment. */
  inferredTask: string;
  /** Routing mass per expert over the whole segment (sums to 1). */
  expertMass: number[];
  /** The text the encoder read, where it is not the segment's source (the grammar checker's). */
  encoderText?: string;
}

export interface Suggestion {
  /** The corrector's full output for the segment. */
  text: string;
  edits: SuggestionEdit[];
  /** Per-token probability of the chosen output tokens, summarised. */
  confidence: number;
  routing?: RoutingRecord;
  /** The task whose passes followed the model: the input's, or else inferred from the text. */
  task?: Task;
  /** True when `task` was inferred (src/document/task-inference.ts), not given by the input. */
  taskInferred?: boolean;
}

export interface Segment {
  id: string;
  /** The recognizer's text, exactly as imported. Never modified. */
  source: string;
  /** The current text: the source with accepted corrections and the user's edits. */
  text: string;
  start?: number;
  end?: number;
  speaker?: string;
  /** N-best hypotheses, best first; `nbest[0]` is the source. */
  nbest?: string[];
  words?: Word[];
  layout?: LineLayout;
  /** Reference (ground truth) text when the input carries one (N-best JSONL). */
  reference?: string;
  /** Task label carried by the input, if any. The corrector ignores it unless told otherwise. */
  task?: Task;
  suggestion?: Suggestion;
  /** Origin of each whitespace-separated word of `text`; absent means all from the recognizer. */
  origins?: Origin[];
}

export interface NekoDocument {
  /** Project file schema version. */
  version: 1;
  kind: DocumentKind;
  task: Task;
  title: string;
  /** Where the document came from: the format id and file name (and path, where known). */
  source: { format: string; name: string; path?: string };
  /** Transcript media (audio/video), relative to the source file where possible. */
  media?: { audio?: string };
  /** Scans only. */
  pages?: Page[];
  segments: Segment[];
  /** Format-specific data the exporter of the same format needs to write the file back faithfully. */
  extra?: Record<string, unknown>;
}
