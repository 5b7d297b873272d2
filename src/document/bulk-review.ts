/**
 * What "Accept all ≥ P%" may take in one click, and what it leaves for one-by-one review. Tried on real
 * scans, the bulk action accepted "excluding" → "including" at 93% and a surname → "Oregon" at 72%:
 * a corrector's confident mistakes change meaning, so edits that change a number, a name or a negation,
 * or overrule a word the recognizer was sure of, are held back whatever their confidence.
 */
import { normalizeForMetrics } from '../align/metrics.js';
import { letterSimilarity } from '../align/edits.js';
import type { SuggestionEdit } from './types.js';

/** How an edit changes the text; a change of case or punctuation alone is never held back. */
export type EditCategory = 'case and punctuation' | 'number format' | 'word change';

/** Why an edit is held back from bulk acceptance. */
export type HoldReason =
  | 'overrules a confident recognizer word'
  | 'changes a number'
  | 'changes a name'
  | 'changes a negation';

/** A recognizer word at least this sure is not overruled in bulk. */
export const CONFIDENT_RECOGNIZER_WORD = 0.9;

const NEGATION =
  /\b(not|no|never|nor|none|nothing|nobody|neither|without|cannot|excluding|except|unless)\b|n't\b/iu;
const NUMBER_WORDS =
  /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|first|second|third|fourth|fifth|half|quarter|percent)\b/iu;

export function editCategory(edit: Pick<SuggestionEdit, 'before' | 'after'>): EditCategory {
  if (normalizeForMetrics(edit.before) === normalizeForMetrics(edit.after)) {
    return 'case and punctuation';
  }
  const numeric = (text: string): boolean => /\d/u.test(text) || NUMBER_WORDS.test(text);
  if (numeric(edit.before) && numeric(edit.after) && /\d/u.test(edit.before + edit.after)) {
    return 'number format';
  }
  return 'word change';
}

/** Why the edit needs the user's eye, or undefined when bulk acceptance may take it. */
export function holdReason(
  edit: Pick<SuggestionEdit, 'before' | 'after' | 'recognizerConfidence'>,
): HoldReason | undefined {
  if ((edit.recognizerConfidence ?? 0) >= CONFIDENT_RECOGNIZER_WORD) {
    return 'overrules a confident recognizer word';
  }
  const category = editCategory(edit);
  if (category === 'case and punctuation') return undefined;
  // "twelve" → "12" writes a number's form; "12" → "15" changes its value.
  const before = digitsOf(edit.before);
  if (before !== '' && before !== digitsOf(edit.after)) return 'changes a number';
  if (before === '' && digitsOf(edit.after) !== '') {
    const spoken = spokenForms(edit.before);
    if (category === 'word change' || (spoken.length > 0 && !spoken.includes(digitsOf(edit.after))))
      return 'changes a number';
  }
  const lost = namesOf(edit.before).filter((name) => !namesOf(edit.after).includes(name));
  // A capitalized word respelt ("Pleawe" → "Please", a line's first word) is a misreading fixed;
  // one made another word ("Okagor" → "Oregon") may be a name lost.
  if (
    category === 'word change' &&
    lost.length > 0 &&
    letterSimilarity(edit.before, edit.after) < RESPELLING
  ) {
    return 'changes a name';
  }
  if (NEGATION.test(edit.before) !== NEGATION.test(edit.after)) return 'changes a negation';
  return undefined;
}

const UNITS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/**
 * The ways a number said in words may be written in digits: its value ("twenty five thousand" →
 * 25000) and its groups read one after another, as years and times are said ("nineteen ninety" →
 * 1990, "ten thirty" → 1030). Empty when the words say no number.
 */
function spokenForms(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[\s-]+/u)
    .map((word) => word.replace(/[^a-z]/gu, ''));
  let total = 0;
  let current = 0;
  let seen = false;
  const groups: number[] = [];
  for (const word of words) {
    const unit = UNITS.indexOf(word);
    const tens = TENS.indexOf(word);
    if (unit < 0 && tens < 0 && !(word in SCALES)) continue;
    // A unit after a round ten joins it ("twenty five"); any other small number starts a new group.
    const joins =
      unit >= 0 &&
      unit < 10 &&
      groups.length > 0 &&
      groups.at(-1)! % 10 === 0 &&
      groups.at(-1)! >= 20;
    if (unit >= 0 || tens >= 0) {
      const value = unit >= 0 ? unit : 20 + 10 * tens;
      if (joins) groups[groups.length - 1] = groups.at(-1)! + value;
      else groups.push(value);
      current += value;
    } else if (word === 'hundred') {
      current = Math.max(current, 1) * 100;
      groups[groups.length - 1] = Math.max(groups.at(-1) ?? 1, 1) * 100;
    } else {
      total += Math.max(current, 1) * SCALES[word]!;
      current = 0;
      groups[groups.length - 1] = Math.max(groups.at(-1) ?? 1, 1) * SCALES[word]!;
    }
    seen = true;
  }
  return seen ? [String(total + current), groups.join('')] : [];
}

/** Letters an edit keeps, at least, for a changed capitalized word to count as respelt. */
const RESPELLING = 0.75;

function digitsOf(text: string): string {
  return text.replace(/\D/gu, '');
}

/**
 * Capitalized words ("Okagor", "Brightwater"): names, or a sentence's first word, which bulk
 * acceptance then also leaves to the user.
 */
function namesOf(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((word) => word.replace(/[^\p{L}'-]/gu, ''))
    .filter((word) => /^\p{Lu}\p{Ll}/u.test(word));
}

/** Whether "Accept all ≥ threshold" takes the edit. */
export function bulkAcceptable(edit: SuggestionEdit, threshold: number): boolean {
  return (
    edit.decision === 'pending' &&
    !edit.stale &&
    edit.confidence >= threshold &&
    holdReason(edit) === undefined
  );
}
