/**
 * `neko correct`, `eval` and `bench` run in-process through the real CLI program, with the tiny model
 * in a real host process. Random weights never reach <eos>, so the corrector keeps every source text;
 * what changes the text is checked through serializeCorrected, which `correct` writes with.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neko } from '../cli/run-neko.js';
import { buildMeeting } from '../../../src/cli/commands/bench.js';
import { serializeCorrected } from '../../../src/cli/commands/correct.js';
import { evaluateByTask } from '../../../src/cli/commands/eval.js';
import type { NekoDocument, Segment } from '../../../src/document/types.js';
import { suggestionFromCorrection } from '../../../src/document/operations.js';
import { formats, parseDocument } from '../../../src/formats/registry.js';

const root = new URL('../../../', import.meta.url).pathname;
const tinyModel = join(root, 'test/fixtures/models/tiny-random');
const formatFixtures = join(root, 'test/fixtures/formats');
const scratch = mkdtempSync(join(tmpdir(), 'neko-correct-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every well-formed fixture, by the format the registry detects in it. */
const fixturesByFormat = new Map<string, string[]>();
for (const name of readdirSync(formatFixtures)) {
  if (name.startsWith('bad-') || name.endsWith('.sh') || name.endsWith('.png')) continue;
  const path = join(formatFixtures, name);
  try {
    const { format } = parseDocument(readFileSync(path, 'utf8'), path);
    const own = format.extensions.some((extension) => name.endsWith(extension));
    const known = fixturesByFormat.get(format.id) ?? [];
    // A file in the format's own extension first: text also accepts XML the registry lacks.
    fixturesByFormat.set(format.id, own ? [path, ...known] : [...known, path]);
  } catch {
    // Fixtures in encodings the plain reader above does not decode are covered by the format tests.
  }
}

// A format without a fixture file of its own (the project format) gets the SRT fixture written in it.
for (const format of formats) {
  if (fixturesByFormat.has(format.id)) continue;
  const srt = fixturesByFormat.get('srt')![0]!;
  const path = join(scratch, `from-srt${format.extensions[0]}`);
  writeFileSync(path, format.serialize(parseDocument(readFileSync(srt, 'utf8'), srt).document));
  fixturesByFormat.set(format.id, [path]);
}

/** What must survive correction: everything but the text. */
function structure(document: NekoDocument): unknown[] {
  return document.segments.map(({ start, end, speaker, layout }: Segment) => ({
    start,
    end,
    speaker,
    layout,
  }));
}

