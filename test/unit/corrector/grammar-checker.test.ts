/**
 * Harper as the grammar checker before the model on writing: which of its suggestions are taken,
 * and how its edits and the model's meet. The sentences are from the out-of-domain learners' set.
 */
import type { BinaryModule } from 'harper.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GrammarChecker,
  MODEL_CONFIDENCE_AFTER_CHECKER,
  differInDoubling,
  americanises,
  isAcceptable,
  joinsSentences,
  rewritesName,
  makesTooTo,
  swapsSilentE,
  isSlipOfAWord,
  replacesAKnownWord,
  undoesPerfect,
  undoesThirdPerson,
  withCheckerEdits,
} from '../../../src/corrector/passes/grammar-checker.js';

/** A lint over `problem` (its first occurrence in `text` from `from` on) of the given kind. */
function lintOver(text: string, problem: string, kind = 'Spelling', from = 0) {
  const start = text.indexOf(problem, from);
  return { span: () => ({ start, end: start + problem.length }), lint_kind: () => kind };
}

describe('which suggestions of Harper are taken', () => {
  it.each([
    ['My colleague Mr. Tanaka always arrive early.', 'Tanaka', 'Tank', false],
    ['Zhang Wei spends his weekends practising calligraphy.', 'Zhang', 'Hang', false],
    ['Hiroshi has been teaching mathematics in Osaka.', 'Hiroshi', 'Hiroshima', false],
    // At a sentence's start a respelling more than one edit away is a name's, not a slip's.
    ['Anneliese lives near the station.', 'Anneliese', 'Annelids', false],
    ['Acording to the report, sales rose.', 'Acording', 'According', true],
    ['Capex for the warehouse was approved.', 'Capex', 'Cape', false],
    ['Thiss is my house.', 'Thiss', 'This', true],
    // A letter written three times: a drawn-out word, or one letter too many.
    ["I'm sooo tired today.", 'sooo', 'soon', false],
    ["I'm sooo tired today.", 'sooo', 'so', true],
    ['He was runnning late.', 'runnning', 'running', true],
    ['Tecnology is changing our lives.', 'Tecnology', 'Technology', true],
    ['I need to do many homeworks this weekend.', 'homeworks', "homework's", false],
    ['Could you give me some informations?', 'informations', 'in formations', false],
    ['I was travelling for work all last week.', 'travelling', 'traveling', false],
    ['She will practise every day.', 'practise', 'practice', false],
    // Other words in "-ise" are no British "-ice": a slip, and a verb for its noun.
    ['The servise was slow.', 'servise', 'service', true],
    ['Please advice me.', 'advice', 'advise', true],
    ['The conference was well organised.', 'organised', 'organized', false],
    ["It matches the organisation's logo.", "organisation's", "organization's", false],
    ['Her anaemia was treated with iron.', 'anaemia', 'anemia', false],
    ['The first instalment is due in May.', 'instalment', 'installment', false],
    ['The market was loud and colourful.', 'colourful', 'colorful', false],
    ['It is a quiet neighbourhood.', 'neighbourhood', 'neighborhood', false],
    ["Mathematics is Ji-woo's favourite subject.", "woo's", 'woos', false],
    ['It is a well-knwon fact.', 'knwon', 'known', true],
    // "It's" before what only "it is" takes stays; the possessive before a noun is still mended.
    ["It's no use crying about it.", "It's", 'Its', false],
    ["It's not worth it.", "It's", 'Its', false],
    ["The dog wagged it's tail.", "it's", 'its', true],
    ['We arrived late becouse of the rain.', 'becouse', 'because', true],
    ['The lecture was very intresting.', 'intresting', 'interesting', true],
    // A change of case alone is no spelling variant: it was once refused as British spelling.
    ['I have been learning english for three years.', 'english', 'English', true],
    ['Every monday we have a test.', 'monday', 'Monday', true],
    // An initial is no misspelt word, and after it no sentence starts.
    ['I have read all the books of J. K. Rowling.', 'K.', 'KO', false],
    // Typed without capitals ("j." had become "jg"), with Harper's span or without its period.
    ['I have read all the books of j. k. rowling.', 'j.', 'jg', false],
    ['I have read all the books of j. k. rowling.', 'j', 'jr', false],
    ['I have read all the books of J. K. Rowlimg.', 'Rowlimg', 'Rowling', false],
    // A misspelt month or language mid-sentence is no name; a short or longer name stays.
    ['The course starts in Septembre.', 'Septembre', 'September', true],
    ['I want to improve my Englsh.', 'Englsh', 'English', true],
    ['My friend Junie lives in Paris.', 'Junie', 'June', false],
    ['We drove to Augusta last week.', 'Augusta', 'August', false],
  ])('%s: %s → %s is %s', (text, before, after, taken) => {
    expect(isAcceptable(text, lintOver(text, before), after)).toBe(taken);
  });

  // Harper's "their" for "there" before a noun (a Grammar lint): "there" is right after a verb put
  // first and before a time.
  it.each([
    ['Are there individuals in your team who can help?', 'there', false],
    ['Is there money left in the budget?', 'there', false],
    ['We stayed there years ago.', 'there', false],
    ['There cars are parked outside.', 'There', true],
    ['The team lost there best player.', 'there', true],
  ])('%s: %s → their is %s', (text, before, taken) => {
    const after = before === 'There' ? 'Their' : 'their';
    expect(isAcceptable(text, lintOver(text, before, 'Grammar'), after)).toBe(taken);
  });

  it('leaves names with letters beyond A–Z, units after numbers and plurals after "you"', () => {
    const jose = 'José Ramírez homered twice.';
    expect(isAcceptable(jose, lintOver(jose, 'José'), 'Josh')).toBe(false);
    const amps = 'It draws up to 5 A at 5 V.';
    expect(isAcceptable(amps, lintOver(amps, 'A', 'Miscellaneous'), 'AN')).toBe(false);
    const guys = "Can't wait to see you guys. Miss you loads.";
    expect(isAcceptable(guys, lintOver(guys, 'guys', 'Agreement'), 'guy')).toBe(false);
    expect(isAcceptable(guys, lintOver(guys, 'loads', 'Agreement'), 'load')).toBe(false);
    // Agreement elsewhere is still Harper's to mend.
    const books = 'She has a books.';
    expect(isAcceptable(books, lintOver(books, 'books', 'Agreement'), 'book')).toBe(true);
  });

  it('tells a doubled letter from another slip, for choosing among the suggestions', () => {
    expect(differInDoubling('writting', 'writing')).toBe(true);
    expect(differInDoubling('ocasion', 'occasion')).toBe(true);
    expect(differInDoubling('writting', 'writhing')).toBe(false);
    expect(differInDoubling('writting', 'witting')).toBe(false);
  });

  it('leaves rewrites to taste: "All of the" stays', () => {
    const text = 'All of the students have to wear a uniform.';
    expect(isAcceptable(text, lintOver(text, 'All of the', 'Redundancy'), 'All the')).toBe(false);
    // After "is he", "does it": no verb of the subject's own.
    const question = 'Does he work on Saturdays, or is he free this weekend? He work here.';
    expect(isAcceptable(question, lintOver(question, 'free', 'Agreement'), 'frees')).toBe(false);
    expect(isAcceptable(question, lintOver(question, 'work', 'Agreement', 50), 'works')).toBe(true);
  });

  it('takes a split where the lint names a missing space, not where a spelling lint guesses one', () => {
    const text = 'I have alot of work. Infact, no informations came.';
    expect(isAcceptable(text, lintOver(text, 'alot', 'BoundaryError'), 'a lot')).toBe(true);
    expect(isAcceptable(text, lintOver(text, 'Infact', 'BoundaryError'), 'In fact')).toBe(true);
    expect(isAcceptable(text, lintOver(text, 'informations', 'Spelling'), 'in formations')).toBe(
      false,
    );
  });

  it('leaves correct speech-like writing as it is: a hyphenated word, "out of date.", "there\'s lots", "every one of", a pronoun "one"', () => {
    const joined = 'Did it get added mid-year? We signed a multi-year deal.';
    expect(isAcceptable(joined, lintOver(joined, 'mid-year'), 'midyear')).toBe(false);
    expect(isAcceptable(joined, lintOver(joined, 'multi-year'), 'multiyear')).toBe(false);
    const dated = 'The schema will be out of date. It is an out of date schema.';
    const datedAt = (from: number) => lintOver(dated, 'out of date', 'Miscellaneous', from);
    expect(isAcceptable(dated, datedAt(0), 'out-of-date')).toBe(false);
    expect(isAcceptable(dated, datedAt(30), 'out-of-date')).toBe(true);
    const people = "There's lots of people here.";
    expect(
      isAcceptable(people, lintOver(people, "There's lots", 'Agreement'), 'There are lots'),
    ).toBe(true);
    const lots = "So there's lots of crime, and there's many reasons.";
    expect(isAcceptable(lots, lintOver(lots, "there's lots", 'Agreement'), 'there are lots')).toBe(
      false,
    );
    expect(isAcceptable(lots, lintOver(lots, "there's many", 'Agreement'), 'there are many')).toBe(
      true,
    );
    const each = 'Every one of those invoices was late. Every one knows that.';
    const everyOneAt = (from: number) => lintOver(each, 'Every one', 'Miscellaneous', from);
    expect(isAcceptable(each, everyOneAt(0), 'Everyone')).toBe(false);
    expect(isAcceptable(each, everyOneAt(10), 'Everyone')).toBe(true);
    const one = 'Is it the one touching the queue? I need one information.';
    const piece = (problem: string, after: string) =>
      isAcceptable(one, lintOver(one, problem, 'Agreement'), after);
    expect(piece('one touching', 'one piece of touching')).toBe(false);
    expect(piece('one information', 'one piece of information')).toBe(true);
    // "one of the best" stands for its noun; Harper's "one of the bests" is no English.
    const best = 'She is one of the best.';
    expect(isAcceptable(best, lintOver(best, 'best', 'Usage'), 'bests')).toBe(false);
    // Harper's "both pieces of" for a verb's -ing form ("are both rising"), not for a mass noun.
    const both = 'Prices and wages are both rising. We bought both furniture and food.';
    const pieces = (problem: string, after: string) =>
      isAcceptable(both, lintOver(both, problem, 'Agreement'), after);
    expect(pieces('both rising', 'both pieces of rising')).toBe(false);
    expect(pieces('both furniture', 'both pieces of furniture')).toBe(true);
    const pronoun = 'Which one information did you mean?';
    expect(
      isAcceptable(
        pronoun,
        lintOver(pronoun, 'one information', 'Agreement'),
        'one piece of information',
      ),
    ).toBe(false);
  });

  it.each([
    // A transcript's fillers were said.
    ['So, uh, where were we?', ' uh', 'Miscellaneous', ''],
    // An acronym is written as its owner writes it.
    ['The deposit is protected with the DPS.', 'DPS', 'Capitalization', 'DPs'],
  ])('leaves %s as it is (%s)', (text, problem, kind, after) => {
    expect(isAcceptable(text, lintOver(text, problem, kind), after)).toBe(false);
  });

  it('keeps the capital that starts a sentence, whatever the lint says', () => {
    const text = "Who's car is this? I asked.";
    expect(isAcceptable(text, lintOver(text, "Who's", 'Capitalization'), "who's")).toBe(false);
  });

  it('takes a capital for the pronoun I', () => {
    const text = 'i think that the new phone is too expensive.';
    expect(isAcceptable(text, lintOver(text, 'i ', 'Capitalization'), 'I ')).toBe(true);
  });

  it('takes a grammar fix on a capitalised word that is not a spelling lint', () => {
    const text = 'Every monday we meet. Our teacher let us to use dictionaries.';
    expect(
      isAcceptable(text, lintOver(text, 'Our teacher let us to', 'Grammar'), 'Our teacher let us'),
    ).toBe(true);
  });
});

