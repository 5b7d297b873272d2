import { describe, expect, it } from 'vitest';
import type { PassReview } from '../../../src/corrector/decoding/decode.js';
import { TextDraft } from '../../../src/corrector/decoding/draft.js';
import { Tokenizer } from '../../../src/corrector/runtime/tokenizer.js';

const tokenizer = Tokenizer.fromFile(
  new URL('../../fixtures/models/tiny-random/tokenizer.json', import.meta.url).pathname,
);
const eos = tokenizer.special.eos;
const ids = (text: string): number[] => tokenizer.encode(text);
const single = (text: string): number => {
  const [id, ...rest] = ids(text);
  if (id === undefined || rest.length > 0) throw new Error(`"${text}" is not one token`);
  return id;
};

/**
 * The review of a pass over `block` (the current draft and <eos>) that follows the draft for
 * `accepted` tokens, then chooses `departure`; `hints` are its other choices past the departure,
 * by block position. `before` is the output from earlier passes.
 */
function review(
  block: number[],
  accepted: number,
  departure: number,
  hints: Record<number, number> = {},
  before: number[] = [],
): PassReview {
  const predictions = block.map((token, i) => hints[i] ?? token);
  predictions[accepted] = departure;
  return {
    generated: [...before, ...block.slice(0, accepted), departure],
    block,
    accepted,
    predictions,
  };
}

describe('TextDraft re-alignment', () => {
  const source = 'good morning everyone and thanks for joining.';
  /** The draft after the output `generated` departed at the first token of the source. */
  const redraftAfter = (generated: string, draft = new TextDraft(tokenizer, source, eos)) => {
    const block = [...draft.initial(), eos];
    const output = ids(generated);
    return draft.redraft({
      generated: output,
      block,
      accepted: 0,
      predictions: [output[0]!, ...block.slice(1)],
    });
  };

  it('resumes after a change of case', () => {
    expect(redraftAfter('Good')).toEqual(ids(' morning everyone and thanks for joining.'));
  });

  it('resumes after inserted punctuation, before the next word', () => {
    expect(redraftAfter('Good morning,')).toEqual(ids(' everyone and thanks for joining.'));
  });

  it('resumes inside a word the output has begun', () => {
    expect(redraftAfter('Good morning, every')).toEqual(ids('one and thanks for joining.'));
  });

  it('picks the occurrence nearest to where the output is', () => {
    const draft = new TextDraft(tokenizer, 'we will see we will see it again.', eos);
    expect(redraftAfter('We will see, we will', draft)).toEqual(ids(' see it again.'));
  });

  it('assumes a substitution when the output is not in the source', () => {
    const text = 'it grew by forty two percent.';
    const draft = new TextDraft(tokenizer, text, eos);
    const block = [...draft.initial(), eos];
    const forty = ids('it grew by').length;
    const replaced = tokenizer.encodeWithSpans(text)[forty]!;
    // A digit where the draft has (the first token of) " forty": resume after that token.
    const next = draft.redraft(review(block, forty, single('4')));
    expect(next).toEqual(ids(text.slice(replaced.end)));
  });

  it('drafts a closing full stop after a source without punctuation, and only then', () => {
    expect(new TextDraft(tokenizer, 'see you on monday', eos).initial()).toEqual(
      ids('see you on monday.'),
    );
    expect(new TextDraft(tokenizer, 'see you on monday?', eos).initial()).toEqual(
      ids('see you on monday?'),
    );
    expect(new TextDraft(tokenizer, '', eos).initial()).toEqual([]);
  });
});

describe('TextDraft edits from the pass predictions', () => {
  const source = 'good morning everyone i think we are done';

  it('writes a later change of case and of the closing punctuation into the next draft', () => {
    const draft = new TextDraft(tokenizer, source, eos);
    const block = [...draft.initial(), eos];
    const i = ids('good morning everyone ').length;
    const stop = block.length - 2;
    expect(tokenizer.decode([block[stop]!])).toBe('.');
    const next = draft.redraft(
      review(block, 0, single('G'), { [i]: single('I'), [stop]: single('?') }),
    );
    expect(tokenizer.decode(next)).toBe('ood morning everyone I think we are done?');
  });

  it('writes punctuation predicted at <eos> before it', () => {
    const draft = new TextDraft(tokenizer, `${source}.`, eos);
    const block = [...draft.initial(), eos];
    const next = draft.redraft(review(block, 0, single('G'), { [block.length - 1]: single('"') }));
    expect(tokenizer.decode(next)).toBe('ood morning everyone i think we are done."');
  });

  it('inserts punctuation before the token it was predicted at', () => {
    const draft = new TextDraft(tokenizer, source, eos);
    const block = [...draft.initial(), eos];
    const everyone = ids('good morning').length;
    const next = draft.redraft(review(block, 0, single('G'), { [everyone]: single(',') }));
    expect(tokenizer.decode(next)).toBe('ood morning, everyone i think we are done.');
  });

  it('stops at a hint that is neither a change of case nor punctuation', () => {
    const draft = new TextDraft(tokenizer, source, eos);
    const block = [...draft.initial(), eos];
    const everyone = ids('good morning').length;
    const i = ids('good morning everyone ').length;
    const next = draft.redraft(
      review(block, 0, single('G'), {
        [everyone]: single('x'),
        [i]: single('I'),
        [block.length - 2]: single('?'),
      }),
    );
    expect(tokenizer.decode(next)).toBe('ood morning everyone i think we are done.');
  });

  it('keeps earlier edits when a later pass departs before them', () => {
    const draft = new TextDraft(tokenizer, source, eos);
    const first = [...draft.initial(), eos];
    const second = [
      ...draft.redraft(review(first, 0, single('G'), { [first.length - 2]: single('!') })),
      eos,
    ];
    expect(tokenizer.decode(second)).toBe('ood morning everyone i think we are done!');
    // The model agrees with the exclamation mark but departs at "i" with "I".
    const before = [single('G')];
    const i = ids('ood morning everyone ').length;
    const third = draft.redraft(review(second, i, single('I'), {}, before));
    expect(tokenizer.decode(third)).toBe(' think we are done!');
  });

  it('ignores hints about a block that is not its current draft', () => {
    const draft = new TextDraft(tokenizer, source, eos);
    const block = [...ids('something else entirely'), eos];
    draft.initial();
    const next = draft.redraft(review(block, 0, single('G'), { 3: single(',') }));
    expect(tokenizer.decode(next)).not.toContain(',');
  });
});
