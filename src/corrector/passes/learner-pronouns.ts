/**
 * Learner errors of pronouns, possessives, verb forms and agreement that Harper lets through, in
 * families a probe of 495 learners' sentences written fresh found (2026-12-08), each in the forms
 * that cannot be right in any reading: a subject pronoun where the sentence needs its object ("I
 * invited they to dinner", "both of they", "patient with he,"), "myself" for "I" or "me" ("My
 * colleague and myself will", "contact myself"), a possessive for its pronoun ("it is my, so",
 * "because my was at the garage"), a possessive's missing "'s" before what a relative owns ("my
 * mother birthday"), "theirselves", a pronoun repeated after "who" ("The man who he lives"), a
 * regular verb's base after a passive's "be" ("was build", "has been delay", "is call paella"), "have
 * my car repair", "decided staying", a modal before a verb's -s form ("can speaks"), "I am not
 * understand", "I wish I have", "If I were you, I will", "is belonging", "a lot of my friends has",
 * "There is no chairs", "five year old and", "a ten-years-old car", relatives ("the person whom
 * helped", "My laptop, who I bought"), "I was used to walk". Each checked on the 181,050
 * correct corpus segments (model card, "Units, a lone "|", and learners' pronouns and prepositions").
 */
import {
  baseOfGerund,
  baseOfKnownThirdPerson,
  isVerbBase,
  participleOf,
  thirdPersonOf,
  VERB_BASES,
} from './english-verbs.js';
import { alternation, MONTH, WEEKDAY, type LearnerRule } from './learner-order-tense.js';
import { NOUN_GERUNDS } from './learner-phrases.js';
import { matchCase } from './ocr-lexicon.js';

const OBJECT_OF: Readonly<Record<string, string>> = {
  he: 'him',
  she: 'her',
  they: 'them',
  we: 'us',
};

/** The object form of a subject pronoun, in the case written. */
function objectOf(pronoun: string): string {
  return matchCase(pronoun, OBJECT_OF[pronoun.toLowerCase()]!);
}

/** Verbs that take a person as their object, in the forms learners put a subject pronoun after. */
const PERSON_OBJECT_VERBS =
  'invited|invite|called|call|told|tell|asked|ask|met|meet|saw|see|gave|give|helped|help|visited|' +
  'visit|thanked|thank|sent|send|showed|show|taught|teach|paid|pay|contacted|contact|emailed|email|' +
  'phoned|phone|introduced|introduce|kissed|kiss|hugged|hug|congratulated|congratulate|warned|warn|' +
  'reminded|remind|promised|promise';

/** Nouns a relative's possession names ("my mother birthday" → "my mother's birthday"). */
const RELATIVE =
  'mother|father|brother|sister|uncle|aunt|grandmother|grandfather|cousin|son|daughter|wife|husband|boss|friend|neighbour|neighbor|teacher';
const OWNED =
  'birthday|car|house|name|phone|job|office|wedding|room|flat|apartment|dog|cat|advice|book|bag|laptop|computer|bike|idea|party|funeral|garden|kitchen';

/** Regular verbs learners leave in the base after a passive's "be". */
const PASSIVE_BASES =
  'build|deliver|delay|cancel|call|name|paint|repair|announce|invent|establish|design|produce|' +
  'damage|destroy|steal|hire|arrest|injure|locate|situate|postpone|publish|sign|approve|' +
  'translate|decorate|renovate|organise|organize|invite|inform';

/** Things people have done for them ("have my car repair" → "repaired"), and what is done. */
const SERVICES = 'repair|paint|fix|check|service|wash|install|replace|decorate|renovate|clean';
const SERVICED =
  'car|bike|house|flat|apartment|kitchen|bathroom|roof|room|walls|fence|boiler|heating|phone|laptop|computer|watch|shoes|suit|dress|jacket|hair|teeth|eyes|windows|door|garden|engine|brakes|tyres|tires';