/** The model's edit of `before` (its first occurrence in `text`) into `after`. */
function modelEdit(text: string, before: string, after: string) {
  const start = text.indexOf(before);
  return {
    kind: 'replace' as const,
    sourceSpan: [start, start + before.length] as [number, number],
    targetSpan: [start, start + after.length] as [number, number],
    before,
    after,
    confidence: 0.95,
    decision: 'pending' as const,
  };
}

describe("the model's British spellings", () => {
  const edit = (before: string, after: string) => modelEdit(before, before, after);

  it('are not made American, though its other edits of the words are taken', () => {
    expect(americanises(edit('programme', 'program'))).toBe(true);
    expect(americanises(edit('the colour scheme,', 'the color scheme,'))).toBe(true);
    expect(americanises(edit('programme', 'programmes'))).toBe(false);
    expect(americanises(edit('colour sceme', 'color scheme'))).toBe(false);
  });
});

describe("the model's verb forms after 'have'", () => {
  it('keep a participle there, and other edits of the verb are taken', () => {
    const text = 'Had I known, I would have come earlier.';
    expect(undoesPerfect(text, modelEdit(text, 'known,', 'know,'))).toBe(true);
    const perfect = 'She has already went home.';
    expect(undoesPerfect(perfect, modelEdit(perfect, 'went', 'gone'))).toBe(false);
    const simple = 'They known him for years.';
    expect(undoesPerfect(simple, modelEdit(simple, 'known', 'know'))).toBe(false);
  });
});

