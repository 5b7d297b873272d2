/**
 * Text-level re-alignment of the aggressive-decoding draft. Token-level matching loses its place
 * whenever the model changes case or adds punctuation, which is most of what it does to recognizer
 * output ("good morning everyone" → "Good morning, everyone."): the changed tokens occur nowhere
 * in the source. Compared as letters and digits only, the output still reads as a prefix of the
 * source, so the draft can resume right after the source's counterpart of the output's last words.
 * Any draft keeps the output exact (every token is verified); a better one only saves passes.
 */
import type { Tokenizer } from './tokenizer.js';

/** Lengths of the output tail tried against the source, longest first (normalized characters). */
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

export class TextDraft {
  private readonly source: NormalizedText;
  /** How far the source ran ahead of the output at the last match, in normalized characters. */
  private drift = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly sourceText: string,
  ) {
    this.source = normalize(sourceText);
  }

  /** The rest of the source after its counterpart of `generated`, or undefined when not found. */
  redraft(generated: readonly number[]): number[] | undefined {
    const output = normalize(this.tokenizer.decode(generated)).text.trimEnd();
    if (output === '') return this.tokenizer.encode(this.sourceText);
    const expectedEnd = output.length + this.drift;
    for (const length of TAIL_LENGTHS) {
      if (length > output.length && length !== TAIL_LENGTHS[TAIL_LENGTHS.length - 1]) continue;
      const tail = output.slice(-length);
      const end = this.nearestOccurrenceEnd(tail, expectedEnd);
      if (end === undefined) continue;
      this.drift = end - output.length;
      const resumeAt = this.source.endInOriginal[end - 1]!;
      return this.tokenizer.encode(this.sourceText.slice(resumeAt));
    }
    return undefined;
  }

  private nearestOccurrenceEnd(tail: string, expectedEnd: number): number | undefined {
    let best: number | undefined;
    for (
      let at = this.source.text.indexOf(tail);
      at >= 0;
      at = this.source.text.indexOf(tail, at + 1)
    ) {
      const end = at + tail.length;
      if (best === undefined || Math.abs(end - expectedEnd) < Math.abs(best - expectedEnd))
        best = end;
    }
    return best;
  }
}
