/**
 * The task of input that does not name it. The lines are real recognizer output of the out-of-domain
 * sets (training/data/out/ood-*.jsonl) and learners' sentences.
 */
import { describe, expect, it } from 'vitest';
import {
  inferDocumentTask,
  inferLineTasks,
  inferSegmentTask,
  scanNoise,
} from '../../../src/document/task-inference.js';
import { parseDocument } from '../../../src/formats/registry.js';

describe('inferSegmentTask', () => {
  it('takes a list with alternatives for speech', () => {
    expect(
      inferSegmentTask(['we agreed on a five year lease', 'we agreed on a five year least']),
    ).toEqual({ task: 'asr', evidence: 'alternatives' });
  });

  it('does not count empty alternatives', () => {
    expect(inferSegmentTask(['Dear Mr. Thompson,', '']).evidence).not.toBe('alternatives');
  });

  it('takes lower case without digits or punctuation for spoken-form speech', () => {
    expect(inferSegmentTask(["morning everyone let's keep this quick"])).toEqual({
      task: 'asr',
      evidence: 'spoken form',
    });
    // Two words say too little: a heading read by tesseract can look so too.
    expect(inferSegmentTask(['yours faithfully']).task).not.toBe('asr');
    // In capitals, as Kaldi-style recognizers write, from six words (a heading has fewer).
    expect(inferSegmentTask(["MORNING EVERYONE LET'S KEEP THIS QUICK"])).toEqual({
      task: 'asr',
      evidence: 'spoken form',
    });
    expect(inferSegmentTask(['CUSTOMER RELATIONS DEPARTMENT']).task).not.toBe('asr');
  });

  it('reads a segment of several lines as one line', () => {
    // A subtitle cue of two lines, a sentence wrapped in two.
    expect(inferSegmentTask(["morning everyone let's keep\nthis quick because priya"])).toEqual({
      task: 'asr',
      evidence: 'spoken form',
    });
    expect(inferSegmentTask(['My sister has two cats and she likes\nthem very much.'])).toEqual({
      task: 'text',
      evidence: 'sentence',
    });
  });

  it('takes a lower-case line with a contraction typed without its apostrophe for writing', () => {
    expect(inferSegmentTask(['she dont know what to do with her car'])).toEqual({
      task: 'text',
      evidence: 'typed',
    });
    // Words of their own that a speech recognizer's lexicon has: no evidence of typing.
    expect(inferSegmentTask(['we cant stay im afraid lets go']).task).toBe('asr');
  });

  it('takes lower case with punctuation for writing where it shows typing, else for a scan line', () => {
    // Careless typing had been read as a scan's line pieces, and its periods taken for specks.
    expect(
      inferSegmentTask(['i went to the store. i couldnt find the milk, so i asked a guy.']),
    ).toEqual({ task: 'text', evidence: 'typed' });
    expect(inferSegmentTask(['on monday i go to the gym with my sister.'])).toEqual({
      task: 'text',
      evidence: 'typed',
    });
    expect(inferSegmentTask(['me and my friend went to the concert, i loved it.'])).toEqual({
      task: 'text',
      evidence: 'typed',
    });
    // A scan's misread "is" or "in" before a word that is no verb of "I" is still a line piece.
    expect(inferSegmentTask(['marketing budget for next year i £250,000. Most of it'])).toEqual({
      task: 'ocr',
      evidence: 'line piece',
    });
  });

  it('takes characters and letter mixes that typing does not produce for a scan', () => {
    expect(inferSegmentTask(['Kessler & Duarte Birosenice Gmibl | 14 Larchiieid Road'])).toEqual({
      task: 'ocr',
      evidence: 'scan noise',
    });
    expect(
      inferSegmentTask(['Revenue fox the three months to 39 Septemb3r reached']),
    ).toMatchObject({ task: 'ocr' });
  });

  it('takes a whole sentence for writing and a piece of one for a scan line', () => {
    expect(inferSegmentTask(['I am agree with this opinion becouse it is true.'])).toEqual({
      task: 'text',
      evidence: 'sentence',
    });
    // Ends like a sentence but starts inside one: the page's width cut it.
    expect(inferSegmentTask(['from your Leeds showroom for £429.99 (order no.'])).toEqual({
      task: 'ocr',
      evidence: 'line piece',
    });
    expect(inferSegmentTask(['four times, leaving standing water in the tub and an'])).toEqual({
      task: 'ocr',
      evidence: 'line piece',
    });
  });
});