describe("the model's verb -s and its 'to' for 'too'", () => {
  it('keep a singular subject’s -s and a "too" before an adverb, and mend the rest', () => {
    const battery = 'The phone is very fast, the battery lasts almost two days.';
    expect(undoesThirdPerson(battery, modelEdit(battery, 'lasts', 'last'))).toBe(true);
    const she = 'She goes home.';
    expect(undoesThirdPerson(she, modelEdit(she, 'goes', 'go'))).toBe(true);
    const plural = 'The batteries lasts two days.';
    expect(undoesThirdPerson(plural, modelEdit(plural, 'lasts', 'last'))).toBe(false);
    const slowly = 'The teacher talks too slowly and too much.';
    expect(makesTooTo(slowly, modelEdit(slowly, 'too', 'to'))).toBe(true);
    const grew = 'Headcount grew from 77 too 94, and we want too go.';
    expect(makesTooTo(grew, modelEdit(grew, 'too', 'to'))).toBe(false);
    const split = 'I want too quickly finish.';
    expect(makesTooTo(split, modelEdit(split, 'too', 'to'))).toBe(false);
  });
});

describe('a capitalised word Harper flags at a sentence’s start', () => {
  it('is a slip of its fix by its ending or two swapped letters, and a name otherwise', () => {
    expect(isSlipOfAWord('Definately', 'Definitely')).toBe(true);
    expect(isSlipOfAWord('Recieve', 'Receive')).toBe(true);
    expect(isSlipOfAWord('Marko', 'Mark')).toBe(false);
    expect(isSlipOfAWord('Kenji', 'Kanji')).toBe(false);
    expect(isSlipOfAWord('Mohammed', 'Mohammad')).toBe(false);
    expect(isSlipOfAWord('Satya', 'Satay')).toBe(false);
  });

  it('keeps its accents: Harper spells English in A–Z', () => {
    const zurich = 'We flew to Zürich and met at a caffé.';
    expect(isAcceptable(zurich, lintOver(zurich, 'Zürich'), 'Zurich')).toBe(false);
    // A slip that keeps the word's letters is still mended.
    expect(isAcceptable(zurich, lintOver(zurich, 'caffé'), 'café')).toBe(true);
    expect(
      isAcceptable('Nestlé is in Vevey.', lintOver('Nestlé is in Vevey.', 'Nestlé'), 'Nestle'),
    ).toBe(false);
  });
});

