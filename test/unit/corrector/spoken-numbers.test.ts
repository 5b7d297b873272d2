import { describe, expect, it } from 'vitest';
import { spokenNumbers, writtenForms } from '../../../src/corrector/decoding/spoken-numbers.js';

const formsOf = (words: string): string[] => writtenForms(words.split(' '));

describe('spokenNumbers', () => {
  it('finds each run of number words with its place in the text', () => {
    const text = 'between sixteen fourteen and sixteen fifty five which is right';
    expect(spokenNumbers(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'sixteen fourteen',
      'sixteen fifty five',
    ]);
  });

  it('keeps "and" after a scale word, "point" and "oh" before a digit, and hyphens in a run', () => {
    const text = 'one hundred and twenty, four point one, nineteen oh five, twenty-first and more';
    expect(spokenNumbers(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'one hundred and twenty',
      'four point one',
      'nineteen oh five',
      'twenty-first',
    ]);
  });

  it('finds whole words only, and only runs that say a number', () => {
    expect(spokenNumbers('someone often weighs tons')).toEqual([]);
    expect(spokenNumbers('four five hundred')).toEqual([]);
  });

  it('finds numbers whatever their case', () => {
    expect(spokenNumbers('Twelve percent')).toEqual([{ start: 0, end: 6, forms: ['12'] }]);
  });
});

describe('writtenForms', () => {
  it('writes a cardinal by its value', () => {
    expect(formsOf('forty two')).toEqual(['42']);
    expect(formsOf('one hundred and twenty')).toEqual(['120']);
    expect(formsOf('two thousand and five')).toEqual(['2005', '2,005']);
  });

  it('writes large numbers with thousands separators first', () => {
    expect(formsOf('fifty eight thousand two hundred thirteen')).toEqual(['58,213', '58213']);
  });

  it('writes decimals', () => {
    expect(formsOf('thirty five point two')).toEqual(['35.2']);
    expect(formsOf('four point oh five')).toEqual(['4.05']);
  });

  it('reads numbers said one after another as years and times', () => {
    expect(formsOf('sixteen fourteen')).toEqual(['1614', '16:14']);
    expect(formsOf('nine thirty')).toEqual(['930', '9:30']);
    expect(formsOf('eleven forty two')).toEqual(['1142', '11:42']);
    expect(formsOf('nineteen oh five')).toEqual(['1905', '19:05']);
    expect(formsOf('four five six')).toEqual(['456']);
  });

  it('writes ordinals with and without their suffix', () => {
    expect(formsOf('fifteenth')).toEqual(['15th', '15']);
    expect(formsOf('twenty first')).toEqual(['21st', '21']);
    expect(formsOf('twelfth')).toEqual(['12th', '12']);
    expect(formsOf('first')).toEqual(['1st', '1']);
    expect(formsOf('one hundred first')).toEqual(['101st', '101']);
    expect(formsOf('twenty twelfth')).toEqual([]);
  });

  it('has no form for words that say no number', () => {
    expect(formsOf('hundred hundred')).toEqual([]);
    expect(formsOf('twenty first second')).toEqual([]);
  });
});
