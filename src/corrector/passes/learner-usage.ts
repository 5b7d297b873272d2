/**
 * Learner errors of articles, quantifiers, prepositions, word choice and sentence structure that
 * Harper lets through, from the same probe as learner-pronouns.ts (495 learners' sentences written
 * fresh, 2026-12-08), each in a form no reading defends: "such nice day", "many money", "a little
 * friends", "Another students", "the July is", "learning the English for", "go to the work by bus",
 * "on January and", "the reason of my email", "grateful with you", "apologized me", "prepare to
 * the exam", "addicted on", "arrive in home", "got off from the train", "increased in 20 percent",
 * "bad to my health", "sleep good", "speaks English very fluent", "I was very impressive by",
 * "talk four languages", "rise your hand", "Can I lend your", "assist the meeting", "pass my
 * holidays", "control my essay", "enough hot", "money enough", "My brother he works", "Is very
 * cold today", "In my city are many parks", "How many people there are". Each checked on the
 * 181,050 correct corpus segments (model card, "Units, a lone "|", and learners' pronouns and prepositions").
 */
import type { LearnerRule } from './learner-order-tense.js';
import { matchCase } from './ocr-lexicon.js';

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const LANGUAGE =
  'English|French|Spanish|German|Italian|Chinese|Japanese|Russian|Arabic|Portuguese|Korean|Turkish|Hindi|Polish|Dutch|Greek|Swedish';
/** Plural nouns that are always counted ("a little friends" → "a few friends"). */
const COUNTED_PLURAL =
  'friends|hours|days|minutes|weeks|months|years|books|questions|ideas|problems|things|words|students|children|dollars|euros|pounds|photos|pictures|colleagues|classmates|countries|cities|places|shops|times|hobbies|languages|courses|subjects|games|songs|films|movies';
/** Nouns that are not counted ("many money" → "much money"). */
const UNCOUNTED =
  'money|traffic|water|milk|bread|homework|housework|furniture|luggage|baggage|advice|information|noise|rain|snow|food|coffee|sugar|knowledge|fun|patience|equipment|research|pollution|electricity|cheese|rice|meat|music|weather';
/** People a learner names before repeating them as a pronoun ("My brother he works"). */
const PERSON =
  'brother|brothers|sister|sisters|father|mother|parents|friend|friends|boss|manager|teacher|husband|wife|son|daughter|uncle|aunt|cousin|cousins|neighbou?r|neighbou?rs|grandmother|grandfather|grandparents|colleague|colleagues|children|family';
const SINGULAR_THING =
  'day|time|person|man|woman|place|city|idea|film|movie|book|job|trip|holiday|party|weekend|week|experience|problem|question|mistake|house|view|teacher|friend|game|story|song|restaurant|girl|boy|family|country|present|gift|surprise';
const DEGREE_ADJECTIVE =
  'nice|good|beautiful|great|bad|terrible|lovely|big|small|long|hard|difficult|wonderful|interesting|boring|busy|cold|hot|funny|strange|beautiful|delicious|expensive|cheap|important|useful|kind|sad|happy';
/** Adjectives "enough" follows ("hot enough"), before what it is enough for or the clause's end. */
const ENOUGH_ADJECTIVE =
  'hot|cold|warm|big|small|old|young|good|strong|fast|tall|long|cheap|rich|clean|safe|easy|hard|early|late|high|low|close|far|large|wide|fresh|ripe|mature|experienced|serious|quiet|loud|bright|dark|light|heavy|short|smart|clever|brave|fit|healthy|ready';
