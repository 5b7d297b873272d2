/**
 * Text wrapped at a fixed width: an e-mail, or an essay from an editor that fills its paragraphs,
 * breaks a line only where the next word would not have fitted on it, or where a paragraph or a
 * sentence ends. Read line by line, such a file is pieces of sentences ("We stayed in a small hotel
 * near" / "of the beach"), which no corrector can mend, and which read as a scan's lines. A scan's
 * lines wrap where the printed line was full in its font, not at a number of characters, and short
 * lines that end no sentence are common in them: of the 142 OOD dev and test pages, 7 read as
 * wrapped here, and all show a scan's noise, which keeps them scans (text.ts).
 */

/**
 * The narrowest width a file is wrapped at: typed text is filled to 60–80 characters, while lines
 * of 30–45 are a column of print (a two-column page read by an OCR engine).
 */
const MIN_WIDTH = 50;
/**
 * How many characters short of the width a full line may end: an optimal-fit wrapper (`fmt`)
 * balances a paragraph's lines and leaves some a little shorter than a greedy one would. Of 58
 * essays filled by `fmt -w 72`, 24 read as wrapped without it and 45 with 2 (52 with the longer
 * lines below); 4 characters would find 55, but also 10 of the 142 OOD pages (3 without scan noise)
 * at a width of 40.
 */
const TOLERANCE = 2;
/** Breaks where the line was full, at least this many and this share of all breaks between lines. */
const MIN_WRAPS = 3;
const MIN_WRAP_SHARE = 0.5;
/** Breaks where the next word would have fitted and no sentence ended, at most this share. */
const MAX_UNEXPLAINED_SHARE = 0.1;
/**
 * Lines that may be wider than the width, at most this share: a wrapped essay corrected and opened
 * again has some lines lengthened by its edits. Of 58 such essays 35 read as wrapped again at 0,
 * 48 at 0.15 (54 at 0.25, which also took 16 more scanned train pages for writing).
 */
const MAX_LONGER_SHARE = 0.15;
/** A hostile file stays cheap: each width tried reads every line once. */
const MAX_WIDTHS_TRIED = 16;

const SENTENCE_END = /[.!?:]["'”’)\]]*$/u;
const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,3}[.)])\s/u;
const QUOTED = /^\s*>/u;

/**
 * For each line, whether it continues on the next one as part of the same paragraph: only in a file
 * wrapped at a fixed width, and there where the line was full (the next line's first word would not
 * have fitted), the next line neither a list item nor a quote. All false for any other file. The
 * width is the widest line's, or narrower where a few lines are wider than the rest: a corrected
 * file's edits lengthen some of its lines.
 */
export function continuesOnNextLine(lines: readonly string[]): boolean[] {
  const trimmed = lines.map((line) => line.trimEnd());
  const lengths = trimmed.map(length);
  const firstWords = trimmed.map((line) => length(line.trimStart().split(/\s/u)[0]!));
  const isBreak = (index: number): boolean => !!trimmed[index] && !!trimmed[index + 1];
  const fullAt = (width: number) =>
    lengths.map(
      (size, index) => isBreak(index) && size + 1 + firstWords[index + 1]! > width - TOLERANCE,
    );
  for (const width of widthsToTry(lengths)) {
    const full = fullAt(width);
    let breaks = 0;
    let wraps = 0;
    let unexplained = 0;
    trimmed.forEach((line, index) => {
      if (!isBreak(index)) return;
      breaks++;
      if (SENTENCE_END.test(line)) return;
      if (full[index]) wraps++;
      else unexplained++;
    });
    const wrapped =
      wraps >= MIN_WRAPS &&
      wraps >= MIN_WRAP_SHARE * breaks &&
      unexplained <= MAX_UNEXPLAINED_SHARE * breaks;
    if (!wrapped) continue;
    return full.map(
      (isFull, index) =>
        isFull &&
        !LIST_ITEM.test(trimmed[index + 1]!) &&
        !QUOTED.test(trimmed[index + 1]!) &&
        !QUOTED.test(trimmed[index]!),
    );
  }
  return lines.map(() => false);
}

/**
 * The widths a file may be wrapped at, widest first: each line's length from the longest down, while
 * at most a share of the lines are longer, and none under MIN_WIDTH.
 */
function widthsToTry(lengths: readonly number[]): number[] {
  // Sorted, not Math.max(...lengths): a file of a million lines would overflow the stack.
  const sorted = lengths.filter((size) => size > 0).sort((a, b) => b - a);
  const longerAllowed = Math.floor(MAX_LONGER_SHARE * sorted.length);
  const widths = new Set(sorted.slice(0, longerAllowed + 1));
  return [...widths].filter((width) => width >= MIN_WIDTH).slice(0, MAX_WIDTHS_TRIED);
}

/** Characters as a reader counts them (code points). */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