/**
 * Verbs that take "to" and a verb's base, never a gerund ("we decided staying" → "decided to
 * stay"), after a subject pronoun (a participle may be an adjective: "a pre-decided sharing
 * arrangement"), or in their -s form, which no noun shares ("My son refuses eating").
 */
const TO_VERBS = 'decide|decided|refuse|refused|agree|agreed|pretend|pretended|fail|failed';
const TO_VERBS_S = 'decides|refuses|agrees|pretends';

/** Singular nouns ending in s that "there is" rightly takes ("there is no news", "no access"). */
const S_SINGULARS =
  'news|series|species|means|physics|economics|mathematics|politics|access|business|process|address|success|progress|glass|class|bus|gas|bonus|status|virus|campus|chaos|canvas|census|crisis|basis|analysis|emphasis|diagnosis|thesis|lens|bias|loss|stress|fitness|illness|darkness|kindness|happiness|weakness|awareness|wellness';

const NUMBER_WORD =
  '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

export const PRONOUN_RULES: readonly LearnerRule[] = [
  {
    // Relatives: "the person whom helped me" → "who helped" (not "some of whom had"), "My
    // manager, who's office" → "whose office", "My boss, that is from Germany," → "who is" (no
    // "that" after a comma), "My laptop, who I bought" → "which"; "Its so cold" → "It's" (a
    // sentence's first word; "Its true strength", "Its very name", "Its so-called experts" are its)
    pattern: new RegExp(
      `(?<=\\b(?:person|man|woman|people|one|boy|girl|friend|teacher|guy|lady|doctor|someone|somebody)\\s+)(whom)(?=\\s+(?:\\p{Ll}+ed|is|was|has|had|lives|works|helps|says|said|told|gave|wrote|came|went)\\b)|\\b([Ww]ho)['’]s(?=\\s+(?:office|car|house|name|son|daughter|wife|husband|mother|father|job|phone|book|idea|dog|family|children|parents|brother|sister|company)\\b)|\\b((?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)\\s+(?:boss|teacher|friend|brother|sister|mother|father|manager|neighbou?r|colleague|doctor|wife|husband|son|daughter|uncle|aunt|cousin),\\s+)that(?=\\s+(?:is|was|has|had|lives|works|comes|came)\\b)|\\b((?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Tt]he|[Tt]his)\\s+(?:laptop|phone|car|house|computer|book|bag|flat|apartment|bike|watch|camera|company|city|town|country|school|office),\\s+)who(?=\\s+(?:I|we|you|he|she|they|is|was|has|had)\\b)|(?:^|(?<=[.!?]\\s+))(Its)(?=\\s+(?:so(?!-)|too|raining|snowing)\\b)`,
      'gu',
    ),
    replace: ([whom, whoIs, person, thing, its]) => {
      if (whom) return matchCase(whom, 'who');
      if (whoIs) return matchCase(whoIs, 'whose');
      if (person) return `${person}who`;
      if (thing) return `${thing}which`;
      return its && "It's";
    },
  },
  {
    // "both of they live" → "both of them"; "I invited they to dinner", "The doctor gave she some
    // medicine" (a verb that takes a person, then what follows an object); "patient with he, even"
    // (a preposition, and the phrase ends)
    pattern: new RegExp(
      `\\b((?:[Bb]oth|[Aa]ll|[Ss]ome|[Mm]any|[Nn]one|[Ee]ach|[Oo]ne|[Mm]ost|[Ee]ither|[Nn]either|[Ss]everal|[Ff]ew)\\s+of\\s+)(they|we)\\b|\\b((?:${PERSON_OBJECT_VERBS})\\s+)(he|she|they|we)(?=\\s+(?:to|for|some|a|an|the|my|his|her|their|our|your|about|yesterday|last|and|again|at|in|on)\\b|\\s*[.,;!?])|\\b((?:with|about|from|without|among|between|behind|beside|towards|against|near)\\s+)(he|she|they|we)(?=\\s*[.,;!?]|\\s+(?:and|or|but|because|when|even|after|before|too|again|yesterday|today|tonight|now|every|at|in|on)\\b)`,
      'gu',
    ),
    replace: ([of, ofPronoun, verb, verbPronoun, preposition, prepositionPronoun]) => {
      if (of) return `${of}${objectOf(ofPronoun!)}`;
      if (verb) return `${verb}${objectOf(verbPronoun!)}`;
      return `${preposition!}${objectOf(prepositionPronoun!)}`;
    },
  },
  {
    // "Him and his wife are coming" → "He and his wife"; "Us students need" → "We students";
    // "My colleague and myself will present" → "and I"; "contact myself if" → "contact me"
    pattern: new RegExp(
      `(?:^|(?<=[.!?]\\s+))(Him|Her|Them)(?=\\s+and\\s+(?:his|her|their|my|I)\\b)|(?:^|(?<=[.!?]\\s+))(Us)(?=\\s+(?:students|teachers|workers|women|men|parents|kids|children|employees|players|girls|boys)\\b)|\\b(and\\s+)myself(?=\\s+(?:will|would|are|were|have|had|can|could|went|decided|agreed|want|need|must|should)\\b)|\\b((?:[Cc]ontact|[Cc]all|[Ee]mail|[Pp]hone|[Tt]ext|[Ii]nform|[Tt]ell|[Aa]sk|[Ss]end)\\s+)myself(?=\\s+(?:if|when|at|on|by|as|about|with)\\b|\\s*[.,;!?])`,
      'gu',
    ),
    replace: ([objectSubject, us, and, verb]) => {
      if (objectSubject) return { Him: 'He', Her: 'She', Them: 'They' }[objectSubject];
      if (us) return 'We';
      if (and) return `${and}I`;
      return `${verb!}me`;
    },
  },
  {
    // "it is my, so" → "mine"; "because my was at the garage" → "mine was" ("my is" never is);
    // "theirselves" → "themselves", "hisself" → "himself"
    pattern:
      /\b((?:is|was|are|were)\s+)(my|our|your)(?=\s*[.,;!?]|\s+(?:and|but|so|too|now)\b)|\b(my)(?=\s+(?:is|was|has|had)\b)|\b(theirselves|hisself|themselfs|ourselfs|yourselfs)\b/giu,
    replace: ([be, owner, subjectOwner, reflexive]) => {
      const mine = (word: string) =>
        matchCase(word, { my: 'mine', our: 'ours', your: 'yours' }[word.toLowerCase()]!);
      if (be) return `${be}${mine(owner!)}`;
      if (subjectOwner) return mine(subjectOwner);
      const lower = reflexive!.toLowerCase();
      return matchCase(
        reflexive!,
        lower === 'hisself'
          ? 'himself'
          : lower.startsWith('our')
            ? 'ourselves'
            : lower.startsWith('your')
              ? 'yourselves'
              : 'themselves',
      );
    },
  },
  {
    // "Yesterday was my mother birthday" → "my mother's birthday"; "The man who he lives next door"
    // → "who lives"
    pattern: new RegExp(
      `\\b((?:my|your|his|her|our|their)\\s+(?:${RELATIVE}))(?=\\s+(?:${OWNED})\\b)|\\b((?:man|woman|person|people|guy|girl|boy|teacher|friend|doctor|neighbour|neighbor|student|students|children|colleague|colleagues)\\s+who\\s+)(?:he|she|they)\\s+(?=(?:is|was|are|were|has|have|had|lives|works|teaches|helps|owns|comes|knows|\\p{Ll}+ed)\\b)`,
      'giu',
    ),
    replace: ([relative, who]) => (relative ? `${relative}'s` : who),
  },
  {
    // "This stone bridge was build" → "built", "has been delay" → "delayed", "is call paella" →
    // "called" (not "be open", "was clean": adjectives); "have my car repair" → "repaired"
    pattern: new RegExp(
      `(?<!\\b[Tt]here\\s+(?:(?:should|must|will|would|may|might|can|could|to)\\s+)?)\\b((?:is|are|was|were|been|be|being)\\s+)(${PASSIVE_BASES})(?=\\s+(?!(?:a|an|the|his|her|my|your|their|our|its|this|that|or|and|me|you|him|us|them|it|back|up)\\b)\\p{Ll}+\\b|\\s+\\p{Lu}|\\s*[.,;!?])|\\b((?:have|has|had|having|get|gets|got|getting)\\s+(?:my|his|her|our|their|your)\\s+(?:${SERVICED})\\s+)(${SERVICES})(?=\\s+(?:before|after|yesterday|today|last|next|this|every|at|in|on|by|for|because|soon)\\b|\\s*[.,;!?])`,
      'gu',
    ),
    replace: ([be, base, have, service]) => {
      if (be) {
        const verb = base!.toLowerCase();
        // "is call paella" but not "is base camp": "call" and "name" only before a name or word.
        if (
          /^(?:is|are)\s+$/iu.test(be) &&
          !/^(?:call|name|build|base|locate|situate)$/u.test(verb)
        )
          return undefined;
        return `${be}${matchCase(base!, participleOf(verb))}`;
      }
      return `${have!}${matchCase(service!, participleOf(service!.toLowerCase()))}`;
    },
  },
  {
    // "we decided staying at home" → "decided to stay"; "My new colleague can speaks" → "can
    // speak"; "I am not understand" → "I don't understand"; "This bag is belonging to" → "belongs
    // to", "I am not understanding why" → "I don't understand why"
    pattern: new RegExp(
      `\\b((?:(?:I|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t)\\s+(?:(?:also|then|finally|eventually|just|never)\\s+)?(?:${TO_VERBS})|${TO_VERBS_S})\\s+)(\\p{Ll}+ing)\\b|(?<!\\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Mm]y|[Yy]our|[Tt]heir|[Oo]ur|[Ff]ree|[Gg]ood|[Oo]wn|[Ll]ast)\\s+)\\b((?:can|could|will|would|should|must|may|might|shall)\\s+(?:not\\s+|also\\s+|never\\s+|always\\s+)?)(?!needs\\b)(\\p{Ll}+s)\\b|\\b(I|[Yy]ou|[Ww]e|[Tt]hey)\\s+(?:am|are)\\s+not\\s+(understand|know|want|need|agree|believe|remember)\\b|\\b([Hh]e|[Ss]he|[Ii]t|[Tt]his\\s+\\p{Ll}+|[Tt]hat\\s+\\p{Ll}+)\\s+is\\s+(belonging|owning|containing|consisting)\\b|\\b(I|[Yy]ou|[Ww]e|[Tt]hey)\\s+(?:am|are)\\s+(not\\s+)?(understanding|knowing|believing|preferring|owning)(?=\\s+(?:why|what|how|where|when|who|the|this|that|these|those|a|an|my|your|his|her|our|their|it|him|them|you)\\b)`,
      'gu',
    ),
    replace: ([
      toVerb,
      gerund,
      modal,
      thirdPerson,
      subject,
      verb,
      singular,
      stative,
      person,
      not,
      progressive,
    ]) => {
      if (toVerb) {
        // Not a noun in -ing ("We agreed meeting dates", "refused funding").
        const base = NOUN_GERUNDS.has(gerund!) ? undefined : baseOfGerund(gerund!);
        return base ? `${toVerb}to ${base}` : undefined;
      }
      if (modal) {
        // "will depends" → "depend"; "can guess", a verb of its own in -s, stays, and so do
        // "is" and "has", which follow the noun "will" ("the legislative will is").
        const lower = thirdPerson!.toLowerCase();
        const ownForm = isVerbBase(lower) || lower === 'is' || lower === 'has';
        const base = ownForm ? undefined : baseOfKnownThirdPerson(lower);
        return base ? `${modal}${base}` : undefined;
      }
      if (subject) return `${subject} don't ${verb!}`;
      // belong, own, contain, consist: regular, their -ing the base's
      if (singular) return `${singular} ${thirdPersonOf(stative!.slice(0, -3))}`;
      const base = baseOfGerund(progressive!);
      if (!base) return undefined;
      return `${person!} ${not ? "don't " : ''}${base}`;
    },
  },
  {
    // "I was used to walk to school" → "I used to walk" (a verb's base after it: "was used to
    // walking" is English); "when I am a child" → "when I was a child"; "I didn't see him since
    // Christmas" → "I haven't seen him since" (a time: "since he was busy" is "because")
    pattern: new RegExp(
      `\\b(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\\s+(?:was|were)\\s+(used\\s+to\\s+)(?=(?:${alternation(VERB_BASES)})\\b)|\\b([Ww]hen\\s+I\\s+)am(?=\\s+(?:a\\s+)?(?:child|kid|little\\s+(?:boy|girl)|teenager|baby)\\b)|\\b(I|[Ww]e|[Yy]ou|[Tt]hey)\\s+didn['’]t\\s+(see|visit|meet|hear\\s+from|talk\\s+to|speak\\s+to|eat|sleep|drink)\\b(?=[^.!?;]{0,40}?\\bsince\\s+(?:last|yesterday|then|childhood|Christmas|Easter|\\d|${WEEKDAY}|${MONTH})\\b)`,
      'gu',
    ),
    replace: ([usedSubject, usedTo, whenI, subject, verb]) => {
      if (usedSubject) return `${usedSubject} ${usedTo!}`;
      if (whenI) return `${whenI}was`;
      const [first, ...rest] = verb!.split(/\s+/u);
      return `${subject!} haven't ${[participleOf(first!), ...rest].join(' ')}`;
    },
  },
  {
    // "I wish I have more time" → "had", "I wish I can" → "could"; "If I were you, I will talk" →
    // "I would talk"
    pattern:
      /\b([Ww]ish\s+(?:I|you|we|they|he|she)\s+)(have|has|can)\b|\b([Ii]f\s+I\s+were\s+you,?\s+I\s+)will\b/gu,
    replace: ([wish, verb, ifIWere]) => {
      if (wish) return `${wish}${verb === 'can' ? 'could' : 'had'}`;
      return `${ifIWere!}would`;
    },
  },
  {
    // "A lot of my school friends has moved" → "have"; "There is no chairs" → "There are no";
    // "My son is five year old and" → "five years old"; "a ten-years-old car" → "ten-year-old"
    pattern: new RegExp(
      `(?:^|(?<=[.!?;,]\\s+|\\b(?:and|but|because|when|if|while|although)\\s+))((?:[Aa]\\s+lot|[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Ss]everal|[Pp]lenty)\\s+of\\s+(?:the|my|our|your|their|these|those|his|her)\\s+(?:\\p{Ll}+\\s+)?(?!(?:${S_SINGULARS})\\b)\\p{Ll}+(?<![su])s\\s+)(has|is|was)\\b|\\b([Tt]here\\s+)(is|was)(\\s+(?:no|many|several|some|few|(?:${NUMBER_WORD}))\\s+(?!(?:${S_SINGULARS})\\b)\\p{Ll}+(?<![su])s)\\b(?!['’])|\\b((?:is|am|are|was|were)\\s+(?:${NUMBER_WORD})\\s+)year(\\s+old)(?=\\s*[.,;!?]|\\s+(?:and|but|when|now|today|this)\\b)|\\b((?:${NUMBER_WORD})-)years(-old)\\b`,
      'gu',
    ),
    replace: ([
      quantity,
      singularVerb,
      there,
      thereBe,
      counted,
      age,
      old,
      hyphened,
      hyphenedOld,
    ]) => {
      if (quantity) return `${quantity}${{ has: 'have', is: 'are', was: 'were' }[singularVerb!]}`;
      if (there) return `${there}${thereBe === 'is' ? 'are' : 'were'}${counted!}`;
      if (age) return `${age}years${old!}`;
      return `${hyphened!}year${hyphenedOld!}`;
    },
  },
];
