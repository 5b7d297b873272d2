/**
 * Harper (harper.js: an offline, rule-based English grammar checker in WebAssembly) as a pass before
 * the model on writing. On learners' sentences the small model alone barely helps, while Harper's
 * rules fix what learners get wrong most ("becouse", "arrived to", "looking forward to hear");
 * the model then corrects Harper's output, keeping its own edits only where it is sure
 * (engine.ts). Measured on the out-of-domain learners' dev set in training/README.md.
 *
 * Harper's suggestions are taken one at a time, best first, except those that harmed correct
 * sentences there: a spelling "fix" of a name ("Tanaka" → "Tank", "Zhang" → "Hang"), a plural given
 * an apostrophe ("homeworks" → "homework's"), a word split in two ("informations" → "in formations"),
 * British spellings and words turned American ("travelling" → "traveling", "petrol" → "gas"), and
 * rewrites to taste ("very good" → "excellent").
 */
import { Dialect, LocalLinter, type BinaryModule, type Lint, type Suggestion } from 'harper.js';
import { binary } from 'harper.js/binary';
import { sameChange, wordEdits } from '../../align/edits.js';
import { alignSequences } from '../../align/sequence.js';
import { tokenizeWords, trimmedToAlphanumerics } from '../../align/tokens.js';
import {
  confidentText,
  suggestionFromCorrection,
  type TokenConfidence,
} from '../../document/operations.js';
import type { Suggestion as Suggestion_, SuggestionEdit } from '../../document/types.js';
import {
  RARE_WORD_LOG_PROBABILITY,
  contextSpelling,
  editDistance,
  inWritersSpelling,
  isSwapOfNeighbours,
} from './context-speller.js';
import type { WordTrigramModel } from './word-trigram-model.js';
import { sameInBritishSpelling } from './british-spelling.js';
import {
  baseOfAnyPast,
  baseOfGerund,
  baseOfKnownThirdPerson,
  isVerbBase,
  participleOf,
  participleOfPastForm,
  pastOfParticiple,
  thirdPersonOf,
  verbForms,
} from './english-verbs.js';
import { sentenceOpeningNames, withNameSubjectAgreement } from './learner-forms.js';
import { matchCase } from './ocr-lexicon.js';
import { losesCharactersBeyondAscii } from './unwritten-letters.js';

/** Endings of words made from others ("-ately", "-tion"), which names seldom have. */
const DERIVED_ENDING =
  /(?:ately|itely|ally|fully|tion|sion|ment|ness|able|ible|ous|ence|ance|ship|ative|ical)$/iu;

/**
 * Whether a capitalised word at a sentence's start that Harper flags is a slip of its fix rather
 * than a name: it ends as words made from others do ("Definately"), or the fix only turns an "ie"
 * into "ei" or back ("Recieve"). CMUdict lists such common misspellings beside its names, so the
 * known words alone would keep them; other swapped neighbours may be a name's ("Satya", "Satay").
 */
export function isSlipOfAWord(word: string, fix: string): boolean {
  const [low, fixed] = [word.toLowerCase(), fix.toLowerCase()];
  const swapsIe = isSwapOfNeighbours(low, fixed) && /ie|ei/u.test(low) && /ie|ei/u.test(fixed);
  return DERIVED_ENDING.test(word) || swapsIe;
}

/** The lints Harper raises over a proper noun written in lower case. */
const LOWER_CASE_FLAGS = new Set(['Spelling', 'Typo']);

/** Harper re-lints after each applied suggestion; a sentence rarely needs more. */
const MAX_ROUNDS = 12;

export class GrammarChecker {
  private constructor(
    private readonly linter: LocalLinter,
    private readonly wordModel: WordTrigramModel | undefined,
    private readonly knownWords: ReadonlySet<string> | undefined,
  ) {}

  /**
   * With a word model, rare words are spelt by their context (passes/context-speller.ts); with the
   * OCR lexicon's known words, a capitalised word they list at a sentence's start is taken for a
   * name (respellsAName). Both may still be loading: Harper's set-up runs meanwhile.
   */
  static async load(
    wordModel?: WordTrigramModel | Promise<WordTrigramModel | undefined>,
    webAssembly: BinaryModule = binary,
    knownWords?: ReadonlySet<string> | Promise<ReadonlySet<string> | undefined>,
  ): Promise<GrammarChecker> {
    // LocalLinter's constructor starts loading the WebAssembly and leaves a failure unhandled
    // (harper.js 2.10), which ends the process; loaded here first, a missing or broken binary is a
    // rejection the caller handles (the engine then runs without Harper).
    const [model, known] = await Promise.all([wordModel, knownWords, webAssembly.setup()]);
    const linter = new LocalLinter({ binary: webAssembly, dialect: Dialect.American });
    await linter.setup();
    await linter.importWords(WORDS_HARPER_LACKS);
    return new GrammarChecker(linter, model, known);
  }

