/**
 * OCR segments get a second pass after the model (training/ocr_lexicon.py explains it): on real
 * tesseract output the model's less sure edits do more harm than good, while the lexical pass's
 * small, channel-plausible word repairs do not. So an OCR suggestion is: the model's edits of at
 * least `model_min_confidence`, then the lexical pass over that text; the model's other edits are
 * dropped (measured on the dev split: training/README.md).
 *
 * A scan's line is a piece of running text: the model, which sees one line, cannot tell whether a
 * sentence ends at its line break, yet it learned that tesseract sometimes drops a final period. On
 * lines that were right it added one ("Sales Manager."), so a model edit that only appends sentence
 * punctuation at the end of the line is dropped too (do-no-harm on correct OCR lines 0.94% → 0.39%
 * on test, with the same CER; its Python twin is appends_sentence_end in training/gating.py).
 */
import { applyTextEdits, spansOverlap } from '../../align/edits.js';
import { trimmedToAlphanumerics } from '../../align/tokens.js';
import { suggestionFromCorrection } from '../../document/operations.js';
import type { Suggestion, SuggestionEdit } from '../../document/types.js';

/** A word replacement of the lexical pass: [start, end) in the line it corrected. */
export interface LexicalEdit {
  start: number;
  end: number;
  text: string;
  confidence: number;
}

/** The lexical pass's reading of a line (LexicalCorrection in ocr-lexicon.ts). */
export interface LexicalReading {
  text: string;
  edits: LexicalEdit[];
  /** The line's last two words as the word model reads them: the next line's context. */
  lastWords: readonly string[];
}

/** What refineOcrSuggestion needs of the lexical pass (OcrLexicon in ocr-lexicon.ts). */
export interface LexicalCorrector {
  readonly settings: {
    readonly model_min_confidence: number;
    readonly lexicon_min_confidence?: number | undefined;
  };
  correct(
    line: string,
    confidences?: readonly (number | null)[],
    documentCounts?: ReadonlyMap<string, number>,
    wordsBefore?: readonly string[],
  ): LexicalReading;
}

/** Sentence punctuation at a line's end, then closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?:;]["')\]\u2019\u201d]*\s*$/u;

/**
 * Whether the sentence of a scan's line may go on into the next line (Python's runs_on): the line
 * has words and does not end with sentence punctuation. The next line is then read from this one's
 * last words, or as a new sentence at the lexicon's `new_sentence_cost` (a heading, or "Dear Mrs"
 * after an address line), as a scan's line is a piece of running text: "rnain hall" after "moved
 * to the" is surer "main" than at a sentence's start (OOD dev scans, the pass alone: CER −16.5% →
 * −16.8%).
 */
export function runsOn(line: string): boolean {
  return line.trim() !== '' && !ENDS_SENTENCE.test(line);
}

/** A scan line of a request, as the lexical pass reads it. */
export interface ScanLine {
  text: string;
  wordConfidences?: readonly (number | null)[] | undefined;
}

/** Where a line stands in its document: what refineOcrSuggestion reads it with. */
export interface ScanLineContext {
  /** The last words of the line before, where its sentence runs on into this one. */
  wordsBefore: readonly string[] | undefined;
  /** The lexical pass's reading of the line as scanned, with `wordsBefore`. */
  sourceReading: LexicalReading;
}

/**
 * The lexical pass's readings of a request's scan lines, in reading order: a line whose sentence
 * runs on from the line before (`runsOn`) is read from that line's last words. Each line is read
 * once, when it or a line after it is first asked for, so segments may finish in any order.
 * `lines[i]` is segment i's scan line, undefined for a segment of another task (which ends a run).
 */
export class ScanLineReadings {
  private readonly readings: (LexicalReading | undefined)[];

  constructor(
    private readonly lexicon: LexicalCorrector,
    private readonly lines: readonly (ScanLine | undefined)[],
    private readonly documentCounts?: ReadonlyMap<string, number>,
  ) {
    this.readings = new Array<LexicalReading | undefined>(lines.length);
  }