describe("the model's word for a word", () => {
  it('is not taken where it only adds or drops a final "e", which makes another word', () => {
    const plane = 'We landed late, but the plane was delayed.';
    expect(swapsSilentE(modelEdit(plane, 'plane', 'plan'))).toBe(true);
    const hope = 'I hop you are well.';
    expect(swapsSilentE(modelEdit(hope, 'hop', 'hope'))).toBe(true);
    expect(swapsSilentE(modelEdit(hope, 'hop', 'help'))).toBe(false);
    const the = 'Th plan is ready.';
    expect(swapsSilentE(modelEdit(the, 'Th', 'The'))).toBe(false);
  });

  it('is not taken where it makes a known word unknown or another word far from it', () => {
    const known = new Set([
      'drizzle',
      'margin',
      'costs',
      'fel',
      'fell',
      'over',
      'of',
      'buy',
      'bought',
      'the',
      'cost',
    ]);
    const edit = (before: string, after: string) => modelEdit(`a ${before} b`, before, after);
    expect(replacesAKnownWord(edit('drizzle', 'drizle'), known)).toBe(true);
    expect(replacesAKnownWord(edit('margin', 'costs'), known)).toBe(true);
    expect(replacesAKnownWord(edit('margin improved from', 'costs fell by'), known)).toBe(true);
    expect(replacesAKnownWord(edit('teh margin', 'the margin'), known)).toBe(false);
    expect(replacesAKnownWord(edit('ate', 'at'), new Set(['ate', 'at']))).toBe(true);
    expect(replacesAKnownWord(edit('theirs', 'their'), new Set(['theirs', 'their']))).toBe(false);
    // Slips, closed-class words and a word's forms are the model's to mend.
    expect(replacesAKnownWord(edit('teh', 'the'), known)).toBe(false);
    expect(replacesAKnownWord(edit('fel', 'fell'), known)).toBe(false);
    expect(replacesAKnownWord(edit('over', 'of'), known)).toBe(false);
    expect(replacesAKnownWord(edit('buy', 'bought'), known)).toBe(false);
    expect(replacesAKnownWord(edit('cost', 'costs'), known)).toBe(false);
  });

  it('drops the edit from the suggestion, and keeps the checker’s', () => {
    const source = 'We arrived to the airport, but the plane was delayed.';
    const checked = 'We arrived at the airport, but the plane was delayed.';
    const output = 'We arrived at the airport, but the plan was delayed.';
    const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: 1,
    }));
    const suggestion = withCheckerEdits(source, checked, output, tokens);
    expect(suggestion.text).toBe(checked);
    expect(suggestion.edits.map((edit) => edit.after)).toEqual(['at']);
  });
});

