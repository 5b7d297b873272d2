/** A piece of a text with its [start, end) UTF-16 offsets, so that it can be highlighted or replaced. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words are the maximal runs of non-whitespace, the same unit as `Segment.origins`. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The word without its leading and trailing marks ("(order" → "order", "date." → "date"), in linear
 * time: a regular expression anchored at both ends took quadratic time on a long run of marks.
 */
export function trimmedToAlphanumerics(word: string): string {
  const characters = [...word];
  const isAlphanumeric = (character: string): boolean => /[\p{L}\p{N}]/u.test(character);
  let start = 0;
  let end = characters.length;
  while (start < end && !isAlphanumeric(characters[start]!)) start++;
  while (end > start && !isAlphanumeric(characters[end - 1]!)) end--;
  return characters.slice(start, end).join('');
}

/** Characters are Unicode code points, so an emoji or an astral letter counts once. */
export function tokenizeCharacters(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const character of text) {
    tokens.push({ text: character, start: offset, end: offset + character.length });
    offset += character.length;
  }
  return tokens;
}
