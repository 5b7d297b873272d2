import { describe, expect, it } from 'vitest';
import { withTypingSlipsMended } from '../../../src/corrector/passes/careless-typing.js';

describe('slips of fast typing', () => {
  it.each([
    [
      'I went home early.Then I slept for ten hours.',
      'I went home early. Then I slept for ten hours.',
    ],
    ['It was great!Thanks for everything.', 'It was great! Thanks for everything.'],
    ['We bought apples,oranges and bread.', 'We bought apples, oranges and bread.'],
    [
      'She said she would come tomorrow ,but she did not.',
      'She said she would come tomorrow, but she did not.',
    ],
    [
      'Hello , my name is Ana and I am from Brazil .',
      'Hello, my name is Ana and I am from Brazil.',
    ],
    ['Is it ready ?', 'Is it ready?'],
    ['Can u send me the report?', 'Can you send me the report?'],
    ['thank u, see you soon', 'thank you, see you soon'],
    ['I will call u.', 'I will call you.'],
    ['pls send it today, thx', 'please send it today, thanks'],
    ['Whats your name? Lets go to the park.', "What's your name? Let's go to the park."],
    [
      'We where waiting, and they where getting cold.',
      'We were waiting, and they were getting cold.',
    ],
    ['Send your cv asap, we watch tv in the usa.', 'Send your CV ASAP, we watch TV in the USA.'],
  ])('%s → %s', (typed, mended) => {
    expect(withTypingSlipsMended(typed)).toBe(mended);
  });

  it.each([
    'The U.S. economy grew, e.g.The figures show it.',
    'Visit www.example.Com or write to info@mail.Com today.',
    'Open file.name and call console.Log(x) first.',
    'It costs 1,000 dollars or 3.5 euros a day.',
    'Choose a package (rpm,deb,tgz) for your system.',
    'B u y now, how r u 2day?',
    'The coordinates u, V and W are given.',
    'Wait ... and then?',
    'They called it African?American history.',
    'J.K. Rowling met Ph.D students.',
    'She lets us go early. Lets is a verb.',
    "I'll show you where parking is. Places we visited where amazing.",
    'Open report.pdf from www.usa.gov or run dvd::rip and pdf-tools.',
  ])('leaves %s', (text) => {
    expect(withTypingSlipsMended(text)).toBe(text);
  });
});
