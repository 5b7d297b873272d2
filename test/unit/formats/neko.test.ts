import { describe, expect, it } from 'vitest';
import { nekoFormat } from '../../../src/formats/neko.js';
import { copy, formatErrorOf, parseFixture } from './fixtures.js';

describe('NeKo project (.neko.json)', () => {
  it('saves and loads every kind of document unchanged', () => {
    for (const name of [
      'edge-cases.vtt',
      'whisperx.json',
      'two-column.hocr',
      'sample.nbest.jsonl',
      'paragraphs.txt',
    ]) {
      const document = parseFixture(name);
      expect(nekoFormat.parse(nekoFormat.serialize(document), { fileName: 'p.neko.json' })).toEqual(
        document,
      );
    }
  });

  it('keeps suggestions, decisions and fields a newer version may add', () => {
    const document = copy(parseFixture('sample.nbest.jsonl'));
    const segment = document.segments[0]! as (typeof document.segments)[number] & { note?: string };
    segment.suggestion = {
      text: 'the revenue grew by 14 percent',
      confidence: 0.9,
      edits: [
        {
          kind: 'replace',
          sourceSpan: [20, 28],
          targetSpan: [20, 22],
          before: 'fourteen',
          after: '14',
          confidence: 0.8,
          decision: 'accepted',
        },
      ],
    };
    segment.note = 'from a newer version';
    const loaded = nekoFormat.parse(nekoFormat.serialize(document), { fileName: 'p.neko.json' });
    expect(loaded).toEqual(document);
  });

  it('keeps which pass proposed an edit', () => {
    const document = copy(parseFixture('sample.nbest.jsonl'));
    const edit = {
      kind: 'delete' as const,
      sourceSpan: [0, 3] as [number, number],
      targetSpan: [0, 0] as [number, number],
      before: 'the',
      after: '',
      confidence: 0.8,
      decision: 'pending' as const,
    };
    document.segments[0]!.suggestion = {
      text: document.segments[0]!.source.slice(3),
      confidence: 0.8,
      edits: (['ocr-lexicon', 'ocr-marks', 'grammar-checker'] as const).map((pass) => ({
        ...edit,
        pass,
      })),
    };
    const loaded = nekoFormat.parse(nekoFormat.serialize(document), { fileName: 'p.neko.json' });
    expect(loaded.segments[0]!.suggestion!.edits.map((made) => made.pass)).toEqual([
      'ocr-lexicon',
      'ocr-marks',
      'grammar-checker',
    ]);
  });

  it('names the path and line of the first problem in a broken project', () => {
    const document = copy(parseFixture('edge-cases.srt'));
    const content = nekoFormat.serialize(document).replace('"end": 4.8', '"end": "late"');
    const error = formatErrorOf(() => nekoFormat.parse(content, { fileName: 'broken.neko.json' }));
    const line = content.split('\n').findIndex((text) => text.includes('"late"')) + 1;
    expect(error.message).toMatch(
      new RegExp(`^broken\\.neko\\.json:${line}: segments\\[1\\]\\.end: `),
    );
  });

  it('refuses duplicate segment ids and an unknown version', () => {
    const document = copy(parseFixture('paragraphs.txt'));
    document.segments[1]!.id = document.segments[0]!.id;
    expect(
      formatErrorOf(() =>
        nekoFormat.parse(nekoFormat.serialize(document), { fileName: 'd.neko.json' }),
      ).message,
    ).toMatch(/^d\.neko\.json:\d+: duplicate id "line-1"/);
    const newer = nekoFormat
      .serialize(parseFixture('paragraphs.txt'))
      .replace('"version": 1', '"version": 2');
    expect(
      formatErrorOf(() => nekoFormat.parse(newer, { fileName: 'v.neko.json' })).message,
    ).toMatch(/^v\.neko\.json:2: version: /);
  });

  it('names the line of a truncated project', () => {
    const content = nekoFormat.serialize(parseFixture('memo.hocr'));
    const cut = content.slice(0, Math.floor(content.length / 2));
    const error = formatErrorOf(() => nekoFormat.parse(cut, { fileName: 'cut.neko.json' }));
    expect(error.position.line).toBe(cut.split('\n').length);
  });
});
