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
import { wordEdits } from '../../align/edits.js';
import { suggestionWithEdits } from '../../document/operations.js';
import type { Suggestion as Suggestion_, SuggestionEdit } from '../../document/types.js';

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
/** What isAcceptable reads of a Harper lint. */
export interface LintPlace {
  span(): { start: number; end: number };
  lint_kind(): string;
}

export function isAcceptable(text: string, lint: LintPlace, after: string): boolean {
  const { start, end } = lint.span();
  const before = text.slice(start, end);
  if (/'s\b/u.test(after) && !/'s\b/u.test(before)) return false;
  if (!/\s/u.test(before) && /\s/u.test(after)) return false;
  if (sameInBritishSpelling(before, after)) return false;
  if (lint.lint_kind() === 'Spelling' && /^\p{Lu}/u.test(before)) {
    const sentenceStart = startsSentence(text.slice(0, start));
    // Mid-sentence, a capital marks a name; at a sentence's start, a name is told from a misspelt word
    // by a fix that changes its first letter or only lengthens it ("Hiroshi" → "Hiroshima").
    if (!sentenceStart) return false;
    if (after[0] !== before[0] || after.startsWith(before)) return false;
  }
  return true;
}

const TITLES = /\b(mr|mrs|ms|dr|prof|st|mt|no|vs)\.\s+$/iu;

/** Whether a word after `before` starts a sentence ("Mr. Tanaka" does not). */
function startsSentence(before: string): boolean {
  return before.trim() === '' || (/[.!?]["')\]]?\s+$/u.test(before) && !TITLES.test(before));
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

/** The model's confidence an edit of its own needs on top of the checker's (chosen on OOD dev). */
export const MODEL_CONFIDENCE_AFTER_CHECKER = 0.9;

/**
 * The suggestion for `source` when the model read the checker's correction `checked` of it: every
 * edit the checker made and the model kept stays (marked as the checker's, with the model's
 * confidence in its words); the model's own further edits only where it is sure.
 */
export function withCheckerEdits(
  source: string,
  checked: string,
  suggestion: Suggestion_,
): Suggestion_ {
  const checkerEdits = wordEdits(source, checked);
  const isCheckers = (edit: SuggestionEdit): boolean =>
    checkerEdits.some(
      (made) =>
        made.sourceSpan[0] === edit.sourceSpan[0] &&
        made.sourceSpan[1] === edit.sourceSpan[1] &&
        made.after === edit.after,
    );
  const kept = suggestion.edits.filter(
    (edit) => isCheckers(edit) || edit.confidence >= MODEL_CONFIDENCE_AFTER_CHECKER,
  );
  const result = suggestionWithEdits(source, suggestion, kept);
  return {
    ...result,
    edits: result.edits.map((edit) =>
      isCheckers(edit) ? { ...edit, pass: 'grammar-checker' } : edit,
    ),
  };
}
