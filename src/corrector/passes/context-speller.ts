/**
 * The spelling of a word Harper flags, chosen by the words around it. Harper ranks its spelling
 * suggestions by the word alone, so in "a room wich was small" it offers "wish" first, in "your
 * helth" "heath", in "the best nigth" "ninth"; and when a slip is not among its suggestions at all
 * ("wether" → "wet her", "ofice" → "of ice", "untill" → "distill") it has nothing right to offer.
 *
 * The candidates are Harper's one-word suggestions and the words one edit away (a letter inserted,
 * deleted, changed or two neighbours swapped) that the word trigram model of the OCR lexical pass
 * knows; each is scored by that model over the trigrams it takes part in, less a cost per edit and
 * per place down Harper's list, and more for a word Harper did not offer. The flagged word itself
 * competes too, when the model knows it, so that a name the model has seen ("Mohammed") is not
 * turned into a nearer one ("Mohamed"). Words under four letters and candidates more than two edits
 * away are left alone.
 */
import { matchCase } from './ocr-lexicon.js';
import type { WordTrigramModel } from './word-trigram-model.js';

/**
 * A word the model has seen at most a few times (ln P -13.9 is one sighting). Common misspellings
 * ("recieved", "definately": -12.95) are seen that often in its e-mail; "quiet", "postages" are
 * seen far more.
 */
export const RARE_WORD_LOG_PROBABILITY = -12;
/**
 * ln P of a word the model has seen once. A suggestion of Harper's that the model has never seen is
 * a word of Harper's dictionary all the same ("lasagna"): scored as if seen once, not as the model's
 * unknown word, which had made any word the model knows beat it ("lasagne" → "lavage").
 */
const ONE_SIGHTING_LOG_PROBABILITY = -13.9;
/** ln-probability a word one edit away pays for not being among Harper's suggestions (OOD dev). */
const UNSUGGESTED_PENALTY = 3;
/**
 * Shorter words are left as they are: most are abbreviations or jargon Harper does not know
 * ("api", "sdk", "tsx"), and a slip in three letters has too many near words to choose among.
 */
const MIN_LENGTH = 4;
/** Nearly every misspelling is one or two edits from its word; farther ones are other words. */
const MAX_EDITS = 2;
/** ln-probability each place down Harper's list costs: its order knows the commoner slips. */
const RANK_PENALTY = 1;
/** ln-probability each edit from the flagged word costs (OOD dev). */
const EDIT_PENALTY = 2;
/**
 * ln-probability a candidate pays for ending in another letter than the flagged word, unless it only
 * adds letters at the end ("becaus") or swaps two neighbours ("nigth"): writers slip inside a word
 * and keep its ending, which carries its grammar ("prefered" had become "prefer", "happend"
 * "happen", "was terible" "was terribly").
 */
const ENDING_PENALTY = 2;
/**
 * ln-probability a candidate pays for losing the flagged word's "-ed" or "-ing", or for a plural's
 * "-s" it lacks (addsPlural): the tense, form or number the writer gave the word, which the words
 * around it seldom show ("I prefered the first" had become "I prefer": the model finds "I prefer
 * the" 8 nats likelier than "I preferred the").
 */
const INFLECTION_PENALTY = 8;
/** ln-probability the flagged word itself pays to stay: Harper's doubt counts for something. */
const FLAGGED_WORD_PENALTY = 2;

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A word of the text and where it is. */
interface PlacedWord {
  text: string;
  start: number;
  end: number;
}

/**
 * The best spelling for `text.slice(start, end)` among Harper's `suggestions` (up to `maxEdits`
 * away) and the near words the model knows, written in the flagged word's case; undefined when the
 * flagged word should stay or is not one word.
 */
