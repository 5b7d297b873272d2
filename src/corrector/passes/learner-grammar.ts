/**
 * Learner errors that Harper lets through and that a fixed rule can repair without doubt, each from a
 * family that learner corpora report among the commonest: countability ("many informations"), verb
 * complementation and form ("enjoy to play", "made me to work", "I'm used to drive", "she can
 * speaks", "I am agree"), collocations ("do a
 * mistake", "make homework", "strong rain", "say me", "explain me", "since two years") and "its" for
 * "it's" where the possessive cannot be ("Its important to"). Runs on writing before
 * Harper (engine.ts), and its edits count as the grammar checker's. Each rule is written so that the
 * text it matches is wrong in every reading: a plural that is also a verb ("researches"), a verb that
 * also takes "to" before a noun ("suggest to him", "keep to the left", "admit to"), a "be used to"
 * that may be the passive of "use" ("it is used to cut") are left alone.
 */

import {
  baseOfGerund,
  baseOfKnownThirdPerson,
  gerundOf,
  isVerbBase,
  participleOfPastForm,
  thirdPersonOf,
  verbForms,
} from './english-verbs.js';
import { CLAUSE_RULES } from './learner-clauses.js';
import { FORM_RULES, SINGULAR_SUBJECTS } from './learner-forms.js';
import { PHRASE_RULES } from './learner-phrases.js';
import { ORDER_AND_TENSE_RULES, type LearnerRule } from './learner-order-tense.js';
import { PRONOUN_RULES } from './learner-pronouns.js';
import { USAGE_RULES } from './learner-usage.js';
import { ESSAY_RULES } from './learner-essays.js';
import { matchCase } from './ocr-lexicon.js';

/** Nouns English does not count: their plurals in -s are not standard English in any sense. */
const SINGULAR_OF_PLURAL: ReadonlyMap<string, string> = new Map([
  ['informations', 'information'],
  ['advices', 'advice'],
  ['luggages', 'luggage'],
  ['baggages', 'baggage'],
  ['homeworks', 'homework'],
  ['houseworks', 'housework'],
  ['furnitures', 'furniture'],
  ['equipments', 'equipment'],
  ['knowledges', 'knowledge'],
  ['softwares', 'software'],
  ['hardwares', 'hardware'],
  ['feedbacks', 'feedback'],
  ['musics', 'music'],
  ['pollutions', 'pollution'],
  ['garbages', 'garbage'],
  ['rubbishes', 'rubbish'],
  ['jewelleries', 'jewellery'],
  ['jewelries', 'jewelry'],
  ['sceneries', 'scenery'],
  ['machineries', 'machinery'],
  ['slangs', 'slang'],
]);

/**
 * Verbs followed by a gerund, never by "to" and a verb ("enjoy to play" → "enjoy playing"), with the
 * forms the rule reads. Left out: those that also take "to" and a time or a noun ("postponed to next
 * week", "a risk to health") or of purpose ("quit to join"), the participles of "consider" and
 * "imagine", whose passives take "to" ("is considered to be"), and "finish" and "mind" where they may
 * be nouns ("a glossy finish to protect", "make up my mind to"): "mind" is read after "would you",
 * "don't" and the like only. The participles of "suggest" and "recommend" are left out too: their
 * passives take "to" ("it was suggested to withhold"), and "practise", whose noun does ("common
 * practice to flood").
 */
const GERUND_VERB_FORMS = [
  ...['enjoy', 'avoid'].flatMap((verb) => [verb, `${verb}s`, `${verb}ed`, `${verb}ing`]),
  ...['consider', 'imagine'].flatMap((verb) => [verb, `${verb}s`, gerundOf(verb)]),
  ...['suggest', 'recommend'].flatMap((verb) => [verb, `${verb}s`, `${verb}ing`]),
  ...['dislike'].flatMap((verb) => [verb, `${verb}s`, `${verb}d`, gerundOf(verb)]),
  'finished',
  'finishing',
];

/** Words after "to" that show it is not a verb's infinitive ("finished to the end"). */
const NOT_A_VERB = new Set(
  (
    'a an the this that these those my your his her its our their me you him us them it one ' +
    'some any all every each no both which what whom whose there here from with in on at by for ' +
    'of about into onto over under than better worse more less most least'
  ).split(' '),
);

/** Endings of nouns and adjectives, not of verbs' base forms ("finished to perfection"). */
const NOUN_OR_ADJECTIVE_ENDING =
  /(?:tion|sion|ment|ness|ity|ism|ist|al|ic|ous|ful|less|ence|ance)$/u;

