/**
 * British and American spelling, for the passes that must not turn one into the other: the writing
 * pass, as Harper spells American ("travelling" → "traveling" is refused), and the OCR lexical pass,
 * whose lexicon learnt mostly American English (24 of 44 common British spellings are not in it:
 * "itemised", "orthopaedic"), while tesseract does not write a "z" as an "s" or drop the "a" of
 * "ae". training/ocr_lexicon.py has the same list (AMERICAN_SPELLINGS), as the OCR pass's twin.
 */

/** Endings and digraphs the two write differently, the British way first; in this order. */
const AMERICAN_SPELLINGS: readonly [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ful|fully|less|hood|hoods|er|ers)?$/u, 'or$1'],
  [/is(e|es|ed|ing|ation|ations)$/u, 'iz$1'],
  [/^(pract)ic(e|es|ed|ing)$/u, '$1iz$2'],
  [/ys(e|es|ed|ing)$/u, 'yz$1'],
  [/ll(ed|ing|er|ers)$/u, 'l$1'],
  [/([^l])l(ment|ments|ful|fully)$/u, '$1ll$2'],
  [/tre(s)?$/u, 'ter$1'],
  [/ence$/u, 'ense'],
  [/ogue(s)?$/u, 'og$1'],
  [/mme(s)?$/u, 'm$1'],
  [/ae/gu, 'e'],
  [/oe/gu, 'e'],
];

/**
 * A lower-case word as American spelling would write it; a word's two spellings, and the two of
 * "practice" / "practise", come out the same. Other words in "-ice" and "-ise" are other words
 * ("advice" / "advise", "device" / "devise"), or a slip ("servise" had stayed as British).
 */
export function americanSpelling(word: string): string {
  return AMERICAN_SPELLINGS.reduce(
    (spelt, [british, american]) => spelt.replace(british, american),
    word,
  );
}

/**
 * True when `before` is another spelling of `after`, British or American, a possessive's "'s"
 * aside ("organisation's"). A change of case alone ("english" → "English", "i" → "I") is not a
 * spelling variant.
 */
export function sameInBritishSpelling(before: string, after: string): boolean {
  const word = (text: string) => text.toLowerCase().replace(/['’]s$/u, '');
  return (
    word(before) !== word(after) && americanSpelling(word(before)) === americanSpelling(word(after))
  );
}
