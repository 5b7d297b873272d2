import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorrectorUnavailable } from '../../../src/corrector/errors.js';
import {
  documentWordCounts,
  OcrLexicon,
  type LexicalEdit,
} from '../../../src/corrector/passes/ocr-lexicon.js';
import { ScanLineReadings } from '../../../src/corrector/passes/ocr-refine.js';

const lexiconDir = fileURLToPath(new URL('../../../assets/models/ocr-lexicon/', import.meta.url));

// Written by `training/ocr_lexicon.py fixture` from the Python reference (OcrLexicon.read_lines: the
// lines in order, each from the last words of the one before where its sentence runs on).
interface ParityCase {
  line: string;
  /** Every other line's: the recognizer's confidence in each white-space separated word. */
  confidences?: number[];
  corrected: string;
  /** start/end are Python code-point offsets. */
  edits: LexicalEdit[];
}
const cases = JSON.parse(
  await readFile(new URL('../../fixtures/ocr-lexicon/parity.json', import.meta.url), 'utf8'),
) as ParityCase[];
/** The fixture's lines are one document, as `training/ocr_lexicon.py fixture` counts them. */
const fixtureCounts = documentWordCounts(cases.map((parityCase) => parityCase.line));

/** A Python code-point offset in `line` as a UTF-16 offset (they differ past astral characters). */
function utf16Offset(line: string, codePointOffset: number): number {
  return Array.from(line).slice(0, codePointOffset).join('').length;
}

/** What load() throws for `directory`, or fails the test when it loads. */
async function loadFailure(directory: string): Promise<CorrectorUnavailable> {
  try {
    await OcrLexicon.load(directory);
  } catch (error) {
    expect(error).toBeInstanceOf(CorrectorUnavailable);
    return error as CorrectorUnavailable;
  }
  throw new Error(`OcrLexicon.load(${directory}) did not fail`);
}

let lexicon: OcrLexicon;
beforeAll(async () => {
  lexicon = await OcrLexicon.load(lexiconDir);
});

/** The fixture's lines as one request's scan lines, read as the engine reads them. */
function fixtureReadings(): ScanLineReadings {
  const lines = cases.map((c) => ({ text: c.line, wordConfidences: c.confidences }));
  return new ScanLineReadings(lexicon, lines, fixtureCounts);
}

describe('OcrLexicon parity with training/ocr_lexicon.py', () => {
  it('has a fixture of dev lines, some of them corrected', () => {
    expect(cases.length).toBe(400);
    expect(cases.filter((c) => c.line !== c.corrected).length).toBeGreaterThan(100);
  });

  it('reads many of its lines from the words of the line before', () => {
    const readings = fixtureReadings();
    const runOn = cases.filter((_, index) => readings.context(index).wordsBefore !== undefined);
    expect(runOn.length).toBeGreaterThan(100);
  });

  // Asked for last line first, as a request's segments may finish in any order.
  let readings: ScanLineReadings | undefined;
  it.each(cases.map((c, index) => [index, c] as const).reverse())(
    'line %i',
    (index, parityCase) => {
      readings ??= fixtureReadings();
      const result = readings.context(index).sourceReading;
      expect(result.text).toBe(parityCase.corrected);
      const expected = parityCase.edits.map((edit) => ({
        ...edit,
        start: utf16Offset(parityCase.line, edit.start),
        end: utf16Offset(parityCase.line, edit.end),
      }));
      const withoutConfidence = ({ start, end, text }: LexicalEdit) => ({ start, end, text });
      expect(result.edits.map(withoutConfidence)).toEqual(expected.map(withoutConfidence));
      result.edits.forEach((edit, i) => {
        expect(Math.abs(edit.confidence - expected[i]!.confidence)).toBeLessThanOrEqual(1e-9);
      });
    },
  );
});

/** Each line comes back as printed, with no edit. */
function expectKeptAsPrinted(...lines: string[]): void {
  for (const line of lines) expect(lexicon.correct(line)).toMatchObject({ text: line, edits: [] });
}

