import { describe, expect, it } from 'vitest';
import { nbestJsonlFormat } from '../../../src/formats/nbest-jsonl.js';
import { copy, formatErrorOf, parseFixture, readFixture, roundTrip } from './fixtures.js';

describe('N-best JSONL', () => {
  it('reads ids, hypotheses, reference and task, ignoring unknown fields and blank lines', () => {
    const document = parseFixture('sample.nbest.jsonl');
    expect(document.task).toBe('asr');
    const [first, second, third] = document.segments;
    expect(first).toMatchObject({
      id: 'utt-1',
      source: 'the revenue grew by fourteen percent',
      text: 'the revenue grew by fourteen percent',
      reference: 'the revenue grew by fourteen percent',
      task: 'asr',
    });
    expect(first?.nbest).toHaveLength(3);
    expect(second).toEqual({
      id: 'utt-2',
      source: 'we met on tuesday',
      text: 'we met on tuesday',
      nbest: ['we met on tuesday'],
    });
    expect(third).toMatchObject({ id: 'line-3', task: 'ocr' });
    expect(JSON.stringify(document)).not.toContain('extra_field');
  });

  it('round-trips every kept field exactly', () => {
    const document = parseFixture('sample.nbest.jsonl');
    expect(roundTrip(document, 'nbest-jsonl').segments).toEqual(document.segments);
  });

  it('writes the current text as the best hypothesis and keeps the others', () => {
    const document = copy(parseFixture('sample.nbest.jsonl'));
    document.segments[0]!.text = 'The revenue grew by 14%.';
    const firstLine = JSON.parse(nbestJsonlFormat.serialize(document).split('\n')[0]!);
    expect(firstLine).toEqual({
      id: 'utt-1',
      hypotheses: [
        'The revenue grew by 14%.',
        'the revenue grew by forty percent',
        'the revenue grew by fourteen per cent',
      ],
      reference: 'the revenue grew by fourteen percent',
      task: 'asr',
    });
  });

  it('names the line of malformed JSON', () => {
    const error = formatErrorOf(() => parseFixture('bad-malformed.jsonl'));
    expect(error.position.line).toBe(2);
    expect(error.message).toMatch(/^bad-malformed\.jsonl:2:\d+: invalid JSON/);
  });

  it('names the line and field of an entry that breaks the contract', () => {
    const content = '{"id":"a","hypotheses":["x"]}\n{"id":"b","hypotheses":[]}\n';
    const error = formatErrorOf(() => nbestJsonlFormat.parse(content, { fileName: 'short.jsonl' }));
    expect(error.message).toMatch(/^short\.jsonl:2: hypotheses: /);
  });

  it('names both lines of a duplicate id', () => {
    const error = formatErrorOf(() => parseFixture('bad-duplicate-id.jsonl'));
    expect(error.message).toBe('bad-duplicate-id.jsonl:2: duplicate id "utt-1" (first on line 1)');
  });

  it('claims N-best lines but not other JSON', () => {
    expect(nbestJsonlFormat.detect(readFixture('sample.nbest.jsonl'))).toBeGreaterThan(0.5);
    expect(nbestJsonlFormat.detect('{"text":"hello","segments":[]}')).toBe(0);
  });
});
