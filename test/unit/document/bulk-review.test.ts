/**
 * What "Accept all ≥ P%" takes and what it leaves for one-by-one review. The harmful edits are the
 * ones a user saw accepted in bulk on a real tesseract letter (issue "safe bulk accept").
 */
import { describe, expect, it } from 'vitest';
import { bulkAcceptable, editCategory, holdReason } from '../../../src/document/bulk-review.js';
import {
  acceptAboveThreshold,
  attachSuggestion,
  bulkText,
  suggestionFromCorrection,
} from '../../../src/document/operations.js';
import type { NekoDocument, Segment, SuggestionEdit } from '../../../src/document/types.js';

const edit = (
  before: string,
  after: string,
  extra: Partial<SuggestionEdit> = {},
): SuggestionEdit => ({
  kind: 'replace',
  sourceSpan: [0, before.length],
  targetSpan: [0, after.length],
  before,
  after,
  confidence: 0.93,
  decision: 'pending',
  ...extra,
});

/** A one-line scanned letter holding `segment`. */
function letterOf(segment: Segment): NekoDocument {
  const source = { format: 'text', name: 'letter.txt' };
  return { version: 1, kind: 'scan', task: 'ocr', title: 'letter', source, segments: [segment] };
}

describe('edits held back from bulk acceptance', () => {
  it.each([
    ['excluding', 'including', 'changes a negation'],
    ["don't", 'do', 'changes a negation'],
    ['Okagor', 'Oregon.', 'changes a name'],
    ['Brightwater', 'Bright', 'changes a name'],
    ['five year', '50 days', 'changes a number'],
    ['£429.99', '£428.99', 'changes a number'],
  ])('%s → %s: %s', (before, after, reason) => {
    expect(holdReason(edit(before, after))).toBe(reason);
    expect(bulkAcceptable(edit(before, after), 0.6)).toBe(false);
  });

  it('holds an edit that overrules a word the recognizer was sure of', () => {
    expect(holdReason(edit('wiII', 'will', { recognizerConfidence: 0.95 }))).toBe(
      'overrules a confident recognizer word',
    );
    expect(holdReason(edit('wiII', 'will', { recognizerConfidence: 0.4 }))).toBeUndefined();
  });

  it.each([
    ['march.', 'March.', 'case and punctuation'],
    ['twelve', '12', 'number format'],
    ['two hundred and fifty thousand pounds', '£250,000', 'number format'],
    ['nineteen ninety', '1990', 'number format'],
    ['ten thirty', '10:30', 'number format'],
    ['twenty five', '25', 'number format'],
    ['recieved', 'received', 'word change'],
    ['inctudes', 'includes', 'word change'],
    ['Pleawe', 'Please', 'word change'],
  ])('takes %s → %s (%s)', (before, after, category) => {
    expect(editCategory(edit(before, after))).toBe(category);
    expect(holdReason(edit(before, after))).toBeUndefined();
    expect(bulkAcceptable(edit(before, after), 0.6)).toBe(true);
    expect(bulkAcceptable(edit(before, after, { confidence: 0.5 }), 0.6)).toBe(false);
  });
});

describe('Accept all and its batch twin', () => {
  const source = 'prices excluding VAT inctudes the fee';
  const output = 'prices including VAT includes the fee';
  const suggestion = suggestionFromCorrection({ id: 's', source, text: source }, output, []);

  it('accepts the safe edits, counts the held ones, and the batch text agrees', () => {
    const segment = attachSuggestion({ id: 's', source, text: source }, suggestion);
    const document = letterOf(segment);
    const { document: after, accepted, held } = acceptAboveThreshold(document, 0.6);
    expect({ accepted, held }).toEqual({ accepted: 1, held: 1 });
    expect(after.segments[0]!.text).toBe('prices excluding VAT includes the fee');
    expect(bulkText(source, suggestion, 0.6)).toBe(after.segments[0]!.text);
  });

  it('accepts one category at a time when asked', () => {
    const text = 'the fee inctudes vat';
    const fixed = suggestionFromCorrection(
      { id: 's', source: text, text },
      'The fee includes vat',
      [],
    );
    const segment = attachSuggestion({ id: 's', source: text, text }, fixed);
    const document = letterOf(segment);
    const casing = acceptAboveThreshold(document, 0.6, 'case and punctuation');
    expect(casing.accepted).toBe(1);
    expect(casing.document.segments[0]!.text).toBe('The fee inctudes vat');
    const words = acceptAboveThreshold(casing.document, 0.6, 'word change');
    expect(words.document.segments[0]!.text).toBe('The fee includes vat');
  });
});
