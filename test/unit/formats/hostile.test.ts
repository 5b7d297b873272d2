import { describe, expect, it } from 'vitest';
import { ApiCore } from '../../../src/api/core.js';
import { ApiError } from '../../../src/api/types.js';
import type { NekoDocument } from '../../../src/document/types.js';
import { MAX_NESTING_DEPTH } from '../../../src/formats/common.js';
import { decodeText } from '../../../src/formats/io.js';
import { nekoFormat } from '../../../src/formats/neko.js';
import { formatById, parseDocument } from '../../../src/formats/registry.js';
import { srtFormat } from '../../../src/formats/srt.js';
import { vttFormat } from '../../../src/formats/vtt.js';
import { whisperJsonFormat } from '../../../src/formats/whisper-json.js';
import { formatErrorOf, readFixture } from './fixtures.js';

/**
 * Inputs built to hurt a parser: each is read in time linear in its size, or refused with the format's
 * error naming the file and the place. The tests assert what comes out, not how long it took: the
 * quadratic versions of these parsers did not finish within the test timeout.
 */

const MEGABYTE = 1024 * 1024;

function srtCue(text: string): string {
  return `1\n00:00:01,000 --> 00:00:02,000\n${text}\n`;
}

function vttCue(text: string): string {
  return `WEBVTT\n\n00:00.000 --> 00:01.000\n${text}\n`;
}

