/**
 * Learner errors that take a whole clause to see, from the families learner corpora and grammar
 * books list among the commonest: a direct question ended with a period ("Where do you live."), the
 * perfect progressive with a base verb ("She has been live"), the present perfect missing beside
 * "in the last five years", "since 2015", "still" and "yet" ("I still didn't receive it"), "will" in
 * an opening time or condition clause ("If I will have time, I will call"), agreement across a
 * phrase ("The price of the tickets are", "My friend, who live in"), the order of a question ("What
 * you are doing?") and of a time and an object ("bought last month a laptop"), "one of my friend",
 * and "the more intelligent student in the class".
 * As elsewhere (learner-grammar.ts), each pattern asks for the words that make it wrong in every
 * reading; the model card counts what they change over the training corpus's correct English.
 */

import {
  baseOfGerund,
  baseOfKnownThirdPerson,
  gerundOf,
  isVerbBase,
  participleOf,
  participleOfPastForm,
  pastOf,
  sameFormOf,
  thirdPersonOf,
  VERB_BASES,
} from './english-verbs.js';
import { pluralOf, SINGULAR_SUBJECTS } from './learner-forms.js';
import {
  alternation,
  haveFor,
  MONTH,
  presentFor,
  WEEKDAY,
  type LearnerRule,
} from './learner-order-tense.js';
import { matchCase } from './ocr-lexicon.js';

/** Where a sentence starts: the text's start or after a sentence's end mark. */
export const SENTENCE_START = '(?:^|(?<=[.!?]\\s+))';
const SUBJECT_PRONOUN = 'I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t';
/** "If you will stick with this plan" is also polite English: "you" is left out of the if-rule. */
const PRONOUN_BUT_YOU = 'I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t';
/** The subject pronouns of people (not "it", which "it has been work" needs). */
export const PERSON_PRONOUN = 'I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he';
/** What follows the verb that opens a question: its subject. */
const QUESTION_SUBJECT =
  'you|he|she|it|we|they|I|there|the|your|my|his|her|our|their|this|that|these|those';

/**
 * Verbs whose base also reads as an adjective or preposition after "been" ("has been open", "has
 * been close to", "has been like a brother").
 */
const BASE_AFTER_BEEN = new Set(['open', 'close', 'clean', 'like', 'end', 'present', 'free']);

/** The base of a regular past of a known verb ("cooked" → "cook", "studied" → "study"). */
const BASE_OF_REGULAR_PAST: ReadonlyMap<string, string> = new Map(
  VERB_BASES.filter((verb) => pastOf(verb).endsWith('ed')).map((verb) => [pastOf(verb), verb]),
);

/** Superlatives learners use without "the" ("where is nearest pharmacy"). */
const NEAREST =
  '(?:nearest|closest|cheapest|biggest|largest|oldest|tallest|highest|fastest|easiest)';

/** The perfect of a past verb for `subject` ("met" → "have met"), or undefined for no past. */
function perfectOf(subject: string, past: string): string | undefined {
  if (past === 'was' || past === 'were') return `${haveFor(subject)} been`;
  const participle = participleOfPastForm(past);
  return participle ? `${haveFor(subject)} ${participle}` : undefined;
}

/** Nouns with "one of my" / "one of the" that learners leave singular, with their plurals. */
const SINGULAR_AFTER_ONE_OF = (
  'friend brother sister cousin colleague classmate teacher student neighbour neighbor ' +
  'reason problem idea thing place player child'
).split(' ');

/** Adjectives of two or more syllables, compared with "most". */
const LONG_ADJECTIVES =
  'intelligent|beautiful|interesting|important|expensive|famous|popular|difficult|dangerous|' +
  'comfortable|delicious|exciting|modern|successful|talented|polite|helpful|useful|boring|' +
  'hardworking|hard-working|friendly|generous|honest|careful|creative|attractive|crowded|polluted';

/** Where a superlative's group follows: "in the class", "in the world", "of all". */
const SUPERLATIVE_GROUP =
  '(?:in\\s+(?:the|my|our|this|his|her|their)\\s+(?:class|world|country|city|town|family|school|team|company|group|office|village|university)|of\\s+all)\\b';

/** What a customer waits for ("I still didn't receive my refund"). */
const AWAITED =
  'order|package|parcel|refund|money|answer|reply|email|e-mail|letter|invoice|confirmation|response|tickets?|results?|goods|item|items';
/** Verbs of finished tasks that learners put in the past beside "yet" ("I didn't finish it yet"). */
const STILL_OR_YET_VERBS =
  'finish|receive|get|decide|start|pay|find|buy|book|answer|reply|hear|send|read|see|do|eat|try|visit|meet|choose|complete';

/** Verbs of change, told in the present perfect over "the last five years". */
const CHANGE_PASTS = new Set(
  (
    'increased decreased grew rose fell changed improved dropped doubled tripled became got ' +
    'declined expanded shrank worsened developed'
  ).split(' '),
);

/** Verbs that "I'd like", "I need" and "I want" take with "to" ("I need know" → "need to know"). */
const WANTED_VERBS =
  'finish|receive|get|decide|start|pay|find|buy|book|answer|reply|hear|send|see|eat|visit|meet|' +
  'choose|complete|know|go|ask|leave|stay|learn|say|tell|inform|apply|cancel|thank|confirm|reserve';

/** Conjunctions that open a time or condition clause before its main clause. */
const OPENING_CLAUSE = 'If|When|As\\s+soon\\s+as|Once|Before|After|Until|Unless';