const MASS_FOR_ENOUGH = 'money|food|water|experience|information|energy|staff|chairs|seats';
/** Adjectives a learner writes for how one feels, in -ing, with what follows their -ed form. */
const FEELING: Readonly<Record<string, string>> = {
  impressive: 'impressed',
  interesting: 'interested',
  exciting: 'excited',
  boring: 'bored',
  surprising: 'surprised',
  disappointing: 'disappointed',
  tiring: 'tired',
  confusing: 'confused',
  embarrassing: 'embarrassed',
  frightening: 'frightened',
  annoying: 'annoyed',
  amazing: 'amazed',
  shocking: 'shocked',
  satisfying: 'satisfied',
};
const SAY_FORMS: Readonly<Record<string, string>> = { speak: 'say', speaks: 'says', spoke: 'said' };
const SPEAK_FORMS: Readonly<Record<string, string>> = {
  talk: 'speak',
  talks: 'speaks',
  talked: 'spoke',
  talking: 'speaking',
};
const SPEND_FORMS: Readonly<Record<string, string>> = {
  pass: 'spend',
  passes: 'spends',
  passed: 'spent',
  passing: 'spending',
};
const ATTEND_FORMS: Readonly<Record<string, string>> = {
  assist: 'attend',
  assists: 'attends',
  assisted: 'attended',
  assisting: 'attending',
};

/** "a" or "an" before `word`, by its first letter's sound as spelt. */
function articleFor(word: string): string {
  return /^(?:[aeio]|u(?!ni|se|su|ro))/iu.test(word) ? 'an' : 'a';
}

