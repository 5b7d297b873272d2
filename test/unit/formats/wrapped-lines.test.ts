import { describe, expect, it } from 'vitest';
import { continuesOnNextLine } from '../../../src/formats/wrapped-lines.js';

/** Sentences filled greedily into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

const PARAGRAPH =
  'She told me that she has been living in Toronto since three years and that she enjoys ' +
  'the winters there, although her family thinks that the weather is too much cold for ' +
  'her and that she should come back home to Lisbon as soon as she finishes her studies.';

describe('lines wrapped at a fixed width', () => {
  it.each([60, 72, 80])('joins the lines of paragraphs filled to %i characters', (width) => {
    const first = wrap(PARAGRAPH, width);
    const second = wrap(PARAGRAPH.replace('Toronto', 'Vancouver'), width);
    const lines = [...first, '', ...second];
    const continues = continuesOnNextLine(lines);
    const expected = lines.map(
      (line, index) => line !== '' && lines[index + 1] !== undefined && lines[index + 1] !== '',
    );
    expect(continues).toEqual(expected);
  });

  it('ends a paragraph at a short line that ends a sentence, without a blank line', () => {
    const lines = [...wrap(PARAGRAPH, 60), ...wrap(PARAGRAPH, 60)];
    const last = wrap(PARAGRAPH, 60).length - 1;
    expect(continuesOnNextLine(lines)[last]).toBe(false);
    expect(continuesOnNextLine(lines).filter(Boolean)).toHaveLength(lines.length - 2);
  });

  it('reads a wrapped file again after edits lengthened a few of its lines', () => {
    const paragraph = wrap(`${PARAGRAPH} ${PARAGRAPH}`, 60);
    const lines = [...paragraph, '', ...paragraph, '', ...paragraph];
    const edited = lines.map((line, index) =>
      index === 1 || index === 12 ? `${line} and so on, and on` : line,
    );
    expect(edited.filter((line) => line.length > 60)).toHaveLength(2);
    const continues = continuesOnNextLine(edited);
    expect(continues.filter(Boolean)).toHaveLength(lines.length - 5);
  });

  it('leaves lists, quotes and narrow or unwrapped files alone', () => {
    const lines = wrap(PARAGRAPH, 60);
    const withList = [...lines.slice(0, 2), '- a list item that is long enough to fill', ...lines];
    expect(continuesOnNextLine(withList)[1]).toBe(false);
    expect(continuesOnNextLine(lines.map((line) => `> ${line}`)).some(Boolean)).toBe(false);
    // A column of print: as narrow as this, lines are not typed text filled to a width.
    expect(continuesOnNextLine(wrap(PARAGRAPH, 40)).some(Boolean)).toBe(false);
    // A line where the next word would have fitted, ending no sentence: not wrapped at a width.
    const handBroken = [...lines];
    handBroken.splice(1, 0, 'and so');
    handBroken.splice(4, 0, 'but');
    expect(continuesOnNextLine(handBroken).some(Boolean)).toBe(false);
  });
});
