/**
 * Learner errors of word order, tense and article that Harper lets through, in the forms learner
 * corpora report most: the question's order kept in an indirect question ("tell me where is the
 * library"), adverbs of frequency and manner out of place ("I go rarely to", "speaks very well
 * English"), the present where English uses the present perfect ("I live here since 2015") or the
 * present perfect beside a finished time ("I have graduated in 2018"), "will" in a time or
 * condition clause, "have ate", and the articles of superlatives, sports, instruments and a few
 * names ("one of biggest", "a longest river", "play the football", "to United States"). Each
 * pattern asks for the words that make it wrong in every reading (the embedding verb before an
 * indirect question, a finished time in the same clause, a future main clause); the corpus check
 * in the model card counts what they change in correct English.
 */

import {
  baseOfGerund,
  baseOfKnownThirdPerson,
  isVerbBase,
  participleOf,
  participleOfPastForm,
  PASTS_UNLIKE_PARTICIPLES,
  IRREGULAR_PASTS,
  pastOf,
  pastOfParticiple,
  thirdPersonOf,
  VERB_BASES,
} from './english-verbs.js';
import { matchCase } from './ocr-lexicon.js';

export interface LearnerRule {
  pattern: RegExp;
  /** The match's replacement from its capture groups, or undefined to leave it. */
  replace: (groups: readonly (string | undefined)[]) => string | undefined;
}

export const alternation = (words: readonly string[]): string => words.join('|');

/**
 * The replacement for a rule whose every alternative captures one word to put one word in its
 * place: the word for the alternative that matched, in the case of the word written.
 */
export function oneWordFixes(fixes: readonly string[]): LearnerRule['replace'] {
  return (groups) => {
    const index = groups.findIndex((group) => group !== undefined);
    return index < 0 ? undefined : matchCase(groups[index]!, fixes[index]!);
  };
}

const PRONOUN = 'I|you|we|they|he|she|it';
const DETERMINER = 'the|a|an|my|your|his|her|our|their|this|that|these|those';
/** A word that can close a short noun phrase: not a participle or a gerund, but the nouns in -ing. */
const NOUN_WORD =
  "(?!(?!(?:meeting|building|wedding|evening|morning|painting|training|ceiling|clothing)\\b)[\\p{L}'’-]*(?:ed|ing)\\b)[\\p{L}'’-]+";
/** A subject of one to three words: a pronoun, or a determiner and one or two more words. */
const SUBJECT = `(?:${DETERMINER})\\s+(?:${NOUN_WORD}\\s+)?${NOUN_WORD}|${PRONOUN}`;
/** Verbs and phrases that embed a question: after them English keeps the statement's order. */
const EMBEDDING =
  'know|knows|knew|(?:tell|tells|told|ask|asks|asked|show|showed)\\s+(?:me|us|him|her|them)|wonder|wondered|explain|understand|remember|forget|forgot|sure|idea|find\\s+out|found\\s+out';
const THIRD_PERSON_SUBJECT =
  /^(?:he|she|it)$|^(?:the|a|an|my|your|his|her|our|their|this|that)\s/iu;

const AUXILIARY_OR_BE =
  'am|is|are|was|were|have|has|had|do|does|did|will|would|can|could|shall|should|may|might|must';
const FREQUENCY = 'always|usually|often|never|rarely|seldom|sometimes';
const NUMBER_WORD =
  '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\\s+few|several|many';
export const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December';
export const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
/** Words that open another clause, which a tense rule must not reach across. */
const CLAUSE_BREAK =
  '(?:(?!\\b(?:that|who|which|when|while|because|and|but|if|so|since|until|before|after|I|you|he|she|they|we|it)\\b)[^.,;:!?])';
const SUPERLATIVES =
  'biggest|largest|greatest|smallest|highest|lowest|oldest|youngest|longest|shortest|fastest|' +
  'strongest|richest|poorest|hardest|easiest|busiest|cheapest|nicest|closest|newest|finest|' +
  'safest|tallest|deepest|hottest|coldest|warmest|worst|most\\s+\\p{L}+';