  /** The text with every acceptable suggestion applied. */
  async correct(text: string): Promise<string> {
    let current = text;
    // Typed without capitals, a name is written in lower case too ("a house in alicante"), and
    // Harper's two-edit respellings of such words were mostly names lost ("alienate", "koala"),
    // while a typist's slips are mostly one edit or two letters swapped.
    const spellingReach = /\p{Lu}/u.test(text) ? undefined : 1;
    const refused = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let chosen: { lint: Lint; fix: Fix } | undefined;
      for (const lint of await this.linter.lint(current)) {
        const key = `${lint.span().start}:${lint.get_problem_text()}`;
        if (refused.has(key)) continue;
        const fix = this.fixFor(current, lint, spellingReach);
        if (
          !fix ||
          !isAcceptable(current, fix.judgedAs, fix.text) ||
          (await this.respellsAName(current, fix))
        ) {
          refused.add(key);
          continue;
        }
        chosen = { lint, fix };
        break;
      }
      if (!chosen) break;
      const { lint, fix } = chosen;
      if (fix.suggestion) {
        current = await this.linter.applySuggestion(current, lint, fix.suggestion);
      } else {
        const { start, end } = lint.span();
        current = current.slice(0, start) + fix.text + current.slice(end);
      }
    }
    // Harper makes a verb agree with a pronoun ("He work" → "works"), not with a name.
    const names = new Set<string>();
    for (const word of sentenceOpeningNames(current)) {
      if (await this.isProperNoun(word)) names.add(word);
    }
    return names.size > 0 ? withNameSubjectAgreement(current, (word) => names.has(word)) : current;
  }

  /**
   * Whether Harper's dictionary has the word only capitalised, or not at all: it flags the word
   * written in lower case ("and oksana" as a misspelling, "and goran" as a typo), as it does not
   * flag "and please" (nor "and maria", "and peter": words of their own in lower case).
   */
  private async isProperNoun(word: string): Promise<boolean> {
    return (await this.linter.lint(`and ${word.toLowerCase()}`)).some(
      (lint) => LOWER_CASE_FLAGS.has(lint.lint_kind()) && lint.span().start === 4,
    );
  }

  async dispose(): Promise<void> {
    await this.linter.dispose();
  }

  /**
   * Whether the fix respells a capitalised word at a sentence's start that is likely a name. There
   * the capital says nothing, and a word Harper does not know is more often a name than a slip:
   * over 100 first names starting sentences, 51 were respelt before the one-edit rule in
   * isAcceptable, 15 after it. A name it is when the lexicon's known words (CMUdict's names among
   * them) list it ("Marko" → "Mark", "Kenji" → "Kanji", "Mateo" → "Mate"), or when the fix is a
   * word Harper's dictionary knows only capitalised, other than one English always capitalises
   * ("Eleni" → "Elena", "Halvard" → "Harvard"). Learners' slips there are mostly not listed words
   * ("Tecnology", "Acording"); those CMUdict lists ("Definately", "Recieve") are slips by their
   * shape (isSlipOfAWord).
   */
  private async respellsAName(text: string, fix: Fix): Promise<boolean> {
    if (fix.judgedAs.lint_kind() !== 'Spelling') return false;
    const { start, end } = fix.judgedAs.span();
    const before = text.slice(start, end);
    if (!/^\p{Lu}/u.test(before) || !startsSentence(text.slice(0, start))) return false;
    if (fix.text.toLowerCase() === before.toLowerCase() || CAPITALISED_WORDS.has(fix.text)) {
      return false;
    }
    if (isSlipOfAWord(before, fix.text)) return false;
    if (this.knownWords?.has(before.toLowerCase())) return true;
    return this.isProperNoun(fix.text);
  }

  /** The fix to consider for a lint: Harper's own suggestion, or a spelling chosen by context. */
  private fixFor(text: string, lint: Lint, spellingReach?: number): Fix | undefined {
    const { start, end } = lint.span();
    const problem = lint.get_problem_text();
    const contraction = restoredContraction(text, start, end, problem);
    if (contraction) {
      return {
        text: contraction,
        judgedAs: { span: () => lint.span(), lint_kind: () => CONTRACTION },
      };
    }
    // After a number a word Harper calls a word choice is a unit's short form ("in 10 mins", "2
    // hrs"): Harper would write it out, the speller had made it a near word ("10 mind").
    if (lint.lint_kind() === 'WordChoice' && AFTER_NUMBER.test(text.slice(0, start))) {
      return undefined;
    }
    // A word joined to a sign of code ("%postun", "$HOME", "@dana", "my_var") is a name in a
    // program or an address, not a misspelling ("%postun" had become "%piston").
    if (
      SPELLING_KINDS.has(lint.lint_kind()) &&
      IN_CODE.test(`${text.slice(start - 1, start)}|${text.slice(end, end + 1)}`)
    ) {
      return undefined;
    }
    if (this.wordModel && SPELLING_KINDS.has(lint.lint_kind())) {
      const asSpelling = { span: () => lint.span(), lint_kind: () => 'Spelling' };
      const replacements = lint.suggestions().map((option) => option.get_replacement_text());
      // A fix of case alone ("monday" → "Monday", "paris" → "Paris") needs no context.
      const recased = replacements.find(
        (replacement) =>
          replacement !== problem && replacement.toLowerCase() === problem.toLowerCase(),
      );
      if (recased !== undefined) return { text: recased, judgedAs: asSpelling };
      if (isRareWord(problem, this.wordModel)) {
        const spelling = contextSpelling(
          text,
          start,
          end,
          replacements,
          this.wordModel,
          spellingReach,
        );
        if (spelling === undefined) return undefined;
        const written = inWritersSpelling(problem, spelling, this.wordModel);
        // Harper, spelling American, flags the British word it was given ("favourite") again.
        return written === problem ? undefined : { text: written, judgedAs: asSpelling };
      }
      // A word the model has seen often is a word ("most quiet", "the api returns"): Harper's
      // respelling of it into another is not taken, unless it only swaps two letters back into a
      // far commoner word: e-mail's "thier" is seen often too, but "their" far more.
      if (/^\p{L}+$/u.test(problem)) {
        const first = replacements[0];
        return first !== undefined && isCommonerSwap(problem, first, this.wordModel)
          ? { text: matchCase(problem, first.toLowerCase()), judgedAs: asSpelling }
          : undefined;
      }
    }
    const suggestion = preferredSuggestion(lint, text.slice(0, start));
    return suggestion && { text: suggestion.get_replacement_text(), judgedAs: lint, suggestion };
  }
}