describe('two sentences', () => {
  it('are not joined by a comma before the capital of the second', () => {
    const text = "Okay, cool. Let's move on. It is fine. we agree.";
    expect(joinsSentences(text, modelEdit(text, 'cool.', 'cool,'))).toBe(true);
    expect(joinsSentences(text, modelEdit(text, 'fine.', 'fine,'))).toBe(false);
  });
});

describe('a name inside a sentence', () => {
  it('is not rewritten into another word by the model', () => {
    const text = 'Thank you for your letter about Unit 4B and the USB drive.';
    expect(rewritesName(text, modelEdit(text, 'Unit', 'the United'))).toBe(true);
    expect(rewritesName(text, modelEdit(text, 'USB', 'US'))).toBe(true);
  });

  it('may change its case, number or a one-letter slip, and a sentence’s first word is no name', () => {
    const text = 'Late fees apply. The State and its Partner sent Silvver to A friend.';
    expect(rewritesName(text, modelEdit(text, 'Late', 'A late'))).toBe(false);
    expect(rewritesName(text, modelEdit(text, 'State', 'States'))).toBe(false);
    expect(rewritesName(text, modelEdit(text, 'Partner', 'partner'))).toBe(false);
    expect(rewritesName(text, modelEdit(text, 'Silvver', 'Silver'))).toBe(false);
    expect(rewritesName(text, modelEdit(text, 'A', 'a'))).toBe(false);
  });
});

describe('the checker’s edits and the model’s', () => {
  /** Token confidences of 0.99 for every word of the model's output. */
  const sure = (output: string) =>
    [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: 0.99,
    }));
  const source = 'I am looking forward to hear from you soon';
  const checked = 'I am looking forward to hearing from you soon';

  it('keeps the checker’s edits the model kept and the model’s own only where it is sure', () => {
    const output = 'I am looking forward to hearing from you soon.';
    const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: match[0] === 'soon.' ? MODEL_CONFIDENCE_AFTER_CHECKER - 0.2 : 0.95,
    }));
    const result = withCheckerEdits(source, checked, output, tokens);
    expect(result.text).toBe(checked);
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0]).toMatchObject({
      before: 'hear',
      after: 'hearing',
      pass: 'grammar-checker',
    });
    expect(result.edits[0]!.confidence).toBeCloseTo(0.95);
  });

  it('keeps a sure edit of the model’s own, not marked as the checker’s', () => {
    const output = 'I am looking forward to hearing from you soon.';
    const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      confidence: 0.99,
    }));
    const result = withCheckerEdits(source, checked, output, tokens);
    expect(result.text).toBe(output);
    expect(result.edits.map((edit) => edit.pass)).toEqual(['grammar-checker', undefined]);
  });

  it('leaves the comma that ends a line, however sure the model is of its period', () => {
    for (const line of ['Kind regards,', 'Dear Ms Patel,', 'we met the team in Lyon, ']) {
      const output = `${line.trimEnd().slice(0, -1)}.`;
      expect(withCheckerEdits(line, line, output, sure(output)).text).toBe(line);
    }
    // A comma inside the line is the model's to change.
    const inside = 'We met, and we talked';
    const fixed = 'We met and we talked.';
    expect(withCheckerEdits(inside, inside, fixed, sure(fixed)).text).toBe(fixed);
  });

  it('takes none of the model’s deletions of words, however sure, but its other sure edits', () => {
    const ruled = 'I prefer tea to coffee.';
    for (const output of ['I prefer to coffee.', 'I prefer coffee.', 'I prefer tea.']) {
      expect(withCheckerEdits('I prefer tea than coffee.', ruled, output, sure(output)).text).toBe(
        ruled,
      );
    }
    const spaced = 'I think , that teh plan works';
    const mended = 'I think, that the plan works.';
    expect(withCheckerEdits(spaced, spaced, mended, sure(mended)).text).toBe(mended);
  });
});

