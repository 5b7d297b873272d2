/**
 * Spelling by context: the words one edit away, the distance that prices them, and the choice among
 * Harper's suggestions and those words under a word trigram model, first with a small model whose
 * every score is written here, then with the shipped one inside the grammar checker.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contextSpelling,
  editDistance,
  inWritersSpelling,
  isSwapOfNeighbours,
  oneEditAway,
} from '../../../src/corrector/passes/context-speller.js';
import { GrammarChecker } from '../../../src/corrector/passes/grammar-checker.js';
import { OcrLexicon } from '../../../src/corrector/passes/ocr-lexicon.js';
import {
  loadWordTrigramModel,
  type WordTrigramModel,
} from '../../../src/corrector/passes/word-trigram-model.js';

const lexiconDir = fileURLToPath(new URL('../../../assets/models/ocr-lexicon/', import.meta.url));

/**
 * A model that knows a few words (ln P alone) and a few word pairs (ln P of the second after the
 * first); any other trigram scores its last word alone, an unknown word -20.
 */
function smallModel(words: Record<string, number>, pairs: Record<string, number> = {}) {
  const model: WordTrigramModel = {
    logProbability: (_a, b, c) => pairs[`${b} ${c}`] ?? words[c] ?? -20,
    knows: (word) => word in words,
    wordLogProbability: (word) => words[word] ?? -20,
  };
  return model;
}

/** contextSpelling over the first occurrence of `word` in `text`. */
function spell(text: string, word: string, suggestions: string[], model: WordTrigramModel) {
  const start = text.indexOf(word);
  return contextSpelling(text, start, start + word.length, suggestions, model);
}

