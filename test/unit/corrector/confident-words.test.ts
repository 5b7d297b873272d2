import { describe, expect, it } from 'vitest';
import {
  CONFIDENT_WORD,
  STRONG_EVIDENCE,
  overruledConfidence,
  respectingConfidentWords,
  wordSpans,
} from '../../../src/corrector/passes/confident-words.js';
import { correctorInput, suggestionFromCorrection } from '../../../src/document/operations.js';
import type { Segment } from '../../../src/document/types.js';
import { formatById, parseDocument } from '../../../src/formats/registry.js';

/** A suggestion whose output words have the confidences `confidences` names (else 0.99). */
function suggest(source: string, output: string, confidences: Record<string, number>) {
  const tokens = [...output.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    confidence: confidences[match[0]] ?? 0.99,
  }));
  return suggestionFromCorrection({ id: 's', source, text: source }, output, tokens);
}

// A line of a real tesseract page (ood-dev): "excluding" read at 0.96, "Gmibl" at 0.06.
const source = 'prices excluding VAT from Kessler Gmibl';
const readAt = [0.93, 0.96, 0.91, 0.95, 0.88, 0.06];

describe('respecting the recognizer’s confident words', () => {
  it('drops a change of a confident word on weak evidence and keeps the others', () => {
    const suggestion = suggest(source, 'prices including VAT from Kessler GmbH', {
      including: 0.93,
      GmbH: 0.8,
    });
    const result = respectingConfidentWords(source, suggestion, readAt);
    expect(result.text).toBe('prices excluding VAT from Kessler GmbH');
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0]).toMatchObject({ before: 'Gmibl', after: 'GmbH', confidence: 0.8 });
    expect(result.edits[0]!.recognizerConfidence).toBe(0.06);
  });

  it('lets strong evidence overrule a confident word, and says that it does', () => {
    const suggestion = suggest(source, 'prices including VAT from Kessler Gmibl', {
      including: STRONG_EVIDENCE,
    });
    const result = respectingConfidentWords(source, suggestion, readAt);
    expect(result.text).toBe('prices including VAT from Kessler Gmibl');
    expect(result.edits[0]!.recognizerConfidence).toBe(0.96);
    expect(result.edits[0]!.recognizerConfidence).toBeGreaterThanOrEqual(CONFIDENT_WORD);
  });

  it('changes nothing without confidences', () => {
    const suggestion = suggest(source, 'prices including VAT from Kessler GmbH', {
      including: 0.5,
    });
    expect(respectingConfidentWords(source, suggestion, undefined)).toBe(suggestion);
    expect(
      respectingConfidentWords(
        source,
        suggestion,
        readAt.map(() => null),
      ),
    ).toBe(suggestion);
  });

  it('takes the most confident word an edit changes, and none for an insertion', () => {
    const spans = wordSpans('a bc  def');
    expect(spans).toEqual([
      [0, 1],
      [2, 4],
      [6, 9],
    ]);
    expect(overruledConfidence({ sourceSpan: [2, 9] }, spans, [0.1, 0.5, 0.7])).toBe(0.7);
    expect(overruledConfidence({ sourceSpan: [2, 9] }, spans, [0.1, null, null])).toBeUndefined();
    expect(overruledConfidence({ sourceSpan: [4, 4] }, spans, [0.1, 0.9, 0.9])).toBeUndefined();
  });
});

describe('word confidences on their way to the corrector', () => {
  it('come from the words of a segment when they are its source words', () => {
    const segment: Segment = {
      id: 'l1',
      source: 'Kessler Gmibl',
      text: 'Kessler Gmibl',
      words: [
        { text: 'Kessler', confidence: 0.95 },
        { text: 'Gmibl', confidence: 0.06 },
      ],
    };
    expect(correctorInput(segment, 'l1').wordConfidences).toEqual([0.95, 0.06]);
    expect(
      correctorInput({ ...segment, source: 'Kessler GmbH' }, 'l1').wordConfidences,
    ).toBeUndefined();
    expect(correctorInput({ ...segment, words: [] }, 'l1').wordConfidences).toBeUndefined();
  });

  it('are read from and written back to N-best JSONL, and a wrong count names the line', () => {
    const line = JSON.stringify({
      id: 'p1-3',
      hypotheses: ['Kessler Gmibl'],
      word_confidences: [0.95, 0.06],
    });
    const { document } = parseDocument(`${line}\n`, 'page.jsonl');
    expect(correctorInput(document.segments[0]!, 'x').wordConfidences).toEqual([0.95, 0.06]);
    expect(formatById('nbest-jsonl').serialize(document)).toBe(`${line}\n`);
    const bad = JSON.stringify({ id: 'p1', hypotheses: ['a b c'], word_confidences: [0.9] });
    expect(() => parseDocument(`\n${bad}\n`, 'page.jsonl')).toThrow(/page\.jsonl:2.*3 words/);
  });
});

describe('edits of a pass after the model', () => {
  it('keep their pass when a change of a confident word is dropped beside them', () => {
    const suggestion = suggest(source, 'prices including VAT from Kessler GmbH', {
      including: 0.93,
    });
    const marked = {
      ...suggestion,
      edits: suggestion.edits.map((edit) =>
        edit.after === 'GmbH' ? { ...edit, pass: 'ocr-lexicon' as const } : edit,
      ),
    };
    const result = respectingConfidentWords(source, marked, readAt);
    expect(result.edits).toHaveLength(1);
    expect(result.edits[0]).toMatchObject({ after: 'GmbH', pass: 'ocr-lexicon' });
  });
});
