/**
 * Harper (harper.js: an offline, rule-based English grammar checker in WebAssembly) as a pass before
 * the model on writing. On learners' sentences the small model alone barely helps, while Harper's
 * rules fix what learners get wrong most ("becouse", "arrived to", "looking forward to hear");
 * the model then corrects Harper's output, keeping its own edits only where it is sure
 * (engine.ts). Measured on the out-of-domain learners' dev set in training/README.md.
 *
 * Harper's suggestions are taken one at a time, best first, except those that harmed correct
 * sentences there: a spelling "fix" of a name ("Tanaka" → "Tank", "Zhang" → "Hang"), a plural given
 * an apostrophe ("homeworks" → "homework's"), a word split in two ("informations" → "in formations"),
 * and British spellings turned American ("travelling" → "traveling").
 */
import { Dialect, LocalLinter, type Lint, type Suggestion } from 'harper.js';
import { binary } from 'harper.js/binary';

/** Harper re-lints after each applied suggestion; a sentence rarely needs more. */
const MAX_ROUNDS = 12;

export class GrammarChecker {
  private constructor(private readonly linter: LocalLinter) {}

  static async load(): Promise<GrammarChecker> {
    const linter = new LocalLinter({ binary, dialect: Dialect.American });
    await linter.setup();
    return new GrammarChecker(linter);
  }

  /** The text with every acceptable suggestion applied. */
  async correct(text: string): Promise<string> {
    let current = text;
    const refused = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let chosen: { lint: Lint; suggestion: Suggestion } | undefined;
      for (const lint of await this.linter.lint(current)) {
        const suggestion = lint.suggestions()[0];
        const key = `${lint.span().start}:${lint.get_problem_text()}`;
        if (!suggestion || refused.has(key)) continue;
        if (!isAcceptable(current, lint, suggestion.get_replacement_text())) {
          refused.add(key);
          continue;
        }
        chosen = { lint, suggestion };
        break;
      }
      if (!chosen) break;
      current = await this.linter.applySuggestion(current, chosen.lint, chosen.suggestion);
    }
    return current;
  }

  async dispose(): Promise<void> {
    await this.linter.dispose();
  }
}

/** Whether to take Harper's suggestion to replace the lint's text with `after` (see the top). */
export function isAcceptable(
  text: string,
  lint: Pick<Lint, 'span' | 'lint_kind'>,
  after: string,
): boolean {
  const { start, end } = lint.span();
  const before = text.slice(start, end);
  if (/'s\b/u.test(after) && !/'s\b/u.test(before)) return false;
  if (!/\s/u.test(before) && /\s/u.test(after)) return false;
  if (sameInBritishSpelling(before, after)) return false;
  if (lint.lint_kind() === 'Spelling' && /^\p{Lu}/u.test(before)) {
    const sentenceStart = /(^|[.!?]["')\]]?\s+)$/u.test(text.slice(0, start));
    // Mid-sentence, a capital marks a name; at a sentence's start, a name is told from a misspelt word
    // by a fix that changes its first letter or only lengthens it ("Hiroshi" → "Hiroshima").
    if (!sentenceStart) return false;
    if (after[0] !== before[0] || after.startsWith(before)) return false;
  }
  return true;
}

const AMERICAN_ENDINGS: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able)?$/u, 'or$1'],
  [/is(e|es|ed|ing|ation|ations)$/u, 'iz$1'],
  [/ys(e|es|ed|ing)$/u, 'yz$1'],
  [/ll(ed|ing|er|ers)$/u, 'l$1'],
  [/tre(s)?$/u, 'ter$1'],
  [/ence$/u, 'ense'],
  [/ogue(s)?$/u, 'og$1'],
];

/** True when `before` is the British spelling of `after` (words compared one by one). */
function sameInBritishSpelling(before: string, after: string): boolean {
  const american = (word: string): string =>
    AMERICAN_ENDINGS.reduce(
      (spelled, [ending, replacement]) => spelled.replace(ending, replacement),
      word.toLowerCase(),
    );
  return before !== after && american(before) === american(after);
}
