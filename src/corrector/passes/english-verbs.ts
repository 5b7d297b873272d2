/**
 * English verb forms the learner rules rewrite between: past, past participle and third person.
 * Irregular verbs are listed (the common ones learner writing uses); the rest follow spelling rules.
 */

/** Base, past and past participle of irregular verbs. */
const IRREGULAR = (
  'arise arose arisen|be was been|bear bore born|beat beat beaten|become became become|' +
  'begin began begun|bend bent bent|bet bet bet|bite bit bitten|bleed bled bled|blow blew blown|' +
  'break broke broken|bring brought brought|build built built|burn burnt burnt|buy bought bought|' +
  'catch caught caught|choose chose chosen|come came come|cost cost cost|cut cut cut|' +
  'deal dealt dealt|dig dug dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|' +
  'eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|' +
  'fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|' +
  'freeze froze frozen|get got got|give gave given|go went gone|grow grew grown|hang hung hung|' +
  'have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|' +
  'keep kept kept|know knew known|lay laid laid|lead led led|leave left left|lend lent lent|' +
  'let let let|lie lay lain|lose lost lost|make made made|mean meant meant|meet met met|' +
  'pay paid paid|put put put|quit quit quit|read read read|ride rode ridden|ring rang rung|' +
  'rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|' +
  'send sent sent|set set set|shake shook shaken|shine shone shone|shoot shot shot|' +
  'show showed shown|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|' +
  'speak spoke spoken|spend spent spent|stand stood stood|steal stole stolen|stick stuck stuck|' +
  'strike struck struck|swim swam swum|take took taken|teach taught taught|tear tore torn|' +
  'tell told told|think thought thought|throw threw thrown|understand understood understood|' +
  'wake woke woken|wear wore worn|win won won|write wrote written'
)
  .split('|')
  .map((forms) => forms.split(' ') as [string, string, string]);

const PAST_OF = new Map(IRREGULAR.map(([base, past]) => [base, past]));
const PARTICIPLE_OF = new Map(IRREGULAR.map(([base, , participle]) => [base, participle]));
/** Irregular participles that are not also the past ("eaten" → "ate"); "been" needs a subject. */
const PAST_OF_PARTICIPLE = new Map(
  IRREGULAR.filter(([base]) => base !== 'be').map(([, past, participle]) => [participle, past]),
);
const PARTICIPLE_OF_PAST = new Map(IRREGULAR.map(([, past, participle]) => [past, participle]));

/** Verbs of two syllables stressed on the last, which double its consonant (commit → committed). */
const DOUBLING = new Set([
  'commit',
  'admit',
  'permit',
  'submit',
  'omit',
  'prefer',
  'refer',
  'occur',
  'regret',
  'control',
]);