/** Verbs whose present simple learners put before "since" for a state or habit that goes on. */
const SINCE_VERBS =
  'live|lives|work|works|study|studies|know|knows|use|uses|teach|teaches|play|plays|own|owns|wait|waits|want|wants';
/** A span of time, which follows "for", not "since" ("since two years" → "for two years"). */
const SPAN_OF_TIME =
  '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|many|several|a\\s+few)\\s+(?:years|months|weeks|days|hours|minutes)(?!\\s+ago\\b)';

/** `text` with "since" before a span of time made "for". */
function sinceDuration(text: string): string {
  return text.replace(
    new RegExp(`\\b(since)(\\s+${SPAN_OF_TIME})\\b`, 'giu'),
    (_, since: string, span: string) => `${matchCase(since, 'for')}${span}`,
  );
}

/** Verbs of state, whose perfect is not progressive ("have known", not "have been knowing"). */
const STATIVE = new Set(['know', 'like', 'love', 'own', 'want', 'believe', 'understand', 'have']);

/** Words before "if" or "when" that make it open an indirect question, where "will" is right. */
const NOT_A_FUTURE_CLAUSE = 'know|ask|see|wonder|sure|check|decide|find|tell|idea|whether';

/** Pasts of state verbs, right beside "already" in a past clause ("he already knew"). */
const STATIVE_PASTS = new Set([
  'knew',
  'had',
  'was',
  'were',
  'thought',
  'understood',
  'liked',
  'loved',
  'wanted',
  'owned',
  'believed',
  'needed',
  'seemed',
  'felt',
]);

export const isThirdPerson = (subject: string): boolean => THIRD_PERSON_SUBJECT.test(subject);
/** "has" for he, she, it or a singular noun phrase ("the population"; not "the numbers"). */
export const haveFor = (subject: string): string =>
  isThirdPerson(subject) && !/s$/iu.test(subject) ? 'has' : 'have';

/** The present of "be" for a subject pronoun or noun phrase. */
export function presentOfBe(subject: string): string {
  if (/^I$/u.test(subject)) return 'am';
  return isThirdPerson(subject) ? 'is' : 'are';
}

/** The present of a verb's base for a subject pronoun or noun phrase ("she", "go" → "goes"). */
export function presentFor(subject: string, verb: string): string {
  if (verb === 'be') return presentOfBe(subject);
  return isThirdPerson(subject) ? thirdPersonOf(verb) : verb;
}

/**
 * A time that is over, opening a sentence ("Yesterday", "Two days ago"). Not "In 2015": a year may be
 * ahead of the writer ("In 1954 we hope to have enough equipment", a speech of 1953).
 */
const FINISHED_TIME = `(?:Last\\s+(?:week|weekend|month|year|summer|winter|night|${WEEKDAY})|Yesterday|(?:Two|Three|Four|Five|Six|Ten|A\\s+few|Several|\\d+)\\s+(?:days|weeks|months|years)\\s+ago)`;

/** Nouns of a time a determiner makes an adverbial ("this season", "every week"), no object. */
const TIME_NOUN =
  'season|week|weekend|month|year|morning|afternoon|evening|night|day|time|summer|winter|spring|autumn|term|semester|quarter';