describe('the words one edit away', () => {
  it('deletes, swaps, changes and inserts one letter, and leaves the word out', () => {
    const near = oneEditAway('wich');
    for (const word of ['wch', 'iwch', 'with', 'which', 'wicho']) expect(near.has(word)).toBe(true);
    expect(near.has('wich')).toBe(false);
    expect(near.has('whitch')).toBe(false);
  });

  it('prices a swap of neighbours as one edit', () => {
    expect(editDistance('recieve', 'receive')).toBe(1);
    expect(editDistance('libary', 'library')).toBe(1);
    expect(editDistance('libary', 'liberty')).toBe(2);
    expect(editDistance('especialy', 'special')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('choosing a spelling by context', () => {
  const words = {
    a: -3,
    room: -7,
    which: -6,
    wish: -7,
    was: -4,
    small: -8,
    with: -4,
    mohammed: -12,
  };
  const pairs = { 'room which': -3, 'which was': -2, 'room wish': -12, 'wish was': -11 };

  it("takes Harper's second suggestion when the words around it fit only that one", () => {
    const model = smallModel(words, pairs);
    expect(spell('a room wich was small', 'wich', ['wish', 'which'], model)).toBe('which');
    // Without the pairs, Harper's order decides between words that fit alike.
    expect(spell('a room wich was small', 'wich', ['wish', 'which'], smallModel(words))).toBe(
      'wish',
    );
  });

  it('finds a word one edit away that Harper did not offer, and writes it in the case found', () => {
    const model = smallModel(words, pairs);
    expect(spell('A room wich was small', 'wich', ['wet her'], model)).toBe('which');
    expect(spell('WICH was small', 'WICH', [], model)).toBe('WHICH');
  });

  it('keeps a word the model knows when no candidate fits better by the margin', () => {
    const model = smallModel(words, pairs);
    expect(spell('mohammed was small', 'mohammed', ['mohamed'], model)).toBeUndefined();
    expect(
      spell('mohammed was small', 'mohammed', ['mohamed'], smallModel({ ...words, mohamed: -5 })),
    ).toBe('mohamed');
  });

  it('leaves words under four letters, and takes no suggestion more than two edits away', () => {
    const model = smallModel({ ...words, ape: -5, subject: -5 });
    expect(spell('the api was', 'api', ['ape'], model)).toBeUndefined();
    expect(spell('a room kubectl was', 'kubectl', ['subject'], model)).toBeUndefined();
  });

  it("scores a suggestion of Harper's the model has never seen as a word seen once", () => {
    // Unseen, "jellyfish" would score the model's unknown word (-20) and lose to "selfish" (-13, an
    // edit more and a place down); as a word seen once (-13.9) it wins.
    const model = smallModel({ ...words, selfish: -13 });
    expect(spell('a jelyfish was small', 'jelyfish', ['jellyfish', 'selfish'], model)).toBe(
      'jellyfish',
    );
  });

  it("takes Harper's first suggestion when it only swaps two neighbouring letters back", () => {
    // "recent" is two edits away and far likelier to the model; the swap is the slip itself.
    const model = smallModel({ ...words, recent: -6, receipt: -13, the: -3, is: -3 });
    expect(spell('the reciept is small', 'reciept', ['receipt', 'recent'], model)).toBe('receipt');
    // A first suggestion that is no swap leaves the choice to the model.
    expect(spell('the reciept is small', 'reciept', ['recent', 'receipt'], model)).toBe('recent');
    expect(isSwapOfNeighbours('neice', 'niece')).toBe(true);
    expect(isSwapOfNeighbours('neice', 'nice')).toBe(false);
    expect(isSwapOfNeighbours('abcd', 'badc')).toBe(false);
  });

  it("keeps the flagged word's ending and its -ed or -ing, unless letters are only added", () => {
    const model = smallModel(
      { ...words, terrible: -9, terribly: -9, prefer: -9, preferred: -9 },
      {
        'was terribly': -2,
        'was terrible': -3,
        'i prefer': -2,
        'i preferred': -9,
      },
    );
    // One letter's likelier fit does not pay for another ending; -ed lost pays 8 on top.
    expect(spell('it was terible', 'terible', ['terrible', 'terribly'], model)).toBe('terrible');
    expect(spell('i prefered the first', 'prefered', ['preferred', 'prefer'], model)).toBe(
      'preferred',
    );
    // Letters added at the end are no other ending ("becaus" → "because"): charged 2 for one,
    // "because" would lose to "becalm", which the model finds likelier.
    const because = smallModel({ ...words, because: -8, becalm: -6 });
    expect(spell('it was becaus of', 'becaus', ['becalm', 'because'], because)).toBe('because');
  });

  it('keeps the number the writer gave a noun', () => {
    // The model knows "the accommodations for" far better; the writer wrote one.
    const model = smallModel(
      { ...words, accommodation: -9, accommodations: -9 },
      { 'the accommodations': -1, 'the accommodation': -9 },
    );
    const written = 'the accomodation for';
    const suggestions = ['accommodation', 'accommodations'];
    expect(spell(written, 'accomodation', suggestions, model)).toBe('accommodation');
    // A plural written stays one ("acommodations" → "accommodations").
    expect(spell('the acommodations for', 'acommodations', suggestions, model)).toBe(
      'accommodations',
    );
  });

  it('gives nothing for a span that is not one word, or when nothing is near', () => {
    const model = smallModel(words, pairs);
    expect(contextSpelling('a room wich was', 2, 11, ['which'], model)).toBeUndefined();
    expect(spell('a room zzzzzz was', 'zzzzzz', [], model)).toBeUndefined();
  });
});

describe("the writer's spelling", () => {
  const model = smallModel({ favourite: -12, neighbourhood: -13, organisation: -13, centre: -12 });

  it('writes the British form of a fix where the writer wrote British letters', () => {
    expect(inWritersSpelling('favourit', 'favorite', model)).toBe('favourite');
    expect(inWritersSpelling('Neighbourhod', 'Neighborhood', model)).toBe('Neighbourhood');
    expect(inWritersSpelling('organisaton', 'organization', model)).toBe('organisation');
    expect(inWritersSpelling('centr', 'center', model)).toBe('center');
    expect(inWritersSpelling('centrre', 'center', model)).toBe('centre');
  });

  it('keeps the American fix of American letters, and a British form the model does not know', () => {
    expect(inWritersSpelling('favorit', 'favorite', model)).toBe('favorite');
    expect(inWritersSpelling('colourfull', 'colorful', model)).toBe('colorful');
    expect(inWritersSpelling('helth', 'health', model)).toBe('health');
  });
});

describe('the grammar checker with the shipped word model', () => {
  let checker: GrammarChecker;
  beforeAll(async () => {
    // As the engine loads it: the lexicon's word model and its known words.
    checker = await GrammarChecker.load(
      loadWordTrigramModel(lexiconDir),
      undefined,
      OcrLexicon.knownWords(lexiconDir),
    );
  });
  afterAll(async () => {
    await checker.dispose();
  });

  it.each([
    // Harper offers "wish", "heath", "ninth" first; "whether", "office", "until" not at all.
    ['They gave us a room wich was very small.', 'They gave us a room which was very small.'],
    ['Smoking is dangerous for your helth.', 'Smoking is dangerous for your health.'],
    ['It was the best nigth of my life.', 'It was the best night of my life.'],
    ["I wasn't sure wether to accept the offer.", "I wasn't sure whether to accept the offer."],
    ['I go to the gym near my ofice.', 'I go to the gym near my office.'],
    ['I study in the library untill midnight.', 'I study in the library until midnight.'],
    ['I took the train from paris to Brussels.', 'I took the train from Paris to Brussels.'],
    // Harper offers "quinoa" first, a word the model has never seen ("quine" before).
    ['I had a quinao salad for lunch.', 'I had a quinoa salad for lunch.'],
    // A misspelt unit after a number is still respelt.
    ['We waited 15 minuts for the bus.', 'We waited 15 minutes for the bus.'],
    // Harper's offsets are the string's own past a character outside the BMP.
    ['Café 😀 a room wich was small.', 'Café 😀 a room which was small.'],
    // Harper spells American English: a British writer's slip keeps British letters.
    [
      'My favourit hobby is cooking, espesially in our neighbourhod.',
      'My favourite hobby is cooking, especially in our neighbourhood.',
    ],
    ['My favorit hobby is cooking.', 'My favorite hobby is cooking.'],
    // The model knows "I prefer the" far better; the writer wrote the past.
    ['I prefered the first example.', 'I preferred the first example.'],
    ['Something strange happend yesterday.', 'Something strange happened yesterday.'],
    ['The weather was terible.', 'The weather was terrible.'],
    // E-mail's "thier" is a word the model has seen often, but "their" e^4 times more.
    ['They want to improve thier English.', 'They want to improve their English.'],
  ])('%s', async (text, corrected) => {
    expect(await checker.correct(text)).toBe(corrected);
  });

  it('respells a word typed without capitals only one edit away: such words are mostly names', async () => {
    // Capitalised, a name is left as it is; in lower case Harper offered "alienate" and "koala".
    expect(await checker.correct('they have a house near the beach in alicante.')).toMatch(
      /near the beach in alicante\.$/u,
    );
    expect(await checker.correct('i visited my grandparents in kerala.')).not.toContain('koala');
    // A typist's slips are still mended, and the same sentence with capitals reaches as before.
    expect(await checker.correct('i go to the gym near my ofice.')).toContain('office');
    expect(await checker.correct('I was not sure wether to go.')).toBe(
      'I was not sure whether to go.',
    );
  });

  it('respells no word the model knows well, and leaves correct text as it is', async () => {
    // Harper's suggestions for "postages" are "post ages"; the model would have preferred "postage".
    // For "quiet" Harper offers "quite", for "api" "ape", for "kubectl" "puberty".
    for (const correct of [
      'The receipts from letter postages for the year fell.',
      'Even in our most quiet financial periods we saved.',
      'The api returns a list, and we call it with kubectl.',
      // British, which Harper's American dictionary flags; its "lasagna" is a word the model has
      // never seen, and "lavage" had won.
      "Grandma's lasagne recipe calls for three kinds of cheese.",
      // Harper would write out the units ("minutes", a word choice); the speller had made "mind".
      'Running late, be there in 10 mins. The bus takes 20 mins.',
      // Joined to a sign of code, a word is a name in a program (Harper: "piston").
      'I find no description for %postun, but it works.',
      // A verb with its own object, however spelt: Harper's "need the discus".
      'We need to discus the budget.',
    ]) {
      expect(await checker.correct(correct)).toBe(correct);
    }
    const named = 'Zhang Wei was travelling to Osaka with Mr. Tanaka last week.';
    expect(await checker.correct(named)).toBe(named);
  });

  it('leaves a name that starts a sentence as it is, but respells a slip there', async () => {
    // Harper offers "Avesta" (two edits away), "Elena" and "Harvard" (other names) first.
    for (const named of [
      'Ayesha sent me an email this morning.',
      'Eleni works as a nurse in a big hospital.',
      'Halvard is my best friend. Eleni is his sister.',
      // Names the lexicon's known words list (CMUdict's), which Harper respelt into words.
      'Marko is my best friend. Kenji likes sushi.',
      'Mateo has gone to the doctor this morning.',
    ]) {
      expect(await checker.correct(named)).toBe(named);
    }
    expect(await checker.correct('Tecnology is changing our lives.')).toBe(
      'Technology is changing our lives.',
    );
    // A month is a name English always capitalises: its slip is still respelt.
    expect(await checker.correct('Septembre is the best month. Febuary is cold.')).toBe(
      'September is the best month. February is cold.',
    );
  });
});