describe('hostile input', () => {
  it('reads a 100,000-character run of punctuation in one pass (the fuzzer hung on it)', () => {
    expect(inferSegmentTask(['!'.repeat(100_000) + 'a']).task).toBe('ocr');
    expect(scanNoise(`${'('.repeat(50_000)}x${')'.repeat(50_000)}`)).toBe(0);
  });
});

describe('scanNoise', () => {
  it('leaves ordinals, units and reference codes alone', () => {
    expect(scanNoise('on the 3rd floor, 12kg, order NW-4471 and KX400')).toBe(0);
    expect(scanNoise('CIient wiII caII on the 2nd, rn0re')).toBeGreaterThanOrEqual(2);
  });

  it('leaves product names alone, but not a capital inside a misread word', () => {
    expect(scanNoise('my new iPhone, WhatsApp, LinkedIn, MediaMarkt and eBay')).toBe(0);
    expect(
      inferSegmentTask(['I am writting to apply for the job advertised on LinkedIn.']).task,
    ).toBe('text');
    expect(scanNoise('the resGiving fYear moGela')).toBe(3);
  });

  it('leaves code between backticks alone, but not a lone backtick', () => {
    expect(scanNoise('To check it, run `git --version` or `npm_config_v2`.')).toBe(0);
    expect(inferSegmentTask(['Rust 1.75 stabilized `async fn` in traits.']).task).toBe('text');
    expect(scanNoise('the rnain ha`ll')).toBe(1);
  });
});

describe('inferDocumentTask', () => {
  const page = [
    'On 12 February I bought a Brightwell KX400 dishwasher',
    'from your Leeds showroom for £429.99 (order no.',
    '77-30416). Since installation it has stopped mid-cycle',
    'four times, leaving standing water in the tub and an E7',
    'error on the display. Your engineer visited on 26',
  ];

  it('reads a page of wrapped lines as a scan', () => {
    expect(inferDocumentTask(page.map((source) => ({ source })))).toBe('ocr');
  });

  it('reads sentences as text and spoken-form lines as speech', () => {
    const essay = ['I live in Lyon since three years.', 'My brother work in a bank.'];
    expect(inferDocumentTask(essay.map((source) => ({ source })))).toBe('text');
    const transcript = ['so the next item is the budget', 'can everyone hear me okay'];
    expect(inferDocumentTask(transcript.map((source) => ({ source })))).toBe('asr');
  });

  it('reads careless lower-case typing as writing, where enough of its lines show typing', () => {
    const chat = [
      'i think we should meet on friday if your free',
      'yesterday i go to the market and buy some vegetables',
      'she dont know what to do with her old car',
      'i didnt see him since last year',
      'we was waiting for you for two hours',
    ];
    expect(inferDocumentTask(chat.map((source) => ({ source })))).toBe('text');
    expect(inferLineTasks(chat.map((line) => [line]))).toEqual(Array(chat.length).fill('text'));
    // One typed line among many spoken ones is a transcript someone touched up, still speech.
    const transcript = [...Array(12).fill('so the next item is the budget'), chat[2]!];
    expect(inferDocumentTask(transcript.map((source) => ({ source })))).toBe('asr');
  });

  it('reads a letter as writing, though its greeting, closing and signature are line pieces', () => {
    const letter = [
      'Dear Sir or Madam,',
      'I am writting to complain about my order. It still did not arrive after two weeks.',
      'I am looking forward to hear from you.',
      'Kind regards,',
      'Maria Rossi',
    ];
    expect(inferDocumentTask(letter.map((source) => ({ source })))).toBe('text');
    expect(parseDocument(letter.join('\n\n'), 'letter.txt').document.task).toBe('text');
  });

  it('is what a plain text file and an unlabelled N-best file say of their task', () => {
    expect(parseDocument(page.join('\n'), 'letter.txt').document.task).toBe('ocr');
    const jsonl = page.map((line, index) =>
      JSON.stringify({ id: `l${index}`, hypotheses: [line] }),
    );
    expect(parseDocument(jsonl.join('\n'), 'letter.jsonl').document.task).toBe('ocr');
  });
});