describe('OcrLexicon corrections', () => {
  it('leaves a clean sentence alone', () => {
    expectKeptAsPrinted('The committee will meet on Tuesday to discuss the budget.');
  });

  it('splits "ofthe"', () => {
    const { text, edits } = lexicon.correct('at the end ofthe day');
    expect(text).toBe('at the end of the day');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ start: 11, end: 16, text: 'of the' });
    expect(edits[0]!.confidence).toBeGreaterThan(0.9);
  });

  it('keeps a capitalized word capitalized', () => {
    const { text, edits } = lexicon.correct('Tor the first time in years');
    expect(text).toBe('For the first time in years');
    expect(edits).toMatchObject([{ start: 0, end: 3, text: 'For' }]);
  });

  it('keeps an ALL-CAPS word in capitals', () => {
    expect(lexicon.correct('THE GOVERNRNENT SAID').text).toBe('THE GOVERNMENT SAID');
    expect(lexicon.correct('THE UNITED STATES OF AMERTCA').text).toBe(
      'THE UNITED STATES OF AMERICA',
    );
    expect(lexicon.correct('AT THE END OFTHE DAY').text).toBe('AT THE END OF THE DAY');
  });

  it('reads a lone "|" or "!" as "I" (not in the fixture; values from the Python reference)', () => {
    const pipes = lexicon.correct('| think that | am right');
    expect(pipes.text).toBe('I think that I am right');
    expect(pipes.edits.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
      { start: 0, end: 1, text: 'I' },
      { start: 13, end: 14, text: 'I' },
    ]);
    expect(pipes.edits[0]!.confidence).toBeCloseTo(0.943626387209131, 12);
    expect(pipes.edits[1]!.confidence).toBeCloseTo(0.9028123924024866, 12);
    // After a name the word model knows little of, "I am" wins only by what "I" costs as "|" (0.5).
    const letter = lexicon.correct('Dear Mr Patel, | am writing to ask about the invoice');
    expect(letter.text).toBe('Dear Mr Patel, I am writing to ask about the invoice');
    expect(letter.edits[0]!.confidence).toBeCloseTo(0.7535114518643303, 12);
    expect(lexicon.correct('Yes, ! know.').text).toBe('Yes, I know.');
    expect(lexicon.correct('Yes, you know!').text).toBe('Yes, you know!');
  });

  it('keeps a word tied to a number by "-" or "/", a reference code (cases of test_ocr_lexicon.py)', () => {
    expect(lexicon.correct('letter of rnarch 2024').text).toBe('letter of march 2024');
    expectKeptAsPrinted(
      'letter rnarch-2024',
      'letter 2024-rnarch',
      'letter rnarch/7',
      'letter 7/rnarch',
    );
    expect(lexicon.correct('our reference NW-4471, as agreed').text).toBe(
      'our reference NW-4471, as agreed',
    );
  });

  it('changes a word the recognizer doubted more readily than one it was sure of (values from the Python reference)', () => {
    const line = 'error in my mai og fhe';
    const doubted = lexicon.correct(line, Array<number>(6).fill(0.2));
    expect(doubted.text).toBe('error in my man on the');
    const sure = lexicon.correct(line, Array<number>(6).fill(0.97));
    expect(sure.text).toBe('error in my mai og the');
    // Calibrated (channel.json's edit_calibration): the probability that the edit helps.
    expect(sure.edits[0]!.confidence).toBeCloseTo(0.8380682633950793, 12);
    expect(doubted.edits[2]!.confidence).toBeCloseTo(0.9786512448784712, 12);
    // A word with no confidence is scored as without any.
    expect(lexicon.correct(line, Array<null>(6).fill(null))).toEqual(lexicon.correct(line));
  });

  it('keeps a piece of a word with letters outside A–Z as printed (cases of test_ocr_lexicon.py)', () => {
    // Its words are A–Z: "Hôpital" is "H", "ô", "pital", and "pital" had become "vital".
    expectKeptAsPrinted('Orthopaedic clinic, Hôpital Saint-Exupéry, Győr');
    const { text, edits } = lexicon.correct('the Hôpital was closed on rnonday');
    expect(text).toBe('the Hôpital was closed on monday');
    expect(edits).toMatchObject([{ start: 26, end: 33, text: 'monday' }]);
    // A letter beyond the BMP touches a word as one does in Python, which reads code points.
    expect(lexicon.correct('𝐀rnarch and rnarch𝐀 but rnarch').text).toBe(
      '𝐀rnarch and rnarch𝐀 but march',
    );
  });

  it('respells no British spelling the American way (cases of test_ocr_lexicon.py)', () => {
    // None is in the lexicon, each one edit from an American word it knows; without their American
    // twins among the options, "itemised" had become "promised" and "authorised" "authorities".
    expectKeptAsPrinted(
      'an itemised receipt',
      'Orthopaedic Surgery',
      'we have authorised it',
      'please summarise the colour',
      'the first instalment of the fee',
      'a skilful enrolment',
    );
    // A misreading of such a word is still corrected.
    expect(lexicon.correct('an itemlsed receipt').text).toBe('an itemized receipt');
  });

  it('gives offsets in UTF-16 code units past astral characters', () => {
    const { text, edits } = lexicon.correct('😀 at the end ofthe day');
    expect(text).toBe('😀 at the end of the day');
    expect(edits).toMatchObject([{ start: 14, end: 19, text: 'of the' }]);
  });

  it('exposes the settings of channel.json', () => {
    expect(lexicon.settings.beam).toBeGreaterThan(0);
    expect(lexicon.settings.model_min_confidence).toBeGreaterThan(0);
    expect(lexicon.settings.far_min_length).toBeGreaterThan(0);
    expect(lexicon.settings.far_shortlist).toBeGreaterThan(0);
    expect(lexicon.settings).not.toHaveProperty('confusions');
  });
});