describe('neko correct', () => {
  for (const format of formats) {
    const fixture = fixturesByFormat.get(format.id)![0]!;
    it(`corrects ${format.id} into the same format (${fixture.split('/').pop()})`, async () => {
      const input = fixture;
      const output = join(scratch, `out-${format.id}${format.extensions[0]}`);
      const run = await neko(
        'correct',
        input,
        '-o',
        output,
        '--model',
        tinyModel,
        '--device',
        'cpu',
      );
      expect(run.stderr).toContain('correcting with tiny-random on cpu');
      expect(run.code).toBe(0);
      const original = parseDocument(readFileSync(input, 'utf8'), input, format.id).document;
      const written = readFileSync(output, 'utf8');
      if (format.id === 'nbest-jsonl') {
        const lines = written
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(lines).toEqual(original.segments.map((s) => ({ id: s.id, text: s.source })));
        return;
      }
      const reread = parseDocument(written, output, format.id).document;
      expect(reread.segments.map((s) => s.text)).toEqual(original.segments.map((s) => s.text));
      expect(structure(reread)).toEqual(structure(original));
    });

    if (format.id === 'nbest-jsonl') continue;
    it(`writes changed text into ${format.id} and keeps times, speakers and geometry`, () => {
      const input = fixture;
      const original = parseDocument(readFileSync(input, 'utf8'), input, format.id).document;
      const corrected = original.segments.map((segment, index) =>
        suggestionFromCorrection(segment, `Corrected line ${index} ${segment.source}`.trim()),
      );
      const written = serializeCorrected(original, format, corrected);
      const reread = parseDocument(written, `again${format.extensions[0]}`, format.id).document;
      const texts = (segments: readonly { text: string }[]) =>
        segments.map((s) => s.text.replace(/\s+/g, ' '));
      if (format.id === 'text') {
        // Plain text has no structure to keep, and its segments are read from the lines' shape
        // (one per line, or per paragraph where wrapped at a width), which edits may change: each
        // corrected segment is on its own lines, in order, and the blank lines stay where they were.
        const nonBlank = (content: string) => content.split('\n').filter((line) => line.trim());
        expect(nonBlank(written)).toEqual(corrected.flatMap((s) => s.text.split('\n')));
        expect(written.split('\n').map((line) => line.trim() === '')).toEqual(
          readFileSync(input, 'utf8')
            .split('\n')
            .map((line) => line.trim() === ''),
        );
        return;
      }
      expect(texts(reread.segments)).toEqual(texts(corrected));
      expect(structure(reread)).toEqual(structure(original));
    });
  }

  it('writes a report with edits, confidences and routing records', async () => {
    const input = join(scratch, 'short.jsonl');
    writeFileSync(input, '{"id":"a","hypotheses":["we met on tuesday","we met on a tuesday"]}\n');
    const report = join(scratch, 'report.json');
    const run = await neko(
      'correct',
      input,
      '-o',
      join(scratch, 'short-out.jsonl'),
      '--report',
      report,
      '--model',
      tinyModel,
      '-q',
    );
    expect(run.code).toBe(0);
    const content = JSON.parse(readFileSync(report, 'utf8'));
    expect(content).toMatchObject({ model: 'tiny-random', device: 'cpu', decoding: 'aggressive' });
    expect(content.segments).toHaveLength(1);
    const [segment] = content.segments;
    expect(segment).toMatchObject({
      id: 'a',
      source: 'we met on tuesday',
      text: 'we met on tuesday',
    });
    expect(segment.routing.encoder.tokens.map((t: { piece: string }) => t.piece).join('')).toBe(
      'we met on tuesday',
    );
  });

  it('fails in one line when there is no model, leaving no output behind', async () => {
    const output = join(scratch, 'never.jsonl');
    const run = await neko(
      'correct',
      join(formatFixtures, 'sample.nbest.jsonl'),
      '-o',
      output,
      '--model',
      join(scratch, 'no-model'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `neko: correction unavailable: no model directory at ${join(scratch, 'no-model')}`,
    ]);
    expect(readdirSync(scratch)).not.toContain('never.jsonl');
  });

  it('fails in one line, naming the file, when the OCR lexicon beside the model is broken', async () => {
    const models = join(scratch, 'models-broken-lexicon');
    mkdirSync(join(models, 'ocr-lexicon'), { recursive: true });
    symlinkSync(tinyModel, join(models, 'tiny'));
    const lexicon = join(root, 'assets/models/ocr-lexicon');
    for (const file of ['channel.json', 'candidates.txt.gz', 'known-words.txt.gz']) {
      copyFileSync(join(lexicon, file), join(models, 'ocr-lexicon', file));
    }
    const broken = join(models, 'ocr-lexicon', 'lm.arpa.gz');
    writeFileSync(broken, 'not gzip');
    const output = join(scratch, 'never.hocr');
    const run = await neko(
      'correct',
      join(formatFixtures, 'memo.hocr'),
      '-o',
      output,
      '-q',
      '--model',
      join(models, 'tiny'),
    );
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`neko: correction unavailable: ${broken} is not a valid gzip file`);
    expect(readdirSync(scratch)).not.toContain('never.hocr');
  });

  it("corrects a file as the task --task names, and reports each segment's task", async () => {
    // One sentence without its period reads as a scan's line; the user knows it is writing.
    const input = join(scratch, 'note.txt');
    writeFileSync(input, 'My sister have two cats\n');
    const tasks = async (...extra: string[]): Promise<unknown[]> => {
      const report = join(scratch, 'note-report.json');
      const out = join(scratch, 'note-out.txt');
      const run = await neko(
        'correct',
        input,
        '-o',
        out,
        '--report',
        report,
        '--model',
        tinyModel,
        '-q',
        ...extra,
      );
      expect(run.code).toBe(0);
      const { segments } = JSON.parse(readFileSync(report, 'utf8')) as {
        segments: { task: string }[];
      };
      return [segments.map((segment) => segment.task), readFileSync(out, 'utf8')];
    };
    expect(await tasks()).toEqual([['ocr'], 'My sister have two cats\n']);
    // As writing, the grammar pass runs, whatever the (random) model does.
    expect(await tasks('--task', 'text')).toEqual([['text'], 'My sister has two cats\n']);
    const bad = await neko('correct', input, '-o', join(scratch, 'x.txt'), '--task', 'speech');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--task.*asr, ocr, text/u);
  });

  it('fails in one line on bad input, naming the file and line', async () => {
    const bad = join(formatFixtures, 'bad-malformed.jsonl');
    const run = await neko('correct', bad, '-o', join(scratch, 'x.jsonl'), '--model', tinyModel);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^neko: ${bad}:\\d+`));
  });

  it('refuses a forced CUDA device clearly', async () => {
    const run = await neko(
      'correct',
      join(formatFixtures, 'sample.nbest.jsonl'),
      '-o',
      join(scratch, 'y.jsonl'),
      '--model',
      tinyModel,
      '--device',
      'cuda',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^neko: correction unavailable: --device cuda cannot run the model \(cuda: .*CUDA add-on/,
    );
  });
});

describe('neko eval', () => {
  it('prints WER and CER of the 1-best, the oracle and the correction, per task, and do-no-harm', async () => {
    const refs = join(scratch, 'refs.jsonl');
    const lines = [
      // 1-best has 3 of 6 words wrong (3 deletions); the second hypothesis is perfect.
      {
        id: '1',
        hypotheses: ['the cat sat', 'the cat sat on the mat'],
        reference: 'the cat sat on the mat',
        task: 'asr',
      },
      // Already right: do-no-harm counts its 4 words.
      { id: '2', hypotheses: ['we met on tuesday'], reference: 'we met on tuesday', task: 'asr' },
      { id: '3', hypotheses: ['Tbe invoice'], reference: 'The invoice.', task: 'ocr' },
    ];
    writeFileSync(refs, lines.map((line) => JSON.stringify(line)).join('\n'));
    const run = await neko('eval', refs, '--model', tinyModel, '--json', '-q');
    expect(run.code).toBe(0);
    const figures = JSON.parse(run.stdout) as {
      task: string;
      segments: number;
      wer: { best: number; oracle: number; corrected: number; relativeChange: number };
      strictWer: { best: number };
      doNoHarm: { segments: number; words: number; changedWords: number };
    }[];
    expect(figures.map((f) => f.task)).toEqual(['asr', 'ocr', 'all']);
    const asr = figures[0]!;
    expect(asr.segments).toBe(2);
    expect(asr.wer.best).toBeCloseTo(3 / 10);
    expect(asr.wer.oracle).toBe(0);
    // The random model keeps every source, so the correction scores as the 1-best.
    expect(asr.wer.corrected).toBeCloseTo(3 / 10);
    expect(asr.wer.relativeChange).toBe(0);
    expect(asr.doNoHarm).toEqual({ segments: 1, words: 4, changedWords: 0, rate: 0 });
    expect(figures[1]!.wer.best).toBeCloseTo(1 / 2);
    // Punctuation counts in the strict WER: "invoice" is not "invoice." there.
    expect(figures[1]!.strictWer.best).toBe(1);
    expect(asr.strictWer.best).toBeCloseTo(3 / 10);
  });

  it('says what unlabelled lines were taken for, and judges their documents as that task', async () => {
    const refs = join(scratch, 'unlabelled.jsonl');
    // Scan-like lines (a page's pieces with OCR noise) and no task field, as users' files come.
    const lines = [
      { id: 'page-0', hypotheses: ['Invoice no. 4471 |'], reference: 'Invoice no. 4471' },
      { id: 'page-1', hypotheses: ['Tota1 due: £1,030.00'], reference: 'Total due: £1,030.00' },
      {
        id: 'page-2',
        hypotheses: ['Payrnent within 30 days'],
        reference: 'Payment within 30 days',
      },
    ];
    writeFileSync(refs, lines.map((line) => JSON.stringify(line)).join('\n'));
    const json = await neko('eval', refs, '--model', tinyModel, '--json', '-q');
    expect(json.code).toBe(0);
    const [figures] = JSON.parse(json.stdout) as {
      task: string;
      documentsWorse: { by: string };
      taskInference: { unlabelled: Record<string, number> };
    }[];
    expect(figures!.task).toBe('unlabelled');
    expect(figures!.taskInference.unlabelled).toEqual({ ocr: 3 });
    expect(figures!.documentsWorse.by).toBe('CER');

    const table = await neko('eval', refs, '--model', tinyModel, '-q');
    expect(table.stdout).toContain('taken for (lines per inferred task): ocr 3');
    expect(table.stdout).toContain('documents made worse: 0 of 1 (0.00%; by CER)');
  });

  it('reports several files each on its own, with the model loaded once', async () => {
    const asrRefs = join(scratch, 'set-asr.jsonl');
    const ocrRefs = join(scratch, 'set-ocr.jsonl');
    writeFileSync(
      asrRefs,
      JSON.stringify({
        id: 'a',
        hypotheses: ['the cat sat'],
        reference: 'the cat sat on',
        task: 'asr',
      }),
    );
    writeFileSync(
      ocrRefs,
      JSON.stringify({
        id: 'o',
        hypotheses: ['Tbe invoice'],
        reference: 'The invoice',
        task: 'ocr',
      }),
    );
    const json = await neko('eval', asrRefs, ocrRefs, '--model', tinyModel, '--json', '-q');
    expect(json.code).toBe(0);
    const figures = JSON.parse(json.stdout) as Record<
      string,
      { task: string; wer: { best: number } }[]
    >;
    expect(Object.keys(figures)).toEqual([asrRefs, ocrRefs]);
    expect(figures[asrRefs]!.map((f) => f.task)).toEqual(['asr']);
    expect(figures[asrRefs]![0]!.wer.best).toBeCloseTo(1 / 4);
    expect(figures[ocrRefs]!.map((f) => f.task)).toEqual(['ocr']);
    expect(figures[ocrRefs]![0]!.wer.best).toBeCloseTo(1 / 2);

    const table = await neko('eval', asrRefs, ocrRefs, '--model', tinyModel);
    expect(table.code).toBe(0);
    expect(table.stderr.match(/^neko: correcting with /gm)).toHaveLength(1);
    const [asrTable, ocrTable] = table.stdout.split(`${ocrRefs}\n`);
    expect(asrTable).toMatch(new RegExp(`^${asrRefs}\\n`));
    expect(asrTable).toContain('asr ');
    expect(asrTable).not.toContain('ocr ');
    expect(ocrTable).toContain('ocr ');
  });

  it('compares with a baseline model on the same segments, drawing the lines of one group together', async () => {
    const refs = join(scratch, 'versus.jsonl');
    const lines = ['call-1-0', 'call-1-1', 'call-2-0', 'page-1'].map((id) => ({
      id,
      hypotheses: ['the cat sat'],
      reference: 'the cat sat on',
      task: 'asr',
    }));
    writeFileSync(refs, lines.map((line) => JSON.stringify(line)).join('\n'));
    const json = await neko('eval', refs, '--model', tinyModel, '--baseline', tinyModel, '--json');
    expect(json.code).toBe(0);
    expect(json.stderr.match(/^neko: correcting with /gm)).toHaveLength(2);
    const [asr] = JSON.parse(json.stdout) as {
      wer: { corrected: number };
      versusBaseline: Record<string, { baseline: number; difference: number; groups: number }>;
    }[];
    // The same model on both sides: no difference, and three groups (call-1, call-2, page).
    expect(asr!.versusBaseline.wer).toEqual({
      baseline: asr!.wer.corrected,
      difference: 0,
      low: 0,
      high: 0,
      groups: 3,
    });
    expect(Object.keys(asr!.versusBaseline)).toEqual(['wer', 'cer', 'strictWer']);

    const table = await neko('eval', refs, '--model', tinyModel, '--baseline', tinyModel, '-q');
    expect(table.stdout).toContain(
      "WER against the baseline's 25.00%: 0.00 points (95% interval 0.00 to 0.00, 3 groups)",
    );
  });

  it('scores the model against the baseline outputs, not the other way round', () => {
    const segment = (id: string, source: string, reference: string): Segment => ({
      id,
      source,
      text: source,
      reference,
      task: 'asr',
    });
    const segments = [
      segment('call-1-0', 'the cat sat', 'the cat sat on the mat'),
      segment('call-2-0', 'we met on tuesday', 'we met on tuesday'),
    ];
    const [asr] = evaluateByTask(
      segments,
      ['the cat sat on the mat', 'we met on tuesday'],
      ['the cat sat on', 'we met tuesday'],
    );
    expect(asr!.wer.corrected).toBe(0);
    // The baseline misses 3 of the 10 reference words; the model misses none, in both groups.
    expect(asr!.versusBaseline!.wer.baseline).toBeCloseTo(3 / 10);
    expect(asr!.versusBaseline!.wer.difference).toBeCloseTo(-3 / 10);
    expect(asr!.versusBaseline!.wer.high).toBeLessThan(0);
    expect(asr!.versusBaseline!.wer.groups).toBe(2);
    expect(
      evaluateByTask(segments, ['the cat sat on the mat', 'we met on tuesday'])[0],
    ).not.toHaveProperty('versusBaseline');
  });

  it('names a missing --baseline model before correcting anything', async () => {
    const refs = join(scratch, 'versus-missing.jsonl');
    writeFileSync(refs, JSON.stringify({ id: 'a', hypotheses: ['a b'], reference: 'a b' }));
    const missing = join(scratch, 'no-such-baseline');
    const run = await neko('eval', refs, '--model', tinyModel, '--baseline', missing);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toContain('correcting:');
  });

  it('names a bad file among several before loading the model', async () => {
    const good = join(scratch, 'good.jsonl');
    const bad = join(scratch, 'bad.jsonl');
    writeFileSync(good, JSON.stringify({ id: '1', hypotheses: ['a b'], reference: 'a b' }));
    writeFileSync(bad, '{"id": "1", "hypotheses": ["a b"], "reference": "a b"}\n{oops\n');
    const run = await neko('eval', good, bad, '--model', join(scratch, 'no-such-model'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`neko: ${bad}:2:2: invalid JSON: invalid symbol\n`);
  });

  it('refuses a file without references', async () => {
    const bare = join(scratch, 'bare.jsonl');
    writeFileSync(bare, '{"id":"a","hypotheses":["no reference here"]}\n');
    const run = await neko('eval', bare, '--model', tinyModel);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`neko: ${bare}: no line carries a "reference"\n`);
  });

  it('refuses a bad --limit', async () => {
    const run = await neko(
      'eval',
      join(formatFixtures, 'sample.nbest.jsonl'),
      '--model',
      tinyModel,
      '--limit',
      '0',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--limit must be a positive whole number');
  });
});

describe('neko bench', () => {
  it('builds the same meeting every time, at the length asked for', () => {
    const meeting = buildMeeting(9000);
    expect(buildMeeting(9000)).toEqual(meeting);
    const words = meeting.reduce((sum, s) => sum + s.source.split(' ').length, 0);
    expect(words).toBeGreaterThanOrEqual(9000);
    expect(words).toBeLessThan(9100);
    // About an hour at 150 words a minute, with speakers, in recognizer form.
    expect(meeting.at(-1)!.end!).toBeGreaterThan(3500);
    expect(new Set(meeting.map((s) => s.speaker)).size).toBe(4);
    for (const segment of meeting) expect(segment.source).toMatch(/^[a-z0-9' ]+$/);
  });

  it(
    'runs greedy and aggressive decoding and checks they agree',
    { timeout: 120_000 },
    async () => {
      const run = await neko('bench', '--words', '200', '--model', tinyModel, '--json', '-q');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.identicalOutput).toBe(true);
      expect(report.runs.map((r: { decoding: string }) => r.decoding)).toEqual([
        'greedy',
        'aggressive',
      ]);
      expect(report.runs[0].words).toBeGreaterThanOrEqual(200);
      expect(report.peakRssMb).toBeGreaterThan(0);
      expect(report.matMulGflops).toBeGreaterThan(0);
      for (const figures of report.runs as { seconds: number; cpuSeconds: number }[]) {
        expect(figures.cpuSeconds).toBeGreaterThan(0);
        expect(figures.seconds).toBeGreaterThan(0);
      }
    },
  );

  it(
    'runs each task of real recognizer output, with its share of the matrix-product rate',
    { timeout: 120_000 },
    async () => {
      const real = join(scratch, 'real');
      mkdirSync(real);
      for (const task of ['asr', 'ocr', 'text']) {
        const lines = readFileSync(join(root, `training/data/out/ood-dev-${task}.jsonl`), 'utf8')
          .split('\n')
          .slice(0, 4);
        writeFileSync(join(real, `ood-dev-${task}.jsonl`), `${lines.join('\n')}\n`);
      }
      const run = await neko(
        'bench',
        '--real',
        real,
        '--only',
        'aggressive',
        '--model',
        tinyModel,
        '--json',
        '-q',
      );
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      type Run = {
        workload: string;
        segments: number;
        modelFlops: number;
        shareOfMatMulRate: number;
      };
      const runs = report.runs as Run[];
      expect(runs.map((r) => r.workload)).toEqual(['asr 1-best', 'asr n-best', 'ocr', 'text']);
      for (const figures of runs) {
        expect(figures.segments).toBe(4);
        expect(figures.modelFlops).toBeGreaterThan(0);
        expect(figures.shareOfMatMulRate).toBeGreaterThan(0);
      }
      // The N-best lists give the encoder more to read than their best hypotheses alone.
      expect(runs[1]!.modelFlops).toBeGreaterThan(runs[0]!.modelFlops);
    },
  );
});