describe('inferLineTasks', () => {
  const scanLines = [
    'On 12 February I bought a Brightwell KX400 dishwasher',
    'from your Leeds showroom for £429.99 (order no.',
    'four times, leaving standing water in the tub and an E7',
    'error on the display. Your engineer visited on 26',
    // Alone, these two read as speech (lower case, no punctuation) and as writing (a sentence).
    'and the drain pump was replaced',
    'The fault returned within a week.',
    'tbe rnachine | still leaks',
  ].map((line) => [line]);

  it("gives lines whose evidence is only their shape the file's task", () => {
    expect(scanLines.map((line) => inferSegmentTask(line).task)).toEqual([
      'ocr',
      'ocr',
      'ocr',
      'ocr',
      'asr',
      'text',
      'ocr',
    ]);
    expect(inferLineTasks(scanLines)).toEqual(Array(scanLines.length).fill('ocr'));
  });

  it('reads a file of sentences without end punctuation as writing, not as scan lines', () => {
    const learners = [
      'My sister have two cats and she love animals',
      'I am agree with you about this',
      'Yesterday I go to the cinema with my friends',
      "He don't like coffee but he drink tea every day",
      '- I have been in London last year.',
      'She can speaks three languages.',
    ].map((line) => [line]);
    expect(learners.map((line) => inferSegmentTask(line).task)).toEqual([
      'ocr',
      'ocr',
      'ocr',
      'ocr',
      'text',
      'text',
    ]);
    expect(inferLineTasks(learners)).toEqual(Array(learners.length).fill('text'));
    expect(inferDocumentTask(learners.map(([line]) => ({ source: line! })))).toBe('text');
    // Typed without capitals: sentences that start in lower case and end as sentences.
    const lowerCase = [
      'my brother goes to school by bus.',
      'yesterday we go to the cinema with our friends.',
      'she can speaks three languages very well.',
      'the weather was too much hot for my grandmother.',
      'we stayed in a small hotel near of the beach.',
    ].map((line) => [line]);
    expect(lowerCase.map((line) => inferSegmentTask(line).task)).toEqual(
      Array(lowerCase.length).fill('ocr'),
    );
    expect(inferLineTasks(lowerCase)).toEqual(Array(lowerCase.length).fill('text'));
    // A scan's page has lines that start in lower case, and lists and headings in title case.
    expect(inferLineTasks(scanLines)).toEqual(Array(scanLines.length).fill('ocr'));
    const songs = [
      'Get cool Songs and Logos to your Phone today',
      'There are tons of songs and graphics to choose from',
      'Get Ur Freak On Missy Elliott',
      'Walk Like an Egyptian Bangles',
      'Achy Breaky Heart Billy Ray Cyrus',
    ].map((line) => [line]);
    expect(inferLineTasks(songs)).toEqual(Array(songs.length).fill('ocr'));
  });

  it('keeps decisive evidence, and leaves every line to itself in a file without a clear majority', () => {
    const withList = [...scanLines, ['so the next item', 'so then next item']];
    expect(inferLineTasks(withList).at(-1)).toBe('asr');
    const mixed = [
      ...scanLines.slice(0, 3),
      ...[
        'I live in Lyon since three years.',
        'My brother work in a bank.',
        'She go to school.',
      ].map((line) => [line]),
    ];
    expect(inferLineTasks(mixed)).toEqual(mixed.map((line) => inferSegmentTask(line).task));
    expect(inferLineTasks(scanLines.slice(4, 6))).toEqual(['asr', 'text']);
  });
});
