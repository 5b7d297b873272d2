/**
 * Text-level drafting for aggressive decoding. Any draft keeps the output exact (every token is
 * verified); a better draft only saves passes, and each pass ends at the first token the model
 * does not accept. These things make drafts better than the plain source:
 *
 * - Re-alignment on letters and digits. Token-level matching loses its place whenever the model
 *   changes case or adds punctuation, which is most of what it does to recognizer output ("good
 *   morning everyone" → "Good morning, everyone."): the changed tokens occur nowhere in the
 *   source. Compared as lower-case letters and digits, the output still reads as a prefix of the
 *   source, so the draft resumes right after the source's counterpart of the output's last words,
 *   and past the punctuation there that the output already wrote ("let'" resumes at "s", not at
 *   "'s"; "sense," where the source has "sense." resumes after its full stop). A resume point
 *   inside a word is kept only where the model's own tokens could stop inside that word: "or do"
 *   against "or does" means the model wrote another word, as " does" is one token.
 * - Numbers written as digits. The model rewrites some spoken numbers ("forty two" → "42") and
 *   keeps most ("one", "two"), so the draft keeps the words until the model writes a digit where
 *   they stand; then the run of number words becomes the written form that begins with the model's
 *   digits ("42", "4.1", "1614", "15th"), and the draft continues inside it.
 * - Edits from the pass's own predictions. A pass computes the model's choice at every draft
 *   position, also past the departure; there it disagrees with the draft wherever a later edit is
 *   due (a capital I, a full stop before <eos>). Writing those edits into the next draft lets one
 *   pass verify all of them, where fixing one per pass took as many passes as edits.
 * - A full stop after a source that ends without punctuation (recognizers write none). Guessing
 *   the last token costs no pass when wrong: the model's own choice there is kept, and if that is
 *   <eos> the row is done, as it would have been. When right, it saves the pass that would
 *   otherwise only verify <eos> after the model added the full stop.
 * - "I" for a lower-case source's first word "i" ("i think", "i'll"). On real recognizer output
 *   the shipped model writes a capital there two times in three, and other first words a capital
 *   one time in four, so only this one is guessed: a wrong first token costs the first pass its
 *   whole block.
 *
 * The drafter keeps a `reference`: the source with every edit proposed so far; drafts are its
 * tails, and the output is searched for in it.
 */
import type { PassReview } from './decode.js';
import type { Tokenizer } from '../runtime/tokenizer.js';
import { spokenNumbers } from './spoken-numbers.js';

/** Lengths of the output tail tried against the reference, longest first (normalized characters). */
const TAIL_LENGTHS = [24, 12, 6, 3];
/**
 * A tail shorter than SURE_TAIL counts only where it is found within SHORT_TAIL_REACH of where the
 * output is expected in the reference (normalized characters). Three letters such as "t s" (of
 * "client's") occur by chance; one found at the reference's other end sent the drafts back to its
 * start, one failed pass after another.
 */
const SURE_TAIL = 12;
const SHORT_TAIL_REACH = 24;

interface NormalizedText {
  /** Lower case, letters and digits, every other run of characters as one space. */
  text: string;
  /** For each character of `text`, the index just after its source in the original. */
  endInOriginal: number[];
}

function normalize(original: string): NormalizedText {
  let text = '';
  const endInOriginal: number[] = [];
  let index = 0;
  for (const character of original) {
    index += character.length;
    if (/[\p{L}\p{N}]/u.test(character)) {
      const lower = character.toLowerCase();
      text += lower;
      for (let k = 0; k < lower.length; k++) endInOriginal.push(index);
    } else if (text !== '' && !text.endsWith(' ')) {
      text += ' ';
      endInOriginal.push(index);
    }
  }
  return { text, endInOriginal };
}

function isPunctuation(text: string): boolean {
  return /^[\p{P}\p{S}]+$/u.test(text);
}