describe('GrammarChecker (harper.js, offline)', () => {
  let checker: GrammarChecker;
  beforeAll(async () => {
    checker = await GrammarChecker.load();
  });
  afterAll(async () => {
    await checker.dispose();
  });

  it('fixes what learners get wrong and leaves names and British spellings alone', async () => {
    expect(await checker.correct('We arrived late becouse of the rain.')).toBe(
      'We arrived late because of the rain.',
    );
    const correct = 'Zhang Wei was travelling to Osaka with Mr. Tanaka last week.';
    expect(await checker.correct(correct)).toBe(correct);
    // Words Harper's dictionary lacks are taught to it, not respelt ("wife", "a book").
    const modern = 'The wifi password is on the wall. I read an ebook on the train.';
    expect(await checker.correct(modern)).toBe(modern);
    const latin = 'Escherichia coli grew in vitro; the per curiam opinion was de facto final.';
    expect(await checker.correct(latin)).toBe(latin);
    const indian = 'Can we prepone the meeting to Monday?';
    expect(await checker.correct(indian)).toBe(indian);
    expect(await checker.correct('That was fun, see you tmrw.')).toBe(
      'That was fun, see you tmrw.',
    );
    // "Whom" before an auxiliary and its subject is the object; before a verb it is mended.
    const whom = 'Whom did the committee appoint as chair?';
    expect(await checker.correct(whom)).toBe(whom);
    expect(await checker.correct('Whom is coming to dinner?')).toBe('Who is coming to dinner?');
    // Harper offers "driven" and "drove" in no fixed order: the past, or the participle after "have".
    expect(await checker.correct('He drived very fast on the motorway.')).toBe(
      'He drove very fast on the motorway.',
    );
    expect(await checker.correct('She has never drived a truck.')).toBe(
      'She has never driven a truck.',
    );
    // Harper's first suggestion is "writhing"; the one that drops a doubled letter is taken.
    expect(await checker.correct('I am writting to apply.')).toBe('I am writing to apply.');
    expect(await checker.correct('I have read the books of J. K. Rowling.')).toBe(
      'I have read the books of J. K. Rowling.',
    ); // British words Harper's American dictionary would respell into others ("cheque" → "cheese").
    const british = 'I paid the tyre by cheque, and my mum is bad at maths.';
    expect(await checker.correct(british)).toBe(british);
    // Contractions without their apostrophe, whatever Harper calls them; not an acronym in capitals.
    expect(
      await checker.correct(
        'Im late. I cant find it, hes gone. Please dont wait. Our IM client works.',
      ),
    ).toBe("I'm late. I can't find it, he's gone. Please don't wait. Our IM client works.");
    const noun = 'It was still a big world, despite all the modern cant to the contrary.';
    expect(await checker.correct(noun)).toBe(noun);
    // A verb agrees with a name as with "she"; Harper knows "please" in lower case, not "oksana".
    expect(await checker.correct('Oksana have two children. Please call me.')).toBe(
      'Oksana has two children. Please call me.',
    );
    // Harper's en dash for a range of numbers went into codes; "enquiries" is British.
    for (const printed of [
      'Please quote invoice INV-2025-0193 when you pay.',
      'Refunds are processed within 5-7 working days.',
      'Our office handles all enquiries.',
    ]) {
      expect(await checker.correct(printed)).toBe(printed);
    }
  });
});

describe('Harper that cannot load', () => {
  it('is a rejection that says why, and leaves no failure unhandled', async () => {
    // What a missing harper_wasm_bg.wasm looks like to harper.js: every load of the binary fails.
    // LocalLinter's constructor starts such a load without handling its failure, which ended the
    // corrector's process; vitest fails a run with an unhandled rejection, so this also checks
    // that load() builds no linter over a binary that did not load.
    const reason = 'ENOENT: no such file or directory, open harper_wasm_bg.wasm';
    const missing: BinaryModule = {
      url: 'file:///nowhere/harper_wasm_bg.wasm',
      setup: () => Promise.reject(new Error(reason)),
      getDefaultLintConfigAsJSON: () => Promise.reject(new Error(reason)),
      getDefaultLintConfig: () => Promise.reject(new Error(reason)),
      toTitleCase: () => Promise.reject(new Error(reason)),
    };
    await expect(GrammarChecker.load(undefined, missing)).rejects.toThrow(reason);
    // A turn of the event loop, for a stray rejection to surface before the test ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