  context(index: number): ScanLineContext {
    // Back to the first line not read yet of the run that leads here; then read forward, so that a
    // long paragraph is no deep recursion.
    let first = index;
    while (first > 0 && this.runsInto(first) && this.readings[first - 1] === undefined) first--;
    for (let at = first; at <= index; at++) {
      if (this.readings[at] !== undefined) continue;
      const line = this.lines[at];
      if (line === undefined) throw new RangeError(`segment ${at} is no scan line`);
      this.readings[at] = this.lexicon.correct(
        line.text,
        line.wordConfidences,
        this.documentCounts,
        this.wordsBefore(at),
      );
    }
    return { wordsBefore: this.wordsBefore(index), sourceReading: this.readings[index]! };
  }

  private runsInto(index: number): boolean {
    const before = this.lines[index - 1];
    return index > 0 && before !== undefined && runsOn(before.text);
  }

  private wordsBefore(index: number): readonly string[] | undefined {
    return this.runsInto(index) ? this.readings[index - 1]!.lastWords : undefined;
  }
}

/**
 * Whether the model's edits of OCR lines can be taken at all. At a gate of 1 they are not: a
 * probability reaches 1 in float32 only when the model is saturated, and on the OOD dev and test
 * scans and the in-domain test lines no such edit changed a line. The engine then does not decode
 * OCR lines, which was two thirds of their time.
 */
export function usesModelEdits(settings: LexicalCorrector['settings']): boolean {
  return settings.model_min_confidence < 1;
}

/**
 * `wordConfidences`: the recognizer's, one per white-space separated word of `source`; the lexical
 * pass reads them where the model's edits left the line as it was (they name the source's words).
 * `documentCounts`: the words of the line's document, which the lexical pass's confidences weigh.
 * `lineContext`: where the line stands in its document (ScanLineReadings); a line alone without it.
 */
export function refineOcrSuggestion(
  source: string,
  suggestion: Suggestion,
  lexicon: LexicalCorrector,
  wordConfidences?: readonly (number | null)[],
  documentCounts?: ReadonlyMap<string, number>,
  lineContext?: ScanLineContext,
): Suggestion {
  const gate = lexicon.settings.model_min_confidence;
  // At a gate of 1 the engine does not decode scan lines (usesModelEdits), so there are no edits.
  const appliedModelEdits = suggestion.edits.filter(
    (edit) => edit.confidence >= gate && !appendsSentenceEnd(source, edit),
  );
  const modelText =
    appliedModelEdits.length === suggestion.edits.length
      ? suggestion.text
      : applyTextEdits(source, appliedModelEdits);
  const lexical =
    modelText === source && lineContext
      ? lineContext.sourceReading
      : lexicon.correct(
          modelText,
          modelText === source ? wordConfidences : undefined,
          documentCounts,
          lineContext?.wordsBefore,
        );
  // Gated word by word, before the words are aligned again: alignment joins neighbouring word
  // replacements into one edit ("retumed tha" -> "returned the"), and one unsure word would then
  // take its sure neighbour down with it (gating word by word: OOD dev scans CER -8.6% -> -9.1%).
  const unsure = lexicon.settings.lexicon_min_confidence ?? 0;
  const sureLexical = lexical.edits.filter(
    (edit) =>
      edit.confidence >= unsure &&
      !isCodeWord(modelText.slice(edit.start, edit.end)) &&
      !isUnitAfterNumber(modelText, edit.start, edit.end) &&
      !startsWebAddress(modelText, edit.start, edit.end),
  );
  if (sureLexical.length === 0 && modelText === suggestion.text) return suggestion;
  const text =
    sureLexical.length === lexical.edits.length
      ? lexical.text
      : applyTextEdits(
          modelText,
          sureLexical.map((edit) => ({
            kind: 'replace' as const,
            sourceSpan: [edit.start, edit.end] as [number, number],
            targetSpan: [edit.start, edit.start + edit.text.length] as [number, number],
            before: modelText.slice(edit.start, edit.end),
            after: edit.text,
          })),
        );
  const refined = suggestionFromCorrection({ id: '', source, text: source }, text);
  const lexicalSpans = spansInOutput(sureLexical);
  const edits = refined.edits.map((edit): SuggestionEdit => {
    const fromLexicon = lexicalSpans.filter((span) => spansOverlap(span.span, edit.targetSpan));
    const confidences = [
      ...appliedModelEdits
        .filter((modelEdit) => spansOverlap(modelEdit.sourceSpan, edit.sourceSpan))
        .map((modelEdit) => modelEdit.confidence),
      ...fromLexicon.map((span) => span.confidence),
    ];
    const refinedEdit: SuggestionEdit = {
      ...edit,
      confidence: confidences.length > 0 ? Math.min(...confidences) : 1,
    };
    if (fromLexicon.length > 0) refinedEdit.pass = 'ocr-lexicon';
    return refinedEdit;
  });
  const result: Suggestion = { text, edits, confidence: suggestion.confidence };
  if (suggestion.routing) result.routing = suggestion.routing;
  return result;
}