/** Words in -s that follow a modal or "not" without being verbs ("does not always"). */
const NOT_THIRD_PERSON = new Set(
  (
    'always sometimes perhaps besides afterwards towards nowadays unless regardless ' +
    'nevertheless yours ours theirs hers its ourselves themselves yourselves'
  ).split(' '),
);

const IRREGULAR_BASE = new Map([
  ['has', 'have'],
  ['is', 'be'],
  ['does', 'do'],
  ['goes', 'go'],
]);

/** The base form of a verb written with the third person's -s ("speaks" → "speak"), if it is one. */
function baseOfThirdPerson(word: string): string | undefined {
  const irregular = IRREGULAR_BASE.get(word);
  if (irregular) return irregular;
  if (/[^aeiou]ies$/u.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes)$/u.test(word)) return word.slice(0, -2);
  // Not a verb whose base ends in s ("pass", "focus"), nor a word that is no verb ("always").
  if (NOT_THIRD_PERSON.has(word) || /(?:ss|us|is|as|os)$/u.test(word)) return undefined;
  if (/[^su'’]s$/u.test(word)) return word.slice(0, -1);
  return undefined;
}

/** A lower-case word after "to" that can be a verb's base form. */
const isVerbLike = (word: string): boolean =>
  /^[a-z]+$/u.test(word) &&
  !NOT_A_VERB.has(word) &&
  !word.endsWith('ing') &&
  !NOUN_OR_ADJECTIVE_ENDING.test(word);

/**
 * Where a noun object must end for a collocation rule to take it: at punctuation, the end, or a word
 * that cannot continue a compound noun ("make sports" stays in "make sports cars").
 */
const NOUN_PHRASE_END =
  '(?=\\s*(?:[.,;:!?)]|$)|\\s+(?:in|on|at|for|with|to|and|or|but|because|when|every|after|before|together|again|today|yesterday|tomorrow|tonight|soon|this|last|next|now|here|there|outside|online|than|so|if|about|of|from|during|while|once|twice|one|two|three|four|five|along|around|through|into|near|\\d+)\\b)';

/** Adverbs of frequency, which stand between a subject and its verb ("she always helps"). */
const FREQUENCY_ADVERB =
  'always|usually|often|never|sometimes|also|really|just|only|still|rarely|seldom|generally|' +
  'normally|frequently';

/**
 * Where a clause opens: a text's or sentence's start, a comma or semicolon, or a conjunction. A
 * subject that could also be an object ("it", "you", "people") is read as one only there.
 */
const CLAUSE_OPENING =
  '(?<=(?:^|[.!?;,]\\s+|\\b(?:but|and|because|so|when|if|as|since|although|while)\\s+))';

/** Words before a verb that make it a past participle ("have made"). */
const AUXILIARY = 'have|has|had|having|been|be|is|are|was|were|get|gets|got';

/**
 * A verb that learners put where English uses another before these words ("do a mistake" → "make a
 * mistake"), in the same form; `object` is a pattern for the words after it, none of which the
 * first verb can take.
 */
function collocation(from: string, to: string, object: string, nounObject = true): LearnerRule {
  const fromForms = verbForms(from);
  const toForms = verbForms(to);
  return {
    pattern: new RegExp(
      `\\b(?:(${AUXILIARY})(\\s+))?(${[...new Set(fromForms)].join('|')})(\\s+)(${object})${nounObject ? NOUN_PHRASE_END : '\\b'}`,
      'giu',
    ),
    replace: ([auxiliary, auxiliarySpace, verb, space, words]) => {
      const index = fromForms.indexOf(verb!.toLowerCase());
      const participle = auxiliary !== undefined && index === 2 && fromForms[4] === fromForms[2];
      const replacement = matchCase(verb!, toForms[participle ? 4 : index]!);
      return `${auxiliary ?? ''}${auxiliarySpace ?? ''}${replacement}${space!}${words!}`;
    },
  };
}

const POSSESSIVE = '(?:my|your|his|her|our|their|the)\\s+';
/** Who is let, made or seen doing something: a pronoun, or a person named with "a" or "my". */
const PERSON_OBJECT =
  '(?:me|you|him|her|us|them|someone|somebody|(?:a|my|your|his|her|our|their)\\s+(?:man|woman|boy|girl|child|children|kids?|sons?|daughters?|students?|friends?|brother|sister))';

const RULES: readonly LearnerRule[] = [
  {
    // "many informations" → "much information"
    pattern: new RegExp(
      `\\b(?:(many)(\\s+))?(${[...SINGULAR_OF_PLURAL.keys()].join('|')})\\b`,
      'giu',
    ),
    replace: ([many, space, plural]) => {
      const singular = matchCase(plural!, SINGULAR_OF_PLURAL.get(plural!.toLowerCase())!);
      return many ? `${matchCase(many, 'much')}${space!}${singular}` : singular;
    },
  },
  {
    // "He avoided to answer" → "He avoided answering"; not "keep in mind to bring"
    pattern: new RegExp(
      `(?<!\\bin\\s+)\\b(${GERUND_VERB_FORMS.join('|')})(\\s+)to\\s+(\\p{L}+)\\b`,
      'giu',
    ),
    replace: ([verb, space, next]) =>
      isVerbLike(next!) ? `${verb!}${space!}${gerundOf(next!)}` : undefined,
  },
  {
    // "Would you mind to open" → "Would you mind opening"; "I don't mind to wait" → "waiting"
    pattern:
      /\b((?:would|do|does|did|don['’]t|doesn['’]t|didn['’]t|wouldn['’]t)\s+(?:(?:you|they|he|she|we|I)\s+)?(?:not\s+)?mind)(\s+)to\s+(\p{L}+)\b/giu,
    replace: ([mind, space, next]) =>
      isVerbLike(next!) ? `${mind!}${space!}${gerundOf(next!)}` : undefined,
  },
  {
    // "She can speaks" → "She can speak"; "He doesn't knows" → "He doesn't know". A modal only after
    // a subject pronoun or a person named with "my" ("My sister can speaks"): "Will computers
    // depersonalize", "The will stipulates", "should parents wish" are English. "doesn't" after any
    // subject ("Dmitri doesn't likes coffee"): nothing English puts a verb's -s form after it.
    pattern: new RegExp(
      `\\b((?:I|you|he|she|it|we|they|(?:my|your|his|her|our|their)\\s+(?:${SINGULAR_SUBJECTS}))\\s+(?:can|could|will|would|shall|should|may|might|must|cannot|can['’]t|won['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t)|doesn['’]t|does\\s+not)(\\s+(?:not\\s+)?)([a-z]+s)\\b`,
      'giu',
    ),
    replace: ([auxiliary, space, verb]) => {
      const base = /^[a-z]+$/u.test(verb!) ? baseOfThirdPerson(verb!) : undefined;
      return base ? `${auxiliary!}${space!}${base}` : undefined;
    },
  },
  {
    // "She always help" → "She always helps", "he never eat" → "eats": he, she or it and an adverb
    // of frequency before a verb's base. Not in a question ("Does she always help?"), after a modal
    // or "not", nor in the subjunctive after "that" ("insist that she always arrive"); "it" only
    // opening a clause ("working for it just send" has it for an object); not "be", nor a base
    // that is also a past ("she always read", "he just lay back").
    pattern: new RegExp(
      `(?<!(?:\\b(?:does|did|do|can|could|will|would|shall|should|may|might|must|not|that)|n['’]t)\\s+)\\b(he|she|${CLAUSE_OPENING}it)(\\s+(?:${FREQUENCY_ADVERB})\\s+)([a-z]+)\\b`,
      'giu',
    ),
    // A base that is also a past has a participle of that form ("read", "lay").
    replace: ([subject, adverb, verb]) =>
      isVerbBase(verb!) && verb !== 'be' && participleOfPastForm(verb!) === undefined
        ? `${subject!}${adverb!}${thirdPersonOf(verb!)}`
        : undefined,
  },
  {
    // "they always helps" → "help", "many people still smokes" → "smoke": a plural subject and an
    // adverb of frequency before a known verb's -s form ("you" and "people" only opening a clause:
    // "whoever beats you always wins").
    pattern: new RegExp(
      `(?:\\b(I|we|they)|${CLAUSE_OPENING}((?:[Yy]ou|(?:(?:[Mm]any|[Mm]ost|[Ss]ome|[Aa]ll|[Oo]ther|[Yy]oung|[Oo]ld)\\s+)?(?:[Pp]eople|[Cc]hildren|[Ss]tudents))))(\\s+(?:${FREQUENCY_ADVERB})\\s+)([a-z]+s)\\b`,
      'gu',
    ),
    replace: ([pronoun, subject, adverb, verb]) => {
      const base = baseOfKnownThirdPerson(verb!);
      return base ? `${pronoun ?? subject!}${adverb!}${base}` : undefined;
    },
  },
  {
    // "I didn't know that you was there" → "you were"; "you" only opening a clause ("the only way I
    // could beat you was", "laid before you was issued")
    pattern: new RegExp(
      `\\b(we|they|We|They)(\\s+)was\\b|(?:${CLAUSE_OPENING}|(?<=\\b(?:that|wish)\\s+))(you|You)(\\s+)was\\b`,
      'gu',
    ),
    replace: ([subject, space, you, youSpace]) => `${subject ?? you!}${space ?? youSpace!}were`,
  },
  {
    // "I am agree" → "I agree"; "she is not agree" → "she does not agree"
    pattern:
      /\b(I|you|we|they|he|she)(\s+)(?:am|are|is)(\s+not)?\s+(agree|disagree)\b|\b(I|you|we|they|he|she)['’](?:m|re|s)(\s+not)?\s+(agree|disagree)\b/giu,
    replace: ([subject, space, not, verb, subject2, not2, verb2]) => {
      const who = subject ?? subject2!;
      const third = /^(?:he|she)$/iu.test(who);
      const agree = verb ?? verb2!;
      const negated = (not ?? not2) !== undefined;
      const rest = negated ? `${third ? 'does' : 'do'} not ${agree}` : third ? `${agree}s` : agree;
      return `${who}${space ?? ' '}${rest}`;
    },
  },
  {
    // "My manager made me to work" → "made me work"; "let us to use" → "let us use"; "let their
    // children to play" → "let their children play" (after "let" anyone: "made the decision to
    // leave" stays; not "let the flat to students", where "to" is no infinitive's)
    pattern: new RegExp(
      `\\b(make|makes|made|making|let|lets|letting)(\\s+)(me|you|him|her|us|them)\\s+to\\s+(\\p{L}+)\\b|\\b((?:let|lets|letting)\\s+${POSSESSIVE}\\p{Ll}+)\\s+to\\s+(\\p{L}+)\\b`,
      'giu',
    ),
    replace: ([verb, space, object, next, letSomeone, nextAfter]) => {
      if (letSomeone) return isVerbBase(nextAfter!) ? `${letSomeone} ${nextAfter!}` : undefined;
      return isVerbLike(next!) ? `${verb!}${space!}${object!} ${next!}` : undefined;
    },
  },
  {
    // "let their children spending" → "let their children spend"; "I saw a man to steal" → "saw a
    // man steal": after let, make and the verbs of perception the bare infinitive ("be" is left:
    // "heard him to be" is old but English)
    pattern: new RegExp(
      `\\b((?:make|makes|made|making|let|lets|letting)\\s+${PERSON_OBJECT})(\\s+)(\\p{L}+ing)\\b|\\b((?:saw|see|sees|seen|watched|watch|heard|hear|noticed|notice)\\s+${PERSON_OBJECT})\\s+to\\s+(?!be\\b)(\\p{L}+)\\b`,
      'giu',
    ),
    replace: ([letSomeone, space, gerund, sawSomeone, next]) => {
      if (sawSomeone) return isVerbBase(next!) ? `${sawSomeone} ${next!}` : undefined;
      const base = baseOfGerund(gerund!.toLowerCase());
      return base ? `${letSomeone!}${space!}${base}` : undefined;
    },
  },
  {
    // "I'm used to drive" → "I'm used to driving"; not "it is used to cut" (the passive of "use")
    pattern:
      /\b(I\s+am|I['’]m|we\s+are|we['’]re|you\s+are|you['’]re)(\s+)used\s+to\s+(\p{L}+)\b/giu,
    replace: ([subject, space, next]) =>
      isVerbLike(next!) ? `${subject!}${space!}used to ${gerundOf(next!)}` : undefined,
  },
  // Collocations learners get wrong, each verb before nouns it cannot take.
  collocation(
    'do',
    'make',
    '(?:(?:a lot of|lots of|a|an|the|some|many|more|no|this|that|these|those|my|your|his|her|our|their)\\s+)?(?:mistakes?|decisions?)',
  ),
  collocation('make', 'do', `(?:${POSSESSIVE})?(?:homework|housework|sports?|exercise|yoga)`),
  collocation('make', 'do', '(?:me|him|her|us|them)\\s+a\\s+favou?r', false),
  ...['make', 'do'].flatMap((verb) => [
    collocation(verb, 'take', '(?:(?:a lot of|lots of|a|some|many|the|my|our)\\s+)?photos?'),
    collocation(verb, 'take', 'a\\s+(?:walk|shower|bath|nap)'),
  ]),
  // "make a break" (for the door, from journalism) and "make a party" are English.
  collocation('do', 'take', 'a\\s+break'),
  collocation('do', 'have', 'a\\s+party'),
  collocation('make', 'pay', '(?:(?:more|much|no|any|some|close|special)\\s+)?attention'),
  collocation('do', 'make', 'an\\s+effort|(?:a\\s+lot\\s+of|much|some|no)\\s+progress'),
  // "I did a big mistake", "Our team did a great effort" (an adjective between)
  collocation(
    'do',
    'make',
    '(?:a|an)\\s+(?:big|huge|serious|terrible|small|stupid|great|real|bad|silly|costly|special|enormous)\\s+(?:mistake|decision|effort)',
  ),
  collocation('commit', 'make', '(?:the\\s+same|many|a\\s+lot\\s+of|some|few|several)\\s+mistakes'),
  collocation('say', 'tell', '(?:a\\s+)?(?:lies?|jokes?|stories)'),
  collocation(
    'drink',
    'take',
    '(?:my|your|his|her|our|their|the)\\s+(?:pills|tablets|medicine|medication)',
  ),
  collocation('take', 'get', '(?:good|bad|high|low|better)\\s+(?:marks|grades)'),
  collocation('take', 'find', 'a\\s+solution'),
  // Not "took the conclusion of the meeting as a sign" (its end), nor "take this conclusion to".
  collocation('take', 'draw', '(?:the|a|any)\\s+conclusion(?!s|\\s+(?:of|to)\\b)', false),
  collocation('take', 'put on', '(?:a\\s+lot\\s+of\\s+|some\\s+|much\\s+)?weight'),
  collocation('get', 'score', '(?:a|two|three|four|five|\\d+)\\s+goals?'),
  collocation('pass', 'spend', '(?:a\\s+lot\\s+of|much|most\\s+of\\s+my|some|more)\\s+time'),
  collocation('do', 'give', 'a\\s+(?:long\\s+|short\\s+)?(?:speech|presentation|talk)'),
  collocation('do', 'take', 'a\\s+(?:trip|journey)'),
  collocation('make', 'commit', '(?:a\\s+)?crimes?'),
  collocation('make', 'ask', '(?:(?:you|him|her|them|me|us)\\s+)?a\\s+question', false),
  collocation('make', 'take', 'an\\s+exam'),
  collocation('make', 'go on', 'a\\s+diet'),
  collocation('do', 'make', '(?:a\\s+)?promises?'),
  collocation('say', 'tell', '(?:me|him|us)', false),
  collocation('lose', 'miss', `(?:${POSSESSIVE}|a\\s+)(?:bus|train|flight|plane|tram|connection)`),
  collocation('borrow', 'lend', '(?:me|him|us)', false),
  collocation('open', 'turn on', '(?:the\\s+)(?:lights?|TV|television|radio|heating)'),
  collocation('close', 'turn off', '(?:the\\s+)(?:lights?|TV|television|radio|heating)'),
  {
    // "Its important to" → "It's important to", "Its very important to": "its" before a determiner,
    // "not", or an adjective that opens "to" or "that", cannot be the possessive (which stays in "its
    // ability to adapt")
    pattern:
      /\b(its)(\s+(?:a|an|the|not|been|going|raining|(?:(?:very|so|really|quite|too|extremely)\s+)?(?:important|obvious|possible|impossible|clear|true|necessary|difficult|easy|hard|nice|good|bad|better|interesting|strange|likely|unlikely|essential|useful|dangerous|normal|surprising|sad|funny|amazing|crucial|vital)\s+(?:to|that))\b)/giu,
    replace: ([its, rest]) => `${its![0]!}t's${rest!}`,
  },
  {
    // "strong rain", "a big rain" → "heavy rain" ("a big snow" is American); "a big pleasure" → "a
    // great pleasure"; "big attention" → "great"
    pattern:
      /\b(?:(strong)|(big))(\s+)(rain|snow|traffic|smokers?|drinkers?|pleasure|honou?r|attention)\b/giu,
    replace: ([strong, big, space, noun]) => {
      const heavyNoun = /^(?:rain|snow|traffic|smokers?|drinkers?)$/iu.test(noun!);
      if (strong && heavyNoun) return `${matchCase(strong, 'heavy')}${space!}${noun!}`;
      if (big && heavyNoun) {
        return /^snow$/iu.test(noun!) ? undefined : `${matchCase(big, 'heavy')}${space!}${noun!}`;
      }
      if (big) return `${matchCase(big, 'great')}${space!}${noun!}`;
      return undefined;
    },
  },
  {
    // "Can you explain me how" → "explain to me how"; "we discussed about it" → "discussed it";
    // "mentioned about" → "mentioned"; "emphasise on" → "emphasise"
    pattern:
      /\b(explain(?:s|ed|ing)?)(\s+)(me|him|us)\b|\b((?:discuss(?:es|ed|ing)?|mention(?:s|ed|ing)?)(?=\s+about\b)|emphasi[sz](?:e|es|ed|ing)(?=\s+on\b))\s+(?:about|on)\b/giu,
    replace: ([explain, space, object, verb]) =>
      explain ? `${explain}${space!}to ${object!}` : verb,
  },
  {
    // Prepositions verbs and adjectives take: "listen music" → "listen to music", "wait me" → "wait
    // for me", "depends of" → "depends on", "interested about" and "interested on doing" →
    // "interested in", "afraid from" → "afraid of"
    pattern:
      /\b(?:(listen(?:s|ed|ing)?)(\s+)(music|the\s+(?:radio|news|music|songs?)|songs|podcasts|my|your|his|our|their|me|him|us|them|it)|(wait(?:s|ed|ing)?)(\s+)(me|him|her|us|them|you)(?!\s+out\b)|(depend(?:s|ed|ing|ent)?)(\s+)(?:of|from)|(interested)(\s+)(?:about|on(?=\s+\p{L}+ing\b))|(afraid)(\s+)from)\b/giu,
    replace: ([listen, s1, heard, wait, s2, awaited, depend, s3, interested, s4, afraid, s5]) => {
      if (listen) return `${listen}${s1!}to ${heard!}`;
      if (wait) return `${wait}${s2!}for ${awaited!}`;
      if (depend) return `${depend}${s3!}on`;
      if (interested) return `${interested}${s4!}in`;
      return `${afraid!}${s5!}of`;
    },
  },
  {
    // "We returned back home" → "We returned home"; "Let's to go" → "Let's go"
    pattern: /\b(return(?:s|ed|ing)?)\s+back\b|\b(let['’]s)(\s+)to\s+(\p{L}+)\b/giu,
    replace: ([returned, lets, space, next]) => {
      if (returned) return returned;
      return isVerbLike(next!) ? `${lets!}${space!}${next!}` : undefined;
    },
  },
  {
    // "My sister has 20 years old" → "My sister is 20 years old"
    pattern:
      /\b(?:(I|you|we|they)(\s+))?(have|has|had)(\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty(?:-[a-z]+)?)\s+years?\s+old)\b/giu,
    replace: ([subject, space, verb, age]) => {
      const plural = subject !== undefined && !/^I$/u.test(subject);
      const be = /^had$/iu.test(verb!)
        ? plural
          ? 'were'
          : 'was'
        : /^has$/iu.test(verb!)
          ? 'is'
          : subject === undefined || plural
            ? 'are'
            : 'am';
      return `${subject ?? ''}${space ?? ''}${matchCase(verb!, be)}${age!}`;
    },
  },
];

const ALL_RULES: readonly LearnerRule[] = [
  ...RULES,
  ...ORDER_AND_TENSE_RULES,
  ...FORM_RULES,
  ...CLAUSE_RULES,
  ...PHRASE_RULES,
  ...PRONOUN_RULES,
  ...USAGE_RULES,
  ...ESSAY_RULES,
];

/** `text` with the rules above applied, in order. */
export function withLearnerGrammar(text: string): string {
  return withRules(ALL_RULES, text);
}

/** `text` with each rule applied in turn, each to every place it matches. */
export function withRules(rules: readonly LearnerRule[], text: string): string {
  return rules.reduce(
    (current, { pattern, replace }) =>
      current.replace(pattern, (match: string, ...groups: unknown[]) => {
        // The captures end where the match's offset, a number, begins; counting them from the
        // pattern instead compiled every rule a second time when the module loaded (0.2 s).
        const captured = groups.slice(
          0,
          groups.findIndex((group) => typeof group === 'number'),
        ) as (string | undefined)[];
        return replace(captured) ?? match;
      }),
    text,
  );
}
