/**
 * Text wrapped at a fixed width: an e-mail, or an essay from an editor that fills its paragraphs,
 * breaks a line only where the next word would not have fitted on it, or where a paragraph or a
 * sentence ends. Read line by line, such a file is pieces of sentences ("We stayed in a small hotel
 * near" / "of the beach"), which no corrector can mend, and which read as a scan's lines. A scan's
 * lines wrap where the printed line was full in its font, not at a number of characters, and short
 * lines that end no sentence are common in them: none of the 142 OOD dev and test pages reads as
 * wrapped here.
 */

/** The widest line a wrapped file may be narrower than: lines shorter than this are not prose. */
const MIN_WIDTH = 40;
/** Breaks where the line was full, at least this many and this share of all breaks between lines. */
const MIN_WRAPS = 3;
const MIN_WRAP_SHARE = 0.5;
/** Breaks where the next word would have fitted and no sentence ended, at most this share. */
const MAX_UNEXPLAINED_SHARE = 0.1;

const SENTENCE_END = /[.!?:]["'”’)\]]*$/u;
const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,3}[.)])\s/u;
const QUOTED = /^\s*>/u;

/**
 * For each line, whether it continues on the next one as part of the same paragraph: only in a file
 * wrapped at a fixed width, and there where the line was full (the next line's first word would not
 * have fitted), the next line neither a list item nor a quote. All false for any other file.
 */
export function continuesOnNextLine(lines: readonly string[]): boolean[] {
  const trimmed = lines.map((line) => line.trimEnd());
  const width = Math.max(0, ...trimmed.map(length));
  const full = trimmed.map((line, index) => {
    const next = trimmed[index + 1];
    if (!line || !next) return false;
    const firstWord = next.trimStart().split(/\s/u)[0]!;
    return length(line) + 1 + length(firstWord) > width;
  });
  let breaks = 0;
  let wraps = 0;
  let unexplained = 0;
  trimmed.forEach((line, index) => {
    if (!line || !trimmed[index + 1]) return;
    breaks++;
    if (SENTENCE_END.test(line)) return;
    if (full[index]) wraps++;
    else unexplained++;
  });
  const wrapped =
    width >= MIN_WIDTH &&
    wraps >= MIN_WRAPS &&
    wraps >= MIN_WRAP_SHARE * breaks &&
    unexplained <= MAX_UNEXPLAINED_SHARE * breaks;
  return full.map((isFull, index) => {
    const next = trimmed[index + 1] ?? '';
    return (
      wrapped &&
      isFull &&
      !LIST_ITEM.test(next) &&
      !QUOTED.test(next) &&
      !QUOTED.test(trimmed[index]!)
    );
  });
}

/** Characters as a reader counts them (code points). */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