/** An acronym, code or unit as documents write them: "EUR", "MOT", "NC", "kWh", "McAllister". */
const CODE_WORD = /^(?:\p{Lu}{2,5}|.*\p{Ll}\p{Lu}.*)$/u;

/**
 * Whether a word is shaped like an acronym, code or unit. The lexicon cannot know them (every
 * document brings its own), and its nearest known word is plausible and wrong: on OOD dev scans, 51
 * rewrites of them ("EUR" → "OUR", "MW" → "ME", "NC" → "NO", "kWh" → "koh") made 4 repairs and 39
 * breakages.
 */
function isCodeWord(word: string): boolean {
  return CODE_WORD.test(trimmedToAlphanumerics(word));
}

/**
 * Unit symbols as documents print them after a number. Shaped like words ("Nm", "Hz", "mg"), they
 * escape isCodeWord, and the lexicon's nearest word is plausible and wrong: on OOD dev scans
 * "65 Nm" became "65 No" three times and "50 Hz" "50 He" (a unit whose number tesseract garbled,
 * "% mg", is still the lexicon's). Words that are units and also common words ("in", "bar",
 * "min") are left out.
 */
const UNITS = new Set(
  (
    'mm cm km nm µm mg kg µg mcg ml mL cl dl Nm Hz kHz MHz GHz Pa kPa MPa hPa psi kW MW GW Wh kWh ' +
    'MWh mV kV mA mAh Ah dB lb lbs oz ft yd mph kph rpm bpm bps kbps Kbps Mbps Gbps kB KB MB GB TB ' +
    'Mb Gb px ppm mmol hrs mins secs ms kcal cal sq'
  ).split(' '),
);

/** Whether the word at [start, end) of `line` is a unit symbol right after a number ("65 Nm"). */
function isUnitAfterNumber(line: string, start: number, end: number): boolean {
  return (
    UNITS.has(trimmedToAlphanumerics(line.slice(start, end))) &&
    /\d\s*$/u.test(line.slice(0, start))
  );
}

/**
 * Whether the word at [start, end) is the "www" of a web address ("www.example.co.uk"), which the
 * lexicon reads as a garbled word: "Visit www.harbourside-lettings.co.uk" became "wow.harbourside".
 * Only "www": the other labels of an address are where the pass mends what tesseract misread
 * ("oakridge-consull.co.uk" → "consult", on OOD dev).
 */
function startsWebAddress(line: string, start: number, end: number): boolean {
  return /^www$/iu.test(line.slice(start, end)) && line[end] === '.';
}

const SENTENCE_END = /^[.!?]+$/u;

/** Whether the edit only puts sentence punctuation after the last word of a line that had none. */
function appendsSentenceEnd(source: string, edit: SuggestionEdit): boolean {
  const line = source.trimEnd();
  if (line === '' || /[.!?]$/u.test(line) || edit.sourceSpan[1] !== line.length) return false;
  if (edit.kind === 'insert') return SENTENCE_END.test(edit.after);
  return (
    edit.kind === 'replace' &&
    edit.after.startsWith(edit.before) &&
    SENTENCE_END.test(edit.after.slice(edit.before.length))
  );
}

/** The lexical edits' spans moved from the line they corrected into the corrected line. */
function spansInOutput(
  edits: readonly LexicalEdit[],
): { span: [number, number]; confidence: number }[] {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((edit) => {
      const start = edit.start + shift;
      shift += edit.text.length - (edit.end - edit.start);
      return { span: [start, start + edit.text.length], confidence: edit.confidence };
    });
}
