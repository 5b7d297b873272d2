import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  truncate,
  writeFile,
  chmod,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, readDocumentFile, writeFileAtomic } from '../../../src/formats/io.js';
import { formatById } from '../../../src/formats/registry.js';
import { FormatError } from '../../../src/formats/types.js';
import { fixturePath, formatErrorOf } from './fixtures.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(bytes('héllo'), 'a.txt')).toBe('héllo');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('héllo')]), 'a.txt')).toBe(
      'héllo',
    );
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0xe9, 0]), 'a.txt')).toBe('hé');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0, 0x68, 0, 0xe9]), 'a.txt')).toBe('hé');
  });

  it('names the byte and line of invalid UTF-8 (a Latin-1 file)', async () => {
    const latin1 = await readFile(fixturePath('bad-latin1.vtt'));
    const error = formatErrorOf(() => decodeText(latin1, 'bad-latin1.vtt'));
    const offset = latin1.indexOf(0xe9);
    expect(error.message).toBe(
      `bad-latin1.vtt:4: not valid UTF-8 at byte ${offset} (line 4); save the file as UTF-8 (it may be Latin-1 or Windows-1252)`,
    );
  });

  it('skips a genuine U+FFFD when looking for the invalid byte', () => {
    const content = new Uint8Array([...bytes('ok \ufffd\nline two '), 0xff]);
    expect(formatErrorOf(() => decodeText(content, 'x.txt')).message).toMatch(
      new RegExp(`at byte ${content.length - 1} \\(line 2\\)`),
    );
  });

  it('calls binary content binary, naming the byte', async () => {
    const png = await readFile(fixturePath('bad-binary.srt'));
    const error = formatErrorOf(() => decodeText(png, 'bad-binary.srt'));
    expect(error.message).toMatch(/^bad-binary\.srt \(byte \d+\): binary file, not a text format$/);
    const utf16WithoutBom = await readFile(fixturePath('bad-utf16-no-bom.srt'));
    expect(formatErrorOf(() => decodeText(utf16WithoutBom, 'u.srt')).message).toBe(
      'u.srt (byte 1): binary file, not a text format',
    );
  });

  it('refuses empty and blank files and truncated UTF-16', async () => {
    const empty = await readFile(fixturePath('bad-empty.srt'));
    expect(formatErrorOf(() => decodeText(empty, 'bad-empty.srt')).message).toBe(
      'bad-empty.srt (byte 0): empty file',
    );
    expect(formatErrorOf(() => decodeText(bytes(' \n\n'), 'b.txt')).message).toBe(
      'b.txt (byte 0): empty file (only white space)',
    );
    expect(
      formatErrorOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x68]), 'c.txt')).message,
    ).toMatch(/^c\.txt \(byte 2\): truncated UTF-16LE/);
  });
});

describe('reading and writing files', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'neko-io-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a document, detecting its format and recording its path', async () => {
    const { document, format } = await readDocumentFile(fixturePath('edge-cases.vtt'));
    expect(format.id).toBe('vtt');
    expect(document.source).toEqual({
      format: 'vtt',
      name: 'edge-cases.vtt',
      path: fixturePath('edge-cases.vtt'),
    });
  });

  it('refuses a 200 MB file before reading it', async () => {
    const huge = join(directory, 'huge.srt');
    await writeFile(huge, '1\n00:00:00,000 --> 00:00:01,000\nx\n');
    await truncate(huge, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    await expect(readDocumentFile(huge)).rejects.toThrow(
      `${huge} (byte 104857600): file too large: 200.0 MB, the limit is 100.0 MB`,
    );
    await expect(readDocumentFile(huge, { maxBytes: 10 })).rejects.toThrow(/the limit is 0\.0 MB/);
  });

  it('keeps the original source of a project file it opens', async () => {
    const { document } = await readDocumentFile(fixturePath('edge-cases.vtt'));
    const project = join(directory, 'talk.neko.json');
    await writeFileAtomic(project, formatById('neko').serialize(document));
    const reopened = await readDocumentFile(project);
    expect(reopened.format.id).toBe('neko');
    expect(reopened.document.source.path).toBe(fixturePath('edge-cases.vtt'));
  });

  it('turns a missing file or a directory into a FormatError', async () => {
    await expect(readDocumentFile(join(directory, 'nope.srt'))).rejects.toThrow(
      /nope\.srt: cannot open: no such file/,
    );
    await expect(readDocumentFile(directory)).rejects.toBeInstanceOf(FormatError);
  });

  it('never writes the source file when reading and exporting it', async () => {
    const source = join(directory, 'cues.srt');
    const original = await readFile(fixturePath('edge-cases.srt'));
    await writeFile(source, original);
    await chmod(source, 0o444);
    const before = await stat(source);
    const { document } = await readDocumentFile(source);
    document.segments[0]!.text = 'Changed.';
    await writeFileAtomic(join(directory, 'cues.vtt'), formatById('vtt').serialize(document));
    expect(await readFile(source)).toEqual(original);
    expect((await stat(source)).mtimeMs).toBe(before.mtimeMs);
  });

  it('writes atomically and leaves no temporary file', async () => {
    const target = join(directory, 'out.txt');
    await writeFile(target, 'old content');
    await writeFileAtomic(target, 'new content');
    expect(await readFile(target, 'utf8')).toBe('new content');
    expect(await readdir(directory)).toEqual(['out.txt']);
  });

  it('keeps the old file whole and removes its temporary file when the write fails', async () => {
    const target = join(directory, 'out.txt');
    await writeFile(target, 'old content');
    // A value that cannot be written makes the write fail after the temporary file was created.
    const unwritable = { length: 3 } as unknown as Uint8Array;
    await expect(writeFileAtomic(target, unwritable)).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(directory)).toEqual(['out.txt']);
  });

  it('fails cleanly when the rename cannot happen, leaving no temporary file', async () => {
    const target = join(directory, 'taken');
    await mkdir(target); // renaming a file over a directory fails
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    const left = await readdir(directory);
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