describe('style tags in linear time', () => {
  it('SRT: a 1 MB cue of unterminated `{\\` stays text', () => {
    const text = '{\\'.repeat(MEGABYTE / 2);
    const document = srtFormat.parse(srtCue(text), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('SRT: a 1 MB cue of unterminated `<i ` stays text', () => {
    const text = '<i '.repeat(MEGABYTE / 3);
    const document = srtFormat.parse(srtCue(text), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('SRT: a 1 MB cue of closing tags before its text is read and written back', () => {
    const markup = `${'</i>'.repeat(MEGABYTE / 4)}x`;
    const document = srtFormat.parse(srtCue(markup), { fileName: 'a.srt' });
    expect(document.segments[0]!.text).toBe('x');
    document.segments[0]!.text = 'y';
    expect(srtFormat.serialize(document)).toContain('\ny\n');
  });

  it('SRT: an edited cue keeps the tags that wrap it', () => {
    const document = srtFormat.parse(srtCue('<i><b>x</b></i>'), { fileName: 'a.srt' });
    document.segments[0]!.text = 'y';
    expect(srtFormat.serialize(document)).toContain('\n<i><b>y</b></i>\n');
  });

  it('SRT: tags are still stripped and kept as before', () => {
    const document = srtFormat.parse(srtCue('{\\an8}<i>Hello <b>there</b></i>'), {
      fileName: 'a.srt',
    });
    expect(document.segments[0]!.text).toBe('Hello there');
    document.segments[0]!.text = 'Hello you';
    expect(srtFormat.serialize(document)).toContain('\n{\\an8}Hello you\n');
  });

  it('WebVTT: a 1 MB cue of unknown character references reads as text', () => {
    const text = '&x;'.repeat(MEGABYTE / 3);
    const document = vttFormat.parse(vttCue(text), { fileName: 'a.vtt' });
    expect(document.segments[0]!.text).toBe(text);
  });

  it('WebVTT: references resolve as the W3C parser resolves them', () => {
    const document = vttFormat.parse(vttCue('&amp; &ampx; &notin; &notx; &x; &#38; &lt'), {
      fileName: 'a.vtt',
    });
    expect(document.segments[0]!.text).toBe('& &x; ∉ ¬x; &x; & <');
  });
});

describe('nesting limits', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const whisper = (field: string) =>
    `{"segments": [\n  {"id": 0, "start": 0, "end": 1, "text": " hi", "x": ${field}}\n]}\n`;

  it.each([
    ['a.json', whisper(nested(5000)), 'a.json:2:'],
    ['a.json', whisper('['.repeat(5000)), 'a.json:2:'],
    [
      'a.jsonl',
      `{"id": "a", "hypotheses": ["x"]}\n{"id": "b", "hypotheses": ${nested(5000)}}\n`,
      'a.jsonl:2:',
    ],
    [
      'a.neko.json',
      `{"version": 1, "kind": "text", "segments": [], "extra": ${nested(5000)}}`,
      'a.neko.json:1:',
    ],
    ['a.vtt', vttCue(`<b>${'<i>'.repeat(5000)}x`), 'a.vtt:4:'],
    [
      'a.hocr',
      `<html><body>${'<div>'.repeat(5000)}${'</div>'.repeat(5000)}</body></html>`,
      'a.hocr:1:',
    ],
    ['a.xml', `<alto>${'<a>'.repeat(150)}${'</a>'.repeat(150)}</alto>`, 'a.xml:1:'],
  ])('%s nested thousands deep is refused, naming the place', (name, content, place) => {
    const error = formatErrorOf(() => parseDocument(content, name));
    expect(error.message).toMatch(/nested deeper than \d+ levels/);
    expect(error.message.startsWith(place)).toBe(true);
  });

  it('reads a Whisper file with a field nested to the limit and writes it back', () => {
    const field = nested(MAX_NESTING_DEPTH - 3); // inside the file, its segments and a segment
    const { document } = parseDocument(whisper(field), 'deep.json');
    const output = whisperJsonFormat.serialize(document);
    expect(output.replace(/\s/g, '')).toContain(`"x":${field}`);
    expect(parseDocument(output, 'again.json').document.segments).toEqual(document.segments);
  });

  it('a project made from such a file opens again', () => {
    const { document } = parseDocument(whisper(nested(MAX_NESTING_DEPTH - 3)), 'deep.json');
    const project = nekoFormat.serialize(document);
    expect(nekoFormat.parse(project, { fileName: 'deep.neko.json' })).toEqual(document);
  });

  it('an API export of a document nested past the stack is a client error', () => {
    const document = { version: 1, segments: [], extra: {} } as unknown as NekoDocument;
    let deep: unknown[] = [];
    document.extra = { deep };
    for (let level = 0; level < 200_000; level++) deep = (deep[0] = []) as unknown[];
    expect(() => new ApiCore().exportDocument(document, 'neko')).toThrow(ApiError);
  });
});

describe('XML declarations', () => {
  const alto = '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout/></alto>';

  it.each([
    [
      'an external entity',
      `<?xml version="1.0"?>\n<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${alto}`,
      'a.xml:2:1: a DOCTYPE with declarations',
    ],
    [
      'entity expansion',
      `<!DOCTYPE alto [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n${alto}`,
      'a.xml:1:1: a DOCTYPE with declarations',
    ],
    ['two DOCTYPEs', `<!DOCTYPE alto>\n<!DOCTYPE alto>\n${alto}`, 'a.xml:2:1: a second DOCTYPE'],
    ['two root elements', `${alto}\n<alto/>`, 'a.xml:2:1: a second root element <alto>'],
  ])('%s is refused with the file and line', (_, content, message) => {
    expect(formatErrorOf(() => parseDocument(content, 'a.xml')).message).toContain(message);
  });

  it('reads XHTML with a public DOCTYPE, as tesseract writes hOCR', () => {
    const content = readFixture('memo.hocr');
    expect(content).toContain('<!DOCTYPE html PUBLIC');
    expect(parseDocument(content, 'memo.hocr').document.segments.length).toBeGreaterThan(0);
  });
});

describe('times on read and on write', () => {
  it.each([
    [
      'a.vtt',
      `WEBVTT\n\n${'9'.repeat(400)}:00:00.000 --> ${'9'.repeat(400)}:00:01.000\nhi\n`,
      'a.vtt:3:1: times past 999:59:59.999',
    ],
    ['a.vtt', 'WEBVTT\n\n00:00:01.000 --> 1000:00:00.000\nhi\n', 'a.vtt:3:18: times past'],
    ['a.vtt', 'WEBVTT\n\n00:05.000 --> 00:01.000\nhi\n', 'a.vtt:3: the cue ends before it starts'],
    ['a.vtt', 'WEBVTT\n', 'a.vtt:1: no cues'],
    ['a.vtt', 'WEBVTT - Title\nKind: captions\n\nNOTE nothing\n', 'a.vtt:4: no cues'],
    ['a.srt', srtCue('hi').replace('00:00:01,000', '00:61:01,000'), 'a.srt:2:4: minutes must be'],
    ['a.srt', srtCue('hi').replace('00:00:02,000', '00:00:60,000'), 'a.srt:2:24: seconds must be'],
    ['a.srt', srtCue('hi').replace('00:00:01', `${'9'.repeat(300)}:00:01`), 'a.srt:2:1: expected'],
    [
      'a.json',
      '{"segments": [\n {"start": 0, "end": 1e300, "text": "hi"}\n]}',
      'a.json:2: segments[0].end: times past 999:59:59.999',
    ],
    [
      'a.neko.json',
      nekoFormat
        .serialize(parseDocument(srtCue('hi'), 'a.srt').document)
        .replace('"end": 2', '"end": 0.5'),
      'segments[0].end: end is before start',
    ],
  ])('%s is refused (case %#)', (name, content, message) => {
    expect(formatErrorOf(() => parseDocument(content, name)).message).toContain(message);
  });

  it('keeps a zero-length cue and 999 hours', () => {
    const content =
      'WEBVTT\n\n999:59:59.000 --> 999:59:59.999\nlast\n\n01:00.000 --> 01:00.000\nx\n';
    const { document } = parseDocument(content, 'a.vtt');
    expect(document.segments.map((segment) => [segment.start, segment.end])).toEqual([
      [60, 60],
      [3599999, 3599999.999],
    ]);
    const srt = srtFormat.serialize(document);
    expect(srt).toContain('999:59:59,000 --> 999:59:59,999');
    expect(parseDocument(srt, 'a.srt').document.segments.map((s) => s.end)).toEqual([
      60, 3599999.999,
    ]);
  });

  it.each([Infinity, NaN, -1, 1e300, 3_600_000])(
    'never writes a cue at %s s, naming the segment',
    (time) => {
      const { document } = parseDocument(srtCue('hi'), 'talk.srt');
      document.segments[0]!.end = time;
      for (const format of [srtFormat, vttFormat]) {
        const error = formatErrorOf(() => format.serialize(document));
        expect(error.message).toMatch(/^talk\.srt: segment "1": the time .* cannot be written/);
      }
    },
  );

  it('never writes a cue that ends before it starts', () => {
    const { document } = parseDocument(srtCue('hi'), 'talk.srt');
    document.segments[0]!.end = 0.5;
    for (const format of [srtFormat, vttFormat]) {
      expect(formatErrorOf(() => format.serialize(document)).message).toBe(
        'talk.srt: segment "1" ends (0.5 s) before it starts (1 s)',
      );
    }
  });

  it('does not write subtitles without cues', () => {
    const { document } = parseDocument(srtCue('hi'), 'talk.srt');
    document.segments = [];
    for (const format of [srtFormat, vttFormat]) {
      expect(formatErrorOf(() => format.serialize(document)).message).toContain(
        'talk.srt: nothing to write: the document has no segments',
      );
    }
  });
});

describe('errors name the place', () => {
  it('a duplicate Whisper segment id names its line', () => {
    const content =
      '{"segments": [\n  {"id": 1, "start": 0, "end": 1, "text": "a"},\n' +
      '  {"id": 1, "start": 1, "end": 2, "text": "b"}\n]}\n';
    expect(formatErrorOf(() => parseDocument(content, 'a.json')).message).toBe(
      'a.json:3: duplicate id "1"',
    );
  });

  it('an unpaired UTF-16 surrogate names its byte and line', () => {
    const text = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhi \ud83d\ude00 x\n', 'utf16le');
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), text]);
    const at = broken.indexOf(Buffer.from([0x3d, 0xd8])); // the high surrogate, little-endian
    broken[at + 2] = 0x41; // its low surrogate becomes "A"
    broken[at + 3] = 0x00;
    expect(formatErrorOf(() => decodeText(broken, 'a.vtt')).message).toBe(
      `a.vtt:4: not valid UTF-16LE text (unpaired surrogate at byte ${at})`,
    );
  });
});

describe('SRT export of text that SRT cannot hold', () => {
  const edited = (text: string, speaker?: string) => {
    const { document } = parseDocument(srtCue('hello'), 'talk.srt');
    document.segments[0]!.text = text;
    if (speaker !== undefined) document.segments[0]!.speaker = speaker;
    return document;
  };

  it.each([
    ['x <i>y</i>', '"<i>" would be read as a style tag'],
    ['{\\an8}x', '"{\\an8}" would be read as a style tag'],
    ['[Anna]: hi', 'a leading "[Anna]:" would be read as the speaker'],
  ])('refuses %j, naming the segment and why', (text, why) => {
    expect(formatErrorOf(() => srtFormat.serialize(edited(text))).message).toBe(
      `talk.srt: segment "1": SRT cannot hold this text: ${why}; export as WebVTT or change the text`,
    );
    const vtt = vttFormat.serialize(edited(text));
    expect(parseDocument(vtt, 'talk.vtt').document.segments[0]!.text).toBe(text);
  });

  it('writes what it can hold: a speaker before a bracketed text, an angle that is no tag', () => {
    const document = edited('[laughs]: a < b > c', 'Anna');
    const back = parseDocument(srtFormat.serialize(document), 'again.srt').document.segments[0]!;
    expect([back.speaker, back.text]).toEqual(['Anna', '[laughs]: a < b > c']);
  });
});

describe('found by the fuzzer', () => {
  it('finds an invalid UTF-8 byte after many genuine U+FFFD, in linear time', () => {
    const genuine = '\ufffd\n'.repeat(200_000);
    const bytes = Buffer.concat([Buffer.from(`line one\n${genuine}`), Buffer.from([0xff])]);
    expect(formatErrorOf(() => decodeText(bytes, 'a.txt')).message).toBe(
      `a.txt:200002: not valid UTF-8 at byte ${bytes.length - 1} (line 200002); save the file ` +
        'as UTF-8 (it may be Latin-1 or Windows-1252)',
    );
  });

  it('counts JSON nesting as jsonc-parser does where a string breaks at a line end', () => {
    const unit = '"a",\n "b": [\n {\n "';
    const content = `{"version": 1, "kind": "text", "segments": [{"id": "${unit.repeat(5000)}`;
    expect(formatErrorOf(() => parseDocument(content, 'a.neko.json')).message).toMatch(
      /^a\.neko\.json:\d+:\d+: /,
    );
  });

  it('writes a Whisper file without segment ids back without them', () => {
    const content = '{"segments": [{"start": 0, "end": 1, "text": " hi"}], "language": "en"}';
    const { document } = parseDocument(content, 'a.json');
    const written = whisperJsonFormat.serialize(document);
    expect(written).not.toContain('"id"');
    const again = parseDocument(written, 'a.json').document;
    expect(whisperJsonFormat.serialize(again)).toBe(written);
  });

  it('writes an ALTO namespace with a character reference back unchanged', () => {
    const content = readFixture('memo.alto.xml').replace('http://', 'http:&amp;x//');
    const { document } = parseDocument(content, 'a.xml');
    const written = formatById('alto').serialize(document);
    expect(written).toContain('xmlns="http:&amp;x//');
    expect(formatById('alto').serialize(parseDocument(written, 'a.xml').document)).toBe(written);
  });

  it.each([
    ['a.hocr', '<html>\n<body>\n<p>no page</p>\n</body>\n</html>', 'a.hocr:2: no ocr_page element'],
    [
      'a.xml',
      '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">\n<Layout/>\n</alto>',
      'a.xml:2: no <Page> element',
    ],
    [
      'a.xml',
      '<?xml version="1.0 a="b"/>\n<x encoding="UTF-8"?>\n<alto/>',
      'a.xml:1:1: XML that cannot be read: Pi Tag is not closed',
    ],
  ])('%s: names the place of what is missing or broken (case %#)', (name, content, message) => {
    expect(formatErrorOf(() => parseDocument(content, name)).message).toContain(message);
  });

  it('does not write plain text or N-best JSONL without segments', () => {
    const { document } = parseDocument('hello\n', 'a.txt');
    document.segments = [];
    for (const id of ['text', 'nbest-jsonl'] as const) {
      expect(formatErrorOf(() => formatById(id).serialize(document)).message).toContain(
        'a.txt: nothing to write',
      );
    }
  });
});

describe('found by the full fuzz run', () => {
  it('reads an hOCR title with an unclosed quote and 100 KB of words in linear time', () => {
    const content = readFixture('memo.hocr').replace(
      "title='bbox 62 65 134 82; x_wconf 89'",
      `title='bbox 62 65 134 82; x_wconf 89; x_note "${'a '.repeat(50_000)}'`,
    );
    const { document } = parseDocument(content, 'memo.hocr');
    expect(document.segments[0]!.words![0]).toMatchObject({ text: 'MEMO', confidence: 0.89 });
  });

  it('reads hOCR title properties as before: quoted values may hold a semicolon', () => {
    const content = readFixture('memo.hocr').replace(/image "[^"]*"/, 'image "/scans/a;b.png"');
    expect(parseDocument(content, 'memo.hocr').document.pages![0]!.image).toBe('/scans/a;b.png');
  });

  it('scans WebVTT cue tags in linear time when a far `>` closes an unknown tag', () => {
    const cue = `<v Anna>Hi ${'<'.repeat(200_000)}!DOCTYPE html>${'<'.repeat(200_000)}`;
    const { document } = parseDocument(vttCue(cue), 'a.vtt');
    expect(document.segments[0]!.speaker).toBe('Anna');
  });
});

describe('found by the full fuzz run, in WebVTT', () => {
  it('writes 20,000 NOTE blocks back in linear time', () => {
    const notes = 'NOTE a comment\n\n'.repeat(20_000);
    const { document } = parseDocument(`WEBVTT\n\n${notes}00:00.000 --> 00:01.000\nhi\n`, 'a.vtt');
    const written = vttFormat.serialize(document);
    expect(written.match(/^NOTE a comment$/gm)).toHaveLength(20_000);
  });

  it('writes cue settings so that they read back: no exponent notation', () => {
    const tiny = `0.${'0'.repeat(300)}1`;
    const content = `WEBVTT\n\n00:00.000 --> 00:01.000 line:${tiny} position:12.5%\nhi\n`;
    const written = vttFormat.serialize(parseDocument(content, 'a.vtt').document);
    expect(written).toContain('00:00:00.000 --> 00:00:01.000 line:0 position:12.5%\n');
    expect(vttFormat.serialize(parseDocument(written, 'a.vtt').document)).toBe(written);
  });
});