/** The shipped channel.json with some settings replaced. */
async function shippedChannelWith(overrides: Record<string, unknown>): Promise<string> {
  const channel = JSON.parse(await readFile(join(lexiconDir, 'channel.json'), 'utf8')) as object;
  return JSON.stringify({ ...channel, ...overrides });
}

/** A scratch copy of the shipped lexicon whose channel.json has some settings replaced. */
async function shippedLexiconWith(
  prefix: string,
  overrides: Record<string, unknown>,
): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  for (const file of [
    'lm.arpa.gz',
    'general-lm.arpa.gz',
    'candidates.txt.gz',
    'known-words.txt.gz',
  ]) {
    await copyFile(join(lexiconDir, file), join(directory, file));
  }
  await writeFile(join(directory, 'channel.json'), await shippedChannelWith(overrides));
  return directory;
}

describe('OcrLexicon far candidates', () => {
  let scratch: string;
  let withoutFar: OcrLexicon;
  beforeAll(async () => {
    // The shipped model with far candidates off: no word is long enough for them.
    scratch = await shippedLexiconWith('ocr-lexicon-far-', { far_min_length: 1000 });
    withoutFar = await OcrLexicon.load(scratch);
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  // Exact values are the parity fixture's job; these say what far candidates add.
  it('finds a long word garbled past two edits only through far candidates', () => {
    const line = 'The issue was clacussed at the meeting';
    const { text, edits } = lexicon.correct(line);
    expect(text).toBe('The issue was discussed at the meeting');
    expect(edits).toMatchObject([{ start: 14, end: 23, text: 'discussed' }]);
    expect(edits[0]!.confidence).toBeGreaterThan(0.5);
    expect(withoutFar.correct(line)).toMatchObject({ text: line, edits: [] });
  });

  it('gives a far candidate the case of the word', () => {
    expect(lexicon.correct('THE ISSUE WAS CLACUSSED').text).toBe('THE ISSUE WAS DISCUSSED');
    expect(withoutFar.correct('THE ISSUE WAS CLACUSSED').text).toBe('THE ISSUE WAS CLACUSSED');
  });

  it('lets a far candidate win over a near one', () => {
    expect(lexicon.correct('It cost one mithon dollars').text).toBe('It cost one million dollars');
    // Without them the near candidates ("within", "method") are all it has.
    expect(withoutFar.correct('It cost one mithon dollars').text).not.toContain('million');
  });

  it('rejects a far setting of the wrong type', async () => {
    await writeFile(
      join(scratch, 'channel.json'),
      await shippedChannelWith({ far_shortlist: 2.5 }),
    );
    const error = await loadFailure(scratch);
    expect(error.reason).toContain('far_shortlist');
  });
});

describe('OcrLexicon edit calibration', () => {
  let scratch: string;
  let uncalibrated: OcrLexicon;
  beforeAll(async () => {
    scratch = await shippedLexiconWith('ocr-lexicon-calibration-', { edit_calibration: undefined });
    uncalibrated = await OcrLexicon.load(scratch);
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('reports the posterior without calibration, and the same edits with it', () => {
    const line = 'error in my mai og fhe';
    const sure = Array<number>(6).fill(0.97);
    // The posterior, as before calibration (the value the Python reference gave then).
    expect(uncalibrated.correct(line, sure).edits[0]!.confidence).toBeCloseTo(
      0.9645838769417073,
      12,
    );
    const withoutConfidences = ({ text, edits }: ReturnType<OcrLexicon['correct']>) => ({
      text,
      edits: edits.map(({ start, end, text: replacement }) => ({ start, end, replacement })),
    });
    for (const text of [line, 'The Governrnent and the governrnent', 'Thank you tor your letter']) {
      const calibrated = withoutConfidences(lexicon.correct(text));
      expect(calibrated.edits.length).toBeGreaterThan(0);
      expect(calibrated).toEqual(withoutConfidences(uncalibrated.correct(text)));
    }
  });

  it('is less sure of a capitalised word, which may be a name the lexicon does not know', () => {
    // The word model reads lower case: both lines give the same posterior.
    const [capitalised] = lexicon.correct('and the Governrnent said').edits;
    const [lower] = lexicon.correct('and the governrnent said').edits;
    const [capitalisedPosterior] = uncalibrated.correct('and the Governrnent said').edits;
    const [lowerPosterior] = uncalibrated.correct('and the governrnent said').edits;
    expect(capitalised!.text).toBe('Government');
    expect(lower!.text).toBe('government');
    expect(capitalisedPosterior!.confidence).toBe(lowerPosterior!.confidence);
    expect(capitalised!.confidence).toBeLessThan(lower!.confidence);
  });

  it('trusts a replacement the document uses elsewhere, and doubts changing a word it repeats', () => {
    const line = 'and the governrnent said';
    const alone = lexicon.correct(line).edits[0]!;
    const used = lexicon.correct(
      line,
      undefined,
      documentWordCounts([line, 'the government of the day']),
    ).edits[0]!;
    const repeated = lexicon.correct(
      line,
      undefined,
      documentWordCounts([line, 'the governrnent of the day']),
    ).edits[0]!;
    expect([alone.text, used.text, repeated.text]).toEqual([
      'government',
      'government',
      'government',
    ]);
    expect(used.confidence).toBeGreaterThan(alone.confidence);
    expect(repeated.confidence).toBeLessThan(alone.confidence);
    // Without calibration the document does not matter.
    expect(
      uncalibrated.correct(line, undefined, documentWordCounts([line, 'the government'])),
    ).toEqual(uncalibrated.correct(line));
  });

  it("counts a document's words as runs of letters, in lower case", () => {
    expect([...documentWordCounts(["The Board's 2024 plan", 'the board'])]).toEqual([
      ['the', 2],
      ['board', 2],
      ['s', 1],
      ['plan', 1],
    ]);
  });

  it('refuses a calibration that lacks a weight, naming it', async () => {
    const { edit_calibration: shipped } = JSON.parse(
      await readFile(join(lexiconDir, 'channel.json'), 'utf8'),
    ) as { edit_calibration: Record<string, number> };
    const { length: _length, ...withoutLength } = shipped;
    await writeFile(
      join(scratch, 'channel.json'),
      await shippedChannelWith({ edit_calibration: withoutLength }),
    );
    const error = await loadFailure(scratch);
    expect(error.reason).toContain('length');
  });
});

describe('OcrLexicon.load failures', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'ocr-lexicon-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /**
   * A copy of the shipped directory, with tiny valid ARPA models (corpus and general), and with
   * `name` replaced by `content` (gzipped for .gz) when given.
   */
  async function brokenCopy(name?: string, content = ''): Promise<string> {
    const directory = await mkdtemp(join(scratch, 'copy-'));
    for (const file of ['channel.json', 'candidates.txt.gz', 'known-words.txt.gz']) {
      await copyFile(join(lexiconDir, file), join(directory, file));
    }
    const tinyArpa = [
      '\\data\\',
      'ngram 1=3',
      '',
      '\\1-grams:',
      '-1.0\t<s>\t-0.5',
      '-2.0\tthe',
      '-9.0\t<unk>',
      '',
      '\\end\\',
      '',
    ].join('\n');
    await writeFile(join(directory, 'lm.arpa.gz'), gzipSync(tinyArpa));
    await writeFile(join(directory, 'general-lm.arpa.gz'), gzipSync(tinyArpa));
    if (name)
      await writeFile(join(directory, name), name.endsWith('.gz') ? gzipSync(content) : content);
    return directory;
  }

  it('names the directory when it is missing', async () => {
    const missing = join(scratch, 'no-such-lexicon');
    const error = await loadFailure(missing);
    expect(error.reason).toContain(missing);
  });

  it('names a missing file', async () => {
    const directory = await brokenCopy();
    await rm(join(directory, 'known-words.txt.gz'));
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'known-words.txt.gz'));
    expect(error.reason).toContain('missing');
  });

  it('names the file and line of a corrupt ARPA line', async () => {
    const arpa = [
      '\\data\\',
      'ngram 1=2',
      '',
      '\\1-grams:',
      '-1.0\t<unk>',
      'not-a-number\tthe',
      '',
    ];
    const directory = await brokenCopy('lm.arpa.gz', arpa.join('\n'));
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'lm.arpa.gz'));
    expect(error.reason).toContain('line 6');
  });

  it('names the line of an n-gram with the wrong number of words for its section', async () => {
    const arpa = [
      '\\data\\',
      'ngram 1=2',
      'ngram 2=1',
      '',
      '\\1-grams:',
      '-1.0\t<unk>',
      '-1.0\tthe',
      '',
      '\\2-grams:',
      '-0.5\tthe the the',
      '',
    ];
    const directory = await brokenCopy('lm.arpa.gz', arpa.join('\n'));
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'lm.arpa.gz'));
    expect(error.reason).toContain('line 10');
    expect(error.reason).toContain('expected 2 word(s)');
  });

  it('reports an ARPA model without <unk>', async () => {
    const directory = await brokenCopy(
      'lm.arpa.gz',
      '\\data\\\n\n\\1-grams:\n-1.0\tthe\n\\end\\\n',
    );
    const error = await loadFailure(directory);
    expect(error.reason).toContain('lm.arpa.gz');
    expect(error.reason).toContain('<unk>');
  });

  it('names the file and line of a corrupt candidates line', async () => {
    const directory = await brokenCopy('candidates.txt.gz', 'the\t100\nof\t90\nand 80\n');
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'candidates.txt.gz'));
    expect(error.reason).toContain('line 3');
  });

  it('names a file that is not gzip', async () => {
    const directory = await brokenCopy();
    await writeFile(join(directory, 'known-words.txt.gz'), 'plain text');
    const error = await loadFailure(directory);
    expect(error.reason).toContain('known-words.txt.gz');
  });

  it('names the file and the setting of an invalid channel.json', async () => {
    const directory = await brokenCopy('channel.json', await shippedChannelWith({ beam: 'eight' }));
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'channel.json'));
    expect(error.reason).toContain('beam');
  });

  it('names a missing general model when channel.json mixes one in', async () => {
    const directory = await brokenCopy();
    await rm(join(directory, 'general-lm.arpa.gz'));
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'general-lm.arpa.gz'));
    expect(error.reason).toContain('missing');
  });

  it('needs no general model when channel.json gives it no weight', async () => {
    const directory = await brokenCopy(
      'channel.json',
      await shippedChannelWith({ general_lm_weight: 0 }),
    );
    await rm(join(directory, 'general-lm.arpa.gz'));
    const loaded = await OcrLexicon.load(directory);
    expect(loaded.settings.general_lm_weight).toBe(0);
  });

  it('rejects a general model weight of 1 or more', async () => {
    const directory = await brokenCopy(
      'channel.json',
      await shippedChannelWith({ general_lm_weight: 1 }),
    );
    const error = await loadFailure(directory);
    expect(error.reason).toContain('general_lm_weight');
  });

  it('names a channel.json that is not JSON', async () => {
    const directory = await brokenCopy('channel.json', '{"beam": 8,');
    const error = await loadFailure(directory);
    expect(error.reason).toContain(join(directory, 'channel.json'));
  });
});
