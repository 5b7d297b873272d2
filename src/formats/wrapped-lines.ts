/**
 * Text wrapped at a fixed width: an e-mail, or an essay from an editor that fills its paragraphs,
 * breaks a line only where the next word would not have fitted on it, or where a paragraph or a
 * sentence ends. Read line by line, such a file is pieces of sentences ("We stayed in a small hotel
 * near" / "of the beach"), which no corrector can mend, and which read as a scan's lines. A scan's
 * lines wrap where the printed line was full in its font, not at a number of characters, and short
 * lines that end no sentence are common in them: of the 142 OOD dev and test pages, one reads as
 * wrapped here, and it shows a scan's noise, which keeps it a scan (text.ts).
 */

/**
 * The narrowest width a file is wrapped at: typed text is filled to 60–80 characters, while lines
 * of 30–45 are a column of print (a two-column page read by an OCR engine).
 */
const MIN_WIDTH = 50;
/**
 * How many characters short of the width a full line may end: an optimal-fit wrapper (`fmt`)
 * balances a paragraph's lines and leaves some a little shorter than a greedy one would. Of 58
 * essays filled by `fmt -w 72`, 24 read as wrapped without it and 45 with 2; 4 characters would find
 * 55, but also 10 of the 142 OOD pages (3 without scan noise) at a width of 40.
 */
const TOLERANCE = 2;
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
  // A loop, not Math.max(...lines): a file of a million lines would overflow the stack.
  const width = trimmed.reduce((widest, line) => Math.max(widest, length(line)), 0);
  const full = trimmed.map((line, index) => {
    const next = trimmed[index + 1];
    if (!line || !next) return false;
    const firstWord = next.trimStart().split(/\s/u)[0]!;
    return length(line) + 1 + length(firstWord) > width - TOLERANCE;
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
