/**
 * Splits a segment too long for the model into pieces it can correct one by one: sentences first,
 * packed together while they fit, and a sentence that alone is too long (recognizers print no
 * punctuation) at word boundaries into even parts. Spans never include the white space between
 * pieces, so joining the corrected pieces with the original white space rebuilds the segment.
 */

/** A [start, end) character span of the segment's text. */
export type Span = [number, number];

export function splitForModel(
  text: string,
  tokenCount: (piece: string) => number,
  maxTokens: number,
): Span[] {
  const whole = trimmedSpan(text, 0, text.length);
  if (whole[0] === whole[1] || tokenCount(text.slice(...whole)) <= maxTokens) return [whole];
  const pieces: Span[] = [];
  let open: Span | undefined;
  for (const sentence of sentenceSpans(text)) {
    const fits = (span: Span): boolean => tokenCount(text.slice(...span)) <= maxTokens;
    if (open && fits([open[0], sentence[1]])) {
      open = [open[0], sentence[1]];
      continue;
    }
    if (open) pieces.push(open);
    open = undefined;
    if (fits(sentence)) open = sentence;
    else pieces.push(...splitAtWords(text, sentence, tokenCount, maxTokens));
  }
  if (open) pieces.push(open);
  return pieces;
}

/** Sentences end at . ! ? (with closing quotes or brackets) followed by white space. */
function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]+["'”’)\]]*(?=\s)/gu)) {
    const end = match.index + match[0].length;
    const span = trimmedSpan(text, start, end);
    if (span[0] < span[1]) spans.push(span);
    start = end;
  }
  const last = trimmedSpan(text, start, text.length);
  if (last[0] < last[1]) spans.push(last);
  return spans;
}

/** Even parts at word boundaries, as few as fit: n parts of about words/n words each. */
function splitAtWords(
  text: string,
  [start, end]: Span,
  tokenCount: (piece: string) => number,
  maxTokens: number,
): Span[] {
  const words = [...text.slice(start, end).matchAll(/\S+/gu)].map((match): Span => [
    start + match.index,
    start + match.index + match[0].length,
  ]);
  const needed = Math.ceil(tokenCount(text.slice(start, end)) / maxTokens);
  for (let parts = Math.max(2, needed); parts <= words.length; parts++) {
    const size = Math.ceil(words.length / parts);
    const spans: Span[] = [];
    for (let first = 0; first < words.length; first += size) {
      const last = Math.min(first + size, words.length) - 1;
      spans.push([words[first]![0], words[last]![1]]);
    }
    if (spans.every((span) => tokenCount(text.slice(...span)) <= maxTokens)) return spans;
  }
  // Single words longer than the limit: the model sees them cut, and the engine keeps them as they are.
  return words;
}

function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return [start, end];
}