/** A replacement for a lint's text, and the lint it is judged as (see isAcceptable). */
interface Fix {
  text: string;
  judgedAs: LintPlace;
  /** Harper's suggestion when the fix is one; else the text replaces the lint's span. */
  suggestion?: Suggestion;
}

/**
 * Lints over a misspelt word: Harper calls some slips typos, and some a word choice ("untill" →
 * "distill").
 */
const SPELLING_KINDS = new Set(['Spelling', 'Typo', 'WordChoice']);

/**
 * Contractions a careless writer leaves without the apostrophe, where the bare form is no word of
 * its own ("its", "were", "well", "ill", "lets", "shed", "id" are left).
 */
const CONTRACTIONS = new Map(
  (
    "don't doesn't didn't can't couldn't shouldn't wouldn't won't isn't aren't wasn't weren't " +
    "haven't hasn't hadn't I'm I've you're you've they're they've we've he's she's that's what's " +
    "there's where's who's you'll they'll should've could've would've"
  )
    .split(' ')
    .map((contraction) => [contraction.replace("'", '').toLowerCase(), contraction] as const),
);
/**
 * The contraction a careless writer wrote without its apostrophe ("dont", "Im", "hes") at [start,
 * end) of `text`, whatever Harper calls it (a misspelling, an "enhancement" for "cant") and however
 * often the word model has seen it ("dont" in e-mail). Not in capitals ("IM client" is instant
 * messaging), not after an apostrophe (dialect's "'im" is "him"), not before "to" or "of", and not
 * "cant" before no word ("the modern cant to the contrary" is a noun).
 */
