import { describe, expect, it } from 'vitest';
import { withUncountableNounsSingular } from '../../../src/corrector/passes/uncountable-nouns.js';

describe('withUncountableNounsSingular', () => {
  it.each([
    ['Could you give me some informations?', 'Could you give me some information?'],
    [
      'The company gave us a lot of usefull advices.',
      'The company gave us a lot of usefull advice.',
    ],
    ['I need to do many homeworks this weekend.', 'I need to do much homework this weekend.'],
    ['How Many Luggages can I take?', 'How Much Luggage can I take?'],
    ['Informations about the course are online.', 'Information about the course are online.'],
    ['NEW EQUIPMENTS ARRIVED', 'NEW EQUIPMENT ARRIVED'],
    [
      'We bought furnitures and softwares, and many feedbacks came.',
      'We bought furniture and software, and much feedback came.',
    ],
  ])('%s', (text, expected) => {
    expect(withUncountableNounsSingular(text)).toBe(expected);
  });

  it('leaves plurals that are also verbs or standard, and words that only contain a listed one', () => {
    for (const text of [
      'She researches how the evidence evidences bias.',
      'The hotel offers accommodations for many guests.',
      'Our informationsystem and homeworkshop are down.',
      'He advises many students.',
    ]) {
      expect(withUncountableNounsSingular(text)).toBe(text);
    }
  });
});