/** A replacement of reference[start, end) by `text` (an insertion when start === end). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

export class TextDraft {
  private reference: string;
  private normalized: NormalizedText;
  /** The current draft's tokens and the [start, end) of each in the reference. */
  private draftIds: number[] = [];
  private draftSpans: [number, number][] = [];
  /** How far the reference ran ahead of the output at the last match, in normalized characters. */
  private drift = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    sourceText: string,
    private readonly eos: number,
  ) {
    this.reference = /[\p{L}\p{N}]$/u.test(sourceText) ? `${sourceText}.` : sourceText;
    if (/^i\b/u.test(this.reference) && !/\p{Lu}/u.test(this.reference))
      this.reference = `I${this.reference.slice(1)}`;
    this.normalized = normalize(this.reference);
  }

  /** The first draft: the whole source, with a closing full stop where it has no punctuation. */
  initial(): number[] {
    return this.draftFrom(0);
  }

  /** The next draft (without <eos>) after a pass departed from the current one. */
  redraft(review: PassReview): number[] {
    const departedEnd = this.spanAt(review.accepted)[1];
    // Edits lie past the departure, so they move nothing before departedEnd.
    this.applyEdits(this.editsFrom(review));
    const afterNumber = this.followWrittenNumber(review);
    const outputText = this.tokenizer.decode(review.generated);
    const output = normalize(outputText).text.trimEnd();
    if (output === '') return this.draftFrom(0);
    const found = this.resumeAfter(output);
    // Not found: the model wrote something the reference lacks; assume it replaced the number or
    // the word it departed at.
    const resume =
      found === undefined
        ? (afterNumber ?? this.wordEnd(departedEnd))
        : this.pastWordNotBegun(outputText, found);
    return this.draftFrom(this.pastWrittenPunctuation(outputText, resume));
  }

  /**
   * When the model departed with digits where the draft has a number in words, writes that number
   * in the reference as the model is writing it: the form that begins with the digits the output
   * ends in. Returns where the reference continues after those digits, or after the number when
   * no form fits.
   */
  private followWrittenNumber({
    generated,
    block,
    accepted,
    predictions,
  }: PassReview): number | undefined {
    // The departure is the model's token at draft position `accepted` (after a whole block, at the
    // first draft token past it).
    if (accepted >= this.draftIds.length) return undefined;
    if (accepted < block.length && block[accepted] !== this.draftIds[accepted]) return undefined;
    if (!/^\s?\d+$/u.test(this.tokenizer.decode([predictions[accepted]!]))) return undefined;
    const [start, end] = this.spanAt(accepted);
    const spoken = spokenNumbers(this.reference).find(
      (number) => number.start < end && number.end > start,
    );
    if (spoken === undefined) return undefined;
    // The output's last number so far ("3" of "35.2"); one it began before this pass counts too.
    const digits = /\d(?:[\d.,:]*\d)?$/u.exec(this.tokenizer.decode(generated))?.[0];
    if (digits === undefined) return undefined;
    const form = spoken.forms.find((written) => written.startsWith(digits));
    if (form === undefined) return spoken.end;
    this.applyEdits([{ start: spoken.start, end: spoken.end, text: form }]);
    return spoken.start + digits.length;
  }

  /**
   * A resume point inside a reference word is where the model is writing that word only if the
   * word's canonical tokens, as the output has begun it, split there ("w|ednesday"); otherwise
   * (" do" against " does", one token) the model wrote another word, and the draft resumes after
   * the reference's.
   */
  private pastWordNotBegun(outputText: string, position: number): number {
    const rest = /^\p{L}+/u.exec(this.reference.slice(position))?.[0];
    const begun = /\s?\p{L}+$/u.exec(outputText)?.[0];
    if (rest === undefined || begun === undefined) return position;
    const splits = this.tokenizer
      .encodeWithSpans(begun + rest)
      .some((span) => span.end === begun.length);
    return splits ? position : position + rest.length;
  }

  /** The end of the word (letters, digits, apostrophes inside) that `position` lies inside. */
  private wordEnd(position: number): number {
    if (position === 0 || !/[\p{L}\p{N}]/u.test(this.reference.charAt(position - 1)))
      return position;
    const rest = /^(?:[\p{L}\p{N}]|'(?=\p{L}))*/u.exec(this.reference.slice(position))![0];
    return position + rest.length;
  }

  /**
   * Past the reference's punctuation at `position` when the output already ends in punctuation:
   * the same marks ("'" of "let's"), or others in their place ("," for "."). Only marks the
   * output has not written ('"' after '.') stay in the draft.
   */
  private pastWrittenPunctuation(outputText: string, position: number): number {
    const written = /[^\p{L}\p{N}]*$/u.exec(outputText)![0].replace(/\s/gu, '');
    const here = /^[^\p{L}\p{N}\s]*/u.exec(this.reference.slice(position))![0];
    if (written === '' || here === '') return position;
    return position + (here.startsWith(written) ? written.length : here.length);
  }

  /**
   * The model's choices past the departure that differ from the draft, as edits of the reference:
   * a token that matches the reference but for case changes its case; punctuation replaces the
   * punctuation it was predicted at, or goes in before the word. Any other disagreement (a word
   * left out, a different word) means the model's path and the draft no longer line up, so the
   * hints after it would land in the wrong places.
   */
  private editsFrom({ block, accepted, predictions }: PassReview): Edit[] {
    const edits: Edit[] = [];
    for (let i = accepted + 1; i < Math.min(block.length, predictions.length); i++) {
      const predicted = predictions[i]!;
      if (predicted === block[i]) continue;
      if (block[i] !== (i < this.draftIds.length ? this.draftIds[i] : this.eos)) break;
      if (predicted === this.eos) break;
      const text = this.tokenizer.decode([predicted]);
      const [start, end] = this.spanAt(i);
      const here = this.reference.slice(start, start + text.length);
      if (text !== '' && here.toLowerCase() === text.toLowerCase()) {
        edits.push({ start, end: start + text.length, text });
      } else if (isPunctuation(text)) {
        const replaces = isPunctuation(this.reference.slice(start, end));
        edits.push({ start, end: replaces ? end : start, text });
      } else {
        break;
      }
    }
    return edits;
  }

  /** The reference span of draft position i; the position after the last token is <eos>. */
  private spanAt(i: number): [number, number] {
    return this.draftSpans[i] ?? [this.reference.length, this.reference.length];
  }

  private applyEdits(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    let text = '';
    let cursor = 0;
    for (const edit of edits) {
      if (edit.start < cursor) continue;
      text += this.reference.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    this.reference = text + this.reference.slice(cursor);
    this.normalized = normalize(this.reference);
  }

  /** Where the reference continues after its counterpart of the normalized output, if found. */
  private resumeAfter(output: string): number | undefined {
    const expectedEnd = output.length + this.drift;
    for (const length of TAIL_LENGTHS) {
      if (length > output.length && length !== TAIL_LENGTHS[TAIL_LENGTHS.length - 1]) continue;
      const end = this.nearestOccurrenceEnd(output.slice(-length), expectedEnd);
      if (end === undefined) continue;
      if (length < SURE_TAIL && Math.abs(end - expectedEnd) > SHORT_TAIL_REACH) continue;
      this.drift = end - output.length;
      return this.normalized.endInOriginal[end - 1]!;
    }
    return undefined;
  }

  private nearestOccurrenceEnd(tail: string, expectedEnd: number): number | undefined {
    const reference = this.normalized.text;
    let best: number | undefined;
    for (let at = reference.indexOf(tail); at >= 0; at = reference.indexOf(tail, at + 1)) {
      const end = at + tail.length;
      if (best === undefined || Math.abs(end - expectedEnd) < Math.abs(best - expectedEnd))
        best = end;
    }
    return best;
  }

  private draftFrom(start: number): number[] {
    const spans = this.tokenizer.encodeWithSpans(this.reference.slice(start));
    this.draftIds = spans.map((span) => span.id);
    this.draftSpans = spans.map((span) => [span.start + start, span.end + start]);
    return [...this.draftIds];
  }
}
