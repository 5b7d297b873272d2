/**
 * Slips of fast typing that no learner's grammar explains and Harper leaves: no space after a
 * sentence's end or a comma ("home early.Then I slept", "apples,oranges and bread"), a space before
 * a sentence's end ("from Brazil ."), the chat spellings of "you" and "please", apostrophes Harper
 * does not restore ("Whats your name", "Lets go"), "we where waiting", and initialisms typed in
 * lower case ("the usa", "watch tv"). They run once, on the text as typed, before the learner rules,
 * which read sentences and words by their spaces (not after Harper, which capitalises a file name's
 * extension as a sentence's start: "config.Mak"). Each pattern keeps away from what such marks also
 * join: addresses, file names and code ("www.site.Com", "notes.txt", "console.Log("), initials and
 * abbreviations ("e.g.The", "U.S.Army"), numbers ("1,000", "3.5"), and lists written without
 * spaces ("(rpm,deb,tgz)"). Of the 181,050 correct corpus segments they change 154, nearly all such
 * slips of the corpus's own (a speech's "protected by peace.We will pass", an e-mail's "WebEx
 * Communications,Inc.", "Lets get", "a 2 dvd set"); three are wrong ("Xin.Lan Internet", a name;
 * "empty 'thx'", a word quoted; "(tv)twm", a program's name).
 */
import { withRules } from './learner-grammar.js';
import type { LearnerRule } from './learner-order-tense.js';
import { matchCase } from './ocr-lexicon.js';

/** Nothing that makes the word a piece of an address, a file name or code on either side. */
const NOT_AFTER_JOINED = '(?<![\\p{L}\\p{N}.,@/\\\\:_-])';
const NOT_BEFORE_JOINED = '(?![\\p{L}\\p{N}]|[.,@/\\\\(:_-][\\p{L}\\p{N}])';

/** Initialisms typed in lower case that are no English word so spelt. */
const LOWER_CASE_INITIALISMS = [
  'usa',
  'uk',
  'eu',
  'tv',
  'cv',
  'ceo',
  'cfo',
  'cto',
  'asap',
  'fyi',
  'pdf',
  'usb',
  'gps',
  'dna',
  'faq',
  'diy',
  'nasa',
  'nato',
  'dvd',
  'sms',
  'html',
];

const TYPING_RULES: readonly LearnerRule[] = [
  {
    // "home early.Then I slept" → "home early. Then I slept"; "Great!Thanks" → "Great! Thanks".
    // Not after "?", which a dash lost to an encoding becomes ("African?American").
    pattern: new RegExp(
      `${NOT_AFTER_JOINED}(\\p{L}*\\p{Ll}\\p{Ll})([.!]+)(\\p{Lu}\\p{Ll}+)${NOT_BEFORE_JOINED}`,
      'gu',
    ),
    replace: ([word, end, next]) => `${word!}${end!} ${next!}`,
  },
  {
    // "apples,oranges and bread" → "apples, oranges and bread"; not "1,000" nor "rpm,deb,tgz"
    pattern: new RegExp(`${NOT_AFTER_JOINED}(\\p{L}{2,}),(\\p{L}{2,})${NOT_BEFORE_JOINED}`, 'gu'),
    replace: ([word, next]) => `${word!}, ${next!}`,
  },
  {
    // "I am from Brazil ." → "I am from Brazil."; "tomorrow ,but" → "tomorrow, but"; not " ..."
    pattern: /(?<=[\p{L}\p{N}])[ \t]+([.,!?])(?![.,!?])(\p{L}*)/gu,
    replace: ([mark, next]) => `${mark!}${next ? ` ${next}` : ''}`,
  },
  {
    // "Can u send me" → "Can you send me", "thank u." → "thank you."; not "U.S.", "B u y", "how r u"
    pattern: /(?<=(?:^|[.!?]\s+|\p{L}{2,}[,;]?\s+))u(?=,?\s+\p{L}{2,}\b|[.!?]?$|[.!?]\s)/gu,
    replace: () => 'you',
  },
  {
    // "Whats your name?", "wheres the station" → "What's", "where's": no such words without it
    pattern: /\b(what|where|who)s\b/giu,
    replace: ([word]) => `${word!}'s`,
  },
  {
    // "Lets go to the park" → "Let's go"; not "She lets us go", where "lets" is a verb
    pattern:
      /(?<=(?:^|[.!?]\s+))(L|l)ets(?=\s+(?:go|see|meet|start|try|talk|get|make|have|do|take|keep|play|eat|hope|wait|call|think|begin|work|find|look|ask|stay|move|watch|celebrate)\b)/gu,
    replace: ([letter]) => `${letter!}et's`,
  },
  {
    // "We where waiting" → "We were waiting"; not "I'll show you where it is", so only "we" and
    // "they" as a clause's subject, before an -ing form
    pattern:
      /(?<=(?:^|[.!?,;]\s+|\b(?:and|but|because|when|while|if|so|as|that)\s+))([Ww]e|[Tt]hey)(\s+)where(?=\s+\p{Ll}+ing\b)/gu,
    replace: ([subject, space]) => `${subject!}${space!}were`,
  },
  {
    // "visit the usa", "watch tv", "send your cv asap" → "USA", "TV", "CV", "ASAP": initialisms that
    // no word is spelt as; not in addresses, file names or code ("report.pdf", "dvd::rip")
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}./@\\\\:_-])(${LOWER_CASE_INITIALISMS.join('|')})(?![\\p{L}\\p{N}/@\\\\:_-]|\\.[\\p{L}\\p{N}])`,
      'gu',
    ),
    replace: ([initialism]) => initialism!.toUpperCase(),
  },
  {
    // "pls send it", "plz", "thx for your help" → "please", "thanks"
    pattern: /\b(pls|plz|thx|thanx)\b(?!\.\w)/giu,
    replace: ([word]) => matchCase(word!, /^th/iu.test(word!) ? 'thanks' : 'please'),
  },
];

/** `text` with its typing slips mended. */
export function withTypingSlipsMended(text: string): string {
  return withRules(TYPING_RULES, text);
}
