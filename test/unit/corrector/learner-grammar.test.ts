import { describe, expect, it } from 'vitest';
import { gerundOf, withLearnerGrammar } from '../../../src/corrector/passes/learner-grammar.js';

describe('withLearnerGrammar', () => {
  it.each([
    // countability
    ['Could you give me some informations?', 'Could you give me some information?'],
    [
      'The company gave us a lot of usefull advices.',
      'The company gave us a lot of usefull advice.',
    ],
    ['I need to do many homeworks this weekend.', 'I need to do much homework this weekend.'],
    ['How Many Luggages can I take?', 'How Much Luggage can I take?'],
    ['NEW EQUIPMENTS ARRIVED', 'NEW EQUIPMENT ARRIVED'],
    // verbs followed by a gerund
    ['My son enjoy to play video games.', 'My son enjoy playing video games.'],
    ['He avoided to answer my question.', 'He avoided answering my question.'],
    ['Would you mind to open the window?', 'Would you mind opening the window?'],
    ['We are considering to move to Lyon.', 'We are considering moving to Lyon.'],
    ['She finished to write the report.', 'She finished writing the report.'],
    // make and let with an object take the bare infinitive
    ['My manager made me to work on Saturday.', 'My manager made me work on Saturday.'],
    ['Our teacher let us to use dictionaries.', 'Our teacher let us use dictionaries.'],
    // "be used to" a habit takes the gerund
    ["I'm used to drive on the left.", "I'm used to driving on the left."],
    ['We are used to get up early.', 'We are used to getting up early.'],
  ])('%s', (text, expected) => {
    expect(withLearnerGrammar(text)).toBe(expected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'She researches how the evidence evidences bias.',
      'The hotel offers accommodations for many guests.',
      'Our informationsystem and homeworkshop are down.',
      'Keep in mind to bring your passport.',
      'He is considered to be the best. It is hard to imagine.',
      'The meeting was postponed to next week; smoking is a risk to health.',
      'We enjoyed it to the end and made it to the final.',
      'This tool is used to cut paper, and they are used to it.',
      'I used to eat meat. We enjoy to the fullest.',
      'He made them to the airport on time.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });

  it('spells the gerund', () => {
    expect(
      ['play', 'write', 'swim', 'visit', 'lie', 'see', 'be', 'fix', 'open', 'get'].map(gerundOf),
    ).toEqual([
      'playing',
      'writing',
      'swimming',
      'visiting',
      'lying',
      'seeing',
      'being',
      'fixing',
      'opening',
      'getting',
    ]);
  });
});