export const USAGE_RULES: readonly LearnerRule[] = [
  {
    // Articles and quantifiers: "such nice day" → "such a nice day", "many money" → "much money",
    // "a little friends" → "a few friends", "Another students" → "Other students", "have other cup"
    // → "another cup", "met interesting woman" → "met an interesting woman"
    pattern: new RegExp(
      `\\b([Ss]uch\\s+)(?=(?:${DEGREE_ADJECTIVE})\\s+(?:${SINGULAR_THING})\\b)|\\b([Mm]any)(?=\\s+(?:${UNCOUNTED})(?:\\s*[.,;!?]|\\s+(?:left|in|at|for|to|on|from|is|was|are|were|this|that|every|because)\\b))|\\b([Aa]\\s+little)(?=\\s+(?:${COUNTED_PLURAL})\\b)|\\b([Aa]nother)(?=\\s+(?:${COUNTED_PLURAL})\\b)|\\b((?:have|get|want|need|order|buy|bring|take|give\\s+me)\\s+)other(?=\\s+(?:cup|glass|piece|chance|try|bottle|slice|coffee|beer|one)\\b)|\\b((?:met|saw|bought|found|watched|read)\\s+)(?=(interesting|beautiful|nice|famous|expensive|strange|funny|old|new|amazing|unusual)\\s+(?:woman|man|girl|boy|person|film|movie|book|car|house|restaurant|city|dress|phone|place)\\b)`,
      'gu',
    ),
    replace: ([such, many, aLittle, another, have, met, adjective]) => {
      if (such) return `${such}a `;
      if (many) return matchCase(many, 'much');
      if (aLittle) return matchCase(aLittle, 'a few');
      if (another) return matchCase(another, 'other');
      if (have) return `${have}another`;
      return `${met!}${articleFor(adjective!)} `;
    },
  },
  {
    // Articles with names: "the July is" → "July is", "The Christmas is" → "Christmas is" (not "the
    // July 2023 report", "the Christmas holidays"), "learning the English for" → "learning English
    // for" (not "the English students"), "go to the work by bus" → "go to work by bus"
    pattern: new RegExp(
      `\\b[Tt]he\\s+((?:${MONTH}|Christmas|Easter|Ramadan|Diwali))(?=\\s+(?:is|was)\\b|\\s*[.;!?]|\\s*,(?!\\s*\\d))|\\b((?:learn|learns|learning|learned|learnt|speak|speaks|speaking|spoke|study|studies|studying|studied|teach|teaches|teaching|taught)\\s+)the\\s+(${LANGUAGE})(?=\\s*[.,;!?]|\\s+(?:for|at|in|and|because|but|since|every|very|well|now|with|very|fluently|at)\\b)|\\b((?:go|goes|going|went|get|gets|got|come|comes|came)\\s+to\\s+)the\\s+(work)(?=\\s*[.,;!?]|\\s+(?:by|on|at|every|today|after|early|late|in)\\b)`,
      'gu',
    ),
    replace: ([name, learn, language, go, work]) => {
      if (name) return name;
      if (learn) return `${learn}${language!}`;
      return `${go!}${work!}`;
    },
  },
  {
    // Prepositions: "on January and February" → "in January" (not "on January 5"), "at Christmas
    // Day" → "on", "the reason of my" → "the reason for" (not "by reason of", "for reasons of
    // health"), "grateful with you" → "grateful to you", "apologized me" → "apologized to me",
    // "prepare to the exam" → "for", "addicted on" → "addicted to", "got off from the" → "got off
    // the", "consists in three" → "consists of three", "increased in 20 percent" → "increased by",
    // "at the countryside" → "in"
    pattern: new RegExp(
      `\\b([Oo]n)(?=\\s+(?:${MONTH})(?:\\s+(?:and|or)\\b|\\s*[.,;!?]|\\s+(?:this|last|next|every)\\b))|\\b([Aa]t)(?=\\s+(?:Christmas|New\\s+Year['’]s|Easter)\\s+(?:Day|Eve)\\b)|(?<!\\b[Bb]y\\s+)\\b([Rr]eason\\s+)of(?=\\s+(?:my|this|our|the|your|his|her|their)\\b)|\\b(grateful\\s+)with(?=\\s+(?:you|me|him|her|them|us)\\b)|\\b(apologi[sz](?:e|ed|es|ing)\\s+)(?=(?:me|him|her|us|them|you)\\b)|\\b(prepar(?:e|es|ed|ing)\\s+)to(?=\\s+(?:the|my|an?|our|your|his|her|their)\\s+(?:final\\s+|next\\s+|big\\s+)?(?:exams?|tests?|interview|meeting|trip|journey|presentation|competition|match|wedding|race|winter)\\b)|\\b(addicted\\s+)(?:on|with|at|of)\\b|\\b((?:got|get|gets|getting)\\s+off\\s+)from\\s+(?=the\\b)|\\b(consist(?:s|ed|ing)?\\s+)in(?=\\s+(?:two|three|four|five|six|seven|eight|several|many|\\d+)\\b)|\\b((?:increased|decreased|rose|fell|grew|dropped|risen|fallen|grown)\\s+)in(?=\\s+\\d+(?:\\.\\d+)?\\s*(?:%|percent|per\\s+cent)(?![\\p{L}\\d]))|(?<=\\b(?:live|lives|lived|living|stay|stays|stayed|staying|weekend|holiday|holidays|summer|house|home)\\s+)(at)(?=\\s+the\\s+countryside\\b)`,
      'gu',
    ),
    replace: ([
      on,
      atChristmas,
      reason,
      grateful,
      apologise,
      prepare,
      addicted,
      gotOff,
      consist,
      increased,
      atCountryside,
    ]) => {
      if (on) return matchCase(on, 'in');
      if (atChristmas) return matchCase(atChristmas, 'on');
      if (reason) return `${reason}for`;
      if (grateful) return `${grateful}to`;
      if (apologise) return `${apologise}to `;
      if (prepare) return `${prepare}for`;
      if (addicted) return `${addicted}to`;
      if (gotOff) return gotOff;
      if (consist) return `${consist}of`;
      if (increased) return `${increased}by`;
      return matchCase(atCountryside!, 'in');
    },
  },
  {
    // "arrive in home" → "arrive home" (not "home page"), "bad to my health" → "bad for my health"
    // ("harmful to", "dangerous to" are English), "complain for the noise" → "complain about"
    pattern:
      /\b((?:arrive|arrived|arrives|arriving|get|got|gets|come|came|comes|go|went|goes|return|returned)\s+)(?:in|at|to)\s+(home)\b(?!\s+(?:page|screen|office|country|town|base|plate|run|team|game|address|directory|loan|market|secretary)\b)|\b((?:bad|good|healthy|unhealthy)\s+)to(?=\s+(?:your|my|his|her|our|their|the)\s+(?:health|body|skin|eyes|teeth|heart)\b)|\b(complain(?:s|ed|ing)?\s+)for(?=\s+(?:the|a|an|my|your|our|his|her|their|this|that)\s+(?!(?:first|second|third|last|next)\b)\p{Ll}+)/gu,
    replace: ([arrive, home, bad, complain]) => {
      if (arrive) return `${arrive}${home!}`;
      if (bad) return `${bad}for`;
      return `${complain!}about`;
    },
  },
  {
    // Word choice: "sleep good every night" → "sleep well", "speaks English very fluent" →
    // "fluently", "I was very impressive by" → "impressed by", "can talk four languages" → "speak",
    // "rise your hand" → "raise", "Can I lend your" → "borrow", "She speaks that the" → "says",
    // "assist the training session" → "attend", "pass my holidays" → "spend" (not "pass the time"),
    // "control my essay" → "check", "study economy" → "economics", "more economic than flying" →
    // "economical" ("more economic than political" is English), "My skin is very sensible" →
    // "sensitive", "a success business" → "successful"
    pattern: new RegExp(
      `\\b((?:sleep|slept|sleeps|sleeping|play|plays|played|work|works|worked|cook|cooks|cooked|drive|drives|drove|dance|dances|danced|swim|swims|swam)\\s+(?:very\\s+|really\\s+|so\\s+)?)good(?=\\s*[.,;!?]|\\s+(?:and|but|every|at|in|on|now|today|because|when|last|tonight|yesterday)\\b)|\\b((?:speak|speaks|spoke|speaking)\\s+(?:${LANGUAGE})\\s+(?:very\\s+|so\\s+|really\\s+)?)(fluent|perfect)\\b|\\b((?:I|[Ww]e)\\s+(?:am|are|was|were|felt|feel|['’]m|['’]re)\\s+(?:very\\s+|so\\s+|really\\s+|quite\\s+|a\\s+bit\\s+)?)(${Object.keys(FEELING).join('|')})(?=\\s+(?:by|with|in|about|at)\\b)|\\b(talk|talks|talked|talking)(?=\\s+(?:${LANGUAGE}|(?:two|three|four|five|several|many)\\s+languages)\\b)|\\b([Rr]ise)(?=\\s+(?:your|my|his|her|our|their)\\s+hands?\\b)|\\b((?:[Cc]an|[Cc]ould|[Mm]ay)\\s+I\\s+)lend(?=\\s+(?:your|his|her|their)\\b)|\\b(speak|speaks|spoke)(?=\\s+that\\s+(?:the|a|he|she|it|they|we|I|you|there|this|his|her|my|our|their)\\b)|\\b(assist|assists|assisted|assisting)(?=\\s+(?:the|a|an|our|my|this|every)\\s+(?:training|meeting|class|classes|lesson|lecture|conference|session|course|wedding|party|ceremony|concert|seminar|workshop)\\b)|\\b(pass|passes|passed|passing)(?=\\s+(?:my|our|his|her|their)\\s+(?:holidays?|vacations?|weekends?|free\\s+time|summers?)\\b)|\\b([Cc]ontrol)(?=\\s+(?:my|your|his|her|the|our)\\s+(?:essay|homework|answers|text|letter|email|spelling|grammar)\\b)|\\b((?:study|studying|studied|studies)\\s+)economy\\b|\\b(more\\s+)economic(?=\\s+than\\s+\\p{Ll}+ing\\b)|\\b((?:skin|eyes|teeth|stomach)\\s+(?:is|are)\\s+(?:very\\s+|so\\s+|quite\\s+)?)sensible\\b|\\b([Aa]\\s+)success(?=\\s+(?:business|company|career|businessman|businesswoman)\\b)`,
      'gu',
    ),
    replace: ([
      sleep,
      speakLanguage,
      fluent,
      feel,
      feeling,
      talk,
      rise,
      canI,
      speakThat,
      assist,
      pass,
      control,
      study,
      more,
      skin,
      aSuccess,
    ]) => {
      if (sleep) return `${sleep}well`;
      if (speakLanguage) return `${speakLanguage}${fluent}ly`;
      if (feel) return `${feel}${FEELING[feeling!]!}`;
      if (talk) return SPEAK_FORMS[talk];
      if (rise) return matchCase(rise, 'raise');
      if (canI) return `${canI}borrow`;
      if (speakThat) return SAY_FORMS[speakThat];
      if (assist) return ATTEND_FORMS[assist];
      if (pass) return SPEND_FORMS[pass];
      if (control) return matchCase(control, 'check');
      if (study) return `${study}economics`;
      if (more) return `${more}economical`;
      if (skin) return `${skin}sensitive`;
      return `${aSuccess!}successful`;
    },
  },
  {
    // Order and missing words: "Is the soup enough hot for you" → "hot enough", "money enough to" →
    // "enough money", "My brother he works" → "My brother works", "Is very cold today" → "It is
    // very cold", "Has been very difficult to" → "It has been", "In my city are many parks" → "In
    // my city there are" (not "In my city is a museum", an inversion), "How many people there are
    // in" → "How many people are there in"
    pattern: new RegExp(
      `\\benough\\s+(${ENOUGH_ADJECTIVE})(?=\\s+(?:for|to)\\b|\\s*[.,;!?])|\\b((?:have|has|had|got|need|needs|needed|without)\\s+)(${MASS_FOR_ENOUGH})\\s+enough\\b|(?:^|(?<=[.!?]\\s+))((?:My|Our|His|Her|Their|Your)\\s+(?:\\p{Ll}+\\s+)?(${PERSON})\\s+)(?:he|she|they)\\s+(?=(?:is|are|has|have|will|can|\\p{Ll}+s)\\b)|(?:^|(?<=[.!?]\\s+))(Is|Has\\s+been)\\s+(?=(?:(?:very|so|too|really|quite|extremely)\\s+)?(?:cold|hot|warm|difficult|easy|important|necessary|possible|impossible|nice|late|early|sunny|windy|rainy|hard|dangerous|expensive|boring|interesting)\\b[^?]*?(?:[.!]|$))|(?:^|(?<=[.!?]\\s+))(In\\s+(?:my|our|the|this)\\s+(?:city|town|country|village|fridge|room|house|flat|street|area|neighbou?rhood|office|school|garden)\\s+)(are|were|is|was)\\s+(?=(?<=(?:are|were)\\s+)(?:many|some|two|three|several|lots|only|few|no)\\b|(?<=(?:is|was)\\s+)no\\b)|\\b([Hh]ow\\s+many\\s+\\p{Ll}+\\s+)there\\s+(are|were)\\b(?=[^.?!]*\\?)`,
      'gu',
    ),
    replace: ([
      enoughAdjective,
      have,
      mass,
      subject,
      noun,
      isOpening,
      inPlace,
      placeBe,
      howMany,
      howManyBe,
    ]) => {
      if (enoughAdjective) return `${enoughAdjective} enough`;
      if (have) return `${have}enough ${mass!}`;
      // Not "My brother he loves is …" (a relative clause's): only a present verb follows.
      if (subject) return noun && subject;
      if (isOpening) return `It ${isOpening.toLowerCase()} `;
      if (inPlace) return `${inPlace}there ${placeBe!} `;
      return `${howMany!}${howManyBe!} there`;
    },
  },
];
