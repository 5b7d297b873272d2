import { describe, expect, it } from 'vitest';
import { TextDraft } from '../../../src/corrector/draft.js';
import { Tokenizer } from '../../../src/corrector/tokenizer.js';

const tokenizer = Tokenizer.fromFile(
  new URL('../../fixtures/models/tiny-random/tokenizer.json', import.meta.url).pathname,
);

describe('TextDraft', () => {
  const source = 'good morning everyone and thanks for joining';
  const redraft = (generated: string, draft = new TextDraft(tokenizer, source)) =>
    draft.redraft(tokenizer.encode(generated));

  it('resumes after a change of case', () => {
    expect(redraft('Good')).toEqual(tokenizer.encode(' morning everyone and thanks for joining'));
  });

  it('resumes after inserted punctuation, before the next word', () => {
    expect(redraft('Good morning,')).toEqual(tokenizer.encode(' everyone and thanks for joining'));
  });

  it('resumes inside a word the output has begun', () => {
    expect(redraft('Good morning, every')).toEqual(tokenizer.encode('one and thanks for joining'));
  });

  it('gives up on text that is not in the source, then finds its place again', () => {
    const draft = new TextDraft(tokenizer, 'it grew by forty two percent last year');
    expect(redraft('It grew by 42', draft)).toBeUndefined();
    expect(redraft('It grew by 42 percent', draft)).toEqual(tokenizer.encode(' last year'));
  });

  it('picks the occurrence nearest to where the output is', () => {
    const draft = new TextDraft(tokenizer, 'we will see we will see it again');
    expect(redraft('We will see, we will', draft)).toEqual(tokenizer.encode(' see it again'));
  });
});