/**
 * Singular nouns that head a subject with "of" and a plural after them ("The price of the tickets
 * are"); not those of quantity or kind ("the rest / majority / kind of the people are").
 */
const SINGULAR_HEADS =
  'price|cost|quality|number|level|size|value|amount|rate|list|state|condition|future|history|' +
  'health|safety|behaviour|behavior|attitude|role|impact|effect|influence|importance|population|' +
  'salary|design|colour|color|owner|manager|director|leader|president|version|noise|smell|taste|' +
  'weather|food|service|staff\\s+room|room|house|city|government|economy|situation|problem|' +
  'result|goal|aim|purpose|main\\s+reason|reason|opinion|view|advice|information';

/** Times that learners put between a verb and its object ("bought last month a laptop"). */
const FINISHED_OR_COMING_TIME =
  '(?:last|next|this)\\s+(?:week|weekend|month|year|summer|winter|spring|autumn|' +
  `${WEEKDAY})|yesterday|tomorrow|today`;
/** Verbs after which a time cannot come before the object in English. */
const TRANSITIVE_PASTS =
  'bought|visited|saw|met|watched|read|ate|sold|found|lost|finished|started|booked|ordered|received|sent|wrote|took|made|organized|organised|painted|cleaned|repaired|rented|won|celebrated|invited|called';

/** Nouns English does not count, after "there are a lot of". */
const MASS_AFTER_THERE =
  'traffic|noise|pollution|rain|snow|wind|information|furniture|homework|work|food|water|money|' +
  'time|space|crime|unemployment|equipment|luggage|fun|damage|stuff|music|sun|smoke|dust|news';

/** Adjectives that "much" cannot grade ("too much beautiful" → "very beautiful"). */
const PLAIN_ADJECTIVES =
  'beautiful|nice|interesting|expensive|big|small|difficult|easy|happy|tired|important|' +
  'boring|delicious|friendly|kind|crowded|dangerous|busy|far|old|young|famous|different|' +
  'exciting|comfortable|useful|funny|sad|angry|hungry|bored|polite|clean|dirty';

/** Adjectives of a thing or situation that a learner's "is possible to" drops "it" before. */
const IMPERSONAL_ADJECTIVES =
  'possible|impossible|necessary|important|difficult|easy|hard|better|good|bad|normal|dangerous|' +
  'forbidden|allowed|true|useful|interesting|nice|expensive|cheap|free|obvious|clear';

/** Nouns after "one of the most beautiful", always plural there. */
const SINGULAR_AFTER_SUPERLATIVE = (
  'woman man person city country place building thing day moment experience song film movie ' +
  'book restaurant hotel beach museum company team player singer actor writer dish food problem'
).split(' ');

/** People named in the plural, who take a plural verb ("My parents doesn't" → "don't"). */
const PLURAL_PEOPLE =
  'parents|friends|children|brothers|sisters|neighbours|neighbors|colleagues|students|teachers|' +
  'kids|grandparents|cousins|classmates';
