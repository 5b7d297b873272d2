/**
 * Nouns that English does not count, made plural ("informations", "advices", "homeworks"): a
 * countability error among the commonest that learner corpora report. Harper reads these plurals
 * as misspellings and suggests what the grammar checker must refuse ("in formations", "homework's"),
 * so they came through uncorrected. Each plural listed is not standard English in any sense (unlike
 * "researches" or "evidences", which are also verbs, or "accommodations", standard in American
 * English), so it becomes its singular, and a "many" right before it becomes "much". Runs on
 * writing before Harper (engine.ts), and its edits count as the grammar checker's.
 */

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

const PLURAL = new RegExp(
  `\\b(?:(many)(\\s+))?(${[...SINGULAR_OF_PLURAL.keys()].join('|')})\\b`,
  'giu',
);

/** `replacement` written in the case of `original` (all capitals, a capital first, or as it is). */
function inCaseOf(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] !== original[0]?.toLowerCase()) {
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** `text` with every listed plural made singular ("many informations" → "much information"). */
export function withUncountableNounsSingular(text: string): string {
  return text.replace(
    PLURAL,
    (_match, many: string | undefined, space: string | undefined, plural: string) => {
      const singular = inCaseOf(plural, SINGULAR_OF_PLURAL.get(plural.toLowerCase())!);
      return many === undefined ? singular : `${inCaseOf(many, 'much')}${space}${singular}`;
    },
  );
}
