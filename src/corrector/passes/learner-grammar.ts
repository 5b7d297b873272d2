/**
 * Learner errors that Harper lets through and that a fixed rule can repair without doubt, each from a
 * family that learner corpora report among the commonest: countability ("many informations") and verb
 * complementation ("enjoy to play", "made me to work", "I'm used to drive"). Runs on writing before
 * Harper (engine.ts), and its edits count as the grammar checker's. Each rule is written so that the
 * text it matches is wrong in every reading: a plural that is also a verb ("researches"), a verb that
 * also takes "to" before a noun ("suggest to him", "keep to the left", "admit to"), a "be used to"
 * that may be the passive of "use" ("it is used to cut") are left alone.
 */

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
]);

/**
 * Verbs followed by a gerund, never by "to" and a verb ("enjoy to play" → "enjoy playing"), with the
 * forms the rule reads. Left out: those that also take "to" and a time or a noun ("postponed to next
 * week", "a risk to health") or of purpose ("quit to join"), and the participles of "consider" and
 * "imagine", whose passives take "to" ("is considered to be").
 */
const GERUND_VERB_FORMS = [
  ...['enjoy', 'avoid', 'finish'].flatMap((verb) => [verb, `${verb}s`, `${verb}ed`, `${verb}ing`]),
  ...['consider', 'imagine', 'mind'].flatMap((verb) => [verb, `${verb}s`, gerundOf(verb)]),
];

/** Words after "to" that show it is not a verb's infinitive ("finish to the end"). */
const NOT_A_VERB = new Set(
  (
    'a an the this that these those my your his her its our their me you him us them it one ' +
    'some any all every each no both which what whom whose there here'
  ).split(' '),
);

/** The -ing form of a verb's base form, by English spelling rules. */
export function gerundOf(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (/(?:ee|ye|oe)$/u.test(verb) || verb === 'be') return `${verb}ing`;
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}ing`;
  // One syllable ending consonant-vowel-consonant doubles its consonant (swim → swimming, not
  // visit → visitting); w, x and y never double.
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(verb)) return `${verb}${verb.at(-1)!}ing`;
  return `${verb}ing`;
}

/** `replacement` written in the case of `original` (all capitals, a capital first, or as it is). */
function inCaseOf(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] !== original[0]?.toLowerCase()) {
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** A lower-case word after "to" that can be a verb's base form. */
const isVerbLike = (word: string): boolean =>
  /^[a-z]+$/u.test(word) && !NOT_A_VERB.has(word) && !word.endsWith('ing');

interface Rule {
  pattern: RegExp;
  /** The match's replacement from its capture groups, or undefined to leave it. */
  replace: (groups: readonly (string | undefined)[]) => string | undefined;
}

const RULES: readonly Rule[] = [
  {
    // "many informations" → "much information"
    pattern: new RegExp(
      `\\b(?:(many)(\\s+))?(${[...SINGULAR_OF_PLURAL.keys()].join('|')})\\b`,
      'giu',
    ),
    replace: ([many, space, plural]) => {
      const singular = inCaseOf(plural!, SINGULAR_OF_PLURAL.get(plural!.toLowerCase())!);
      return many ? `${inCaseOf(many, 'much')}${space!}${singular}` : singular;
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
    // "My manager made me to work" → "made me work"; "let us to use" → "let us use"
    pattern:
      /\b(make|makes|made|making|let|lets|letting)(\s+)(me|you|him|her|us|them)\s+to\s+(\p{L}+)\b/giu,
    replace: ([verb, space, object, next]) =>
      isVerbLike(next!) ? `${verb!}${space!}${object!} ${next!}` : undefined,
  },
  {
    // "I'm used to drive" → "I'm used to driving"; not "it is used to cut" (the passive of "use")
    pattern:
      /\b(I\s+am|I['’]m|we\s+are|we['’]re|you\s+are|you['’]re)(\s+)used\s+to\s+(\p{L}+)\b/giu,
    replace: ([subject, space, next]) =>
      isVerbLike(next!) ? `${subject!}${space!}used to ${gerundOf(next!)}` : undefined,
  },
];

/** How many capture groups `pattern` has. */
const captureCount = (pattern: RegExp): number =>
  new RegExp(`${pattern.source}|`, pattern.flags.replace('g', '')).exec('')!.length - 1;

/** `text` with the rules above applied, in order. */
export function withLearnerGrammar(text: string): string {
  return RULES.reduce((current, { pattern, replace }) => {
    const count = captureCount(pattern);
    return current.replace(pattern, (match: string, ...groups: unknown[]) => {
      const captured = groups.slice(0, count) as (string | undefined)[];
      return replace(captured) ?? match;
    });
  }, text);
}