function restoredContraction(
  text: string,
  start: number,
  end: number,
  word: string,
): string | undefined {
  const contraction = CONTRACTIONS.get(word.toLowerCase());
  if (!contraction || word === word.toUpperCase()) return undefined;
  const after = text.slice(end);
  if (/['’]$/u.test(text.slice(0, start)) || /^\s+(?:to|of)\b/u.test(after)) return undefined;
  if (word.toLowerCase() === 'cant' && !/^\s+\p{L}/u.test(after)) return undefined;
  return matchCase(word, contraction);
}
/** The lint kind a contraction's fix is judged as (isAcceptable takes its "'s"). */
const CONTRACTION = 'Contraction';

/** The characters either side of a word (joined by "|") when it is part of code or an address. */
const IN_CODE = /^[%$#@_\\/~]\||\|[_\\/(]$/u;

/** Text that ends in a number and the space after it. */
const AFTER_NUMBER = /\p{N}\s+$/u;

/**
 * Whether `fix` is `word` with two neighbouring letters swapped back and a word the model has seen
 * far more often (e^4 times: "thier" → "their"; "quiet" and "quite" differ by e^1.2).
 */
function isCommonerSwap(word: string, fix: string, model: WordTrigramModel): boolean {
  const [low, fixLow] = [word.toLowerCase(), fix.toLowerCase()];
  return (
    isSwapOfNeighbours(low, fixLow) &&
    model.wordLogProbability(fixLow) - model.wordLogProbability(low) >= COMMONER_BY
  );
}
const COMMONER_BY = 4;

/** A word the model has seen rarely or never, whose spelling is chosen by context. */
function isRareWord(problem: string, model: WordTrigramModel): boolean {
  const word = problem.toLowerCase();
  return /^\p{L}+$/u.test(word) && model.wordLogProbability(word) <= RARE_WORD_LOG_PROBABILITY;
}

/**
 * Harper's first suggestion, except that for a misspelling one of its suggestions that only doubles
 * or undoubles a letter comes first ("writting": Harper offers "writhing", "witting", "writing"):
 * a doubled or single consonant is the commonest slip in English spelling. For a verb given a
 * regular ending ("drived") Harper offers the past and the participle in no fixed order ("He
 * drived very fast" had become "He driven"): the participle after "have" or "be", else the past.
 */
function preferredSuggestion(lint: Lint, textBefore: string): Suggestion | undefined {
  const suggestions = lint.suggestions();
  if (lint.lint_kind() === 'Grammar' && suggestions.length > 1) {
    const texts = suggestions.map((suggestion) => suggestion.get_replacement_text());
    // A participle is one whose past differs ("driven"), a past one whose participle does
    // ("drove").
    const differs = (form: (word: string) => string | undefined) => (text: string) =>
      (form(text) ?? text) !== text;
    const participle = texts.find(differs(pastOfParticiple));
    const past = texts.find(differs(participleOfPastForm));
    if (participle !== undefined && past !== undefined) {
      const wanted = AFTER_HAVE_OR_BE.test(textBefore) ? participle : past;
      return suggestions[texts.indexOf(wanted)];
    }
  }
  if (lint.lint_kind() !== 'Spelling') return suggestions[0];
  const problem = lint.get_problem_text();
  return (
    suggestions.find((suggestion) =>
      differInDoubling(problem, suggestion.get_replacement_text()),
    ) ?? suggestions[0]
  );
}

/** What a participle follows: a form of "have" or "be", perhaps with an adverb between. */
const AFTER_HAVE_OR_BE =
  /\b(?:have|has|had|having|['’]ve|['’]d|be|been|being|is|are|was|were|am|['’]s|['’]re|['’]m|get|gets|got)\s+(?:(?:already|just|never|not|also|ever|always|recently)\s+)?$/iu;

/** Whether one word is the other with one of a doubled pair of letters taken out. */
export function differInDoubling(a: string, b: string): boolean {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i++) {
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) {
      return true;
    }
  }
  return false;
}

/** What isAcceptable reads of a Harper lint. */
export interface LintPlace {
  span(): { start: number; end: number };
  lint_kind(): string;
}

/** Whether to take Harper's suggestion to replace the lint's text with `after` (see the top). */
export function isAcceptable(text: string, lint: LintPlace, after: string): boolean {
  if (TASTE.has(lint.lint_kind())) return false;
  const { start, end } = lint.span();
  const before = text.slice(start, end);
  if (/'s\b/u.test(after) && !/'s\b/u.test(before) && lint.lint_kind() !== CONTRACTION)
    return false;
  if (!/\s/u.test(before) && /\s/u.test(after) && !SPLITTING_KINDS.has(lint.lint_kind())) {
    return false;
  }
  if (sameInBritishSpelling(before, after) || BRITISH_WORDS.has(before.toLowerCase())) return false;
  // The second part of a hyphenated name ("Ji-woo's" had become "Ji-woos", "Hae-jin" "Hae-in").
  if (/\p{Lu}\p{L}*-$/u.test(text.slice(0, start))) return false;
  // Harper's dictionary is English in A–Z: a word with other letters is a name or a foreign word,
  // not a slip ("Nestlé" had become "Nestle", "José" "Josh", "Ayşe" "Aye"), as for the model's edits.
  if (losesCharactersBeyondAscii(before, after)) return false;
  // A unit's symbol after a number ("draws 5 A at 5 V" had become "5 AN").
  if (/^\p{L}{1,3}$/u.test(before) && /\p{N}\s+$/u.test(text.slice(0, start))) return false;
  // "you guys", "Miss you loads": a plural after "you" is no noun that must agree with it.
  if (
    /^\p{Ll}+s$/u.test(before) &&
    after === before.slice(0, -1) &&
    /\byou\s+$/iu.test(text.slice(0, start))
  ) {
    return false;
  }
  // "one of the best" is a superlative standing for its noun; Harper made it "one of the bests".
  if (/^(?:best|worst)$/iu.test(before) && /^(?:bests|worsts)$/iu.test(after)) return false;
  if (joinsHyphenatedWord(before, after)) return false;
  // A transcript's "uh" and "um" are what was said; writing seldom has them to remove.
  if (/^\s*(?:uh|um|uhm|erm|er|hmm)\s*$/iu.test(before) && after.trim() === '') return false;
  // A compound is hyphenated before its noun ("an out-of-date schema"), not after a verb ("the
  // schema will be out of date."), where Harper hyphenated it too.
  if (
    /\s/u.test(before) &&
    before.replace(/\s+/gu, '-') === after &&
    /^\s*(?:[.,;:!?)]|$)/u.test(text.slice(end))
  ) {
    return false;
  }
  // An acronym is written as its owner writes it ("the DPS" had become "the DPs").
  if (/^\p{Lu}{2,}$/u.test(before) && after.toUpperCase() === before && after !== before)
    return false;
  if (PLENTY_AFTER_THERE_IS.test(before) && !PLURAL_AFTER.test(text.slice(end))) return false;
  // "Every one of the invoices" counts them one by one; "everyone" cannot take "of".
  if (/^(?:every|any|some) one$/iu.test(before) && /^\s+of\b/iu.test(text.slice(end))) return false;
  if (isPieceOfForNoMassNoun(text.slice(0, start), before, after)) return false;
  if (dropsApostropheOfItIs(before, after, text.slice(end))) return false;
  // Harper's "the" for "to" before a word it takes for a noun ("We need to discus the budget" had
  // become "need the discus"): a word with its own object after it is a verb, however spelt.
  if (/^to$/iu.test(before) && /^the$/iu.test(after) && BEFORE_AN_OBJECT.test(text.slice(end))) {
    return false;
  }
  // "Whom did the committee appoint?": "whom" is the object there, before the verb's subject.
  if (/^whom$/iu.test(before) && /^who$/iu.test(after) && OBJECT_QUESTION.test(text.slice(end))) {
    return false;
  }
  if (possessesAnExistentialThere(text.slice(0, start), before, after, text.slice(end)))
    return false;
  // After a subject an auxiliary or "be" has opened a question, the word is not its verb ("or is
  // he free this weekend?" had become "is he frees": Harper took "he free" for subject and verb).
  if (AFTER_INVERTED_SUBJECT.test(text.slice(0, start)) && addsThirdPersonS(before, after)) {
    return false;
  }
  // A sentence starts with a capital whatever Harper says ("Who's car" became "who's car").
  if (/^\p{Lu}/u.test(before) && /^\p{Ll}/u.test(after) && startsSentence(text.slice(0, start))) {
    return false;
  }
  // An initial ("J. K. Rowling", typed without capitals "j. k. rowling") is no misspelt word, and
  // the word after it starts no sentence ("j." had become "jg").
  if (
    lint.lint_kind() === 'Spelling' &&
    (/^\p{Lu}\.?$/u.test(before) ||
      /^\p{Ll}\.$/u.test(before) ||
      (/^\p{Ll}$/u.test(before) && text[end] === '.'))
  ) {
    return false;
  }
  // A letter written three times is a word drawn out ("sooo tired"), or one letter too many
  // ("runnning"): the fix may only shorten the run, not make another word ("sooo" → "soon").
  if (lint.lint_kind() === 'Spelling' && LETTER_RUN.test(before)) {
    const shortened = (length: number) =>
      before.toLowerCase().replace(LETTER_RUNS, (run) => run.slice(0, length));
    return [shortened(2), shortened(1)].includes(after.toLowerCase());
  }
  if (lint.lint_kind() === 'Spelling' && /^\p{Lu}/u.test(before)) {
    const sentenceStart = startsSentence(text.slice(0, start));
    // Mid-sentence, a capital marks a name. At a sentence's start, a name is told from a misspelt
    // word by a fix that changes its first letter, only lengthens it ("Hiroshi" → "Hiroshima"),
    // only shortens it but for a doubled last letter ("Capex" → "Cape"; "Thiss" → "This" is a
    // slip), or is more than one edit away: learners' slips there are one edit ("Tecnology",
    // "Acording"), names seldom one edit from a word ("Ayesha" → "Avesta", "Anneliese" →
    // "Annelids").
    if (!sentenceStart) return isMisspeltCapitalisedWord(before, after);
    if (after[0] !== before[0] || after.startsWith(before)) return false;
    if (before.startsWith(after) && before !== `${after}${after.slice(-1)}`) return false;
    if (editDistance(before.toLowerCase(), after.toLowerCase()) > 1) return false;
  }
  return true;
}

/** A third-person subject after the auxiliary or "be" that opens a question ("is he", "does it"). */
const AFTER_INVERTED_SUBJECT =
  /\b(?:is|was|isn['’]t|wasn['’]t|does|did|doesn['’]t|didn['’]t|can|could|will|would|should|may|might|must|has|hasn['’]t)\s+(?:he|she|it)\s+$/iu;

/** Whether `after` is `before` with a verb's third-person -s ("free" → "frees", "try" → "tries"). */
function addsThirdPersonS(before: string, after: string): boolean {
  return thirdPersonOf(before.toLowerCase()) === after.toLowerCase();
}

/** Words that follow "it's" ("it is") and never the possessive "its", which a noun follows. */
const AFTER_IT_IS =
  /^\s+(?:no|not|a|an|the|been|very|so|too|just|only|all|about|also|always|never|still|going|getting|time|worth|because|that|what|how|like|me|you|him|her|us|them|my|your|our|their|this|these|those)\b/iu;

/**
 * Whether the fix turns "it's" into "its" where "it is" is meant: Harper made "It's no use crying
 * about it" "Its no use" (a probe of learners' sentences). Before a noun ("and it's employees")
 * the possessive is still mended.
 */
function dropsApostropheOfItIs(before: string, after: string, following: string): boolean {
  return /^it['’]s$/iu.test(before) && /^its$/iu.test(after) && AFTER_IT_IS.test(following);
}

/**
 * Harper's "their" for "there" before a noun where "there" is right: in a question that puts the
 * verb first ("Are there individuals in your organization who" had become "Are their individuals",
 * a correct corpus segment), and as a place before a time ("We stayed there years ago").
 */
function possessesAnExistentialThere(
  textBefore: string,
  before: string,
  after: string,
  following: string,
): boolean {
  if (!/^there$/iu.test(before) || !/^their$/iu.test(after)) return false;
  return (
    /\b(?:is|are|was|were|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+$/iu.test(textBefore) ||
    /^\s+(?:\d+|years|months|weeks|days|hours|minutes|decades|last|next|every|once|twice)\b/iu.test(
      following,
    )
  );
}

/**
 * A hyphenated word written joined ("mid-year" → "midyear", "multi-year" → "multiyear"): both are
 * English, and Harper's joinable-prefix lint rewrote correct writing to its taste.
 */
function joinsHyphenatedWord(before: string, after: string): boolean {
  return before.includes('-') && before.replaceAll('-', '').toLowerCase() === after.toLowerCase();
}

/**
 * "There's lots of time", "there's plenty of room": idiom, which Harper takes for disagreement (and
 * its "there are" became "there is" again by the learner rules). Before a plural ("there's lots of
 * people") its "there are" is kept.
 */
const PLENTY_AFTER_THERE_IS = /^there(?:'|\u2019)s\s+(?:lots|plenty)\b/iu;
const PLURAL_AFTER = /^\s+of\s+(?:\p{L}+s|people|children|men|women)\b/iu;

/**
 * Harper's "one piece of" for "one" before a mass noun ("one information" → "one piece of
 * information") where "one" is no number: after a determiner it stands for a noun ("the one
 * touching the queue" had become "the one piece of touching"), and a word in -ing after it is a
 * verb's form, not a mass noun; so too after "both" ("Prices and wages are both rising" had become
 * "both pieces of rising").
 */
function isPieceOfForNoMassNoun(textBefore: string, before: string, after: string): boolean {
  if (!/\bpieces? of\b/iu.test(after) || /\bpieces? of\b/iu.test(before)) return false;
  return (
    /ing$/iu.test(before) ||
    /\b(?:the|this|that|which|each|every|any|no|another)\s+$/iu.test(textBefore)
  );
}

const LETTER_RUN = /(\p{L})\1\1/u;
const LETTER_RUNS = /(\p{L})\1{2,}/gu;

/**
 * Words English always capitalises that learners misspell ("Septembre", "Wensday", "Englsh"): a
 * capitalised word mid-sentence is otherwise taken for a name and left as written.
 */
const CAPITALISED_WORDS = new Set(
  (
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday English Spanish French German ' +
    'Italian Portuguese Russian Chinese Japanese Korean Arabic Turkish Polish Dutch Greek Swedish ' +
    'Hindi Christmas Easter Internet'
  ).split(' '),
);

/**
 * Whether `before`, capitalised mid-sentence, is a misspelling of a word English capitalises rather
 * than a name: long enough ("Junie" and "Juni" stay), and not that word with an ending ("Augusta").
 */
function isMisspeltCapitalisedWord(before: string, after: string): boolean {
  return (
    CAPITALISED_WORDS.has(after) &&
    before.length >= 6 &&
    !before.startsWith(after) &&
    !after.startsWith(before)
  );
}

/**
 * Lint kinds whose fix may split a word in two ("alot" → "a lot", "Infact" → "In fact", "Everytime" →
 * "Every time"): they name a missing space, where a spelling lint's split is a guess ("informations"
 * → "in formations"). Over 3,018 correct corpus segments Harper raised no BoundaryError, and its
 * three Usage lints split no word.
 */
const SPLITTING_KINDS = new Set(['BoundaryError', 'Usage']);

/**
 * Lint kinds that rewrite correct English to taste ("very good" → "excellent", "petrol" → "gas",
 * "all of the" → "all the"), or its typography: Formatting's en dash in a range of numbers also
 * went into codes ("invoice INV-2025-0193" → "INV-2025–0193").
 */
const TASTE = new Set([
  'Formatting',
  'Style',
  'Enhancement',
  'Readability',
  'Regionalism',
  'WordChoice',
  'Redundancy',
]);

const TITLES = /\b(mr|mrs|ms|dr|prof|st|mt|no|vs)\.\s+$/iu;
/** A name's initial ("J. K. Rowling"), after which no sentence starts. */
const INITIAL = /(?:^|\s)\p{Lu}\.\s+$/u;

/** A word, then the start of its object. */
const BEFORE_AN_OBJECT =
  /^\s+\p{L}+\s+(?:the|a|an|my|your|his|her|our|their|this|that|these|those|it|them|him|me|us)\b/iu;

/** What follows a question's object: an auxiliary, then the subject. */
const OBJECT_QUESTION =
  /^\s+(?:did|do|does|will|would|should|can|could|shall|have|has|had|must|might|may)\s+(?:I|you|he|she|we|they|it|the|a|an|my|your|his|her|our|their|this|that)\b/iu;

/** Whether a word after `before` starts a sentence ("Mr. Tanaka" does not). */
function startsSentence(before: string): boolean {
  return (
    before.trim() === '' ||
    (/[.!?]["')\]]?\s+$/u.test(before) && !TITLES.test(before) && !INITIAL.test(before))
  );
}

/**
 * Everyday words Harper's dictionary lacks (of 60 words of technology and the web it knows the
 * rest), which it respelt into others: "the wifi password" had become "the wife password", "an
 * ebook" "a book". They go into its dictionary when the linter is set up.
 */
const WORDS_HARPER_LACKS = [
  // Latin that English writes ("E. coli" had become "col i", "per curiam" "per curia"; "bono"
  // given to Harper became "Bono", the singer, in "pro bono", so it is not here).
  'fide',
  'curiam',
  'coli',
  'vitro',
  'vivo',
  'facto',
  // Indian English, which Harper respells ("Can we prepone the meeting" had become "prepare").
  'prepone',
  'prepones',
  'preponed',
  'preponing',
  'wifi',
  'ebook',
  'ebooks',
  // Chat's shorthand of four letters and more (shorter words the speller leaves anyway): "see u
  // tmrw" had become "see u throw".
  'tmrw',
  'thnx',
  'thanx',
  'ttyl',
  'imho',
  'lmao',
];

/**
 * British words that American spelling rules do not reach, which Harper's American dictionary
 * respells into other words ("tyre" → "type", "cheque" → "cheese", "storey" → "store").
 */
const BRITISH_WORDS = new Set(
  (
    'maths tyre tyres cheque cheques storey storeys pyjamas aluminium kerb kerbs plough ploughs ' +
    'mould mouldy programme programmes grey manoeuvre manoeuvres paediatric paediatrician ' +
    'anaesthetic draught draughts sceptical sceptic whilst amongst learnt spelt dreamt leapt ' +
    'cosy moustache catalogue ageing judgement tonne tonnes sulphur enrol enrolled ' +
    'fulfil wilful practise practised practising doughnut axe ' +
    'mum mums gaol jewellery jumper lorry lorries lasagne enquiry enquiries enquire enquired'
  ).split(' '),
);

/** The model's confidence an edit of its own needs on top of the checker's (chosen on OOD dev). */
export const MODEL_CONFIDENCE_AFTER_CHECKER = 0.9;

/**
 * The suggestion for `source` when the model read the checker's correction `checked` of it and wrote
 * `output` (with `tokens`' confidences): the checker's text plus the model's own edits of it where
 * the model is sure. Words of the result the model wrote carry its confidence; the checker's words
 * it would have changed carry the threshold, as the checker has no probabilities of its own. The
 * checker's edits are marked as its own.
 */
export function withCheckerEdits(
  source: string,
  checked: string,
  output: string,
  tokens: readonly TokenConfidence[],
  knownWords?: ReadonlySet<string>,
): Suggestion_ {
  const onChecked = suggestionFromCorrection(
    { id: '', source: checked, text: checked },
    output,
    tokens,
  );
  // A line that ends in a comma is a letter's greeting or closing ("Kind regards,"), or a sentence
  // the file breaks across lines: the model's period there is not taken.
  const lineEnd = checked.trimEnd().length;
  const closesLine = (edit: SuggestionEdit): boolean =>
    edit.sourceSpan[1] === lineEnd && edit.before.endsWith(',') && !edit.after.endsWith(',');
  // Nor are its deletions of words: none of its 222 edits on the in-domain test's writing and none
  // on the out-of-domain learners' dev set deleted one, and where it did, it took the meaning with
  // it ("I prefer tea to coffee." → "I prefer to coffee." at 0.98).
  const wordsIn = (text: string): number =>
    tokenizeWords(text).filter((token) => /[\p{L}\p{N}]/u.test(token.text)).length;
  const deletesWords = (edit: SuggestionEdit): boolean =>
    wordsIn(edit.after) < wordsIn(edit.before);
  const text = confidentText(
    checked,
    {
      ...onChecked,
      edits: onChecked.edits.map((edit) =>
        closesLine(edit) ||
        deletesWords(edit) ||
        rewritesName(checked, edit) ||
        americanises(edit) ||
        joinsSentences(checked, edit) ||
        undoesPerfect(checked, edit) ||
        undoesThirdPerson(checked, edit) ||
        makesTooTo(checked, edit) ||
        swapsSilentE(edit) ||
        (knownWords !== undefined && replacesAKnownWord(edit, knownWords))
          ? { ...edit, confidence: 0 }
          : edit,
      ),
    },
    MODEL_CONFIDENCE_AFTER_CHECKER,
  );
  const suggestion = suggestionFromCorrection(
    { id: '', source, text: source },
    text,
    carriedConfidences(output, tokens, text),
  );
  const checkerEdits = wordEdits(source, checked);
  const isCheckers = (edit: SuggestionEdit): boolean =>
    checkerEdits.some((made) => sameChange(made, edit));
  return {
    ...suggestion,
    edits: suggestion.edits.map((edit) =>
      isCheckers(edit) ? { ...edit, pass: 'grammar-checker' } : edit,
    ),
  };
}

/**
 * Whether the model's edit turns a capitalised word inside a sentence, a name or a term, into
 * another word: "the refurbishment of Unit 4B" had become "of the United 4B" at 0.94, a phrase of its
 * training text. Its case, a plural's "s" and, but for an acronym, a one-letter slip ("Silvver") may
 * change; a capital "A" is no name.
 */
export function rewritesName(checked: string, edit: SuggestionEdit): boolean {
  const after = tokenizeWords(edit.after).map((word) =>
    trimmedToAlphanumerics(word.text).toLowerCase(),
  );
  return tokenizeWords(edit.before).some((word) => {
    const name = trimmedToAlphanumerics(word.text);
    if (!/^\p{Lu}./u.test(name)) return false;
    if (startsSentence(checked.slice(0, edit.sourceSpan[0] + word.start))) return false;
    const lower = name.toLowerCase();
    const acronym = /^\p{Lu}{2,}$/u.test(name);
    return !after.some(
      (written) =>
        written === lower ||
        written === `${lower}s` ||
        `${written}s` === lower ||
        (!acronym && editDistance(written, lower) <= 1),
    );
  });
}

/**
 * Whether the model's edit turns the end of a sentence into a comma before the capital that starts
 * the next ("Okay, cool. Let's move on" had become "cool, Let's" at 0.90).
 */
export function joinsSentences(checked: string, edit: SuggestionEdit): boolean {
  return (
    /[.!?]["')\]]?$/u.test(edit.before) &&
    /[,;]$/u.test(edit.after) &&
    /^\s+\p{Lu}/u.test(checked.slice(edit.sourceSpan[1]))
  );
}

/**
 * Whether the model's edit turns a participle after "have" into the verb's base: "Had I known, I
 * would have come" had become "Had I know" at 0.91 (a probe of correct sentences).
 */
export function undoesPerfect(checked: string, edit: SuggestionEdit): boolean {
  const before = trimmedToAlphanumerics(edit.before.trim()).toLowerCase();
  const after = trimmedToAlphanumerics(edit.after.trim()).toLowerCase();
  return (
    /^\p{L}+$/u.test(before) &&
    isVerbBase(after) &&
    before !== after &&
    participleOf(after) === before &&
    AFTER_HAVE.test(checked.slice(0, edit.sourceSpan[0]))
  );
}

/** The end of a text that a singular third-person subject ends: "the battery", "my son", "she". */
const SINGULAR_SUBJECT_BEFORE =
  /\b(?:(?:the|this|that|my|his|her|its|our|your|their|a|an|each|every)\s+\p{Ll}+(?<![^s]s)|he|she|it)\s+$/iu;

/**
 * Whether the model's edit takes the -s off a verb after a singular subject: "the phone is very
 * fast, the battery lasts almost two days" had become "the battery last" at 1.0 (a probe of
 * learners' sentences).
 */
export function undoesThirdPerson(checked: string, edit: SuggestionEdit): boolean {
  const before = edit.before.trim();
  const after = edit.after.trim();
  return (
    /^\p{Ll}+$/u.test(after) &&
    thirdPersonOf(after) === before &&
    SINGULAR_SUBJECT_BEFORE.test(checked.slice(0, edit.sourceSpan[0]))
  );
}

/**
 * Whether the model's edit writes "to" for a "too" that an adverb or a word of degree follows:
 * "talks too slowly" had become "talks to slowly" at 0.93. Elsewhere its "to" mends a typist's slip
 * ("grew from 77 too 94", "want too go"), and "to quickly finish" splits an infinitive.
 */
export function makesTooTo(checked: string, edit: SuggestionEdit): boolean {
  if (!/^too$/iu.test(edit.before.trim()) || !/^to$/iu.test(edit.after.trim())) return false;
  const [, next, then] =
    /^\s*(\p{L}+)(?:\s+(\p{L}+))?/u.exec(checked.slice(edit.sourceSpan[1])) ?? [];
  if (!next) return false;
  const lower = next.toLowerCase();
  return (
    DEGREE_AFTER_TOO.has(lower) ||
    (lower.endsWith('ly') && (then === undefined || !isVerbBase(then.toLowerCase())))
  );
}

/**
 * Whether the model's edit only adds or drops a final "e", which makes another word of a word
 * ("plan" and "plane", "hop" and "hope"): "but the plane was delayed" had become "the plan" at 1.0
 * (a probe of learners' essays). A typist's dropped "e" ("mak") is a misspelling that the checker
 * mends before the model reads the sentence; none of the model's 219 edits of the in-domain test's
 * writing was such a pair.
 */
export function swapsSilentE(edit: SuggestionEdit): boolean {
  const before = edit.before.trim();
  const after = edit.after.trim();
  const [shorter, longer] = before.length < after.length ? [before, after] : [after, before];
  return /^\p{Ll}{3,}$/u.test(shorter) && longer === `${shorter}e`;
}

/** Words of the closed classes, which the model's edits of agreement and prepositions change. */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some any no every each all both either neither my your his ' +
    'her its our their i you he she it we they me him us them who whom whose which what ' +
    'mine yours hers ours theirs myself yourself himself herself itself ourselves themselves ' +
    'is are was were be been being am has have had do does did will would shall should can could ' +
    'may might must to of in on at by for from with into onto over under about as than then ' +
    'and or but if so too not'
  ).split(' '),
);

/** Whether two words are forms of one verb ("bought", "buy") or a noun and its plural. */
function sameLexeme(a: string, b: string): boolean {
  if (b === `${a}s` || a === `${b}s` || b === `${a}es` || a === `${b}es`) return true;
  const basesOf = (word: string): string[] =>
    [word, baseOfAnyPast(word), baseOfGerund(word), baseOfKnownThirdPerson(word)].filter(
      (base): base is string => base !== undefined,
    );
  return (
    basesOf(a).some((base) => verbForms(base).includes(b)) ||
    basesOf(b).some((base) => verbForms(base).includes(a))
  );
}

/**
 * Whether the model's edit turns a word the lexicon knows into one it does not ("drizzle" →
 * "drizle" at 0.96), or into another known word far from it in spelling and meaning ("Operating
 * margin fell" → "Operating costs fell" at 0.99, "margin improved from" → "costs fell by", phrases
 * of its business templates), or a content word for a closed-class one or back ("ate" → "at"):
 * probes of correct sentences of many kinds and of learners' stories. The model's other edits are
 * mendings of slips ("teh", "fel"), of agreement and prepositions (one closed-class word for
 * another) and of a word's form ("bought" for "buy"), which stay.
 */
export function replacesAKnownWord(edit: SuggestionEdit, knownWords: ReadonlySet<string>): boolean {
  const wordsOf = (text: string): string[] =>
    tokenizeWords(text).map((word) => trimmedToAlphanumerics(word.text).toLowerCase());
  const before = wordsOf(edit.before);
  const after = wordsOf(edit.after);
  // Words side by side in an edit of as many words ("margin improved from" → "costs fell by").
  return (
    before.length === after.length &&
    before.some((word, index) => swapsAKnownWord(word, after[index]!, knownWords))
  );
}

function swapsAKnownWord(before: string, after: string, knownWords: ReadonlySet<string>): boolean {
  if (!/^\p{L}+$/u.test(before) || !/^\p{L}+$/u.test(after) || before === after) return false;
  if (!knownWords.has(before)) return false;
  if (!knownWords.has(after)) return true;
  const [functionBefore, functionAfter] = [FUNCTION_WORDS.has(before), FUNCTION_WORDS.has(after)];
  // A word of one class for one of the other ("I ate everything" had become "I at everything").
  if (functionBefore !== functionAfter) return true;
  return !functionBefore && editDistance(before, after) >= 3 && !sameLexeme(before, after);
}

/** Words "too" is put before and "to" never is. */
const DEGREE_AFTER_TOO = new Set(
  'much many late early long far soon often little few fast slow'.split(' '),
);

/** The end of a text that a past participle may follow: a form of "have", perhaps with its subject. */
const AFTER_HAVE =
  /\b(?:have|has|had|having|['’]ve|['’]d)\s+(?:(?:I|you|he|she|we|they|it|not|never|already|just|also)\s+)?$/iu;

/**
 * Whether the model's edit only spells British words the American way: its training text is mostly
 * American, and it wrote "programme" as "program" at 0.98 in a correct British sentence.
 */
export function americanises(edit: SuggestionEdit): boolean {
  const before = tokenizeWords(edit.before).map((word) => trimmedToAlphanumerics(word.text));
  const after = tokenizeWords(edit.after).map((word) => trimmedToAlphanumerics(word.text));
  return (
    before.length === after.length &&
    before.some((word, index) => sameInBritishSpelling(word, after[index]!)) &&
    before.every(
      (word, index) => word === after[index] || sameInBritishSpelling(word, after[index]!),
    )
  );
}

/** Token confidences for `text`: a word the model also wrote keeps the model's confidence. */
function carriedConfidences(
  output: string,
  tokens: readonly TokenConfidence[],
  text: string,
): TokenConfidence[] {
  const outputWords = tokenizeWords(output);
  const textWords = tokenizeWords(text);
  const confidenceOfWord = (word: { start: number; end: number }): number => {
    const inside = tokens.filter((token) => token.start < word.end && word.start < token.end);
    return inside.length
      ? Math.min(...inside.map((token) => token.confidence))
      : MODEL_CONFIDENCE_AFTER_CHECKER;
  };
  const carried: TokenConfidence[] = textWords.map((word) => ({
    start: word.start,
    end: word.end,
    confidence: MODEL_CONFIDENCE_AFTER_CHECKER,
  }));
  for (const op of alignSequences(
    outputWords.map((word) => word.text),
    textWords.map((word) => word.text),
  )) {
    if (op.kind !== 'equal') continue;
    for (let offset = 0; offset < op.sourceSpan[1] - op.sourceSpan[0]; offset++) {
      carried[op.targetSpan[0] + offset]!.confidence = confidenceOfWord(
        outputWords[op.sourceSpan[0] + offset]!,
      );
    }
  }
  return carried;
}
