/**
 * Numbers said in words, as a speech recognizer writes them ("forty two", "sixteen fourteen",
 * "four point one"), found in a text with the ways a corrector may write each in digits ("42",
 * "1614", "4.1"). The drafter uses them to follow a model that rewrites spoken form into written
 * form: the digits the model has written tell it which form the model chose.
 */

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};

interface NumberWord {
  kind: 'unit' | 'tens' | 'scale' | 'ordinal';
  value: number;
}

/** A number word's kind and value; undefined for any other word. */
function numberWord(word: string): NumberWord | undefined {
  const unit = UNITS.indexOf(word);
  if (unit >= 0) return { kind: 'unit', value: unit };
  const tens = TENS.indexOf(word);
  if (tens >= 0) return { kind: 'tens', value: 20 + 10 * tens };
  const scale = SCALES[word];
  if (scale !== undefined) return { kind: 'scale', value: scale };
  const ordinal = ORDINALS[word];
  if (ordinal !== undefined) return { kind: 'ordinal', value: ordinal };
  return undefined;
}

/** Whether the word, in any case, is a number word ("Twelve", "hundred", "third"). */
export function isNumberWord(word: string): boolean {
  return numberWord(word.toLowerCase()) !== undefined;
}

/** The digit a word says after "point" or in a year ("oh five"); undefined for other words. */
function digitOf(word: string | undefined): number | undefined {
  if (word === 'oh') return 0;
  const unit = word === undefined ? -1 : UNITS.indexOf(word);
  return unit >= 0 && unit < 10 ? unit : undefined;
}

function isCardinalWord(word: string | undefined): boolean {
  const kind = word === undefined ? undefined : numberWord(word)?.kind;
  return kind === 'unit' || kind === 'tens';
}

/** A run of number words: text.slice(start, end), and its written forms, likeliest first. */
export interface SpokenNumber {
  start: number;
  end: number;
  forms: string[];
}

/**
 * Every run of number words in `text` that says a number: words joined by spaces or hyphens, with
 * "and" after a scale word ("one hundred and twenty"), and "point" or "oh" before a digit ("four
 * point one", "nineteen oh five") inside the run.
 */
export function spokenNumbers(text: string): SpokenNumber[] {
  const words = [...text.matchAll(/\p{L}+/gu)].map((match) => ({
    text: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const numbers: SpokenNumber[] = [];
  let i = 0;
  while (i < words.length) {
    if (numberWord(words[i]!.text) === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < words.length; j++) {
      if (!/^[\s-]+$/u.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      const word = words[j]!.text;
      const next = words[j + 1]?.text;
      const joins =
        numberWord(word) !== undefined ||
        (word === 'and' &&
          numberWord(words[j - 1]!.text)?.kind === 'scale' &&
          isCardinalWord(next)) ||
        ((word === 'point' || word === 'oh') && digitOf(next) !== undefined);
      if (!joins) break;
    }
    const forms = writtenForms(words.slice(i, j).map((word) => word.text));
    if (forms.length > 0) numbers.push({ start: words[i]!.start, end: words[j - 1]!.end, forms });
    i = j;
  }
  return numbers;
}

/**
 * The ways to write a run of number words in digits, likeliest first: its value ("one hundred and
 * twenty" → 120; thousands separated first from 10,000 on), a decimal ("four point one" → 4.1),
 * its groups read one after another as years and times are said ("sixteen fourteen" → 1614,
 * "nine thirty" → 930 or 9:30), an ordinal with and without its suffix ("fifteenth" → 15th, 15).
 * Empty when the words say no number.
 */
export function writtenForms(run: readonly string[]): string[] {
  const point = run.indexOf('point');
  if (point > 0) {
    const whole = cardinal(run.slice(0, point));
    const decimals = run.slice(point + 1).map(digitOf);
    if (whole === undefined || decimals.includes(undefined)) return [];
    return [`${whole}.${decimals.join('')}`];
  }
  const ordinal = ORDINALS[run[run.length - 1]!];
  if (ordinal !== undefined) {
    // Only a round ten goes before an ordinal ("twenty first").
    const tens = run.length > 1 ? cardinal(run.slice(0, -1)) : 0;
    if (tens === undefined || tens % 10 !== 0 || (tens > 0 && ordinal >= 10)) return [];
    const value = tens + ordinal;
    return [`${value}${ordinalSuffix(value)}`, String(value)];
  }
  const forms: string[] = [];
  const value = cardinal(run);
  if (value !== undefined) {
    const separated = String(value).replace(/\B(?=(\d{3})+$)/gu, ',');
    forms.push(...(value >= 10_000 ? [separated, String(value)] : [String(value), separated]));
  }
  const groups = groupsOf(run);
  if (groups !== undefined && groups.length > 1) {
    forms.push(groups.join(''));
    if (groups.length === 2 && groups[1]!.length === 2) forms.push(groups.join(':'));
  }
  return [...new Set(forms)];
}

/**
 * The value of a well-formed cardinal ("forty two", "two thousand and five"); undefined for words
 * no one says as one number ("four five", "sixteen fourteen", "hundred thousand million").
 */
function cardinal(run: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  let smallestScale = Infinity;
  for (const word of run) {
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'scale') return undefined;
      continue;
    }
    const { kind, value } = numberWord(word) ?? { kind: 'none', value: 0 };
    if (kind === 'unit') {
      // A unit follows nothing, a hundred, a scale, or a round ten when below ten ("forty two").
      if (last === 'unit' || (last === 'tens' && (value === 0 || value >= 10))) return undefined;
      current += value;
      last = 'unit';
    } else if (kind === 'tens') {
      if (last === 'unit' || last === 'tens') return undefined;
      current += value;
      last = 'tens';
    } else if (kind === 'scale' && value === 100) {
      if (last === 'hundred' || current >= 100 || (current === 0 && last !== 'none'))
        return undefined;
      current = Math.max(current, 1) * 100;
      last = 'hundred';
    } else if (kind === 'scale') {
      // Scales fall: "two million three thousand", never "three thousand two million".
      if (value >= smallestScale || (current === 0 && last !== 'none')) return undefined;
      total += Math.max(current, 1) * value;
      current = 0;
      smallestScale = value;
      last = 'scale';
    } else {
      return undefined;
    }
  }
  return last === 'none' ? undefined : total + current;
}

/**
 * A run read as numbers below 100 said one after another ("nineteen ninety", "eleven forty two",
 * "four five six"), each written in full: "oh five" is 05. Undefined when a group is no such
 * number.
 */
function groupsOf(run: readonly string[]): string[] | undefined {
  const groups: string[] = [];
  let i = 0;
  while (i < run.length) {
    const digit = run[i] === 'oh' ? digitOf(run[i + 1]) : undefined;
    if (digit !== undefined) {
      groups.push(`0${digit}`);
      i += 2;
      continue;
    }
    // The longer group where there is one: "forty two", not "forty" then "two".
    const pair = i + 1 < run.length ? cardinal(run.slice(i, i + 2)) : undefined;
    if (pair !== undefined && pair < 100) {
      groups.push(String(pair));
      i += 2;
      continue;
    }
    const single = cardinal([run[i]!]);
    if (single === undefined || single >= 100) return undefined;
    groups.push(String(single));
    i++;
  }
  return groups;
}

function ordinalSuffix(value: number): string {
  if (value % 100 >= 11 && value % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}
