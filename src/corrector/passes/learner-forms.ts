/**
 * Learner errors of noun number, agreement, verb form, fixed prepositions and false friends that
 * Harper lets through: a singular after a number or "many" ("three hour", "many reason"), "much"
 * and "less" before plurals, "there is many", a bare verb after "everyone", "looking forward to
 * hear", "thank you for give", "want that you", "in Monday", "during five days", "in the other
 * hand", "learn him" for "teach him", and agreement after a plural subject that opens a clause. Each rule asks for the words around that make the text
 * wrong in every reading ("three hour" only where no noun follows, as in "a three hour drive"); the
 * corpus check in the model card counts what they change in correct English.
 */

import {
  baseOfGerund,
  baseOfKnownThirdPerson,
  baseOfPast,
  gerundOf,
  IRREGULAR_PASTS,
  isVerbBase,
  participleOf,
  pastOf,
  thirdPersonOf,
  VERB_BASES,
  verbForms,
} from './english-verbs.js';
import { alternation, WEEKDAY, type LearnerRule } from './learner-order-tense.js';
import { matchCase } from './ocr-lexicon.js';

/**
 * Nouns that are always counted, so that after "three" or "many" they are plural. Only nouns that
 * are not also common verbs or mass nouns ("work", "paper", "light" are left out).
 */
const COUNTABLE_NOUNS = (
  'hour day week month year minute second brother sister friend parent cousin classmate colleague ' +
  'student teacher child person reason tree country city town village hospital school university ' +
  'volunteer meeting towel kilo book car bus train house flat apartment street park museum ' +
  'restaurant hotel shop store language problem question idea thing place ticket photo picture ' +
  'letter message customer client employee manager worker doctor nurse patient ' +
  'animal dog cat bird chair table bag shoe window door computer phone page chapter ' +
  'lesson course exam subject team player game song film movie trip holiday job office ' +
  'neighbour neighbor girl boy woman man baby member tourist visitor guest ' +
  'apple egg orange banana bottle cup glass plate box mistake example item product order ' +
  'company bank island river lake mountain beach church temple bridge road kilometre kilometer ' +
  'mile metre meter dollar euro pound cent ' +
  'essay article novel magazine newspaper dictionary sentence paragraph website app laptop ' +
  'pen pencil notebook desk bed kitchen garden building wall continent airport station ' +
  'passenger driver pupil professor lecturer engineer lawyer scientist artist musician singer ' +
  'actor athlete soldier farmer son daughter uncle aunt nephew niece grandmother grandfather ' +
  'husband kid teenager adult citizen decade century season weekend birthday festival concert ' +
  'kilogram gram litre liter bedroom bathroom supermarket cinema theatre theater library stadium ' +
  'factory forest sea ocean hill valley horse cow flower vegetable sandwich cookie biscuit meal ' +
  'recipe gift toy coin card shirt jacket coat hat sock glove'
).split(' ');

/**
 * Countable nouns that "all my" and "there were no" take only in the plural; those that also mean a
 * whole ("all the day", "all my family", "all the school") are left out.
 */
const ALL_OF_COUNTABLE = (
  'friend cousin classmate colleague student teacher book problem question idea ticket photo ' +
  'picture letter message customer client employee worker animal toy song film movie essay ' +
  'article novel magazine towel chair window document file product item mistake example ' +
  'neighbour neighbor tourist visitor guest member bag shoe sock glove shirt'
).split(' ');

const IRREGULAR_PLURAL = new Map([
  ['child', 'children'],
  ['person', 'people'],
  ['woman', 'women'],
  ['man', 'men'],
]);