export const CLAUSE_RULES: readonly LearnerRule[] = [
  {
    // "Where do you live." → "Where do you live?"; "Can you help me with this." → "?"; not with
    // "please" ("Can you please send" is a request letters end with a period), nor "Could/Would
    // you", nor "Should you need", a condition, nor a question reported with "he said", nor "Do it
    // now." and "Have it ready.", which are imperatives
    pattern: new RegExp(
      `${SENTENCE_START}((?:(?:Where|What|When|Why|How|Who|Which)(?:\\s+(?:time|much|many|long|often|far|old|soon|else|kind\\s+of\\s+\\p{Ll}+))?\\s+(?:do|does|did|is|are|was|were|can|will|have|has)\\s+(?:${QUESTION_SUBJECT})|(?:Is|Are|Can|Will)\\s+(?:${QUESTION_SUBJECT})|(?:Do|Have)\\s+(?:I|you|we|they|he|she|there)|(?:Does|Did|Has)\\s+(?:I|you|we|they|he|she|it|there))\\b[^.!?;:]*)\\.(?=\\s*$|\\s+\\p{Lu})`,
      'gu',
    ),
    replace: ([question]) =>
      /\b(?:please|said|says|asked|asks|wondered)\b/iu.test(question!)
        ? undefined
        : `${question!}?`,
  },
  {
    // "She has been live in Dubai" → "has been living"; "They have been study" → "studying"
    pattern: new RegExp(
      `\\b((?:${PERSON_PRONOUN})(?:\\s+(?:have|has|had)|['’](?:ve|s|d))\\s+(?:(?:not|never|just|always|also)\\s+)?been\\s+)(\\p{Ll}+)\\b(?!['’-])`,
      'gu',
    ),
    replace: ([been, verb]) =>
      isVerbBase(verb!) && participleOf(verb!) !== verb && !BASE_AFTER_BEEN.has(verb!)
        ? `${been!}${gerundOf(verb!)}`
        : undefined,
  },
  {
    // "One of my friend lives" → "One of my friends"; "one of the best student in" → "students"
    pattern: new RegExp(
      `\\b((?:one|One)\\s+of\\s+(?:my|your|his|her|our|their|the)\\s+(?:(?:best|biggest|closest|oldest|most\\s+\\p{L}+|\\p{L}+est)\\s+)?)(${alternation(SINGULAR_AFTER_ONE_OF)})\\b(?!['’-])(?!\\s+(?:of|and|or)\\b)`,
      'giu',
    ),
    replace: ([oneOf, noun]) => `${oneOf!}${matchCase(noun!, pluralOf(noun!.toLowerCase()))}`,
  },
  {
    // "She is the more intelligent student in the class" → "the most intelligent"
    pattern: new RegExp(
      `\\b(the)(\\s+)more(\\s+(?:${LONG_ADJECTIVES})\\s+\\p{L}+\\s+${SUPERLATIVE_GROUP})`,
      'giu',
    ),
    replace: ([the, space, rest]) => `${the!}${space!}most${rest!}`,
  },
  {
    // "If I will have time, I will call you" → "If I have time"; "When she will arrive, we'll eat"
    pattern: new RegExp(
      `${SENTENCE_START}((?:${OPENING_CLAUSE})\\s+)(${PRONOUN_BUT_YOU})\\s+will\\s+(\\p{Ll}+)\\b(?=[^.!?;]*,\\s*(?:${SUBJECT_PRONOUN}|please)\\b(?:\\s+(?:will|can|must|should|need)\\b|['’]ll\\b|\\s+\\p{Ll}+))`,
      'gu',
    ),
    replace: ([opening, subject, verb]) => {
      if (!isVerbBase(verb!)) return undefined;
      return `${opening!}${subject!} ${presentFor(subject!, verb!)}`;
    },
  },
  {
    // "In the last five years the population increased a lot" → "has increased"; "Since 2015 the
    // company grew" → "has grown" (not "since" before a clause, which may mean "because"; "Since then
    // he had worked" is a perfect already)
    pattern: new RegExp(
      `${SENTENCE_START}((?:(?:In|Over)\\s+the\\s+(?:last|past)\\s+(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|few|several)\\s+(?:years|decades)|Since\\s+(?:(?:19|20)\\d\\d|${MONTH}|then|last\\s+year)),?\\s+)((?:${SUBJECT_PRONOUN})|(?:the|this|our|my)\\s+\\p{Ll}+)\\s+(?:(already|also|never|really)\\s+)?(\\p{Ll}+)\\b(?!['’])`,
      'gu',
    ),
    replace: ([opening, subject, adverb, past]) => {
      // Only a change told as a trend; "In the past four years we acted on it" is American English
      if (!CHANGE_PASTS.has(past!)) return undefined;
      const perfect = perfectOf(subject!, past!);
      if (!perfect) return undefined;
      const [have, participle] = perfect.split(' ');
      return `${opening!}${subject!} ${have!} ${adverb ? `${adverb} ` : ''}${participle!}`;
    },
  },
  {
    // "I still didn't receive my order" → "I still haven't received my order"; "I didn't finish it
    // yet" → "I haven't finished it yet" (a story's "he still didn't know" is left)
    pattern: new RegExp(
      `\\b(${PERSON_PRONOUN})(\\s+still\\s+)(didn['’]t|did\\s+not)\\s+(receive|get)\\b(?=\\s+(?:(?:my|the|your|any|our|an?)\\s+(?:${AWAITED})|it|them)\\b)|\\b(${PERSON_PRONOUN})(\\s+)(didn['’]t|did\\s+not)\\s+(${STILL_OR_YET_VERBS})\\b(?=[^.!?;,]*?\\byet\\b)`,
      'gu',
    ),
    replace: ([subject, still, didNot, verb, subject2, space, didNot2, verb2]) => {
      const who = subject ?? subject2!;
      const written = didNot ?? didNot2!;
      const not = /n['’]t$/u.test(written) ? `n${written.at(-2)!}t` : ' not';
      return `${who}${still ?? space!}${haveFor(who)}${not} ${participleOf(verb ?? verb2!)}`;
    },
  },
  {
    // "Everyone were happy" → "was", "Everyone in the office are friendly" → "is"; not "as if
    // everyone were" nor "I wish everybody were"
    pattern:
      /(?<!\b(?:[Ii]f|[Tt]hough|[Ww]ish|[Ww]ished)\s+)\b((?:[Ee]very(?:body|one)|[Ss]ome(?:body|one)|[Nn]obody|[Nn]o\s+one)\s+(?:(?:in|at|from|on)\s+(?:the|my|our|your|this|his|her|their)\s+\p{Ll}+\s+)?)(were|are)\b(?!['’]|\s+to\b)/gu,
    replace: ([everybody, were]) => `${everybody!}${were === 'are' ? 'is' : 'was'}`,
  },
  {
    // "The price of the tickets are too high" → "is"; "The number of cars are increasing" → "is";
    // "The noise from the neighbours make it impossible" → "makes"; not after a subject of its own
    // ("The number of cars we have is small")
    pattern: new RegExp(
      `${SENTENCE_START}((?:The|This|That|My|Our|Your|Their|His|Her)\\s+(?:(?:new|old|main|average|total|high|low|first|last|final|current)\\s+)?(?:${SINGULAR_HEADS})\\s+(?:of|from|in)\\s+(?:(?:the|my|our|your|their|these|those|all\\s+the|many|some)\\s+)?(?:\\p{Ll}+\\s+)?(?!(?:that|which|who|whom|whose|where|when|you|we|they|he|she|it)\\b)\\p{Ll}+)(\\s+)(are|have|were|do|don['’]t|make|cause|give|keep|help)\\b(?!['’])`,
      'gu',
    ),
    replace: ([subject, space, verb]) => {
      const singular = { are: 'is', have: 'has', were: 'was', do: 'does' }[verb!];
      if (singular) return `${subject!}${space!}${singular}`;
      return `${subject!}${space!}${/^don/u.test(verb!) ? "doesn't" : thirdPersonOf(verb!)}`;
    },
  },
  {
    // "We visited last year a beautiful castle" → "We visited a beautiful castle last year"; "I will
    // be next week in London" → "I will be in London next week"
    pattern: new RegExp(
      `\\b((?:${PERSON_PRONOUN})\\s+(?:${TRANSITIVE_PASTS}|will\\s+be))\\s+(${FINISHED_OR_COMING_TIME})\\s+((?:a|an|the|my|your|his|her|our|their|some|two|three|at|in)\\s+(?:(?!\\b(?:and|but|because|when|which|that|who|so|if|to)\\b)[^.,;:!?])+?)(?=\\s*(?:[.!?]|$)|,\\s+(?:so|and|but|because)\\b)`,
      'gu',
    ),
    replace: ([verb, time, object]) => `${verb!} ${object!} ${time!}`,
  },
  {
    // "It is the first time I visit London" → "I have visited"; "This is the first time I am in
    // Japan" → "I have been"
    pattern: new RegExp(
      `\\b((?:It|it|This|this)(?:\\s+is|['’]s)\\s+the\\s+first\\s+time\\s+)(${PERSON_PRONOUN})\\s+(\\p{Ll}+)\\b(?!['’])`,
      'gu',
    ),
    replace: ([opening, subject, verb]) => {
      if (/^(?:have|has|had|will|would|can|could|must|should|may|might|do|did)$/u.test(verb!)) {
        return undefined;
      }
      const third = /^(?:he|she)$/iu.test(subject!);
      const base = /^(?:am|is|are)$/u.test(verb!)
        ? 'be'
        : third
          ? verb!.endsWith('s') && isVerbBase(verb!.replace(/e?s$/u, ''))
            ? verb!.replace(/e?s$/u, '')
            : undefined
          : verb;
      if (base === undefined || !isVerbBase(base)) return undefined;
      return `${opening!}${subject!} ${third ? 'has' : 'have'} ${participleOf(base)}`;
    },
  },
  {
    // "I have been in London last year" → "I was in London"
    pattern: new RegExp(
      `\\b(${PERSON_PRONOUN})\\s+(?:have|has)\\s+been(?!\\s+to\\b)(?=(?:(?!\\b(?:that|who|which|when|while|because|and|but|if|so|since|until|before|after|from|to)\\b)[^.,;:!?])*?\\b(?:yesterday|(?<!\\b(?:the|this|that)\\s)last\\s+(?:week|weekend|month|year|summer|winter|night)(?!['’])|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:years|months|weeks|days)\\s+ago|in\\s+(?:19|20)\\d\\d)\\b)`,
      'gu',
    ),
    replace: ([subject]) => `${subject!} ${/^(?:I|he|she)$/iu.test(subject!) ? 'was' : 'were'}`,
  },
  {
    // "There are a lot of traffic" → "There is"; "There were so much noise" → "There was"
    pattern: new RegExp(
      `\\b([Tt]here\\s+)(are|were)(?=\\s+(?:a\\s+lot\\s+of|lots\\s+of|so\\s+much|too\\s+much|much|a\\s+little|little)\\s+(?:${MASS_AFTER_THERE})\\b(?!['’]))`,
      'gu',
    ),
    replace: ([there, verb]) => `${there!}${verb === 'are' ? 'is' : 'was'}`,
  },
  {
    // "Why you don't come with us?" → "Why don't you come"; "Most people thinks" → "think"
    pattern: new RegExp(
      `${SENTENCE_START}(Why)\\s+(you|we|they|he|she|I)\\s+(don['’]t|doesn['’]t|didn['’]t)(?=\\s+\\p{Ll}+[^.!?]*\\?)|${SENTENCE_START}((?:Most|Many|Some|Young|Old|A\\s+lot\\s+of)\\s+people\\s+)(\\p{Ll}+s)\\b(?!['’])`,
      'gu',
    ),
    replace: ([why, subject, didNot, people, verb]) => {
      if (why) return `${why} ${didNot!} ${subject!}`;
      const base = baseOfKnownThirdPerson(verb!);
      return base ? `${people!}${base}` : undefined;
    },
  },
  {
    // "Is possible to change the date?" → "Is it possible"; "Is very important to sleep." → "It is
    // very important"; "because is very expensive" → "because it is"
    pattern: new RegExp(
      `${SENTENCE_START}Is(\\s+(?:(?:very|really|so|not|quite)\\s+)?(?:${IMPERSONAL_ADJECTIVES})\\s+(?:to|that|for)\\b[^.!?]*([.!?]|$))|\\b([Bb]ecause|[Ii]f|[Ww]hen|[Aa]lthough|[Tt]hough)\\s+is\\s+(?=(?:(?:very|so|too|really|quite|not)\\s+)?(?:${IMPERSONAL_ADJECTIVES}|${PLAIN_ADJECTIVES})\\b)`,
      'gu',
    ),
    replace: ([rest, mark, conjunction]) => {
      if (conjunction) return `${conjunction} it is `;
      return mark === '?' ? `Is it${rest!}` : `It is${rest!}`;
    },
  },
  {
    // "The city is too much beautiful" → "very beautiful", "too much expensive for us" → "too
    // expensive for us" ("so much interested" is English); "He not
    // like coffee" → "He doesn't like"; "I not understand" → "I don't"
    pattern: new RegExp(
      `\\b(too)\\s+much\\s+(?=(?:${PLAIN_ADJECTIVES})\\b(?!\\s+(?:to|of|about|that|for)\\b))|\\b(too)\\s+much\\s+(?=(?:${PLAIN_ADJECTIVES})\\s+(?:to|for)\\b)|(?:^|(?<=[.!?,;]\\s+|\\b(?:and|but|because|so|if|when)\\s+))(${PERSON_PRONOUN})\\s+not\\s+(\\p{Ll}+)\\b(?!['’])`,
      'gu',
    ),
    replace: ([degree, tooFor, subject, verb]) => {
      // A learner's "too much beautiful" means "very beautiful", not "too beautiful"; "too much
      // expensive for us" means "too expensive for us".
      if (degree) return `${matchCase(degree, 'very')} `;
      if (tooFor) return `${tooFor} `;
      if (!isVerbBase(verb!) || verb === 'be') return undefined;
      const third = /^(?:he|she)$/iu.test(subject!);
      return `${subject!} ${third ? "doesn't" : "don't"} ${verb!}`;
    },
  },
  {
    // "What you are doing?" → "What are you doing?"; "Do you can help me?" → "Can you help me?"
    pattern: new RegExp(
      `${SENTENCE_START}(What|Where|When|Why|How|Who)\\s+(you|he|she|they|we|it)\\s+(?:(are|is|was|were)\\s+(?=\\p{Ll}+ing\\b)|(can|will)\\s+(?=(?:${alternation(VERB_BASES)})\\b))(?=[^.!?,;:-]*\\?)|${SENTENCE_START}(Do|Does)\\s+(you|he|she|they|we)\\s+(can|could|must|should)\\s+(?=\\p{Ll}+[^.!?]*\\?)`,
      'gu',
    ),
    replace: ([wh, subject, be, modal, , subject2, modal2]) => {
      if (wh) return `${wh} ${be ?? modal!} ${subject!} `;
      return `${modal2!.charAt(0).toUpperCase()}${modal2!.slice(1)} ${subject2!} `;
    },
  },
  {
    // "She can swimming" → "can swim"; "I can't to sleep" → "can't sleep" (any verb: "He can’t to
    // swim"); "I'd like book a room" → "I'd like to book"; "I need know" → "need to know"; "I look
    // forward hearing" → "forward to hearing"; "a lot of time ago" → "a long time ago"
    pattern: new RegExp(
      `(?<=(?<!\\b(?:than|as)\\s+)\\b(?:I|[Yy]ou|[Hh]e|[Ss]he|[Ii]t|[Ww]e|[Tt]hey)\\s+)((?:can|could|must|should|might|may)(?:n['’]t|not)?\\s+)(\\p{Ll}+ing)\\b|\\b((?:can['’]t|cannot|can\\s+not|couldn['’]t|mustn['’]t|shouldn['’]t)\\s+)to\\s+(?=(\\p{Ll}+)\\b)|\\b((?:['’]d|would|I|we|you|they)\\s+(?:like|need|want)\\s+)(?=(?:${WANTED_VERBS})\\b(?!['’]))|\\b((?:look|looks|looking|looked)\\s+forward)\\s+(?=(?:hearing|meeting|seeing|working|receiving|visiting|talking)\\b)|\\b(a)\\s+lot\\s+of\\s+time\\s+ago\\b`,
      'gu',
    ),
    replace: ([modal, gerund, cannot, next, like, forward, a]) => {
      if (modal) {
        const base = baseOfGerund(gerund!);
        return base ? `${modal}${base}` : undefined;
      }
      if (cannot) return isVerbBase(next!) ? cannot : undefined;
      if (like) return `${like}to `;
      if (forward) return `${forward} to `;
      return `${a!} long time ago`;
    },
  },
  {
    // "one of the most beautiful woman" → "women"; "why people moves" → "move"; "My parents
    // doesn't" → "don't"; "My friend, who live in Paris" → "who lives"
    pattern: new RegExp(
      `\\b([Oo]ne\\s+of\\s+(?:the|my|your|his|her|our|their)\\s+(?:most\\s+\\p{Ll}+|best|worst|\\p{Ll}+est)\\s+)(${alternation(SINGULAR_AFTER_SUPERLATIVE)})\\b(?!['’-])(?!\\s+(?:of|and)\\b)|(?<=\\b(?:why|that|because|if|when|where|many|most|some|young|old)\\s+)(people\\s+)(?!(?:is|has|was|does)\\b)(\\p{Ll}+s)\\b(?!['’])|(?:^|(?<=[.!?;:]\\s+|\\b(?:because|but|so|when|while|although|if|and)\\s+))((?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\\s+(?:${PLURAL_PEOPLE})\\s+)(doesn['’]t|does\\s+not)\\b|(?<!\\band\\s+)\\b((?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our)\\s+(?:${SINGULAR_SUBJECTS}),\\s+who\\s+)(${alternation(VERB_BASES)})\\b(?!['’])`,
      'gu',
    ),
    replace: ([oneOf, noun, people, verb, parents, doesNot, friendWho, base]) => {
      if (oneOf) return `${oneOf}${pluralOf(noun!)}`;
      if (people) {
        const plural = baseOfKnownThirdPerson(verb!);
        return plural ? `${people}${plural}` : undefined;
      }
      if (parents)
        return `${parents}${/^does\s/u.test(doesNot!) ? 'do not' : `don${doesNot!.at(-2)!}t`}`;
      if (/^(?:put|cut|hit|let|set|cost|hurt|read|shut)$/u.test(base!)) return undefined;
      return `${friendWho!}${thirdPersonOf(base!)}`;
    },
  },
  {
    // "I want you help me" → "want you to help me"; "My boss asked me come early" → "asked me to
    // come"; "During I was in London," → "While I was" (not after let, make, help or see, which take
    // the bare infinitive)
    pattern: new RegExp(
      `\\b((?:want|wants|wanted|['’]d\\s+like|would\\s+like|asked|asks|ask|told|tells|expect|expects|expected)\\s+(?:me|you|him|her|us|them)\\s+)(?=(?:${alternation(VERB_BASES.filter((verb) => !/^(?:be|have|do|like|love|need|want|work|plan|study|help|call|book|visit|order|change|play|stay|wait|travel|rain|snow|answer|look|use|end|fix|check|support|return|contact|increase|pass|finish|start|open|close|cancel|cook|clean|watch|offer|reach)$/u.test(verb)))})\\b(?!['’-])|(?:help|call|visit|contact|answer|check|support|wait|look|watch|meet)\\s+(?:me|you|him|her|us|them|it|for|at)\\b)|\\b([Dd])uring(\\s+(?:I|we|he|she|they|you)\\s+(?:was|were|am|is|are|lived|stayed|worked|studied)\\b)`,
      'gu',
    ),
    replace: ([asked, d, clause]) => {
      if (asked) return `${asked}to `;
      return `${d === 'D' ? 'W' : 'w'}hile${clause!}`;
    },
  },
  {
    // "Plastic bags is very harmful" → "are"; not a plural form with a singular sense ("Physics is",
    // "Public relations is"), a word in -is or -us ("But this is", "My arthritis is"), a name ("Paris
    // is") nor a gerund's object ("Rendering polygons is")
    pattern: new RegExp(
      `${SENTENCE_START}(\\p{Lu}\\p{Ll}+(?<!ing)\\s+(?!(?:news|series|species|means|relations|politics|economics|physics|mathematics|statistics|athletics|measles)\\b)\\p{Ll}+[^siu\\s]s)(\\s+)(is|was|has)\\b(?!['’])(?=\\s+(?:very|so|too|really|not|always|often|harmful|dangerous|bad|good|important|expensive|cheap|\\p{Ll}+ing)\\b)`,
      'gu',
    ),
    replace: ([subject, space, verb]) =>
      `${subject!}${space!}${{ is: 'are', was: 'were', has: 'have' }[verb as 'is']}`,
  },
  {
    // "I have never eaten sushi before I came to Tokyo" → "I had never eaten"; "Since I moved to
    // Canada, I made many friends" → "I have made"; "While I cooked dinner, the phone rang" → "While
    // I was cooking"; "Look, it rains again" → "it's raining"
    pattern: new RegExp(
      `\\b((?:${PERSON_PRONOUN})\\s+)have(\\s+(?:never|already|not|just)\\s+\\p{Ll}+\\b[^.!?;]*?\\bbefore\\s+(?:I|we|he|she|they)\\s+(?:came|went|moved|arrived|started|visited|met|left)\\b)|${SENTENCE_START}(Since\\s+(?:I|we|he|she|they)\\s+(?:moved|came)\\s+(?:to|here)\\b[^.!?;,]*,\\s+)(I|we|he|she|they)\\s+(made|met|learned|learnt|visited|travelled|traveled|tried|found|seen|saw)\\b|${SENTENCE_START}(While\\s+)(I|we|he|she|they|you)\\s+(\\p{Ll}+ed)\\b(?=[^.!?;]*,[^.!?;]*\\b(?:rang|arrived|came|called|knocked|started|broke|fell|happened|went\\s+out)\\b)|\\b([Ii]t)\\s+rains\\s+(?=(?:again|now|right\\s+now)\\b)`,
      'gu',
    ),
    replace: ([subject, before, since, subject2, past, whileWord, subject3, cooked, it]) => {
      if (subject) return `${subject}had${before!}`;
      if (since) {
        const participle = past === 'saw' ? 'seen' : (participleOfPastForm(past!) ?? past!);
        return `${since}${subject2!} have ${participle}`;
      }
      if (whileWord) {
        const base = BASE_OF_REGULAR_PAST.get(cooked!);
        if (!base) return undefined;
        const be = /^(?:I|he|she)$/u.test(subject3!) ? 'was' : 'were';
        return `${whileWord}${subject3!} ${be} ${gerundOf(base)}`;
      }
      return `${it!}'s raining `;
    },
  },
  {
    // "What a beautiful day it is today?" → "!"; "Can you tell me where is nearest pharmacy?" →
    // "the nearest"; "I'd like to know how much cost the tickets" → "how much the tickets cost";
    // "I don't know when starts the course" → "when the course starts"
    pattern: new RegExp(
      `${SENTENCE_START}(What\\s+an?\\s+(?:(?!\\b(?:do|does|did|can|could|would|will|should|is\\s+it)\\b)[^.!?])*?)\\?|\\b((?:know|tell\\s+me|tell\\s+us|wonder|ask|sure)\\s+where\\s+)(is|are)\\s+(${NEAREST}\\s+\\p{Ll}+)(?=\\s*(?:[?.!,;]|$))|\\b((?:is|are|was|were|to)\\s+)(?=${NEAREST}\\s+(?!(?:to|of|in|from|at|than)\\b)\\p{Ll}+)|\\b((?:know|tell\\s+me|tell\\s+us|wonder|ask)\\s+how\\s+much\\s+)(costs?)\\s+((?:the|this|that|these|those|a|an|your|our)\\s+\\p{Ll}+|it)\\b|\\b((?:know|tell\\s+me|tell\\s+us|wonder|ask|sure)\\s+(?:exactly\\s+)?(?:when|where|what\\s+time)\\s+)(starts|begins|ends|opens|closes|leaves|arrives|finishes)\\s+((?:the|this|that|your|our|my)\\s+\\p{Ll}+)\\b`,
      'gu',
    ),
    replace: ([exclamation, where, be, place, before, howMuch, , priced, when, starts, thing]) => {
      if (exclamation) return `${exclamation}!`;
      if (where) return `${where}the ${place!} ${be!}`;
      if (before) return `${before}the `;
      if (howMuch)
        // The verb agrees with what is priced: "how much costs this jacket" → "this jacket costs",
        // "how much cost the tickets" → "the tickets cost".
        return `${howMuch}${priced!} ${/^(?:these|those)\b|(?<![su])s$/iu.test(priced!) ? 'cost' : 'costs'}`;
      return `${when!}${thing!} ${starts!}`;
    },
  },
  {
    // "This is the man which I met" → "who I met", "the woman which son" → "whose son"; "The book
    // who I read" → "that I read" (not "a person in the house who", whose "who" is the person's);
    // "I can't understand why is he angry" → "why he is angry"
    pattern: new RegExp(
      `\\b((?:the|a|an|this|that|my|your|his|her)\\s+(?:man|woman|person|boy|girl|teacher|friend|student|doctor|guy|lady|child|neighbour|neighbor|colleague|boss)\\s+)which\\b(?=(\\s+(?:son|sons|daughter|daughters|husband|wife|father|mother|parents|brother|brothers|sister|sisters|child|children|kids|family|name|car|house|dog|cat|office|phone|wallet|bag)\\b)?)|(?<!\\b(?:in|of|for|at|on|with|from|to|into|about|by)\\s+)\\b((?:[Tt]he|a|an|[Tt]his|[Mm]y)\\s+(?:book|film|movie|car|house|city|place|thing|phone|computer|song|restaurant|hotel|company|shop|present|gift|job|course)\\s+)who\\b|\\b((?:know|understand|wonder|sure|idea|tell\\s+me|explain|asked\\s+(?:me|him|her|them))\\s+(?:why|where|how|when)\\s+)(is|are|was|were)\\s+(he|she|it|they|you|we)\\s+(?=\\p{Ll})`,
      'gu',
    ),
    replace: ([person, possessed, thing, why, be, subject]) => {
      // "the woman which son studies" owns the son: "whose".
      if (person) return `${person}${possessed ? 'whose' : 'who'}`;
      if (thing) return `${thing}that`;
      return `${why!}${subject!} ${be!} `;
    },
  },
  {
    // "I would like that you come" → "I would like you to come"; "In my country is very hot" → "In my
    // country it is very hot" (not "In my city is a museum", which wants "there is")
    pattern: new RegExp(
      `\\b((?:would|['’]d)\\s+like\\s+)that\\s+(you|him|her|us|them)\\s+(?=(?:${alternation(VERB_BASES)})\\b)|${SENTENCE_START}(In\\s+(?:my|our|this|the)\\s+(?:country|city|town|village|region)\\s*,?\\s+)(is|was)(\\s+(?:(?:very|so|too|really|quite|always|usually|often)\\s+)?(?:hot|cold|warm|expensive|cheap|dangerous|safe|beautiful|difficult|easy|important|normal|common|popular|sunny|rainy|humid|dry|windy)\\b)`,
      'gu',
    ),
    replace: ([like, object, inMy, be, rest]) => {
      if (like) return `${like}${object!} to `;
      return `${inMy!}it ${be!}${rest!}`;
    },
  },
  {
    // "He goes to school yesterday." → "went"; "I am sick yesterday." → "was": a present verb with a
    // finished time at its clause's end (not "I think he left yesterday", whose "he" opens another
    // clause, nor "I read it yesterday", whose past is its base)
    pattern: new RegExp(
      `(?<!\\b(?:[Dd]id|[Dd]o|[Dd]oes|[Dd]idn['’]t|[Dd]on['’]t|[Dd]oesn['’]t|[Ww]ill|[Ww]ould|[Cc]an|[Cc]ould|[Ss]hould|[Mm]ust|[Mm]ay|[Mm]ight|to)\\s+)\\b(I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\\s+(\\p{Ll}+)\\b(?!['’])(?=((?:\\s+(?!(?:and|but|that|when|while|because|if|so|which|who|what|where|how|why|I|you|he|she|we|they|it|of|the|than)\\b)[\\p{L}\\d'’-]+){0,6})\\s+(?:yesterday|last\\s+(?:night|week|weekend|month|year|summer|winter|${WEEKDAY})|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:days|weeks|months|years)\\s+ago)\\s*(?:[.!?,;]|$))`,
      'gu',
    ),
    replace: ([subject, verb, between]) => {
      const third = /^(?:he|she)$/iu.test(subject!);
      // "I am sick yesterday"; not "I am grateful to the House for passing it last year", a feeling
      // now about a past event.
      const shortClause = between!.trim().split(/\s+/u).length <= 2;
      if (verb === 'am' || verb === 'is') return shortClause ? `${subject!} was` : undefined;
      if (verb === 'are') return shortClause ? `${subject!} were` : undefined;
      const base = third ? baseOfKnownThirdPerson(verb!) : isVerbBase(verb!) ? verb : undefined;
      if (
        !base ||
        /^(?:be|have|do|will|can|must|put|cut|hit|let|set|cost|hurt|read|shut|quit)$/u.test(base)
      ) {
        return undefined;
      }
      return `${subject!} ${pastOf(base)}`;
    },
  },
  {
    // "Where you live?" → "Where do you live?"; "Where he lives?" → "Where does he live?"; "I no like
    // coffee" → "I don't like coffee"; "Is there any questions?" → "Are there any questions?"
    pattern: new RegExp(
      `${SENTENCE_START}(Where|What|When|Why|How\\s+often|How\\s+much)\\s+(you|they|we|he|she)\\s+(\\p{Ll}+)\\b(?=[^.!?,;]*\\?)|\\b(I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\\s+no\\s+(like|likes|want|wants|know|knows|have|has|understand|understands|need|needs|speak|speaks|eat|eats|go|goes|think|thinks)\\b|${SENTENCE_START}(Is)(\\s+there\\s+(?:many|several|a\\s+lot\\s+of|lots\\s+of|any|some|two|three|other)\\s+(?!(?:news|series|means|species)\\b)\\p{Ll}+[^s\\s]s\\b)`,
      'gu',
    ),
    replace: ([wh, subject, verb, subject2, verb2, , there]) => {
      if (wh) {
        const third = subject === 'he' || subject === 'she';
        const base = third ? baseOfKnownThirdPerson(verb!) : isVerbBase(verb!) ? verb : undefined;
        if (!base || /^(?:be|do|have|can|will)$/u.test(base)) return undefined;
        return `${wh} ${third ? 'does' : 'do'} ${subject!} ${base}`;
      }
      if (subject2) {
        const third = /^(?:he|she)$/iu.test(subject2);
        const base = baseOfKnownThirdPerson(verb2!) ?? verb2!;
        return `${subject2} ${third ? "doesn't" : "don't"} ${base}`;
      }
      return `Are${there!}`;
    },
  },
  {
    // "She suggested me to take a taxi" → "suggested that I take" (suggest and recommend take no
    // object before "to"; "recommended him to the board" is no verb after "to"); "How long do you
    // live here?" → "How long have you lived here?" (only live and know: "How long do you work each
    // day?" asks about a habit)
    pattern: new RegExp(
      `\\b((?:suggest|suggests|suggested|suggesting|recommend|recommends|recommended|recommending)\\s+)(me|him|her|us|them|you)\\s+to\\s+(\\p{Ll}+)\\b|\\b([Hh]ow\\s+long)\\s+(do|does)\\s+(you|we|they|I|he|she|(?:your|his|her|their|my|our)\\s+\\p{Ll}+)\\s+(live|know)\\b`,
      'gu',
    ),
    replace: ([suggest, object, verb, howLong, doWord, subject, stateVerb]) => {
      if (suggest) {
        if (!isVerbBase(verb!) || verb === 'be') return undefined;
        return `${suggest}that ${SUBJECT_OF_OBJECT.get(object!)!} ${verb!}`;
      }
      const have = doWord === 'does' ? 'has' : 'have';
      return `${howLong!} ${have} ${subject!} ${participleOf(stateVerb!)}`;
    },
  },
  {
    // "I am living here for ten years" → "I have been living" (years and months: "I am staying for
    // two days" is a plan); "I have a fever since Monday" → "I have had"; "the hotel where we stayed
    // in was" → "where we stayed"; "He told that" → "He said that" (not "I was told that");
    // "Neither my brother or my sister" → "nor" (not across a verb: "Neither party should delay or
    // obstruct")
    pattern: new RegExp(
      `\\b(I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\\s+(?:am|is|are)\\s+(living|working|studying|teaching|learning)\\b(?=(?:\\s+(?:here|there|in\\s+\\p{L}+|in\\s+(?:this|the|a)\\s+\\p{L}+|at\\s+(?:this|the|a)\\s+\\p{L}+|English|French|Spanish|German))?\\s+for\\s+(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a\\s+few)\\s+(?:years|months)\\b)|\\b(I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\\s+(have|has)(?=\\s+(?:a|an)\\s+(?:fever|cold|headache|cough|toothache|stomach\\s?ache|sore\\s+throat)\\s+since\\s+(?:${WEEKDAY}|yesterday|last\\s+\\p{L}+|this\\s+morning|(?:19|20)\\d\\d)\\b)|\\b(where\\s+(?:I|you|we|they|he|she)\\s+(?:stayed|lived|live|worked|work|studied|study|slept|ate|grew\\s+up))\\s+in\\b(?=\\s+(?:was|is|were|are|has|had)\\b|\\s*[.,;!?]|\\s*$)|\\b(I|[Yy]ou|[Hh]e|[Ss]he|[Ww]e|[Tt]hey)\\s+(tell|tells|told)\\s+(?=that\\b)|\\b([Nn]either\\s+(?:(?!(?:should|would|could|can|will|must|may|might|shall|is|are|was|were|do|does|did|has|have|had)\\b)\\p{L}+\\s+){1,3}?)or\\b`,
      'gu',
    ),
    replace: ([subject, gerund, subject2, have, whereClause, subject3, tell, neither]) => {
      if (subject) return `${subject} ${haveFor(subject)} been ${gerund!}`;
      if (subject2) return `${subject2} ${have!} had`;
      if (whereClause) return whereClause;
      if (subject3) return `${subject3} ${sameFormOf(tell!, 'tell', 'say')!} `;
      return `${neither!}nor`;
    },
  },
];

/** The subject pronoun of an object pronoun. */
const SUBJECT_OF_OBJECT: ReadonlyMap<string, string> = new Map([
  ['me', 'I'],
  ['him', 'he'],
  ['her', 'she'],
  ['us', 'we'],
  ['them', 'they'],
  ['you', 'you'],
]);