/** The -ing form of a verb's base form, by English spelling rules. */
export function gerundOf(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (/(?:ee|ye|oe)$/u.test(verb) || verb === 'be') return `${verb}ing`;
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}ing`;
  // One syllable ending consonant-vowel-consonant doubles its consonant (swim → swimming, not
  // visit → visitting); w, x and y never double.
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(verb) || DOUBLING.has(verb)) {
    return `${verb}${verb.at(-1)!}ing`;
  }
  return `${verb}ing`;
}

/** The regular -ed form of a verb's base, by English spelling rules. */
function regularPast(base: string): string {
  if (DOUBLING.has(base)) return `${base}${base.at(-1)!}ed`;
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/u.test(base)) return `${base.slice(0, -1)}ied`;
  // One syllable ending consonant-vowel-consonant doubles its consonant (stop → stopped).
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/u.test(base)) return `${base}${base.at(-1)!}ed`;
  return `${base}ed`;
}

export function pastOf(base: string): string {
  return PAST_OF.get(base) ?? regularPast(base);
}

export function participleOf(base: string): string {
  return PARTICIPLE_OF.get(base) ?? regularPast(base);
}

/** Regular pasts of four letters, which the length test below would take for words like "need". */
const SHORT_REGULAR_PASTS = new Set(['died', 'lied', 'tied', 'used']);
/** A regular past or participle ("finished"; not "need" or "bed"), which are the same word. */
const isRegularPast = (word: string): boolean =>
  (word.length > 4 && /[^e]ed$/u.test(word)) || SHORT_REGULAR_PASTS.has(word);

/** The past for a past participle ("eaten" → "ate", "finished" → "finished"), if it is one. */
export function pastOfParticiple(participle: string): string | undefined {
  return PAST_OF_PARTICIPLE.get(participle) ?? (isRegularPast(participle) ? participle : undefined);
}

/** The past participle of a verb in the past ("left" → "left", "ate" → "eaten"), if it is one. */
export function participleOfPastForm(past: string): string | undefined {
  return PARTICIPLE_OF_PAST.get(past) ?? (isRegularPast(past) ? past : undefined);
}

/**
 * A verb's base, third-person, past, -ing and past-participle forms; of a phrasal verb ("turn on"),
 * its first word's.
 */
export function verbForms(verb: string): readonly [string, string, string, string, string] {
  const [head = verb, ...rest] = verb.split(' ');
  const particle = rest.length ? ` ${rest.join(' ')}` : '';
  return [head, thirdPersonOf(head), pastOf(head), gerundOf(head), participleOf(head)].map(
    (form) => `${form}${particle}`,
  ) as [string, string, string, string, string];
}

/**
 * `word`, a form of the verb `from`, as the same form of `to` ("robbed" of rob → "stole" of steal),
 * or undefined when it is no form of `from`. A past that is also the participle takes the past.
 */
export function sameFormOf(word: string, from: string, to: string): string | undefined {
  const index = verbForms(from).indexOf(word);
  return index < 0 ? undefined : verbForms(to)[index];
}

/** The third person's form of a verb's base ("open" → "opens", "go" → "goes"). */
export function thirdPersonOf(base: string): string {
  if (base === 'have') return 'has';
  if (base === 'be') return 'is';
  if (/(?:s|sh|ch|x|z|o)$/u.test(base)) return `${base}es`;
  if (/[^aeiou]y$/u.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Regular verbs common in learner writing, for rules that must know a word is a verb's base. */
const COMMON_REGULAR =
  'open close start finish end arrive happen work live want need like love call stop change ' +
  'return decide plan learn study play move ask answer help look use travel visit stay wait ' +
  'cancel arrange book order deliver receive believe depend cook clean watch listen agree ' +
  'expect prefer fix check join enjoy remember offer pass reach rain snow carry try replace reduce ' +
  'protect improve increase create provide prepare explain discuss complete continue develop ' +
  'solve share compare contact support save invite accept apply organise organize manage ' +
  'produce repair include describe follow introduce suggest recommend attend complain explore ' +
  'consider imagine avoid allow respect mention hope thank walk talk laugh jump climb dance paint ' +
  'postpone revise submit confirm implement analyse analyze evaluate approve extend inform verify ' +
  'publish identify investigate maintain obtain participate contribute collaborate negotiate ' +
  'recruit promote encourage achieve ensure require';

export const VERB_BASES: readonly string[] = [
  ...IRREGULAR.map(([base]) => base),
  ...COMMON_REGULAR.split(' '),
];

const VERB_BASE_SET = new Set(VERB_BASES);
const BASE_OF_GERUND = new Map(VERB_BASES.map((base) => [gerundOf(base), base]));
const BASE_OF_THIRD_PERSON = new Map(VERB_BASES.map((base) => [thirdPersonOf(base), base]));

export const isVerbBase = (word: string): boolean => VERB_BASE_SET.has(word);

/** The known verb whose -ing form this is ("knowing" → "know", "living" → "live"), if any. */
export const baseOfGerund = (gerund: string): string | undefined => BASE_OF_GERUND.get(gerund);

/** The known verb whose third person this is ("lives" → "live", "has" → "have"), if any. */
export const baseOfKnownThirdPerson = (word: string): string | undefined =>
  BASE_OF_THIRD_PERSON.get(word);

/** Irregular pasts that are not also a verb's base ("went", "ate"; not "read", "put" or "found"). */
const BASE_OF_PAST = new Map(
  IRREGULAR.filter(([base, past]) => past !== base && !PAST_OF.has(past)).map(([base, past]) => [
    past,
    base,
  ]),
);

/** The base of an irregular past that no verb shares ("went" → "go"), if it is one. */
export function baseOfPast(past: string): string | undefined {
  return BASE_OF_PAST.get(past);
}

export const IRREGULAR_PASTS: readonly string[] = [...BASE_OF_PAST.keys()];

/** The known verbs' regular pasts, by their base ("learned" → "learn", "stopped" → "stop"). */
const BASE_OF_REGULAR_PAST = new Map(
  VERB_BASES.filter((base) => !PAST_OF.has(base)).map((base) => [regularPast(base), base]),
);

/** The base of a known verb's past, regular or irregular ("learned" → "learn", "went" → "go"). */
export function baseOfAnyPast(past: string): string | undefined {
  return BASE_OF_PAST.get(past) ?? BASE_OF_REGULAR_PAST.get(past);
}

/** Irregular pasts that differ from their participles and are no verb's base, for "have ate". */
export const PASTS_UNLIKE_PARTICIPLES: readonly string[] = IRREGULAR.filter(
  ([, past, participle]) => past !== participle && !PAST_OF.has(past),
).map(([, past]) => past);