export const ORDER_AND_TENSE_RULES: readonly LearnerRule[] = [
  {
    // "Can you tell me where is the library?" → "where the library is?" (also before "and", "let me
    // know what time is the meeting and if"); "how expensive is it to"
    pattern: new RegExp(
      `\\b(${EMBEDDING})(\\s+)(where|when|why|how(?:\\s+(?:much|many|long|far|old|\\p{L}+))?|what\\s+time)\\s+(is|are|was|were)\\s+((?:${DETERMINER})\\s+(?:${NOUN_WORD}\\s+){0,2}${NOUN_WORD}|${PRONOUN})(?=\\s*(?:[?.!,;]|$)|\\s+(?:and|or|but|because|so)\\b)|\\b(${EMBEDDING})(\\s+)(how\\s+\\p{L}+)\\s+(is|was)\\s+it(?=\\s+to\\b)`,
      'giu',
    ),
    replace: ([embed, space, wh, be, subject, embed2, space2, how, be2]) =>
      embed
        ? `${embed}${space!}${wh!} ${subject!} ${be!}`
        : `${embed2!}${space2!}${how!} it ${be2!}`,
  },
  {
    // "I'd like to know why was my order cancelled" → "why my order was cancelled"; "I wonder why is
    // the shop closed" → "why the shop is closed": "be" before a participle or a state
    pattern: new RegExp(
      `\\b(${EMBEDDING})(\\s+)(where|when|why|how)\\s+(is|are|was|were)\\s+((?:${DETERMINER})\\s+(?:${NOUN_WORD}\\s+)?${NOUN_WORD})\\s+(\\p{L}+ed|open|closed|late|busy|full|empty|ready|free|available)\\b`,
      'giu',
    ),
    replace: ([embed, space, wh, be, subject, state]) =>
      `${embed!}${space!}${wh!} ${subject!} ${be!} ${state!}`,
  },
  {
    // "I'd like to know when will the interview take place" → "when the interview will take place";
    // "where did I buy" → "where I bought"; "what time does the museum open" → "the museum opens"
    pattern: new RegExp(
      `\\b(${EMBEDDING})(\\s+)(where|when|why|what|who|how(?:\\s+(?:much|many|long|often))?|what\\s+time|if|whether)\\s+(will|would|can|could|should|did|does|do)\\s+(${SUBJECT})\\s+(${alternation(VERB_BASES)})\\b`,
      'giu',
    ),
    replace: ([embed, space, wh, auxiliary, subject, verb]) => {
      const lower = auxiliary!.toLowerCase();
      const lowerVerb = verb!.toLowerCase();
      if (/^(?:if|whether)$/iu.test(wh!) && /^d/u.test(lower)) return undefined;
      const written =
        lower === 'did'
          ? pastOf(lowerVerb)
          : lower === 'does'
            ? thirdPersonOf(lowerVerb)
            : lower === 'do'
              ? lowerVerb
              : `${lower} ${lowerVerb}`;
      return `${embed!}${space!}${wh!} ${subject!} ${written}`;
    },
  },
  {
    // "Always I drink" → "I always drink"; "Never I have seen" → "Never have I seen"
    pattern: new RegExp(
      `(^|[.!?]\\s+)(Always|Never|Rarely|Seldom)\\s+(I|you|we|they|he|she)(\\s+)(?:(${AUXILIARY_OR_BE})\\b)?`,
      'gu',
    ),
    replace: ([start, adverb, subject, space, auxiliary]) => {
      const opening = matchCase(adverb!, subject!);
      if (!auxiliary) return `${start!}${opening} ${adverb!.toLowerCase()}${space!}`;
      return adverb === 'Always'
        ? `${start!}${opening} ${auxiliary} always`
        : `${start!}${adverb!} ${auxiliary} ${subject!}`;
    },
  },
  {
    // "My sister always is complaining" → "My sister is always complaining"
    pattern: new RegExp(
      `\\b(I|you|we|they|he|she|(?:my|your|his|her|our|their)\\s+\\p{L}+)\\s+(always|usually|often)\\s+(am|is|are|was|were)(?=\\s+\\p{L})`,
      'giu',
    ),
    replace: ([subject, adverb, be]) => `${subject!} ${be!} ${adverb!}`,
  },
  {
    // "They have also a house" → "They also have a house"; "We visited also the town" → "also visited"
    pattern: new RegExp(
      `\\b(I|you|we|they|he|she)\\s+(have|has|had|\\p{L}+ed|${alternation(PASTS_UNLIKE_PARTICIPLES.filter((past) => !['was', 'were'].includes(past)))})\\s+also(?=\\s+(?:the|a|an|my|your|his|her|our|their|some|two|three|\\d+)\\b)`,
      'giu',
    ),
    replace: ([subject, verb]) => `${subject!} also ${verb!}`,
  },
  {
    // "I go rarely to the gym" → "I rarely go to the gym"
    pattern: new RegExp(
      `\\b(I|you|we|they|he|she)\\s+(?!(?:${AUXILIARY_OR_BE}|think|thinks|thought|feel|feels|felt|believe|believes)\\b)(\\p{L}+)\\s+(${FREQUENCY})(?=\\s+(?:to\\s+(?:the|a|an|my|your|his|her|our|their|work|school|bed)|the|a|an|my|your|his|her|our|their|in|at|on|with|home)\\b)`,
      'giu',
    ),
    replace: ([subject, verb, adverb]) =>
      /(?:ly|ing)$/iu.test(verb!) ? undefined : `${subject!} ${adverb!} ${verb!}`,
  },
  {
    // "She speaks very well English" → "speaks English very well"; "I like very much this song";
    // "I like too much this song" → "this song very much" (not "has played very well this season",
    // a time)
    pattern: new RegExp(
      `\\b((?:speak|play|like|love|know|understand|enjoy|sing|cook)(?:s|ed|d)?|spoke|knew|understood|sang)\\s+(very\\s+well|very\\s+much|so\\s+much|too\\s+much|fluently|perfectly)\\s+((?:${DETERMINER})\\s+(?!(?:${TIME_NOUN})\\b)\\p{L}+|English|French|Spanish|German|Italian|Portuguese|Russian|Chinese|Japanese|Arabic|Turkish|Polish|Dutch|Korean|Hindi|football|tennis|basketball|chess)(?=\\s*(?:[.,;!?]|$)|\\s+(?:and|but|because|so|when|since|although|too)\\b)`,
      'giu',
    ),
    // A learner's "too much" here means "very much" ("I like too much this song").
    replace: ([verb, adverb, object]) =>
      `${verb!} ${object!} ${adverb!.replace(/^too(?=\s)/iu, 'very')}`,
  },
  {
    // "for ten years almost" → "for almost ten years"
    pattern: new RegExp(
      `\\b(for)\\s+((?:${NUMBER_WORD})\\s+(?:years|months|weeks|days|hours|minutes))\\s+(almost|nearly)\\b`,
      'giu',
    ),
    replace: ([forWord, duration, almost]) => `${forWord!} ${almost!} ${duration!}`,
  },
  {
    // "I live in Chicago since 2015" → "I have lived"; "I am sick since Monday" → "I have been sick";
    // "It is raining since Monday" → "It has been raining";
    // "I am knowing him since" → "I have known him since"; "My brother is living in Berlin since
    // 2019" → "has been living" (a noun phrase with "my" and the like, opening a sentence)
    pattern: new RegExp(
      `\\b(?:(I|you|we|they|he|she|it)\\s+((?:am|is|are)\\s+\\p{L}+ing|am|is|are|${SINCE_VERBS})|(I)['’]m|(?<=^|[.!?]\\s+)((?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)\\s+\\p{Ll}+)\\s+((?:is|are)\\s+\\p{L}+ing|is|are|${SINCE_VERBS}))\\b(?!\\s+(?:the|a|an|not|going|being)\\b)(${CLAUSE_BREAK}*?\\s+since\\s+(?:(?:19|20)\\d\\d|${WEEKDAY}|${MONTH}|last\\s+(?:week|month|year|summer|winter)|yesterday|childhood|(?:I|we|he|she|they)\\s+(?:was|were|moved|came|arrived|met|left|started|graduated)|${SPAN_OF_TIME}))\\b`,
      'giu',
    ),
    replace: ([subject, verb, contracted, nounPhrase, nounPhraseVerb, sinceClause]) => {
      const who = subject ?? contracted ?? nounPhrase!;
      const rest = sinceDuration(sinceClause!);
      const words = (verb ?? nounPhraseVerb)?.split(/\s+/u) ?? ['am'];
      // A noun phrase's number is its verb's: "My brother is", "My parents live".
      const have = nounPhrase
        ? /^(?:is|\p{L}+s)$/u.test(words[0]!)
          ? 'has'
          : 'have'
        : haveFor(who);
      if (words.length === 1 && /^(?:am|is|are)$/u.test(words[0]!))
        return `${who} ${have} been${rest!}`;
      const [first, gerund] = words as [string, string?];
      const base = gerund
        ? baseOfGerund(gerund)
        : isVerbBase(first)
          ? first
          : baseOfKnownThirdPerson(first);
      if (!base) return undefined;
      const perfect =
        words.length === 2 && !STATIVE.has(base) ? `been ${words[1]!}` : participleOf(base);
      return `${who} ${have} ${perfect}${rest!}`;
    },
  },
  {
    // "He waits since two hours" → "for two hours" (not "since two years ago"); after the present
    // perfect above, which also mends the verb ("I live here since two years" → "I have lived here
    // for two years")
    pattern: new RegExp(`\\b(since\\s+${SPAN_OF_TIME})\\b`, 'giu'),
    replace: ([since]) => sinceDuration(since!),
  },
  {
    // "I have graduated in 2018" → "I graduated in 2018"; "has got married last month" → "got";
    // "I've lost my phone last night" → "I lost"; "The company has been founded in 1995" → "was"
    pattern: new RegExp(
      `(?<=\\b(I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|(?:[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Tt]he)\\s+\\p{L}+)(?:\\s+|(?=['’]ve\\b)))(have|has|['’]ve)\\s+((?:already|just|never|also|finally)\\s+)?(\\p{L}+)\\b(${CLAUSE_BREAK}*?\\b(?:yesterday|(?<!\\b(?:the|this|that)\\s)last\\s+(?:week|month|year|night|weekend|summer|winter|spring|autumn|${WEEKDAY})(?!['’])|(?:${NUMBER_WORD})\\s+(?:years|months|weeks|days|hours)\\s+ago|in\\s+(?:19|20)\\d\\d|on\\s+\\d{1,2}\\s+(?:${MONTH})|when\\s+(?:I|we|he|she|they)\\s+(?:was|were)))\\b`,
      'gu',
    ),
    replace: ([subject, have, adverb, participle, rest]) => {
      // "I've lost my phone last night" → "I lost": the contraction's place takes a space.
      const space = /^['’]/u.test(have!) ? ' ' : '';
      // "We have been to Paris last summer" → "We went to Paris"
      if (participle === 'been' && /^\s+to\b/u.test(rest!))
        return `${space}${adverb ?? ''}went${rest!}`;
      // "The company has been founded in 1995" → "was founded"
      const past =
        participle === 'been'
          ? have === 'has' || subject === 'I'
            ? 'was'
            : 'were'
          : pastOfParticiple(participle!);
      return past ? `${space}${adverb ?? ''}${past}${rest!}` : undefined;
    },
  },
  {
    // "Yesterday I have downloaded" → "Yesterday I downloaded"; "Two years ago I have visited" →
    // "visited" (the rule for a base verb after a finished time had made it "had visited"), "Last
    // year we have been to Rome" → "went to Rome", "been very busy" → "were very busy"; only where
    // the time opens a sentence or a clause ("a rule from 40 years ago that could have forced")
    pattern: new RegExp(
      `(?:^|(?<=[.!?,;:]\\s+))((?:${FINISHED_TIME}|In\\s+(?:19|20)\\d\\d),?\\s+(?:${SUBJECT})\\s+)(have|has)\\s+(\\p{L}+)\\b(?=(\\s+to\\b)?)`,
      'gu',
    ),
    replace: ([opening, have, participle, to]) => {
      if (participle === 'been') {
        if (to) return `${opening!}went`;
        return `${opening!}${have === 'has' || /\bI\s+$/u.test(opening!) ? 'was' : 'were'}`;
      }
      const past = pastOfParticiple(participle!);
      return past ? `${opening!}${past}` : undefined;
    },
  },
  {
    // "Last weekend we go to the beach and swim" → "went ... and swam", "Last summer I go to Italy
    // and we visit" → "went ... and we visited"; "Yesterday she go" → "went", "Two days ago I meet",
    // "Yesterday my boss tell"
    pattern: new RegExp(
      `\\b(${FINISHED_TIME},?\\s+(?:I|we|they|you|he|she|(?:my|our|his|her|their)\\s+\\p{Ll}+)\\s+)(${alternation(VERB_BASES)})\\b(?:([^.,;:!?]*?\\s+and\\s+(?:(?:I|we|they|you|he|she)\\s+)?)(${alternation(VERB_BASES)})\\b)?`,
      'gu',
    ),
    replace: ([opening, verb, between, verb2]) =>
      `${opening!}${pastOf(verb!)}${between && verb2 ? `${between}${pastOf(verb2)}` : ''}`,
  },
  {
    // A clause in the past sets the tense of the one it frames: "After I finished my homework, I
    // watch TV" → "watched", "We were walking in the park when it start to rain" → "started" (a
    // verb's base only, and only after a regular or known past: "After I finish, I go" stays)
    pattern: new RegExp(
      `\\b((?:After|When|Before|As\\s+soon\\s+as)\\s+(?:I|we|they|he|she|you)\\s+(?:\\p{Ll}+[^e\\s]ed|${alternation(IRREGULAR_PASTS)})\\b[^.!?;:,]*,\\s+(?:I|we|they|he|she|you)\\s+)(${alternation(VERB_BASES)})\\b|\\b((?:was|were)\\s+\\p{Ll}+ing\\b[^.!?;:,]*?\\s+when\\s+(?:it|I|we|they|he|she|you|the\\s+\\p{Ll}+)\\s+)(${alternation(VERB_BASES)})\\b`,
      'gu',
    ),
    replace: ([afterClause, verb, whileClause, verb2]) =>
      afterClause ? `${afterClause}${pastOf(verb!)}` : `${whileClause!}${pastOf(verb2!)}`,
  },
  {
    // "Yesterday I am very busy" → "I was", "Last night I can't sleep" → "couldn't"
    pattern: new RegExp(
      `\\b(${FINISHED_TIME},?\\s+)(I|we|they|you|he|she|it)(\\s+)(am|is|are|can['’]t|cannot|can)\\b`,
      'gu',
    ),
    replace: ([opening, subject, space, verb]) => {
      // "can't" keeps the writer's apostrophe; "cannot" becomes "couldn't".
      const past = /^can/u.test(verb!)
        ? verb === 'can'
          ? 'could'
          : `couldn${verb![3] === '’' ? '’' : "'"}t`
        : /^(?:we|they|you)$/u.test(subject!)
          ? 'were'
          : 'was';
      return `${opening!}${subject!}${space!}${past}`;
    },
  },
  {
    // "When we arrived at the airport, the plane already left" → "had already left"
    pattern: new RegExp(
      `\\b((?:By\\s+the\\s+time|When)\\s+[^,.;:!?]+,\\s+(?:the\\s+\\p{L}+|I|we|they|you|he|she|it)\\s+)already\\s+(\\p{L}+)\\b`,
      'gu',
    ),
    replace: ([opening, past]) => {
      if (STATIVE_PASTS.has(past!)) return undefined;
      const participle = participleOfPastForm(past!);
      return participle ? `${opening!}had already ${participle}` : undefined;
    },
  },
  {
    // "I will call you when I will arrive" → "when I arrive"; "going to ... if we will have" → "if we
    // have"; "I'll call you when I'll be home" → "when I am home"
    pattern: new RegExp(
      `((?:\\bwill|['’]ll|\\bgoing\\s+to)\\s+(?:(?!\\b(?:${NOT_A_FUTURE_CLAUSE})\\b)[^.;:!?])*?(?<!\\b(?:${NOT_A_FUTURE_CLAUSE}|time|day|days|moment|hour|year|years|point|come|comes)\\s)\\b(?:when|if|as\\s+soon\\s+as|before|after|until|once)\\s+)(I|you|we|they|he|she|it)(\\s+will|['’]ll)\\s+(\\p{L}+)\\b`,
      'giu',
    ),
    replace: ([main, subject, will, verb]) => {
      const lowerVerb = verb!.toLowerCase();
      if (!isVerbBase(lowerVerb)) return undefined;
      // "if you'll buy that", "I'll be damned if I'll do it": a contracted "will" after "if" is
      // willingness, which English keeps.
      if (/['’]ll$/u.test(will!) && /\bif\s+$/iu.test(main!)) return undefined;
      return `${main!}${subject!} ${presentFor(subject!, lowerVerb)}`;
    },
  },
  {
    // "I want to work in a big company after I will finish my studies" → "after I finish": after,
    // "as soon as", "until" and "once" take the present for a future whatever the main clause says
    // ("before they will forego" is formal English, and "when I will" an indirect question)
    pattern:
      /\b([Aa]fter|[Aa]s\s+soon\s+as|[Uu]ntil|[Oo]nce)(\s+)(I|we|they|he|she)(?:\s+will|['’]ll)\s+(\p{Ll}+)\b/gu,
    replace: ([conjunction, space, subject, verb]) => {
      if (!isVerbBase(verb!)) return undefined;
      return `${conjunction!}${space!}${subject!} ${presentFor(subject!, verb!)}`;
    },
  },
  {
    // "If I would have more time, I would learn" → "If I had more time"
    pattern: new RegExp(
      `\\b(if)(\\s+)(I|you|we|they|he|she|it)\\s+would\\s+(have|be|know|live|speak|win|get|find)\\b(?=[^.;!?]*,\\s*(?:${PRONOUN})\\s+would\\b)`,
      'giu',
    ),
    replace: ([ifWord, space, subject, verb]) => {
      const lowerVerb = verb!.toLowerCase();
      const past = lowerVerb === 'be' ? 'were' : pastOf(lowerVerb);
      return `${ifWord!}${space!}${subject!} ${past}`;
    },
  },
  {
    // "I have never ate sushi" → "I have never eaten sushi"
    pattern: new RegExp(
      `\\b(have|has|had|having)(\\s+(?:(?:never|already|just|not|ever|recently|finally)\\s+)?)(${alternation(PASTS_UNLIKE_PARTICIPLES.filter((past) => !['beat', 'showed', 'was', 'were', 'rose', 'saw', 'bore'].includes(past)))})\\b`,
      'giu',
    ),
    replace: ([have, space, past]) =>
      `${have!}${space!}${matchCase(past!, participleOfPastForm(past!.toLowerCase())!)}`,
  },
  {
    // "one of biggest problems" → "one of the biggest"; "is a longest river" → "is the longest"
    pattern: new RegExp(
      `\\b(one\\s+of)(\\s+)(${SUPERLATIVES})(?![-\\p{L}])|\\b(is|was|are|were|be)(\\s+)a\\s+((?!most\\b)(?:${SUPERLATIVES}))(?![-\\p{L}])`,
      'giu',
    ),
    replace: ([oneOf, space, superlative, be, space2, superlative2]) =>
      oneOf ? `${oneOf}${space!}the ${superlative!}` : `${be!}${space2!}the ${superlative2!}`,
  },
  {
    // "went to United States" → "went to the United States"
    pattern:
      /\b(to|in|from|visit|visited|visiting)(\s+)(United\s+States|United\s+Kingdom|Netherlands|Philippines|Czech\s+Republic|UK|USA)(?=\s*(?:[.,;:!?)]|$)|\s+(?:with|and|but|for|in|on|at|to|last|next|this|because|when|where|since|until|after|before|I|we|he|she|they)\b)/gu,
    replace: ([preposition, space, country]) => `${preposition!}${space!}the ${country!}`,
  },
  {
    // "play the football" → "play football"; "plays a piano" → "plays the piano"; "says truth"
    pattern:
      /\b(play(?:s|ed)?)(\s+)(?:the\s+(football|soccer|tennis|basketball|volleyball|golf|chess|cricket|baseball|hockey|rugby)|a\s+(piano|guitar|violin|drums|flute|cello|trumpet|saxophone))(?=\s*(?:[.,;!?]|$)|\s+(?:with|in|at|every|on|for|and|but|when|because|after|before)\b)|\b(say|says|said|saying|tell|tells|telling)(\s+)(truth)\b/giu,
    replace: ([play, space, sport, instrument, say, space2, truth]) => {
      if (say) return `${say}${space2!}the ${truth!}`;
      return sport ? `${play!}${space!}${sport}` : `${play!}${space!}the ${instrument!}`;
    },
  },
  {
    // "especially in evening" → "in the evening"
    pattern: /\b(in)(\s+)(morning|afternoon|evening)(?=\s*(?:[.,;!?]|$))/giu,
    replace: ([inWord, space, time]) => `${inWord!}${space!}the ${time!}`,
  },
];