export function contextSpelling(
  text: string,
  start: number,
  end: number,
  suggestions: readonly string[],
  model: WordTrigramModel,
  maxEdits = MAX_EDITS,
): string | undefined {
  const words: PlacedWord[] = [...text.matchAll(WORD)].map((match) => ({
    text: match[0].toLowerCase().replaceAll('\u2019', "'"),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const position = words.findIndex((word) => word.start === start && word.end === end);
  if (position < 0) return undefined;
  const flagged = text.slice(start, end);
  const low = words[position]!.text;
  if (low.length < MIN_LENGTH) return undefined;
  // Harper's first suggestion that only swaps two neighbouring letters back ("reciept" →
  // "receipt") is the slip itself: the word model, which knows "recent" far better, had won.
  const first = suggestions[0]?.toLowerCase();
  if (first !== undefined && isSwapOfNeighbours(low, first)) return matchCase(flagged, first);
  const sentence = ['<s>', '<s>', ...words.map((word) => word.text), '</s>'];
  const fitOf = (candidate: string) => contextFit(sentence, position + 2, candidate, model);

  let best: { word: string; score: number } | undefined;
  const consider = (word: string, penalty: number) => {
    const unseen = Math.max(0, ONE_SIGHTING_LOG_PROBABILITY - model.wordLogProbability(word));
    const score =
      fitOf(word) +
      unseen -
      penalty -
      EDIT_PENALTY * editDistance(low, word) -
      (changesEnding(low, word) ? ENDING_PENALTY : 0) -
      (losesInflection(low, word) || addsPlural(low, word, model) ? INFLECTION_PENALTY : 0);
    if (!best || score > best.score) best = { word, score };
  };
  const offered = new Set<string>();
  for (const [rank, suggestion] of suggestions.entries()) {
    const candidate = suggestion.toLowerCase();
    if (!/^[\p{L}']+$/u.test(candidate) || offered.has(candidate)) continue;
    offered.add(candidate);
    if (editDistance(low, candidate) > maxEdits) continue;
    consider(candidate, RANK_PENALTY * rank);
  }
  for (const candidate of oneEditAway(low)) {
    if (!offered.has(candidate) && model.knows(candidate)) {
      consider(candidate, UNSUGGESTED_PENALTY);
    }
  }
  if (!best) return undefined;
  if (model.knows(low) && fitOf(low) - FLAGGED_WORD_PENALTY >= best.score) return undefined;
  return matchCase(flagged, best.word);
}

/** Whether `candidate` ends otherwise than `written`, other than by letters added at its end. */
function changesEnding(written: string, candidate: string): boolean {
  return (
    written.at(-1) !== candidate.at(-1) &&
    !candidate.startsWith(written) &&
    !isSwapOfNeighbours(written, candidate)
  );
}

/**
 * Whether `candidate` is a plural the writer did not write: it ends in "s", `written` does not, and
 * the word without that "s" is a word the model knows and nearer to what was written ("the
 * accomodation for" had become "the accommodations", Harper's second suggestion, which the word
 * model's e-mail knows better). A plural whose "s" alone was lost ("ideologie") stays one.
 */
function addsPlural(written: string, candidate: string, model: WordTrigramModel): boolean {
  const singular = candidate.slice(0, -1);
  return (
    candidate.endsWith('s') &&
    !written.endsWith('s') &&
    model.knows(singular) &&
    editDistance(written, singular) < editDistance(written, candidate)
  );
}

/** Whether `written` ends in "-ed" or "-ing" and `candidate` does not. */
function losesInflection(written: string, candidate: string): boolean {
  return ['ed', 'ing'].some((ending) => written.endsWith(ending) && !candidate.endsWith(ending));
}

/** American spellings and their British forms, as rewrites of a part of the word. */
const BRITISH_REWRITES: readonly [RegExp, string][] = [
  [/([a-z][bcdfghlmnprstv])or(?=s?$|ed$|ing$|ite|ful|hood|able|ism|er)/gu, '$1our'],
  [/iz(e|es|ed|ing|ation|ations|er|ers)$/gu, 'is$1'],
  [/([^aeiou])er(s?)$/gu, '$1re$2'],
  [/([aeiou])l(ed|ing|er|ers)$/gu, '$1ll$2'],
  [/og$/gu, 'ogue'],
  [/ense$/gu, 'ence'],
  [/gram$/gu, 'gramme'],
];

/**
 * The spelling to write for a misspelt word: Harper spells American English, so a writer of British
 * English who slips ("favourit", "neighbourhod", "organisaton") got the American word ("favorite");
 * where the British form of the fix is a word the model knows and is nearer to what was written, it
 * is the one written ("favourite"). A writer's "favorit" still becomes "favorite".
 */
export function inWritersSpelling(written: string, fix: string, model: WordTrigramModel): string {
  const low = fix.toLowerCase();
  const typed = written.toLowerCase();
  let best = fix;
  let bestDistance = editDistance(typed, low);
  for (const [pattern, replacement] of BRITISH_REWRITES) {
    const british = low.replace(pattern, replacement);
    if (british === low || !model.knows(british)) continue;
    const distance = editDistance(typed, british);
    if (distance < bestDistance) {
      best = matchCase(fix, british);
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Letters inserted, deleted, changed, or neighbours swapped, to turn `a` into `b` (the optimal
 * string alignment distance). Not the project's Levenshtein (`align/sequence.ts`), which counts a
 * swap as two edits: a swap is one slip, as `oneEditAway` makes it (with it, OOD dev lost a word).
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      row[j] = Math.min(
        rows[i - 1]![j]! + 1,
        row[j - 1]! + 1,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * ln P of the trigrams `candidate` takes part in at index `at` of `sentence` (its words between two
 * "<s>" and a "</s>"), the sentence otherwise as written.
 */
function contextFit(
  sentence: readonly string[],
  at: number,
  candidate: string,
  model: WordTrigramModel,
): number {
  const word = (i: number): string => (i === at ? candidate : sentence[i]!);
  let total = 0;
  for (let i = at; i <= Math.min(at + 2, sentence.length - 1); i++) {
    total += model.logProbability(word(i - 2), word(i - 1), word(i));
  }
  return total;
}

/** Whether `b` is `a` with two neighbouring letters swapped. */
export function isSwapOfNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return (
    differ.length === 2 &&
    differ[1] === differ[0]! + 1 &&
    a[differ[0]!] === b[differ[1]!] &&
    a[differ[1]!] === b[differ[0]!]
  );
}

/** The strings one deletion, swap of neighbours, change or insertion of a letter from `word`. */
export function oneEditAway(word: string): Set<string> {
  const near = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [left, right] = [word.slice(0, i), word.slice(i)];
    if (right) near.add(left + right.slice(1));
    if (right.length > 1) near.add(left + right[1] + right[0] + right.slice(2));
    for (const letter of LETTERS) {
      if (right) near.add(left + letter + right.slice(1));
      near.add(left + letter + right);
    }
  }
  near.delete(word);
  return near;
}
