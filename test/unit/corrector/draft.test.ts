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

  it('resumes inside a word only where the model could stop inside it', () => {
    // " and" is one token, so an output ending in " an" wrote another word, not half of "and".
    expect(tokenizer.encode(' and')).toHaveLength(1);
    const draft = new TextDraft(tokenizer, 'we can meet and talk later', eos);
    expect(redraftAfter('We can meet an', draft)).toEqual(ids(' talk later.'));
  });

  it('assumes a substitution of the whole word when the output is not in the source', () => {
    const text = 'the wednesday meeting moved.';
    const draft = new TextDraft(tokenizer, text, eos);
    const block = [...draft.initial(), eos];
    const wednesday = ids('the').length;
    expect(tokenizer.decode([block[wednesday]!])).toBe(' w');
    // Something else where the draft has the first token of " wednesday": resume after the word.
    const next = draft.redraft(review(block, wednesday, single('x')));
    expect(next).toEqual(ids(' meeting moved.'));
  });

  it('resumes past punctuation the output already wrote', () => {
    const draft = new TextDraft(tokenizer, "let's see what happens", eos);
    expect(redraftAfter("Let'", draft)).toEqual(ids('s see what happens.'));
  });

  it("resumes past the source's punctuation where the output wrote other punctuation", () => {
    const draft = new TextDraft(tokenizer, 'makes sense. are there any', eos);
    expect(redraftAfter('Makes sense,', draft)).toEqual(ids(' are there any.'));
  });

  it('keeps the punctuation the output has not written yet', () => {
    const draft = new TextDraft(tokenizer, 'it is done." then', eos);
    expect(redraftAfter('It is done.', draft)).toEqual(ids('" then.'));
  });

  it('does not take a short tail found far from where the output is', () => {
    const text = "that's the only issue with the old client thirty five";
    const draft = new TextDraft(tokenizer, text, eos);
    const block = [...draft.initial(), eos];
    const thirty = ids("that's the only issue with the old client").length;
    const generated = ids("That's the only issue with the old client's");
    // "t s" ends the output and occurs only at the source's start, 40 characters back.
    const next = draft.redraft({
      generated,
      block,
      accepted: thirty,
      predictions: block.map((token, i) => (i === thirty ? generated.at(-1)! : token)),
    });
    expect(next).toEqual(ids(' five.'));
  });

  it('drafts "I" for the first word "i" of a source in lower case, and only then', () => {
    const initial = (text: string): string =>
      tokenizer.decode(new TextDraft(tokenizer, text, eos).initial());
    expect(initial('i think so')).toBe('I think so.');
    expect(initial("i'll see")).toBe("I'll see.");
    expect(initial('it is so')).toBe('it is so.');
    expect(initial('i think Maria knows')).toBe('i think Maria knows.');
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

describe('TextDraft numbers the model writes in digits', () => {
  /** The draft after the model wrote `digit` where the draft has the first word of `number`. */
  const redraftAtNumber = (text: string, number: string, digit: string): string => {
    const draft = new TextDraft(tokenizer, text, eos);
    const block = [...draft.initial(), eos];
    const at = ids(text.slice(0, text.indexOf(number)).trimEnd()).length;
    return tokenizer.decode(draft.redraft(review(block, at, single(digit))));
  };

  it('continues the number in digits after the model began it', () => {
    expect(redraftAtNumber('it grew by forty two percent', 'forty', '4')).toBe('2 percent.');
  });

  it('chooses the written form that begins with the digits written', () => {
    expect(redraftAtNumber('it was four point one and rising', 'four', '4')).toBe('.1 and rising.');
    expect(redraftAtNumber('in sixteen fourteen they left', 'sixteen', '1')).toBe('614 they left.');
  });

  it('resumes after the number when the model wrote another one', () => {
    expect(redraftAtNumber('about ninety people came', 'ninety', '8')).toBe(' people came.');
  });

  it('keeps number words where the model wrote no digit', () => {
    const draft = new TextDraft(tokenizer, 'it grew by forty two percent', eos);
    const block = [...draft.initial(), eos];
    const forty = ids('it grew by').length;
    const next = tokenizer.decode(draft.redraft(review(block, forty, single(' the'))));
    expect(next).toBe(' two percent.');
  });
});
