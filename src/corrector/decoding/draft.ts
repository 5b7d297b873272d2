/**
 * Text-level drafting for aggressive decoding. Any draft keeps the output exact (every token is
 * verified); a better draft only saves passes, and each pass ends at the first token the model
 * does not accept. Three things make drafts better than the plain source:
 *
 * - Re-alignment on letters and digits. Token-level matching loses its place whenever the model
 *   changes case or adds punctuation, which is most of what it does to recognizer output ("good
 *   morning everyone" → "Good morning, everyone."): the changed tokens occur nowhere in the
 *   source. Compared as lower-case letters and digits, the output still reads as a prefix of the
 *   source, so the draft resumes right after the source's counterpart of the output's last words.
 * - Edits from the pass's own predictions. A pass computes the model's choice at every draft
 *   position, also past the departure; there it disagrees with the draft wherever a later edit is
 *   due (a capital I, a full stop before <eos>). Writing those edits into the next draft lets one
 *   pass verify all of them, where fixing one per pass took as many passes as edits.
 * - A full stop after a source that ends without punctuation (recognizers write none). Guessing
 *   the last token costs no pass when wrong: the model's own choice there is kept, and if that is
 *   <eos> the row is done, as it would have been. When right, it saves the pass that would
 *   otherwise only verify <eos> after the model added the full stop.
 *
 * The drafter keeps a `reference`: the source with every edit proposed so far; drafts are its
 * tails, and the output is searched for in it.
 */
import type { PassReview } from './decode.js';
import type { Tokenizer } from '../runtime/tokenizer.js';

/** Lengths of the output tail tried against the reference, longest first (normalized characters). */
const TAIL_LENGTHS = [24, 12, 6, 3];

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
    const output = normalize(this.tokenizer.decode(review.generated)).text.trimEnd();
    if (output === '') return this.draftFrom(0);
    // Not found: the model wrote something the reference lacks; assume it replaced the token it
    // departed at.
    return this.draftFrom(this.resumeAfter(output) ?? departedEnd);
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