export function pluralOf(noun: string): string {
  const irregular = IRREGULAR_PLURAL.get(noun.toLowerCase());
  if (irregular) return matchCase(noun, irregular);
  if (/(?:s|sh|ch|x|z)$/u.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/u.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

const PLURAL_COUNTABLE = [...COUNTABLE_NOUNS.map(pluralOf), ...IRREGULAR_PLURAL.values()];

/** The singular of each plural above ("hours" → "hour", "people" → "person"). */
const SINGULAR_OF = new Map(COUNTABLE_NOUNS.map((noun) => [pluralOf(noun).toLowerCase(), noun]));

/** Irregular plurals learners make regular. */
const IRREGULAR_OF_REGULAR_PLURAL = new Map([
  ['childs', 'children'],
  ['womans', 'women'],
  ['foots', 'feet'],
  ['tooths', 'teeth'],
  ['gooses', 'geese'],
]);

/** Nouns English does not count, as learners pair them with "many". */
const MASS_NOUNS =
  'money|information|advice|time|traffic|rubbish|furniture|equipment|luggage|homework|fun|rice|bread|milk|water|research|progress|knowledge|music|news';

/** Plurals of mass nouns that are English only in other senses, so read after a quantity only. */
const SINGULAR_OF_MASS_PLURAL = new Map([
  ['moneys', 'money'],
  ['traffics', 'traffic'],
  ['funs', 'fun'],
  ['rices', 'rice'],
  ['breads', 'bread'],
  ['progresses', 'progress'],
  ['helps', 'help'],
  ['researches', 'research'],
]);

/** Verbs learners use for another before these objects ("learn him" for "teach him"), by form. */
const MEANT_VERB = new Map([
  ['learn', 'teach'],
  ['learns', 'teaches'],
  ['learned', 'taught'],
  ['learnt', 'taught'],
  ['remember', 'remind'],
  ['remembers', 'reminds'],
  ['remembered', 'reminded'],
  ['look', 'watch'],
  ['looks', 'watches'],
  ['looked', 'watched'],
  ['looking', 'watching'],
]);

/** Where a noun phrase ends: punctuation, the end, or a word that cannot continue it. */
const PHRASE_END =
  '(?=\\s*(?:[.,;:!?)]|$)|\\s+(?:and|or)\\s+(?:a|an|the|one|two|three|my|his|her|our|their|some)\\b|\\s+(?:but|in|on|at|of|for|with|from|to|about|every|each|why|that|which|who|are|were|have|so|ago|later|before|after|because|when|while|than|this|last|next|now|here|there|is|was)\\b)';

const NUMBER =
  '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)';
/** Digits count things only after these words: elsewhere they are names ("a fortune 500 company"). */
const DIGITS =
  '(?<=\\b(?:for|in|about|than|only|just|last|next|after|every|over|under|nearly|almost|around|wait|waited)\\s)(?!1\\b)\\d+';
/** Words after which a countable noun is plural. */
const PLURAL_QUANTIFIER = `(?:(?<!\\b(?:a|an|the)\\s)${NUMBER}|${DIGITS}|many|several|few|these|those|various|millions\\s+of|thousands\\s+of|hundreds\\s+of|a\\s+lot\\s+of|lots\\s+of|both\\s+of\\s+(?:my|your|his|her|our|their)|one\\s+of\\s+(?:my|your|his|her|our|their|the))`;

const VERB_BASE = `(?:${VERB_BASES.join('|')})`;
/**
 * Where a sentence opens: the text's start, or after a sentence's end that is no abbreviation or
 * initial ("Sen. Jackson", "Mrs. Dillon", "F. W. Urich" continue one).
 */
const SENTENCE_OPENING =
  '(?:^|(?<=[.!?]\\s+)(?<!\\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|St|Jr|Sr|\\p{Lu})\\.\\s+))';
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';
/** Participles that are no past form of their verb ("seen", not "tasted"). */
const PARTICIPLES_ONLY =
  'seen|been|eaten|done|driven|flown|known|taken|written|spoken|gone|given|ridden|worn|sung|swum';
const OBJECT_OF = new Map([
  ['i', 'me'],
  ['he', 'him'],
  ['she', 'her'],
  ['we', 'us'],
  ['they', 'them'],
  ['you', 'you'],
]);

/**
 * Verbs whose base learners leave after "have" ("I have send you", "had finish dinner"), whose
 * participle differs from it and that no "have" could own as a noun or adjective (not "work",
 * "leave", "drive", "break", "pay", "start", "wear", "throw", "complete": "have complete control").
 */
const HAVE_BASES =
  'send|bring|buy|write|take|give|see|do|make|forget|speak|choose|begin|tell|find|lose|hear|' +
  'think|teach|catch|eat|grow|know|sell|understand|get|go|spend|keep|receive|finish|decide|' +
  'arrive';

/** People in the plural, before "who". */
/** One person, as "a girl who" names one. */
const PERSON_NOUNS =
  'man|woman|girl|boy|child|person|student|friend|teacher|doctor|nurse|neighbour|neighbor|' +
  'driver|worker|customer|tourist|lady|guy|kid|teenager|patient|colleague|manager|writer';
const PEOPLE =
  'people|children|men|women|students|friends|parents|teachers|colleagues|workers|employees|' +
  'customers|clients|tourists|visitors|guests|players|members|neighbours|neighbors|kids|' +
  'teenagers|adults|citizens|girls|boys|doctors|nurses|patients|passengers|drivers|pupils';

/** Nouns British English may treat as many people ("the team are"). */
const COLLECTIVE_NOUNS = 'team|company|class|family|government|staff|group|band|club|bank';
/** Verbs of state learners put in the progressive ("I am knowing"), by their -ing form. */
const STATE_VERB_OF_GERUND = new Map([
  ['knowing', 'know'],
  ['believing', 'believe'],
  ['owning', 'own'],
  ['belonging', 'belong'],
  ['preferring', 'prefer'],
  ['containing', 'contain'],
  ['consisting', 'consist'],
  ['liking', 'like'],
  ['hating', 'hate'],
]);
/** The plural of a verb in the third person singular ("is" → "are"), and the other way. */
const SUBJECT_OF_OBJECT = new Map([
  ['him', 'he'],
  ['her', 'she'],
]);

export const PLURAL_VERB = new Map([
  ['is', 'are'],
  ['was', 'were'],
  ["doesn't", "don't"],
  ['has', 'have'],
  ['does', 'do'],
  ["wasn't", "weren't"],
  ["isn't", "aren't"],
  ["hasn't", "haven't"],
]);
export const SINGULAR_VERB = new Map([
  ['have', 'has'],
  ['are', 'is'],
  ['were', 'was'],
  ['do', 'does'],
  ["don't", "doesn't"],
]);

/** People a learner names with "my" before a verb: family, friends and people at work or school. */
export const SINGULAR_SUBJECTS =
  'son|daughter|brother|sister|mother|father|mum|mom|dad|wife|husband|friend|boyfriend|girlfriend|' +
  'cousin|uncle|aunt|grandmother|grandfather|grandma|grandpa|boss|manager|colleague|teacher|' +
  'neighbour|neighbor|roommate|classmate|partner|child|baby|dog|cat';
/** A name after a title, or a capitalised word after "my friend" ("my friend Ahmed"). */
const NAME = '\\p{Lu}\\p{Ll}+';
const TITLED_NAME = `(?:Mr|Mrs|Ms|Dr)\\.?\\s+${NAME}`;
const FREQUENCY_ADVERB = '(?:always|never|usually|often|sometimes|rarely|also|still|really|only)';
/** Words after which the word before them was a noun ("my phone bill is"), not a verb. */
const AUXILIARY =
  "is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|do|did|'s|’s";
/** Verbs whose past is their base ("My father put"): the sentence may be in the past. */
const PAST_LIKE_BASE = /^(?:put|cut|hit|let|set|cost|hurt|quit|read|shut|bet|beat|spread|cast)$/u;

/** How a person feels → what makes them feel so ("bored" → "boring"). */
const FEELINGS = new Map([
  ['boring', 'bored'],
  ['interesting', 'interested'],
  ['exciting', 'excited'],
  ['tiring', 'tired'],
  ['confusing', 'confused'],
  ['disappointing', 'disappointed'],
  ['embarrassing', 'embarrassed'],
  ['frightening', 'frightened'],
  ['surprising', 'surprised'],
  ['annoying', 'annoyed'],
  ['worrying', 'worried'],
]);
/** Things that bore or excite people: a lesson is boring, not bored. */
const EVENTS =
  'lesson|class|lecture|film|movie|book|trip|journey|game|match|party|concert|story|meeting|' +
  'course|show|programme|program|seminar|presentation|speech|novel|series';
const DEGREE = '(?:(?:very|so|really|quite|too|a\\s+bit|extremely)\\s+)?';

/** Jobs a learner names after "work as" without the article English needs. */
export const PROFESSIONS =
  'engineer|teacher|doctor|nurse|waiter|waitress|manager|developer|programmer|designer|accountant|lawyer|architect|journalist|translator|secretary|assistant|consultant|cook|chef|driver|volunteer|intern|receptionist|cashier|pilot|mechanic|electrician|plumber|photographer|musician|writer|analyst|interpreter|babysitter|tour\\s+guide|guide|salesman|saleswoman|shop\\s+assistant';

/** One-syllable adjectives (and a few in -y) learners compare with "more": "more big than". */
const COMPARATIVE_OF = new Map([
  ['big', 'bigger'],
  ['small', 'smaller'],
  ['cheap', 'cheaper'],
  ['fast', 'faster'],
  ['hard', 'harder'],
  ['high', 'higher'],
  ['large', 'larger'],
  ['long', 'longer'],
  ['old', 'older'],
  ['young', 'younger'],
  ['nice', 'nicer'],
  ['safe', 'safer'],
  ['strong', 'stronger'],
  ['warm', 'warmer'],
  ['cold', 'colder'],
  ['rich', 'richer'],
  ['poor', 'poorer'],
  ['low', 'lower'],
  ['new', 'newer'],
  ['great', 'greater'],
  ['clean', 'cleaner'],
  ['dark', 'darker'],
  ['deep', 'deeper'],
  ['wide', 'wider'],
  ['short', 'shorter'],
  ['tall', 'taller'],
  ['hot', 'hotter'],
  ['happy', 'happier'],
  ['heavy', 'heavier'],
  ['busy', 'busier'],
  ['easy', 'easier'],
  ['healthy', 'healthier'],
  ['smart', 'smarter'],
  ['slow', 'slower'],
  ['weak', 'weaker'],
  ['quick', 'quicker'],
  ['bright', 'brighter'],
  ['thin', 'thinner'],
  ['thick', 'thicker'],
  ['sad', 'sadder'],
  ['funny', 'funnier'],
  ['lucky', 'luckier'],
  ['dirty', 'dirtier'],
  ['noisy', 'noisier'],
  ['lazy', 'lazier'],
]);
const COMPARATIVES = alternation([...COMPARATIVE_OF.values(), 'better', 'worse']);
const ADJECTIVE_OF_COMPARATIVE = new Map(
  [...COMPARATIVE_OF].map(([adjective, comparative]) => [comparative, adjective]),
);
/** "bigger" → "biggest", "happier" → "happiest". */
const superlativeOf = (comparative: string): string => `${comparative.slice(0, -2)}est`;
const SHORT_ADJECTIVES = alternation([...COMPARATIVE_OF.keys()]);
/**
 * Adjectives in -y that "the most" does not grade the way "most happy to help" does: "the most funny
 * person" is "the funniest".
 */
const FUNNIEST = new Set(['funny', 'lazy', 'crazy', 'dirty', 'noisy', 'ugly', 'tidy', 'busy']);
const MOST_SHORT_ADJECTIVES = alternation(
  [...COMPARATIVE_OF.keys()].filter(
    (adjective) => !adjective.endsWith('y') || FUNNIEST.has(adjective),
  ),
);
const SUPERLATIVE_FORMS = alternation([
  ...[...COMPARATIVE_OF.values()]
    .filter((comparative) => comparative.endsWith('er'))
    .map(superlativeOf),
  'best',
  'worst',
]);

export const FORM_RULES: readonly LearnerRule[] = [
  {
    // "My parents lives" → "My parents live" (and "My friend's parents lives"); "The students has"
    // → "have"; "this shoes" → "these"; only where the noun phrase opens a sentence or clause, not
    // after a preposition ("to the people is"); with a place or time after the noun ("The numbers
    // for March doesn't") only before be, have and do, and only at a sentence's start
    pattern: new RegExp(
      `(?:^|(?<=[.!?;:]\\s+))((?:[Tt]he|[Mm]y|[Oo]ur|[Yy]our|[Tt]heir|[Tt]hese|[Tt]hose)\\s+(?:${PLURAL_COUNTABLE.join('|')})\\s+(?:for|of|in|from|at|on)\\s+(?:(?:the|my|our|your|his|her|their|this|that)\\s+)?\\p{L}+)(\\s+)(is|was|doesn['’]t|has)\\b(?!['’])|(?:^|(?<=[.!?;:]\\s+|\\b(?:because|but|so|when|while|although|if)\\s+))((?:my|our|your|his|her|their|the|these|those)\\s+(?:\\p{Ll}+['’]s\\s+)?(?:${PLURAL_COUNTABLE.join('|')})(?:\\s+(?:always|never|usually|often|also|still|really))?)(\\s+)(\\p{L}+)\\b(?!['’])|\\b(this)(\\s+)(shoes|trousers|jeans|glasses|clothes|days|things|men|women|children|kinds|sorts|types)\\b(?!['’])`,
      'giu',
    ),
    replace: ([subjectWithPlace, space1, be, subject, space, verb, thisWord, space2, plural]) => {
      if (thisWord) return `${matchCase(thisWord, 'these')}${space2!}${plural!}`;
      if (subjectWithPlace)
        return `${subjectWithPlace}${space1!}${PLURAL_VERB.get(be!.replace('’', "'"))!}`;
      const lower = verb!.toLowerCase();
      const base =
        lower === 'is'
          ? 'are'
          : lower === 'was'
            ? 'were'
            : lower === 'doesn’t' || lower === "doesn't"
              ? "don't"
              : baseOfKnownThirdPerson(lower);
      return base && lower !== base ? `${subject!}${space!}${matchCase(verb!, base)}` : undefined;
    },
  },
  {
    // "My son enjoy playing" → "My son enjoys"; "Mr. Tanaka always arrive" → "arrives"; only where
    // the noun phrase opens a sentence or clause, and not before a verb ("my phone bill is due").
    pattern: new RegExp(
      `(?:^|(?<=[.!?;:]\\s+|\\b(?:[Bb]ecause|[Bb]ut|[Ss]o|[Ww]hen|[Ww]hile|[Aa]lthough|[Ii]f)\\s+))((?:(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:${SINGULAR_SUBJECTS})(?:\\s+(?:${TITLED_NAME}|${NAME}))?|${TITLED_NAME})(?:\\s+${FREQUENCY_ADVERB})?)(\\s+)(${VERB_BASE})\\b(?!['’])(?!\\s+(?:${AUXILIARY})\\b)`,
      'gu',
    ),
    replace: ([subject, space, verb]) =>
      PAST_LIKE_BASE.test(verb!) ? undefined : `${subject!}${space!}${thirdPersonOf(verb!)}`,
  },
  {
    // "The hotel have many problems" → "has"; "This car are" → "is"; "My father don't" → "doesn't";
    // "My hair are too long" → "is"; only where the noun phrase opens a sentence or clause ("a fool
    // and his money are"), and not for nouns British English treats as many ("the team are"); not
    // "were", which "if the man were" needs
    pattern: new RegExp(
      `(?:^|(?<=[.!?;:]\\s+|\\b(?:[Bb]ecause|[Bb]ut|[Ss]o|[Ww]hen|[Ww]hile|[Aa]lthough|[Ii]f)\\s+))((?:[Tt]he|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)\\s+(?!(?:${COLLECTIVE_NOUNS})\\b)(?:${COUNTABLE_NOUNS.join('|')}|${SINGULAR_SUBJECTS}|${MASS_NOUNS}|hair)(?:\\s+${FREQUENCY_ADVERB})?)(\\s+)(have|are|do|don['’]t)\\b(?!['’])`,
      'gu',
    ),
    replace: ([subject, space, verb]) =>
      `${subject!}${space!}${SINGULAR_VERB.get(verb!.replace('’', "'"))!}`,
  },
  {
    // "many students who wants" → "who want"; not after "one of" ("one of my friends who lives")
    pattern: new RegExp(
      `(?<!\\bone\\s+of\\s+(?:\\p{L}+\\s+)?)\\b((?:${PEOPLE})\\s+who)(\\s+)(\\p{L}+s)\\b(?!['’])`,
      'giu',
    ),
    replace: ([subject, space, verb]) => {
      const base = baseOfKnownThirdPerson(verb!.toLowerCase());
      return base ? `${subject!}${space!}${matchCase(verb!, base)}` : undefined;
    },
  },
  {
    // "the story of a girl who lose her parents" → "who loses": one person named with an article
    // takes the third person ("the people who", "the family who live", "one of the girls who" stay)
    pattern: new RegExp(
      `\\b((?:a|an|the|this|that)\\s+(?:(?:little|young|old|small|poor|rich|nice|good|new)\\s+)?(?:${PERSON_NOUNS})\\s+who)(\\s+)(${VERB_BASE})\\b`,
      'gu',
    ),
    replace: ([subject, space, verb]) =>
      verb === 'be' || PAST_LIKE_BASE.test(verb!)
        ? undefined
        : `${subject!}${space!}${thirdPersonOf(verb!)}`,
  },
  {
    // "working as engineer" → "working as an engineer"; "find job" → "find a job"
    pattern: new RegExp(
      `\\b((?:work|works|worked|working|job|employed|career)\\s+as)(\\s+)(${PROFESSIONS})\\b|\\b((?:find|found|finding|get|got|getting|look(?:ing|ed)?\\s+for)\\s+)(job|flat|apartment|house)${PHRASE_END}`,
      'giu',
    ),
    replace: ([workAs, space, job, find, thing]) => {
      const noun = job ?? thing!;
      const article = /^[aeiou]/iu.test(noun) ? 'an' : 'a';
      return workAs ? `${workAs}${space!}${article} ${noun}` : `${find!}${article} ${noun}`;
    },
  },
  {
    // "our lifes" → "our lives"; "my free times" → "my free time"; "long blond hairs" → "hair"
    pattern:
      /\b(lifes|wifes|thiefs|halfs)\b|\b(free)(\s+)times\b|\b((?:long|blond|blonde|curly|straight)\s+)hairs\b/giu,
    replace: ([plural, free, space, hairKind]) => {
      if (plural) return matchCase(plural, plural.toLowerCase().replace(/fe?s$/u, 'ves'));
      if (free) return `${free}${space!}time`;
      return `${hairKind!}hair`;
    },
  },
  {
    // "three hour in Frankfurt" → "three hours"; "many reason why" → "many reasons"; "two more
    // volunteer"
    pattern: new RegExp(
      `\\b(${PLURAL_QUANTIFIER})(\\s+(?:(?:more|other|different|new|old|good|big|small|young|little|close|best|beautiful|nice|great|interesting|important|famous|modern|expensive|cheap|popular|delicious)\\s+)?)(${COUNTABLE_NOUNS.join('|')})${PHRASE_END}`,
      'giu',
    ),
    replace: ([quantifier, between, noun]) => `${quantifier!}${between!}${pluralOf(noun!)}`,
  },
  {
    // "The childrens were playing" → "The children"
    pattern: /\b(childrens)\b/giu,
    replace: ([childrens]) => matchCase(childrens!, 'children'),
  },
  {
    // "too much cars" → "too many cars"; "less people" → "fewer people"; "many money" → "much
    // money"
    pattern: new RegExp(
      `\\b(?:(much)|(less)|(many))(\\s+)(?:(${PLURAL_COUNTABLE.join('|')})\\b|(${MASS_NOUNS})${PHRASE_END})`,
      'giu',
    ),
    replace: ([much, less, many, space, plural, mass]) => {
      if (much && plural) return `${matchCase(much, 'many')}${space!}${plural}`;
      if (less && plural) return `${matchCase(less, 'fewer')}${space!}${plural}`;
      if (many && mass) return `${matchCase(many, 'much')}${space!}${mass}`;
      return undefined;
    },
  },
  {
    // "a useful information" → "useful information"; "a really good news" → "really good news"; "an
    // accommodation" → "accommodation"
    pattern: new RegExp(
      `\\b(?:a|an)\\s+((?:(?:very\\s+|really\\s+)?(?:good|useful|great|bad|important|new|little|valuable|wonderful|terrible|sad|exciting|piece)\\s+)?(?:advice|information|furniture|equipment|luggage|homework|news|progress|weather|feedback))(?!\\.\\p{L})${PHRASE_END}`,
      'giu',
    ),
    replace: ([phrase]) => (/^piece\b/iu.test(phrase!) ? undefined : phrase),
  },
  {
    // "a lot of moneys" → "a lot of money"; "all the helps" → "all the help"; "many rices" → "much
    // rice"
    pattern: new RegExp(
      `\\b((?:a\\s+lot\\s+of|lots\\s+of|(?:so\\s+|too\\s+)?(?:much|many)|some|all\\s+the|any)\\s+)(${[...SINGULAR_OF_MASS_PLURAL.keys()].join('|')})\\b(?!\\s+(?:a|an|the|me|him|her|us|them|you)\\b)`,
      'giu',
    ),
    replace: ([quantity, plural]) =>
      `${quantity!.replace(/many/iu, (many) => matchCase(many, 'much'))}${matchCase(plural!, SINGULAR_OF_MASS_PLURAL.get(plural!.toLowerCase())!)}`,
  },
  {
    // "There is many students" → "There are many students"; "There is 30 students" → "are";
    // "There was not many things to do" → "were not"
    pattern: new RegExp(
      `\\b(there)(\\s+)(is|was)(\\s+(?:not\\s+)?(?:many|several|a\\s+lot\\s+of|lots\\s+of|too\\s+many|so\\s+many|${NUMBER}|(?!1\\b)\\d[\\d,]*)\\s+(?:\\p{L}+\\s+)?(?:(?!\\p{L}*(?:ss|us|is|as|ics|news|series|species|means)\\b)\\p{L}+s|people|children|men|women))\\b`,
      'giu',
    ),
    replace: ([there, space, be, rest]) =>
      `${there!}${space!}${matchCase(be!, be!.toLowerCase() === 'is' ? 'are' : 'were')}${rest!}`,
  },
  {
    // "Everyone know" → "Everyone knows"; "Each of these arguments have" → "has"
    pattern: new RegExp(
      `(?<!\\b(?:make|makes|made|making|let|lets|let['’]s|have|has|had|help|helps|helped|can|could|would|will|should|does|do|did|must|may|might|shall|watch|see|saw|hear|heard)\\s)\\b((?:everyone|everybody|someone|somebody|nobody|each\\s+of\\s+(?:the|these|those|my|our|your|their)\\s+\\p{L}+|one\\s+of\\s+(?:the|my|our|your|his|her|their)\\s+\\p{L}+s)(?:\\s+(?:in|of|at|from)\\s+(?:the|my|our|his|her|their|this)\\s+\\p{L}+)?)(\\s+)(${VERB_BASE})\\b(?!\\s+(?:to|of)\\b)(?=\\s+(\\S+)|)`,
      'giu',
    ),
    replace: ([subject, space, verb, next]) => {
      // A capital is a name's ("the Morgenthau Plan"), not a verb's.
      if (verb !== verb!.toLowerCase()) return undefined;
      // Verbs whose past is their base ("Everyone put") may be past.
      if (/^(?:be|do|put|cut|hit|let|set|cost|hurt|quit|read|shut|bet|beat)$/u.test(verb!))
        return undefined;
      // "someone like you", "someone like Jess": a preposition before a pronoun or a name.
      if (
        verb === 'like' &&
        (!next ||
          /^(?:\p{Lu}|(?:me|you|him|her|us|them|this|that|these|those|a|an|it)\b)/u.test(next))
      )
        return undefined;
      return `${subject!}${space!}${thirdPersonOf(verb!)}`;
    },
  },
  {
    // "Technology make our life easier" → "makes"; "that pollution cause many problems" → "causes":
    // an uncountable noun opening a sentence or clause (not after "and": "Health and education
    // have"), before a verb with its object
    pattern: new RegExp(
      `(?:^|(?<=[.!?]\\s+|\\b(?:that|because|but|so|if|when|while|although)\\s+))((?:[Tt]echnology|[Pp]ollution|[Ee]ducation|[Mm]usic|[Mm]oney|[Ss]moking|[Tt]ourism|[Tt]raffic|[Ee]xercise|[Ss]ociety|[Ee]verything)(?:\\s+${FREQUENCY_ADVERB})?)(\\s+)(${VERB_BASE})(?=\\s+(?:our|the|a|an|my|your|his|her|their|us|me|him|them|it|people|everyone|everything|more|less|many|much|lots)\\b)`,
      'gu',
    ),
    replace: ([subject, space, verb]) =>
      PAST_LIKE_BASE.test(verb!) ? undefined : `${subject!}${space!}${thirdPersonOf(verb!)}`,
  },
  {
    // "looking forward to hear from you" → "to hearing"; "Thank you for give me" → "for giving"
    pattern: new RegExp(
      `\\b(look(?:ing|s|ed)?\\s+forward\\s+to|thanks?\\s+(?:you\\s+)?for|(?:I\\s+am|I['’]m|we\\s+are|we['’]re|you\\s+are|you['’]re)\\s+not\\s+used\\s+to)(\\s+)(${VERB_BASE})\\b(?=\\s+(?:a|an|the|my|your|his|her|our|their|this|that|it|them|him|us|me|you|from|with|to|about|in|up|down|out|early|late|so)\\b)`,
      'giu',
    ),
    replace: ([opening, space, verb]) => `${opening!}${space!}${gerundOf(verb!.toLowerCase())}`,
  },
  {
    // "going to visiting" → "going to visit"; "I would like you to replacing" → "to replace"
    pattern: new RegExp(
      `\\b(going\\s+to|(?:want|wants|wanted|like|need|needs|asked|ask|told|tell)\\s+(?:you|me|him|her|us|them)\\s+to)(\\s+)(\\p{L}+ing)\\b(?=\\s+(?:a|an|the|my|your|his|her|our|their|some|it|them|him|us|me|you|to|with|in)\\b)`,
      'giu',
    ),
    replace: ([opening, space, gerund]) => {
      const base = baseOfGerund(gerund!.toLowerCase());
      return base ? `${opening!}${space!}${base}` : undefined;
    },
  },
  {
    // "It is difficult find" → "It is difficult to find"; "It is necessary reducing" → "to reduce"
    pattern: new RegExp(
      `\\b(it\\s+(?:is|was)\\s+(?:very\\s+)?(?:difficult|easy|hard|possible|impossible|important|necessary))(\\s+)(\\p{L}+)\\b(?=\\s+(?:a|an|the|my|your|his|her|our|their|this|that|these|those|some|it|them|him|us|me|you)\\b)`,
      'giu',
    ),
    replace: ([opening, space, word]) => {
      const lower = word!.toLowerCase();
      const base = isVerbBase(lower) ? lower : baseOfGerund(lower);
      if (!base || /^(?:be|do|have|work|play)$/u.test(base)) return undefined;
      return `${opening!}${space!}to ${base}`;
    },
  },
  {
    // "The bridge was build in 1890" → "was built"
    pattern:
      /\b(was|were|been|is|are)(\s+)(build|buy|write|teach|catch|sell|steal|choose|speak|break|forget|bring|send)(?=\s+(?:in|by|on|at|from|last|yesterday)\b)/giu,
    replace: ([be, space, verb]) => `${be!}${space!}${participleOf(verb!.toLowerCase())}`,
  },
  {
    // "My father wants that I become" → "wants me to become"
    pattern: new RegExp(
      `\\b(want|wants|wanted)\\s+that\\s+(I|you|he|she|we|they)\\s+(?:(${VERB_BASE})|(\\p{L}+)s)\\b`,
      'giu',
    ),
    replace: ([want, subject, verb, thirdStem]) => {
      const base = verb ?? (isVerbBase(thirdStem!.toLowerCase()) ? thirdStem : undefined);
      return base ? `${want!} ${OBJECT_OF.get(subject!.toLowerCase())!} to ${base}` : undefined;
    },
  },
  {
    // Fixed prepositions: "in Monday", "at Sundays" → "on", "born on 1998" → "in 1998", "in next
    // month" → "next month", "during five days" → "for five days", "On the other hand", "near from"
    // and "near of" → "near"
    pattern: new RegExp(
      `\\b(?:(in|at)(\\s+)((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)(?!['’])|(on)(\\s+)((?:19|20)\\d\\d)(?=\\s*(?:[.,;]|$)|\\s+(?:in|and|at|when|I|we|he|she|they)\\b)|(?<!\\b(?:[Tt]une|[Tt]uned|[Cc]all|[Cc]alled|[Cc]ome|[Cc]ame|[Cc]heck|[Cc]hecked|[Ll]og|[Ll]ogged|[Dd]rop|[Dd]ropped|[Hh]and|[Hh]anded|[Tt]urn|[Tt]urned|[Ss]ign|[Ss]igned|[Mm]ove|[Mm]oved|[Jj]oin|[Jj]oined|[Ff]ill|[Ff]illed)\\s)in\\s+((?:next|last)\\s+(?:week|month|year|summer|winter|spring|autumn|weekend))(?!['’])|(during)(\\s+)(${NUMBER}\\s+(?:days|weeks|months|years|hours|minutes))|(In)(\\s+)the\\s+other\\s+hand|(near)\\s+(?:from|of))\\b`,
      'gu',
    ),
    replace: ([inWord, s1, day, onWord, s2, year, next, during, s3, span, inCap, s4, near]) => {
      if (inWord) return `${matchCase(inWord, 'on')}${s1!}${day!}`;
      if (onWord) return `${matchCase(onWord, 'in')}${s2!}${year!}`;
      if (next) return next;
      if (during) return `${matchCase(during, 'for')}${s3!}${span!}`;
      if (inCap) return `On${s4!}the other hand`;
      return near;
    },
  },
  {
    // "What time does the museum opens?" → "open"; "Does she likes it?" → "like": in a question,
    // after "does" and its subject, the bare infinitive ("the part that does it is" is no question)
    pattern:
      /\b((?:[Dd]oes|[Dd]id)\s+(?:he|she|it|(?:the|a|an|this|that|my|your|his|her|our|their)\s+[a-z]+)\s+)(?!is\b|was\b)([a-z]+s)\b(?=[^.!?]*\?)/gu,
    replace: ([doesSubject, verb]) => {
      const base = baseOfKnownThirdPerson(verb!);
      return base ? `${doesSubject!}${base}` : undefined;
    },
  },
  {
    // "Where I can buy a ticket?" → "Where can I buy": a question inverts its modal and subject
    pattern: new RegExp(
      `${SENTENCE_OPENING}(Where|What|When|How|Why|Which|Who)(\\s+)(I|you|we|they|he|she|it)(\\s+)(can|could|should|will|would|must|may|might)\\b(?=[^.!?]*\\?)`,
      'gu',
    ),
    replace: ([wh, space1, subject, space2, modal]) =>
      `${wh!}${space1!}${modal!}${space2!}${subject!}`,
  },
  {
    // "born in 14th March" → "on 14th March": a day of a month takes "on" ("in March", "in 1996"
    // stay)
    pattern: new RegExp(
      `\\b(in)(\\s+)(?=(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b)`,
      'giu',
    ),
    replace: ([inWord, space]) => `${matchCase(inWord!, 'on')}${space!}`,
  },
  {
    // "the most beautiful beach I ever seen" → "I have ever seen": a participle that is no past
    // form (not in a question: "Have you ever seen", "You ever been to San Francisco?")
    pattern: new RegExp(
      `(?<!\\b(?:[Hh]ave|[Hh]as|[Hh]ad|[Dd]o|[Dd]oes|[Dd]id|[Ww]ill|[Ww]ould|[Cc]an|[Cc]ould|[Ss]hould)\\s)\\b(?:(I|[Yy]ou|[Ww]e|[Tt]hey)|([Hh]e|[Ss]he))(\\s+)(ever\\s+(?:${PARTICIPLES_ONLY})\\b)(?![^.!?]*\\?)`,
      'gu',
    ),
    replace: ([plural, singular, space, ever]) =>
      `${plural ?? singular!}${space!}${plural ? 'have' : 'has'} ${ever!}`,
  },
  {
    // "Congratulations for" → "on"; "angry on my brother" → "with"; "in the website" / "in the
    // beach" → "on"; "waiting your answer" → "waiting for"; "arrive at home"
    pattern:
      /\b(congratulations)(\s+)for\b|\b(angry)(\s+)on(?=\s+(?:me|him|her|us|them|my|his|our|their)\b)|\b(in)(\s+)(the\s+(?:website|beach))\b(?!['’])|\b(wait(?:s|ed|ing)?)(\s+)((?:your|my|the|his|her|our|their)\s+(?:decision|answer|reply|response|results?|call|email|letter|package|parcel))\b|\b(arrive[sd]?)\s+at\s+(home)\b/giu,
    replace: ([
      congratulations,
      s1,
      angry,
      s2,
      inWord,
      s3,
      place,
      wait,
      s4,
      awaited,
      arrive,
      home,
    ]) => {
      if (congratulations) return `${congratulations}${s1!}on`;
      if (angry) return `${angry}${s2!}with`;
      if (inWord) return `${matchCase(inWord, 'on')}${s3!}${place!}`;
      if (wait) return `${wait}${s4!}for ${awaited!}`;
      return `${arrive!} ${home!}`;
    },
  },
  {
    // False friends and word choice: "learn him how to" → "teach him", "remember you to" → "remind
    // you to", "look films" → "watch films", "fastly" → "quickly", "My English is not very well"
    pattern: new RegExp(
      `\\b(${[...MEANT_VERB.keys()].filter((verb) => verb.startsWith('learn')).join('|')})(?=\\s+(?:me|him|her|us|them)\\s+(?:how|to)\\b)|\\b(${[...MEANT_VERB.keys()].filter((verb) => verb.startsWith('remember')).join('|')})(?=\\s+(?:me|you|him|her|us|them)\\s+to\\s+${VERB_BASE}\\b)|\\b(${[...MEANT_VERB.keys()].filter((verb) => verb.startsWith('look')).join('|')})(?=\\s+(?:films?|movies?|TV|television|series)\\b)|\\b(fastly)\\b|\\b(my\\s+(?:English|French|Spanish|German|Italian|Portuguese)\\s+is\\s+(?:not\\s+)?(?:very\\s+|so\\s+)?)well\\b`,
      'giu',
    ),
    replace: ([learn, remember, look, fastly, language]) => {
      const verb = learn ?? remember ?? look;
      if (verb) return matchCase(verb, MEANT_VERB.get(verb.toLowerCase())!);
      if (fastly) return matchCase(fastly, 'quickly');
      return `${language!}good`;
    },
  },
  {
    // After "did", "to" or a modal the bare infinitive: "I didn't went" → "didn't go"; "did you
    // saw" → "did you see"; "I want to went" → "to go"; "we could not went" → "could not go"
    // ("can", "will" and "may" only before "not": "His will came", "May saw record sales"; not
    // "had": "they would had no disaster befallen them" is an old inversion)
    pattern: new RegExp(
      `\\b((?:didn['’]t|did\\s+not|doesn['’]t|does\\s+not|don['’]t|do\\s+not|(?<=(?:^|[.!?]\\s+|\\b(?:why|where|when|what|how|who)\\s+))[Dd]id\\s+(?:I|you|we|they|he|she|it)|(?:want|wants|wanted|need|needs|needed|going|have|has|had|decided|tried)\\s+to|(?:could|would|should|must|cannot|can['’]t|couldn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|mustn['’]t)(?:\\s+not)?(?!\\s+had\\b)|(?:can|will|may|might)\\s+not)\\s+)(${alternation(IRREGULAR_PASTS)})\\b`,
      'giu',
    ),
    replace: ([opening, past]) =>
      `${opening!}${matchCase(past!, baseOfPast(past!.toLowerCase())!)}`,
  },
  {
    // Double comparatives and superlatives: "more easier" → "easier", "less stronger" → "less
    // strong", "the most biggest" → "the biggest"; "more big than" → "bigger than", "makes life
    // more easy." → "easier" (before "than" or a sentence's end, or after a verb such as "be" before
    // a clause's end, "the summers are more hot and"; not after "and" or "as well as":
    // "more productive as well as more safe"), "the most smart student" → "the smartest" (only
    // after "the": "most happy to help" means "very"; not an adjective in -y, "the most happy
    // results", nor before a plural, where "most" may count: "the most new jobs"; nor one of
    // several, "the most safe and effective"; nor "the Most High")
    pattern: new RegExp(
      `\\bmore\\s+(${COMPARATIVES})\\b|\\b(less\\s+)(${alternation([...ADJECTIVE_OF_COMPARATIVE.keys()])})\\b|\\b(the\\s+)most\\s+(${SUPERLATIVE_FORMS})\\b|\\bmore\\s+(${SHORT_ADJECTIVES})(\\s+than\\b|(?<!(?:\\bas\\s+well\\s+as|\\band|\\bor|\\bbut|,)\\s+more\\s+\\p{L}+)(?=\\s*[.!?](?:\\s|$)|\\s*$)|(?<=\\b(?:is|are|was|were|be|been|become|becomes|became|get|gets|got|getting)\\s+more\\s+\\p{L}+)(?=\\s*,|\\s+(?:and|but|because|every|now|today|these|this)\\b))|\\b(the\\s+)most\\s+(${MOST_SHORT_ADJECTIVES})\\b(?!-|\\s*,|\\s+(?:and|or)\\b|\\s+\\p{L}+s\\b)`,
      'giu',
    ),
    replace: ([
      comparative,
      less,
      lessComparative,
      the,
      superlative,
      adjective,
      than,
      theMost,
      mostAdjective,
    ]) => {
      if (comparative) return comparative;
      if (less)
        return `${less}${matchCase(lessComparative!, ADJECTIVE_OF_COMPARATIVE.get(lessComparative!.toLowerCase())!)}`;
      if (superlative) return `${the!}${superlative}`;
      if (mostAdjective) {
        if (mostAdjective !== mostAdjective.toLowerCase()) return undefined;
        return `${theMost!}${superlativeOf(COMPARATIVE_OF.get(mostAdjective)!)}`;
      }
      return `${COMPARATIVE_OF.get(adjective!.toLowerCase())!}${than!}`;
    },
  },
  {
    // Double negation: "I don't know nothing" → "anything"; "we didn't see nobody" → "anybody"
    pattern: new RegExp(
      `\\b((?:don['’]t|doesn['’]t|didn['’]t|can['’]t|couldn['’]t|won['’]t|wouldn['’]t|never)\\s+(?:${VERB_BASE}|said|did|saw|had|got|heard|found|told)\\s+)(nothing|nobody|nowhere|no\\s+one)\\b`,
      'giu',
    ),
    replace: ([negation, nothing]) =>
      `${negation!}${matchCase(nothing!, nothing!.toLowerCase().replace(/^no\s*/u, 'any'))}`,
  },
  {
    // "every days" → "every day"; "each students" → "each student"
    pattern: new RegExp(
      `\\b(every|each)(\\s+)(${PLURAL_COUNTABLE.filter((plural) => plural !== 'people').join('|')})\\b(?!['’])`,
      'giu',
    ),
    replace: ([every, space, plural]) => {
      const singular = SINGULAR_OF.get(plural!.toLowerCase());
      return singular ? `${every!}${space!}${matchCase(plural!, singular)}` : undefined;
    },
  },
  {
    // Irregular plurals made regular: "childs" → "children", "womans" → "women", "foots" → "feet"
    pattern: new RegExp(`\\b(${alternation([...IRREGULAR_OF_REGULAR_PLURAL.keys()])})\\b`, 'giu'),
    replace: ([plural]) =>
      matchCase(plural!, IRREGULAR_OF_REGULAR_PLURAL.get(plural!.toLowerCase())!),
  },
  {
    // Textbook phrases: "for to study" → "to study", "can able to" → "can", "the same like" → "the
    // same as", "different of" → "different from", "Are you agree" → "Do you
    // agree", "I am born" → "I was born", "how about to go" → "how about going",
    // "before two years" → "two years ago"
    pattern: new RegExp(
      `\\b(?:for\\s+(to\\s+${VERB_BASE})\\b|(can|could)\\s+able\\s+to\\b|([Tt]he\\s+same)\\s+like\\b|(different)\\s+of\\b|(Are|are)(\\s+you\\s+)agree\\b|(I)(\\s+)am(\\s+born)\\b|((?:[Hh]ow|[Ww]hat)\\s+about\\s+)to\\s+(${VERB_BASE})\\b|before\\s+((?:${NUMBER}|\\d+)\\s+(?:years|months|weeks|days))(?=\\s*(?:[.,;!?]|$)))`,
      'gu',
    ),
    replace: ([toVerb, can, same, different, are, you, i, s1, born, howAbout, verb, span]) => {
      if (toVerb) return toVerb;
      if (can) return can;
      if (same) return `${same} as`;
      if (different) return `${different} from`;
      if (are) return `${matchCase(are, 'do')}${you!}agree`;
      if (i) return `${i}${s1!}was${born!}`;
      if (howAbout) return `${howAbout}${gerundOf(verb!.toLowerCase())}`;
      return `${span!} ago`;
    },
  },
  {
    // "My grandfather died when I have ten years." → "when I was ten years old" (after a past)
    pattern: new RegExp(
      `(?<=\\b(?:\\p{L}+ed|died|was|were|went|left|came|began|lost|met|learnt|got|had|saw|broke|fell|moved)\\b[^.!?]*\\bwhen\\s+)(I|he|she|we|they)(\\s+)(?:have|has)(\\s+(?:${NUMBER}|\\d+)\\s+years)(?=\\s*(?:[.,;!?]|$)|\\s+(?:but|and)\\b)`,
      'gu',
    ),
    replace: ([subject, space, years]) =>
      `${subject!}${space!}${/^(?:we|they)$/u.test(subject!) ? 'were' : 'was'}${years!} old`,
  },
  {
    // "My grandfather has 85 years but" → "is 85 years old"
    pattern: new RegExp(
      `\\b(I|he|she|(?:my|your|his|her|our|their)\\s+\\p{L}+)(\\s+)(?:have|has)(\\s+(?:${NUMBER}|\\d+|eighty|ninety|sixty|seventy)(?:-\\p{L}+)?\\s+years)(?=\\s*(?:[.,;!?]|$)|\\s+(?:but|and|now)\\b)`,
      'giu',
    ),
    replace: ([subject, space, years]) =>
      `${subject!}${space!}${/^I$/u.test(subject!) ? 'am' : 'is'}${years!} old`,
  },
  {
    // "I am boring at my job" → "I am bored"; "The lesson was so bored" → "so boring": a person
    // feels, a thing causes. Of the feelings, only those no one is doing to someone ("I am worrying
    // about", "I was tiring"), and after "very" or "so" those a person could also cause ("I was
    // very surprising when" → "surprised"; not "annoying", which a person can be)
    pattern: new RegExp(
      `\\b((?:I|we)(?:\\s+(?:am|are|was|were|feel|felt)|['’](?:m|re))\\s+${DEGREE})(boring|interesting|exciting)\\b(?!\\s+(?:me|you|him|her|us|them|my|your|his|our|their|the|a|an|it|people)\\b)|\\b((?:the|this|that|my|our|his|her|their)\\s+(?:${EVENTS})\\s+(?:is|was|were|are)\\s+${DEGREE})(${alternation([...FEELINGS.values()])})\\b|\\b((?:I|we)(?:\\s+(?:am|are|was|were|feel|felt)|['’](?:m|re))\\s+(?:very|so|really|quite|too|extremely)\\s+)(surprising|confusing|embarrassing|disappointing|frightening)\\b(?!\\s+(?:me|you|him|her|us|them|my|your|his|our|their|the|a|an|it|people)\\b)`,
      'giu',
    ),
    replace: ([person, causing, thing, felt, surprised, surprising]) => {
      if (person) return `${person}${FEELINGS.get(causing!.toLowerCase())!}`;
      if (surprised) return `${surprised}${FEELINGS.get(surprising!)!}`;
      const cause = [...FEELINGS].find(([, feeling]) => feeling === felt!.toLowerCase())![0];
      return `${thing!}${cause}`;
    },
  },
  {
    // "She is married with a doctor" → "married to" (not "married with two children"); "He must to
    // finish", "governments must to do", "and must to live", "should not to use" → "must", "should
    // not use" (not "do all we can to help"); "entered to the room" → "entered the
    // room"
    pattern: new RegExp(
      `\\b(?:(married)(\\s+)with(?=\\s+(?:a|an|the|my|your|his|her|our|their|\\p{Lu}\\p{Ll}+)\\b)|(?<!\\b(?:what|all|everything|whatever|anything|as|than|how|where|when|best)\\s+)((?:I|[Yy]ou|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|people|\\p{Ll}{3,}s)\\s+(?:must|should|can|could|might))(\\s+)to\\s+(?=(?:${VERB_BASE})\\b)|(enter(?:s|ed|ing)?)\\s+to(?=\\s+(?:the|my|our|your|his|her|their)\\b)|((?:(?<=\\band\\s+)(?:must|should)|\\b(?:must|should|can|could|might|would|will)\\s+not))(\\s+)to\\s+(?=(?:${VERB_BASE})\\b))`,
      'gu',
    ),
    replace: ([married, s2, modal, s4, enter, modalNot, s5]) => {
      if (married) return `${married}${s2!}to`;
      if (modal) return `${modal}${s4!}`;
      if (enter) return enter;
      return `${modalNot!}${s5!}`;
    },
  },
  {
    // "He don't like" → "He doesn't"; "We went to home", "arrived to home" → "went home" (not
    // "returning to home problems"); "despite of" → "despite" (not the old "in despite of"); "It
    // was happened" → "It happened"; "thank you for you help" → "your help"
    pattern: new RegExp(
      `\\b(he|she)(\\s+)don['’]t\\b|\\b((?:go|goes|went|going|gone|come|comes|came|coming|get|gets|got|getting|return|returns|returned|returning|arrive|arrives|arrived|arriving)\\s+)to\\s+(home)(?=\\s*(?:[.,;:!?]|$)|\\s+(?:early|late|after|before|at|by|from|with|and|because|when|yesterday|today|tonight|now|on|in|alone|together)\\b)|(?<!\\bin\\s+)\\b(despite)\\s+of\\b|\\b(?:was|were|is|are)\\s+(happened|occurred|disappeared|died)\\b|\\b(for)(\\s+)you(?=\\s+(?:help|reply|answer|email|e-mail|letter|message|time|support|patience|attention|quick|kind|prompt|understanding|cooperation|hospitality)\\b)`,
      'giu',
    ),
    replace: ([he, s1, go, home, despite, happened, forWord, s3]) => {
      if (he) return `${he}${s1!}doesn't`;
      if (go) return `${go}${home!}`;
      if (despite) return despite;
      if (happened) return happened;
      return `${forWord!}${s3!}your`;
    },
  },
  {
    // "on internet" → "on the Internet"; "Internet has changed" → "The Internet has changed"
    // ("Internet Explorer", "in internet marketing": a name, a noun's modifier)
    pattern:
      /\b(on|in|use|uses|used|using|from|through|browse|browsing|surf|surfing)(\s+)internet(?=\s*(?:[.,;:!?]|$)|\s+(?:and|or|but|to|for|with|every|all|because|when|so)\b)|(?:^|(?<=[.!?]\s+))(Internet)(?=\s+(?:is|was|has|have|had|can|changed|makes|made|gives|allows|helps)\b)/gu,
    replace: ([before, space, start]) => {
      if (start) return 'The Internet';
      return `${/^in$/iu.test(before!) ? matchCase(before!, 'on') : before!}${space!}the Internet`;
    },
  },
  {
    // "arrived to Barcelona" → "arrived in Barcelona"; "arrive to the office" → "at the office"
    // ("arrived to find", an infinitive, stays); "interested for this job" → "interested in"
    pattern:
      /\b(arriv(?:e|es|ed|ing))(\s+)to(\s+)(?=(\p{Lu})|(?:the|my|our|your|his|her|their)\s+(\p{Lu})?)|\b(interested)(\s+)(?:for|at)(?=\s+(?:the|this|that|these|a|an|your|my|our|his|her|their|\p{L}+ing)\b)/gu,
    replace: ([arrive, s1, s2, name, namedPlace, interested, s3]) => {
      if (interested) return `${interested}${s3!}in`;
      return `${arrive!}${s1!}${name || namedPlace ? 'in' : 'at'}${s2!}`;
    },
  },
  {
    // "My flat is at the fifth floor" → "on the fifth floor" (a lift stops at a floor); "pain on my
    // stomach" → "pain in my stomach"
    pattern:
      /(?<=\b(?:is|are|was|were|situated|located|live|lives|lived|living|flat|apartment|office|room)\s+)(?:at|in)(\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|ground|\d+(?:st|nd|rd|th))\s+floor)\b|\b(pains?)(\s+)on(?=\s+(?:my|his|her|your|the)\s+(?:stomach|back|chest|legs?|arms?|head|knees?|neck|shoulders?|foot|feet|side|ears?|eyes?|throat)\b)/giu,
    replace: ([floor, pain, space]) => (floor ? `on${floor}` : `${pain!}${space!}in`),
  },
  {
    // "there were no towel" → "no towels"; "all my friend use" → "all my friends"
    pattern: new RegExp(
      `\\b(there\\s+(?:are|were)\\s+no\\s+|all\\s+(?:my|your|his|her|our|their|the|these|those)\\s+)(${ALL_OF_COUNTABLE.join('|')})(?:${PHRASE_END}|(?=\\s+(?:${VERB_BASE})\\b))`,
      'giu',
    ),
    replace: ([before, noun]) => `${before!}${pluralOf(noun!)}`,
  },
  {
    // "I have an experience in teaching" → "I have experience in teaching" (a single experience
    // stays: "I had an experience in Paris"); "studying the computer science" → "studying computer
    // science" (not "the history of"); "took train from" → "took the train from"
    pattern: new RegExp(
      `\\b((?:have|has|had|gained|gain)\\s+)an\\s+(experience\\s+(?:in|with)\\s+\\p{L}+ing)\\b|\\b((?:study|studies|studied|studying)\\s+)the\\s+((?:computer\\s+science|mathematics|maths|economics|engineering|medicine|physics|chemistry|biology|law|psychology|architecture|philosophy|linguistics|business\\s+administration)${PHRASE_END})(?!\\s+of\\b)|\\b((?:take|takes|took|taking|taken|catch|catches|caught|catching)\\s+)(train|bus|subway|metro|tram|ferry|plane)(?=\\s*(?:[.,;!?]|$)|\\s+(?:from|to|at|home|every|because|and|in|into|for|back)\\b)`,
      'giu',
    ),
    replace: ([have, experience, study, subject, take, vehicle]) => {
      if (have) return `${have}${experience!}`;
      if (study) return `${study}${subject!}`;
      return `${take!}the ${vehicle!}`;
    },
  },
  {
    // "My brother and my sister was at home", "My friend and I was late" → "were": two people
    // joined by "and" open the sentence ("my son and heir" is one person, and "heir" no listed one)
    pattern: new RegExp(
      `${SENTENCE_OPENING}((?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Yy]our|[Tt]heir)\\s+(?:${SINGULAR_SUBJECTS})\\s+and\\s+(?:I|(?:(?:my|his|her|our|your|their)\\s+)?(?:${SINGULAR_SUBJECTS}))\\s+)(was|is|has|does|doesn['’]t|wasn['’]t|isn['’]t|hasn['’]t)\\b(?!['’])`,
      'gu',
    ),
    replace: ([subject, verb]) => `${subject!}${PLURAL_VERB.get(verb!.replace('’', "'"))!}`,
  },
  {
    // "Neither my mother nor my father speak" → "speaks": the verb agrees with the nearer subject
    pattern: new RegExp(
      `\\b(nor\\s+(?:my|his|her|your|our|their|the)\\s+(?:${SINGULAR_SUBJECTS}))(\\s+)(${VERB_BASE})\\b(?!['’])`,
      'giu',
    ),
    replace: ([subject, space, verb]) =>
      PAST_LIKE_BASE.test(verb!) ? undefined : `${subject!}${space!}${thirdPersonOf(verb!)}`,
  },
  {
    // "All of the students has" → "have" (opening a clause: not "the growth of all of the islands
    // has"); "The traffic in Jakarta are" → "is"; "Mathematics are my
    // favourite" → "is"
    pattern: new RegExp(
      `(?:^|(?<=[.!?;:]\\s+|\\b(?:because|but|so|when|while|although|if|and)\\s+))((?:[Aa]ll|[Mm]ost|[Mm]any|[Ss]ome|[Bb]oth|[Ss]everal)\\s+of\\s+(?:the|my|our|your|his|her|their|these|those)\\s+(?:${PLURAL_COUNTABLE.join('|')})\\s+)(has|is|was|doesn['’]t)\\b(?!['’])|(?:^|(?<=[.!?]\\s+))((?:(?:[Tt]he|[Tt]his|[Tt]hat|[Mm]y|[Oo]ur|[Yy]our|[Tt]heir)\\s+(?:${MASS_NOUNS}|weather|pollution)(?:\\s+(?:in|of|from|at|on)\\s+(?:(?:the|my|our|your|his|her|their|this)\\s+)?\\p{L}+)?|Mathematics|Maths|Physics|Economics)\\s+)(are|were|have|don['’]t)\\b(?!['’])`,
      'gu',
    ),
    replace: ([plural, singularVerb, mass, pluralVerb]) => {
      if (plural) return `${plural}${PLURAL_VERB.get(singularVerb!.replace('’', "'"))!}`;
      const verb = pluralVerb!.replace('’', "'");
      return `${mass!}${SINGULAR_VERB.get(verb)!}`;
    },
  },
  {
    // "I usually have a breakfast" → "have breakfast"; "a pair of shoe" → "shoes"; "during all the
    // trip" → "during the whole trip"; "the Mount Fuji" → "Mount Fuji" (where the name ends, not
    // "the Mount Pleasant area"; not "in the bus" → "on the bus": Brown's writers ride "in the
    // train" and "in the subway"
    pattern: new RegExp(
      `\\b((?:have|has|had|having|eat|eats|ate|eating|skip|skipped|cook|cooked|make|made)\\s+)a\\s+(breakfast|lunch|dinner)${PHRASE_END}|\\b(pairs?\\s+of\\s+)(shoe|sock|glove|boot|sandal|trainer|earring)\\b|\\b(during)\\s+all\\s+the\\s+(trip|day|week|month|year|summer|winter|journey|flight|film|movie|match|game|meeting|lesson|class|night|holiday|vacation|weekend|morning|evening|afternoon)\\b|\\bthe\\s+(Mount\\s+\\p{Lu})(?=\\p{Ll}*(?:\\s*[.,;!?]|\\s*$|\\s+(?:is|was|are|were|has|had|in|on|at|for|with|last|next|this|every|yesterday|rises|lies|and|but|because|when|which|where|during|from|to|by)\\b))`,
      'giu',
    ),
    replace: ([have, meal, pairOf, item, during, span, mount]) => {
      if (have) return `${have}${meal!}`;
      if (pairOf) return `${pairOf}${item!}s`;
      if (during) return `${during} the whole ${span!}`;
      return mount;
    },
  },
  {
    // Adjectives and verbs learners pair with another preposition or word: "kind with me" → "kind
    // to me" ("generous with", "mean with money" are English), "entered into the room" → "entered
    // the room", "assist to the lecture" → "attend the lecture", "give my exam" → "take my exam",
    // "a good cooker" → "a good cook", "raining strongly" → "heavily", "looking for an
    // accommodation" → "accommodation"
    pattern: new RegExp(
      `\\b(kind|polite|rude|impolite|nice|cruel)\\s+with(?=\\s+(?:me|you|him|her|us|them|everyone|everybody|people|customers|(?:the|my|his|her|our|their)\\s+\\p{L}+)\\b)|\\b(enter(?:s|ed|ing)?)\\s+into(?=\\s+(?:the|my|our|his|her|their|a)\\s+(?:room|house|building|office|classroom|kitchen|shop|store|car|bus|train|restaurant|church|hall)\\b)|\\b(assist(?:s|ed|ing)?)\\s+to(?=\\s+(?:the|a|my|our|his|her|their|this|that)\\s+(?:lectures?|class(?:es)?|meetings?|conferences?|courses?|wedding|party|concert|seminars?|lessons?)\\b)|\\b(give|gives|gave|giving|given)(?=\\s+(?:my|our)\\s+(?:(?:final|last|first|next|\\p{L}+)\\s+)?exams?\\b)|\\b((?:good|great|bad|excellent|terrible|wonderful|fantastic|amazing)\\s+)cooker\\b|\\b(rain(?:s|ed|ing)?)\\s+strongly\\b|\\b((?:looking\\s+for|find|found|need|book|booked)\\s+)an\\s+(accommodation)\\b`,
      'giu',
    ),
    replace: ([kind, enter, assist, give, goodCook, rain, lookingFor, accommodation]) => {
      if (kind) return `${kind} to`;
      if (enter) return enter;
      if (assist) return matchCase(assist, assist.toLowerCase().replace('assist', 'attend'));
      if (give)
        return matchCase(give, verbForms('take')[verbForms('give').indexOf(give.toLowerCase())]!);
      if (goodCook) return `${goodCook}cook`;
      if (rain) return `${rain} heavily`;
      return `${lookingFor!}${accommodation!}`;
    },
  },
  {
    // "Does he likes" → "Does he like" (a question's "does": not "the part that does it is"); "I am
    // knowing the answer" → "I know" (verbs of state, not "understanding", which is also kind, nor
    // "wanting", also lacking); "I am understand" → "I understand"
    pattern: new RegExp(
      `(?:^|(?<=[.!?]\\s+|\\b(?:why|where|when|what|how|who|[Ww]hy|[Ww]here|[Ww]hen|[Ww]hat|[Hh]ow)\\s+))((?:[Dd]oes|[Dd]id)\\s+(?:he|she|it|your\\s+\\p{L}+|the\\s+\\p{L}+)\\s+)(?!(?:is|was|has)\\b)(\\p{L}+s)\\b(?!['’])|\\b(I\\s+am|I['’]m|(?:[Yy]ou|[Ww]e|[Tt]hey)\\s+are|(?:[Yy]ou|[Ww]e|[Tt]hey)['’]re|(?:[Hh]e|[Ss]he|[Ii]t)\\s+is)\\s+(${[...STATE_VERB_OF_GERUND.keys()].join('|')})\\b|\\b(I)\\s+am\\s+(understand|know|want|need|think|believe|prefer)\\b(?!['’])`,
      'gu',
    ),
    replace: ([does, third, subjectBe, stative, i, verb]) => {
      if (does) {
        const base = baseOfKnownThirdPerson(third!.toLowerCase());
        return base && third === third!.toLowerCase() ? `${does}${base}` : undefined;
      }
      if (i) return `${i} ${verb!}`;
      const base = STATE_VERB_OF_GERUND.get(stative!)!;
      const [subject] = subjectBe!.split(/\s+|['’]/u) as [string];
      return /^(?:he|she|it)$/iu.test(subject)
        ? `${subject} ${thirdPersonOf(base)}`
        : `${subject} ${base}`;
    },
  },
  {
    // Verbs that take their object without "to": "told to me that" → "told me that", "call to me"
    // → "call me", "asked to him" → "asked him", "reached to the station" → "reached the station";
    // "go to shopping" → "go shopping"; "I feel myself good" → "I feel good"
    pattern: new RegExp(
      `\\b((?:tell|tells|told|telling|call|calls|called|calling|phone|phoned|ask|asks|asked|asking)\\s+)to\\s+(?=(?:me|him|her|us|them)\\s+(?:that|about|the|a|an|what|how|where|why|when|if|to|tomorrow|today|later|again|back|now)\\b)|\\b((?:reach|reaches|reached|reaching)\\s+)to\\s+(?=(?:the|my|our|his|her|their)\\s+(?:station|airport|hotel|city|office|school|house|village|top|destination|border|beach|coast|summit)\\b)|\\b((?:go|goes|went|going|gone)\\s+)to\\s+(shopping|swimming|fishing|skiing|dancing|camping|hiking|running|jogging|sightseeing|sailing|surfing)\\b|\\b((?:feel|feels|felt|feeling)\\s+)(?:myself|yourself|himself|herself|ourselves|themselves)\\s+(?=(?:very\\s+|so\\s+|really\\s+)?(?:good|bad|better|worse|tired|happy|sad|well|sick|ill|comfortable|nervous|relaxed|lonely|guilty|great|fine)\\b)`,
      'giu',
    ),
    replace: ([tell, reach, go, activity, feel]) => {
      if (go) return `${go}${activity!}`;
      return tell ?? reach ?? feel;
    },
  },
  {
    // Times and places of time: "at Monday" → "on Monday", "in 5 o'clock" → "at 5 o'clock", "at the
    // morning" → "in the morning", "How long time" → "How long"; "prefer tea than coffee" → "to
    // coffee" (not "rather than"); "cope up with" → "cope with" ("works hardly" is
    // learner-phrases.ts's)
    pattern: new RegExp(
      `\\b(at)(\\s+)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b(?!['’])|\\b(?:in|on)(\\s+(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s+o['’]clock|\\s*[ap]\\.?m\\b))|\\b(at)(\\s+the\\s+(?:morning|afternoon|evening))${PHRASE_END}|\\b([Hh]ow\\s+long)\\s+time\\b|\\b(prefer(?:s|red|ring)?\\s+(?!to\\b)\\p{L}+(?:\\s+\\p{L}+)?\\s+)than\\b|\\b(cop(?:e|es|ed|ing))\\s+up\\s+with\\b`,
      'gu',
    ),
    replace: ([at, s1, day, clock, atThe, part, howLong, prefer, cope]) => {
      if (at) return `on${s1!}${day!}`;
      if (clock) return `at${clock}`;
      if (atThe) return `in${part!}`;
      if (howLong) return howLong;
      if (prefer) return /\brather\s+$/u.test(prefer) ? undefined : `${prefer}to`;
      return `${cope!} with`;
    },
  },
  {
    // "I am having a car" → "I have a car" (possession, not "having a baby" or "having a problem");
    // "Me and my friend went" → "My friend and I went", "Me and my husband was" → "My husband and I
    // were", "Me and her are" → "She and I are"
    pattern: new RegExp(
      `\\b(I\\s+am|I['’]m|(?:[Ww]e|[Tt]hey|[Yy]ou)\\s+are|(?:[Hh]e|[Ss]he)\\s+is)\\s+having(\\s+(?:a|an|two|three|many|some)\\s+(?:(?:new|old|big|small|nice)\\s+)?(?:car|house|brother|sister|son|daughter|dog|cat|bike|bicycle|flat|apartment|computer|laptop|garden)s?)\\b|(?:^|(?<=[.!?]\\s+))Me\\s+and\\s+((?:my|his|her|our|their)\\s+\\p{L}+|him|her)(?:\\s+(was|is)\\b|(?=\\s+(?:went|go|were|are|have|had|did|will|played|visited|decided|saw|met|live|lived)\\b))`,
      'gu',
    ),
    replace: ([subjectBe, possession, partner, singularBe]) => {
      if (partner) {
        const partnerSubject = SUBJECT_OF_OBJECT.get(partner) ?? partner;
        const subject = `${partnerSubject[0]!.toUpperCase()}${partnerSubject.slice(1)} and I`;
        return singularBe ? `${subject} ${singularBe === 'was' ? 'were' : 'are'}` : subject;
      }
      const [subject] = subjectBe!.split(/\s+|['’]/u) as [string];
      return `${subject} ${/^(?:he|she)$/iu.test(subject) ? 'has' : 'have'}${possession!}`;
    },
  },
  {
    // "I want go" → "I want to go" (only verbs that are not also nouns: "I need help" stays; not
    // "hope" or "plan": "and I hope take action" leaves out its subject, "plans" may be a noun); "I
    // very like it" → "I really like it", "She very like" → "She really likes"; "Thanks God" →
    // "Thank God"; "She has a long hair" → "long hair"; "a good health" → "good health"
    pattern: new RegExp(
      `\\b((?:want|wants|wanted|would\\s+like|decided|decide|try|tried|tries|forgot|forget|promised|learn|learned|learnt)\\s+)(go|come|buy|see|become|find|get|make|take|give|meet|speak|leave|write|know|bring|tell|begin|swim|drive|sell|teach|understand|improve|eat|live|stay|visit|travel|return|pay|send)\\b(?!['’])|\\b(I\\s+)very\\s+(?=(?:like|love|enjoy|want|hope|appreciate)\\b)|\\b((?:[Hh]e|[Ss]he)\\s+)very\\s+(like|love|enjoy|want|hope|appreciate)\\b|\\b(Thanks)(\\s+God)\\b|\\b((?:has|have|had|with)\\s+)a\\s+((?:(?:very\\s+)?(?:long|short|curly|straight|blond|blonde|dark|black|brown|red|grey|gray|beautiful)\\s+)+hair|(?:very\\s+)?(?:good|bad|poor|excellent|great)\\s+health)${PHRASE_END}`,
      'gu',
    ),
    replace: ([want, verb, i, heShe, liked, thanks, god, have, feature]) => {
      if (want) return `${want}to ${verb!}`;
      if (i) return `${i}really `;
      if (heShe) return `${heShe}really ${thirdPersonOf(liked!)}`;
      if (thanks) return `Thank${god!}`;
      return `${have!}${feature!}`;
    },
  },
  {
    // Slips of spelling that are words, so no speller sees them: "could of" → "could have", "don't
    // loose your keys" → "lose" (not "cut loose the lifeboat"), "I was borned" → "born", "Your
    // welcome" → "You're welcome", "I advice you to" → "advise", "noone" → "no one", "I go there
    // everyday" → "every day" (the adjective stays: "an everyday task"), "Who's car" → "Whose car";
    // "by foot", "by walk" → "on foot", "I'm thinking to go" → "thinking of going" (not "wishful thinking to
    // make"), "I like to swimming" → "to swim" (not "plans to changing situations")
    pattern: new RegExp(
      `\\b((?:[Cc]ould|[Ss]hould|[Ww]ould|[Mm]ust|[Mm]ight)(?:n['’]t)?\\s+)of(?=\\s+(?:been|done|had|gone|seen|known|made|said|taken|got|given|thought|told|come|went|left|called|helped|tried|asked|stayed|bought|eaten|lost|won|finished|started|\\p{Ll}{2,}ed)\\b)|(?<!\\b(?:cut|cuts|let|lets|break|breaks|broke|set|sets|turn|turned|turns|hang|hung|come|came|shake|shook)\\s+)\\b(loos(?:e|ing))(?=\\s+(?:my|your|his|her|our|their|the|weight|money|time|interest|hope|control|patience|track|touch)\\b)|\\b(borned)\\b|(?:^|(?<=[.!?]\\s+))(Your)(\\s+(?:very\\s+|most\\s+)?welcome)(?=\\s*(?:[.,!]|$))|\\b(I|we|they|you)(\\s+)advice(?=\\s+(?:you|him|her|them|us|me)\\s+to\\b)|\\b([Nn]o)(one)\\b|\\b(every)(day)(?=\\s*(?:[.,;!?]|$))|\\b([Ww]ho)['’]s(?=\\s+(?:car|house|book|phone|bag|idea|turn|fault|job|dog|coat|keys?|money|umbrella|pen|seat|room|child|children|son|daughter|wallet|jacket)\\b)|\\b(by)(\\s+)(?:foot|walk)\\b|(?<=\\b(?:am|is|are|was|were|be|been)\\s+|['’](?:m|re|s)\\s+)(thinking)\\s+to\\s+(${VERB_BASE})\\b|\\b((?:like|likes|liked|love|loves|loved|hate|hates|hated|prefer|prefers|want|wanted|decided)\\s+to\\s+)(\\p{L}+ing)\\b`,
      'gu',
    ),
    replace: ([
      modal,
      loose,
      borned,
      your,
      welcome,
      adviser,
      s1,
      no,
      one,
      every,
      day,
      who,
      by,
      s2,
      thinking,
      verb,
      likeTo,
      gerund,
    ]) => {
      if (who) return `${who}se`;
      if (by) return `${matchCase(by, 'on')}${s2!}foot`;
      if (thinking) return `${thinking} of ${gerundOf(verb!)}`;
      if (likeTo) {
        const base = baseOfGerund(gerund!.toLowerCase());
        return base ? `${likeTo}${base}` : undefined;
      }
      if (modal) return `${modal}have`;
      if (loose) return loose.replace('loos', 'los');
      if (borned) return 'born';
      if (your) return `You're${welcome!}`;
      if (adviser) return `${adviser}${s1!}advise`;
      if (no) return `${no} ${one!}`;
      return `${every!} ${day!}`;
    },
  },
  {
    // "a 5 minutes walk" → "a 5-minute walk"; "a 20 years old man" → "a 20-year-old man"; "She is
    // 20 years." → "20 years old"; "in the other side of" → "on the other side of"
    pattern: new RegExp(
      `\\b([Aa]n?\\s+)(\\d+|${NUMBER})\\s+(minute|hour|day|week|month|year)s(?:\\s+(old))?(?=\\s+(?:walk|drive|ride|flight|trip|journey|break|course|delay|wait|man|woman|boy|girl|child|son|daughter|student|car|house|building|contract|program|programme|plan|meeting)\\b)|\\b((?:I\\s+am|I['’]m|(?:[Hh]e|[Ss]he)\\s+is|(?:[Hh]e|[Ss]he)['’]s|[Mm]y\\s+(?:${SINGULAR_SUBJECTS})\\s+is)\\s+(?:\\d+|${NUMBER}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\p{L}+)?\\s+years)(?=\\s*(?:[.,;!?]|$)|\\s+(?:and|but|now|so)\\b)|\\b(in)(\\s+the\\s+other\\s+side\\s+of)\\b`,
      'gu',
    ),
    replace: ([article, count, unit, old, age, inWord, side]) => {
      if (article) return `${article}${count!}-${unit!}${old ? '-old' : ''}`;
      if (age) return `${age} old`;
      return `${matchCase(inWord!, 'on')}${side!}`;
    },
  },
  {
    // A countable noun with no article: "He is doctor" → "He is a doctor", "I have car" → "I have a
    // car" (a short list: "have class", "have time" are English)
    pattern: new RegExp(
      `\\b((?:I\\s+am|I['’]m|(?:[Hh]e|[Ss]he)\\s+(?:is|was)|(?:[Hh]e|[Ss]he)['’]s|I\\s+was|(?:[Mm]y|[Hh]is|[Hh]er)\\s+(?:${SINGULAR_SUBJECTS})\\s+(?:is|was))\\s+)(${PROFESSIONS}|student|child|teenager|kid|baby)(?=\\s*(?:[.,;!?]|$)|\\s+(?:in|at|for|and|but|because|so|from|with)\\b)|\\b((?:I|[Yy]ou|[Ww]e|[Tt]hey)\\s+(?:have|had|bought|need|want)\\s+|(?:[Hh]e|[Ss]he)\\s+(?:has|had|bought|needs|wants)\\s+)(car|dog|cat|brother|sister|son|daughter|house|flat|apartment|computer|laptop|bike|bicycle|question|problem|idea|ticket|umbrella|garden|boyfriend|girlfriend|meeting|appointment|interview|exam|headache|fever|cough|sore\\s+throat)(?=\\s*(?:[.,;!?]|$)|\\s+(?:and|but|because|so|for|with|in|at|about|from|now)\\b)`,
      'gu',
    ),
    replace: ([subjectBe, profession, subjectHave, thing]) => {
      const noun = profession ?? thing!;
      const article = /^[aeiou]/iu.test(noun) ? 'an' : 'a';
      return `${subjectBe ?? subjectHave!}${article} ${noun}`;
    },
  },
  {
    // "She helped me cleaning" → "helped me clean"; "I am disagree" → "I disagree"; "reply me" →
    // "reply to me" (not "describe me": "described him as" is English); "as tall like his father" →
    // "as tall as"
    pattern: new RegExp(
      `\\b((?:[Hh]elp|helps|helped|helping)\\s+(?:me|you|him|her|us|them)\\s+)(\\p{L}+ing)\\b|\\b(I|[Ww]e|[Tt]hey)\\s+(?:am|are)\\s+(disagree)\\b|\\b((?:reply|replies|replied|replying)\\s+)(?=(?:me|him|her|us|them)\\b)|\\b(as\\s+(?:big|small|good|bad|fast|slow|tall|short|old|young|beautiful|expensive|cheap|easy|difficult|hard|important|interesting|long|high|strong|smart|happy|good-looking|busy|hot|cold)\\s+)like\\b`,
      'gu',
    ),
    replace: ([help, gerund, subject, disagree, reply, asTall]) => {
      if (help) {
        const base = baseOfGerund(gerund!.toLowerCase());
        return base ? `${help}${base}` : undefined;
      }
      if (subject) return `${subject} ${disagree!}`;
      if (reply) return `${reply}to `;
      return `${asTall!}as`;
    },
  },
  {
    // "I'm worry about" → "I'm worried about"; "She is very tire" → "tired"; "a person who have" →
    // "who has"; "the reason of my decision" → "the reason for" (not "by reason of")
    pattern: new RegExp(
      `\\b((?:I\\s+am|I['’]m|(?:[Ww]e|[Tt]hey|[Yy]ou)\\s+(?:are|were)|(?:[Ww]e|[Tt]hey|[Yy]ou)['’]re|(?:[Hh]e|[Ss]he)\\s+(?:is|was)|(?:[Hh]e|[Ss]he)['’]s|I\\s+was|I\\s+feel|I\\s+felt)\\s+(?:(?:very|so|really|a\\s+bit|quite|too)\\s+)?)(worry|tire|bore|disappoint|embarrass|surprise|confuse|frighten|scare|interest|excite|shock|satisfy|annoy|relax|stress)\\b(?=\\s*(?:[.,;!?]|$)|\\s+(?:about|of|with|by|at|in|because|and|but|today|now|to)\\b)|\\b((?:[Aa]|[Tt]he|[Oo]ne|[Ee]very|[Ee]ach|[Aa]ny)\\s+(?:person|man|woman|student|teacher|friend|child|boy|girl|customer|employee|doctor|driver)\\s+who\\s+)(have|are|do|don['’]t)\\b(?!['’])|(?<!\\bby\\s+)\\b((?:the|a|one|main|another|only)\\s+reasons?\\s+)of(?=\\s+(?:my|your|his|her|our|their|this|that|the)\\s+(?:decision|choice|delay|absence|visit|success|failure|problem|complaint|letter|call|email|change)\\b)`,
      'gu',
    ),
    replace: ([feeling, state, person, verb, reason]) => {
      if (feeling) return `${feeling}${participleOf(state!)}`;
      if (person) return `${person}${SINGULAR_VERB.get(verb!.replace('’', "'"))!}`;
      return `${reason!}for`;
    },
  },
  {
    // "worth to visit" → "worth visiting"; "at summer" → "in summer"; "in night" → "at night";
    // "since long time" → "for a long time"; "In nowadays" → "Nowadays" ("In these days, when we"
    // is English); "More and more people is" → "are"; "It's depends" → "It depends"
    pattern: new RegExp(
      `\\b(worth)\\s+to\\s+(?!be\\b)(${VERB_BASE})\\b|\\b(?:at)(\\s+(?:the\\s+)?(?:summer|winter|spring|autumn))${PHRASE_END}|\\b(in)(\\s+)night\\b|\\b(?:since|from)\\s+(?:a\\s+)?(long\\s+time)\\b(?!\\s+ago\\b)|\\b([Ii])n\\s+(nowadays)\\b|\\b((?:[Mm]ore\\s+and\\s+more)\\s+(?:people|students|children|\\p{L}+s)\\s+)(is|was|has)\\b(?!['’])|\\b([Ii]t)['’]s\\s+(depends)(?=\\s+on\\b)`,
      'gu',
    ),
    replace: ([
      worth,
      verb,
      season,
      inWord,
      s1,
      longTime,
      capitalI,
      nowadays,
      moreAndMore,
      be,
      it,
      depends,
    ]) => {
      if (worth) return `${worth} ${gerundOf(verb!)}`;
      if (season) return `in${season}`;
      if (inWord) return `${matchCase(inWord, 'at')}${s1!}night`;
      if (longTime) return `for a ${longTime}`;
      if (nowadays) return capitalI === 'I' ? 'Nowadays' : nowadays;
      if (moreAndMore) return `${moreAndMore}${PLURAL_VERB.get(be!)!}`;
      return `${it!} ${depends!}`;
    },
  },
  {
    // "Everybody are happy" → "is"; "People is very kind" → "are"; "there have many temples" →
    // "there are"; "It is depend on" → "It depends on"
    pattern: new RegExp(
      `(?<!\\b(?:make|makes|made|let|lets|have|has|had|help|helps|see|saw|watch|hear|heard|do|does|did|can|could|will|would|should|shall|must|may|might)\\s)\\b((?:everybody|everyone|somebody|someone|nobody|no\\s+one)\\s+)(are|have|don['’]t)\\b(?!['’])|(?:^|(?<=[.!?]\\s+))((?:(?:[Mm]ost|[Mm]any|[Ss]ome|[Yy]oung|[Oo]ld|[Oo]lder)\\s+)?[Pp]eople\\s+)(is|was|has|doesn['’]t)\\b(?!['’])|\\b(there\\s+)(?:have|has)(?=\\s+(?:many|a\\s+lot\\s+of|lots\\s+of|several|${NUMBER})\\b)|\\b((?:it|this|that|everything|all)(?:\\s+is\\s+|['’]s\\s+))(depend)(?=\\s+on\\b)`,
      'giu',
    ),
    replace: ([everybody, plural, people, singular, there, it, depend]) => {
      if (everybody)
        return `${everybody}${matchCase(plural!, SINGULAR_VERB.get(plural!.replace('’', "'"))!)}`;
      if (people)
        return `${people}${matchCase(singular!, PLURAL_VERB.get(singular!.replace('’', "'"))!)}`;
      if (there) return `${there}are`;
      return `${it!.replace(/(?:\s+is\s+|['’]s\s+)$/u, ' ')}${depend!}s`;
    },
  },
  {
    // "but people spends too much time", "In my country people usually eats" → "spend", "eat":
    // "people" opening a clause takes a plural verb
    // (after a comma or a conjunction other than "and" or "that": "her Government and people has
    // been", "that people is people"; "the number of people depends" agrees with "number")
    pattern:
      /(?:^|(?<=[.!?,;]\s+|\b(?:but|because|so|when|if)\s+|\b[Ii]n\s+(?:my|our|this|his|her|their)\s+(?:country|city|town|family|culture|village|region)\s+))((?:(?:[Mm]ost|[Mm]any|[Ss]ome|[Yy]oung|[Oo]ld|[Oo]lder)\s+)?[Pp]eople\s+(?:(?:usually|often|always|never|sometimes|rarely|normally|generally|really|also|still)\s+)?)(\p{Ll}+s|doesn['’]t)\b(?!['’])/gu,
    replace: ([people, verb]) => {
      const plural = PLURAL_VERB.get(verb!.replace('’', "'")) ?? baseOfKnownThirdPerson(verb!);
      return plural ? `${people!}${plural}` : undefined;
    },
  },
  {
    // "Although it rained, but we went" → "Although it rained, we went"; "Because it was late, so
    // we left" → "we left": the conjunction is said twice ("As it decayed, so did" is English)
    pattern:
      /(?:^|(?<=[.!?]\s+))((?:Although|Though|Even\s+though|Because)\s[^.!?;,]*,\s+)(but|so)\s+/gu,
    replace: ([clause, conjunction]) => {
      const concessive = /^(?:Although|Though|Even)/u.test(clause!);
      return concessive === (conjunction === 'but') ? clause : undefined;
    },
  },
  {
    // "The most of the students" → "Most of the students" (only opening a sentence: "make the most
    // of", and old English "the most of those"); "enough old to" → "old enough to", "is not enough
    // good." → "good enough." ("enough good players" stays); "go to abroad" → "go abroad" (not
    // "going to there grandmother's", a "their"), "study in abroad" → "study abroad"
    pattern:
      /(?:^|(?<=[.!?]\s+))(The)\s+(most)\s+of\b|\b(enough)\s+(old|big|good|tall|strong|fast|warm|cheap|large|rich|long|high|young|safe|clear|serious|smart|clever|experienced|mature)(?=\s+(?:to|for)\b|\s*[.,;!?]|\s*$)|\b((?:go|goes|went|going|gone|come|comes|came|coming|travel|travels|travelled|traveled|travelling|traveling|move|moves|moved|moving)\s+)to\s+(abroad|overseas|downtown|there|here)\b(?!\s+\p{L}+['’]s\s)|\b((?:study|studies|studied|studying|live|lives|lived|living|work|works|worked|working)\s+)in\s+(abroad)\b/gu,
    replace: ([the, most, enough, adjective, go, place, study, abroad]) => {
      if (the) return `M${most!.slice(1)} of`;
      if (enough) return `${adjective!} ${enough}`;
      if (study) return `${study}${abroad!}`;
      return `${go!}${place!}`;
    },
  },
  {
    // Adjectives' prepositions: "proud for" → "proud of", "responsible of" → "responsible for",
    // "famous of" → "famous for", "similar with" → "similar to", "disappointed of" → "with",
    // "jealous on" → "of"; only after "be" ("the most famous of all", and "be disappointed of",
    // deprived of, in old English)
    pattern:
      /(?<=\b(?:am|is|are|was|were|been|['’]s|['’]re|['’]m)\s+(?:(?:very|so|really|quite|too|not|always|also)\s+)?)(?:(proud|jealous)\s+(?:for|on)|(responsible|famous)\s+of|(similar)\s+with|(disappointed)\s+(?:of|from))(?=\s+(?:the|a|an|my|your|his|her|our|their|its|this|that|these|those|me|you|him|us|them|it|\p{Lu}\p{L}*|\p{L}+ing)\b)/giu,
    replace: ([proud, responsible, similar, disappointed]) => {
      if (proud) return `${proud} of`;
      if (responsible) return `${responsible} for`;
      if (similar) return `${similar} to`;
      return `${disappointed!} with`;
    },
  },
  {
    // "I send you the report yesterday" → "sent": a verb of giving with its person object before a
    // finished time, which the rule on present verbs before such a time leaves (a pronoun after the
    // verb there may open another clause: "I think you left yesterday")
    pattern: new RegExp(
      `(?<!\\b(?:[Dd]id|[Dd]idn['’]t|[Ww]ill|[Ww]ould|[Cc]an|[Cc]ould|[Ss]hould|[Mm]ust|to)\\s+)\\b((?:I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\\s+)(send|give|tell|show|bring|buy|lend|write|email)s?(?=\\s+(?:you|him|her|us|them|me)(?:\\s+(?!(?:and|but|that|when|while|because|if|so|which|who|I|you|he|she|we|they)\\b)[\\p{L}\\d'’-]+){0,5}\\s+(?:yesterday|last\\s+(?:night|week|weekend|month|year|${WEEKDAY})|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|a\\s+few)\\s+(?:days|weeks|months|years)\\s+ago)\\s*(?:[.!?,;]|$))`,
      'gu',
    ),
    replace: ([subject, verb]) => `${subject!}${pastOf(verb!)}`,
  },
  {
    // Stories, from a probe of learners' narratives: "When I was younger I use to play" → "used to"
    // (after a past clause in the sentence), "The film what we watched was" → "that" (a subject
    // opening a sentence: "get your customers what they need" is English), "very late in the night"
    // → "late at night", "three hours and half" → "three and a half hours" ("three years and a
    // half" is old English), "was knocking
    // the door" → "knocking on the door" (not "knock the door down")
    pattern: new RegExp(
      `(?<=\\b(?:[Ww]hen\\s+(?:I|we|he|she|they)\\s+(?:was|were)\\b[^.!?]*?|[Ii]n\\s+the\\s+past,?\\s+|[Aa]s\\s+a\\s+child,?\\s+)(?:I|we|he|she|they)\\s+)use(?=\\s+to\\s+\\p{Ll})|${SENTENCE_OPENING}((?:The|My|Your|His|Her|Our|Their)\\s+\\p{Ll}+\\s+)what(?=\\s+(?:I|you|we|they|he|she)\\s+\\p{Ll}+\\s+(?:was|is|were|are|has|had)\\b)|\\b(late)\\s+in\\s+the\\s+night\\b|\\b(${NUMBER}|\\d+)\\s+(hours|days|weeks|months|years|kilometres|kilometers|miles)\\s+and\\s+half\\b|\\b((?:knock|knocks|knocked|knocking)\\s+)(?=(?:the|my|our|his|her|their|your)\\s+(?:door|window)\\b(?!\\s+(?:down|in|open|off)\\b))`,
      'gu',
    ),
    replace: ([relativeNoun, late, number, unit, knock]) => {
      if (relativeNoun) return `${relativeNoun}that`;
      if (late) return `${late} at night`;
      if (number) return `${number} and a half ${unit!}`;
      if (knock) return `${knock}on `;
      return 'used';
    },
  },
  {
    // Letters and e-mails, from a probe of business writing: "I have send you" → "have sent" (verbs
    // whose base is no noun a "have" could own: not "have work", "have leave"; "the best place I
    // have ever saw" → "seen", where "saw" cannot be the tool), "will be hold" → "held", "regarding
    // to the invoice" → "regarding", "According the contract" → "According to" (at a sentence's
    // start: "entails upon the country according the rights" is "granting"), "in charge for" → "in
    // charge of" (not "in charge for a week"), "at 3 pm o'clock" → "at 3 pm", "founded since 1998"
    // → "founded in 1998", "Could you please to send" → "please send", "I am please to" → "pleased"
    pattern: new RegExp(
      `\\b((?:have|has|had|having)(?:\\s+(?:already|just|never|not|also))?\\s+)(${HAVE_BASES})\\b(?=\\s+(?:you|him|her|us|them|me|it|the|a|an|my|your|our|their|his|this|that|these|those|all|some|any|to|back|up|out|in|over|by|dinner|lunch|breakfast|school|work|homework|university|everything|something|nothing)\\b)|\\b((?:have|has|had)\\s+(?:ever|never|already|just)\\s+)saw\\b|\\b((?:be|been|being|is|are|was|were|will\\s+be)\\s+)hold\\b(?!\\s+(?:of|your|the\\s+line)\\b)|\\b([Rr]egarding)\\s+to\\b|${SENTENCE_OPENING}(According)(?=\\s+(?:the|my|his|her|our|their|your|this|these|a|an)\\b)|\\b(in\\s+charge)\\s+for\\b(?!\\s+(?:(?:the|a|an|one|two|three)\\s+)?(?:day|days|week|weeks|month|months|year|years|weekend|morning|afternoon|evening|night|summer|while|time\\s+being)\\b)|\\b((?:a\\.?m\\.?|p\\.?m\\.?))\\s+o['’]clock\\b|\\b((?:founded|established|built|created|opened|born)\\s+)since(?=\\s+(?:19|20)\\d\\d\\b)|(?<=\\b(?:you|You)\\s+)(please)\\s+to\\s+(?=\\p{Ll})|\\b((?:am|is|are|was|were|be)\\s+(?:very\\s+|so\\s+)?)please(?=\\s+to\\s+\\p{Ll})`,
      'gu',
    ),
    replace: ([
      have,
      base,
      haveEver,
      be,
      regarding,
      according,
      charge,
      meridiem,
      founded,
      please,
      am,
    ]) => {
      if (have) return `${have}${participleOf(base!)}`;
      if (haveEver) return `${haveEver}seen`;
      if (be) return `${be}held`;
      if (regarding) return regarding;
      if (according) return `${according} to`;
      if (charge) return `${charge} of`;
      if (meridiem) return meridiem;
      if (founded) return `${founded}in`;
      if (please) return `${please} `;
      return `${am!}pleased`;
    },
  },
  {
    // "I need that you send me" → "need you to send me" (as "wants that I" above; not the noun, "a
    // need that we share", nor "prefer" or "expect", whose "that" clause is English), "if you have
    // any question." → "questions", "As I said you on the phone" → "As I told you" (not "said you
    // should", a clause), "The manager told that the office" → "said that" (after its subject: not
    // "I was told that", "We are often told that", "when told that"), "a new employees for" → "new
    // employees" (where the noun phrase ends: not "a jobs bill", "a members-only list"; not "a
    // few", "a lot", "a people", nor a plural's possessive)
    pattern: new RegExp(
      `(?<=\\b(?:I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)(?:\\s+really)?\\s+|\\b(?:I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)['’]d\\s+)((?:need|needs|needed|would\\s+like|(?<=['’]d\\s+)like)\\s+)that\\s+(I|you|he|she|we|they)\\s+(${VERB_BASE})\\b|\\b(have\\s+any\\s+)(question|problem|doubt)(?=\\s*(?:[.,;!?]|$)|\\s+please\\b)|\\b(said)(?=\\s+(?:you|him|us|them|me)(?:\\s*[.,;!]|\\s+(?:that|on\\s+the\\s+phone|before|earlier|yesterday|last\\s+\\p{Ll}+)\\b))|(?<=\\b(?:I|[Yy]ou|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|(?:[Tt]he|[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\\s+\\p{Ll}+)\\s+)(told)(?=\\s+that\\s+(?:the|a|an|he|she|it|we|they|I|you|there|his|her|our|their|my|this|these|those)\\b)|\\ban?\\s+(?!(?:few|lot|couple|number|dozen|great|good\\s+many)\\b)((?:(?:new|good|old|big|small|nice|young|great|reasonable|few|different|other)\\s+)?(?:${PLURAL_COUNTABLE.filter((plural) => plural !== 'people').join('|')}))\\b(?![-'’])${PHRASE_END}`,
      'gu',
    ),
    replace: ([need, subject, verb, haveAny, noun, said, told, plural]) => {
      if (need) return `${need}${OBJECT_OF.get(subject!.toLowerCase())!} to ${verb!}`;
      if (haveAny) return `${haveAny}${noun!}s`;
      if (said) return 'told';
      if (told) return 'said';
      return plural!;
    },
  },
];

/** Bases that are also another verb's past ("Ekstrohm lay in his bunk"). */
const PAST_OF_ANOTHER_VERB = /^(?:lay|found|saw|fell|wound|ground|bore)$/u;
/**
 * A name opening a sentence, and the verb after it: "Maria live in Madrid", "Greta and Jonas was".
 * The rules cannot tell a name from a capitalised word that is none ("Please", "Americans",
 * "Nowadays"), so the grammar checker says which of these first words are proper nouns.
 */
const NAME_SUBJECT = new RegExp(
  `${SENTENCE_OPENING}(${NAME})((?:\\s+${FREQUENCY_ADVERB})?\\s+)(${VERB_BASE})\\b(?!['’])(?!\\s+(?:${AUXILIARY})\\b)(\\s+\\S+)?` +
    `|${SENTENCE_OPENING}(${NAME})(\\s+and\\s+)(${NAME})(\\s+)(was|is|has|does|doesn['’]t|wasn['’]t|isn['’]t|hasn['’]t)\\b`,
  'gu',
);

/** The capitalised words that open sentences as subjects of a verb after them (see below). */
export function sentenceOpeningNames(text: string): string[] {
  return [...text.matchAll(NAME_SUBJECT)].flatMap((match) =>
    match[1] ? [match[1]] : [match[5]!, match[7]!],
  );
}

/**
 * "Maria live in Madrid" → "Maria lives"; "Greta and Jonas was" → "were": agreement with names that
 * open a sentence, where `isName` says the word is one. Not a word ending in "s" or "men" (a
 * people: "Americans like", "Englishmen like"), nor a verb whose past is its base or another verb's
 * past ("Maria put", "Ekstrohm lay"), nor "like" before a pronoun or a name ("Maria like you").
 */
export function withNameSubjectAgreement(text: string, isName: (word: string) => boolean): string {
  return text.replace(
    NAME_SUBJECT,
    (
      whole: string,
      name: string | undefined,
      between: string,
      verb: string,
      next: string | undefined,
      first: string,
      and: string,
      second: string,
      space: string,
      singular: string,
    ) => {
      if (name === undefined) {
        if (!isName(first) || !isName(second)) return whole;
        const plural = PLURAL_VERB.get(singular.replace('’', "'"))!;
        const written = singular.includes('’') ? plural.replace("'", '’') : plural;
        return `${first}${and}${second}${space}${written}`;
      }
      const people = /(?:s|men)$/u.test(name);
      const maybePast = PAST_LIKE_BASE.test(verb) || PAST_OF_ANOTHER_VERB.test(verb);
      const preposition =
        verb === 'like' &&
        (!next || /^\s+(?:\p{Lu}|(?:me|you|him|her|us|them|this|that|it)\b)/u.test(next));
      if (!isName(name) || people || maybePast || preposition) return whole;
      return `${name}${between}${thirdPersonOf(verb)}${next ?? ''}`;
    },
  );
}
