import { access, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCore, exportFileName, NO_CORRECTOR_MESSAGE } from '../../../src/api/core.js';
import { ApiError } from '../../../src/api/types.js';
import { formats } from '../../../src/formats/registry.js';
import type { Format } from '../../../src/formats/types.js';

const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nfirst cue\n\n00:00:01.500 --> 00:00:02.000\nsecond cue\n';

function format(id: string): Format {
  const found = formats.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the registry has no ${id} format`);
  return found;
}

let workDir: string;
let core: ApiCore;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'neko-core-'));
  core = new ApiCore({ tempRoot: workDir });
});

afterEach(async () => {
  await core.dispose();
  await rm(workDir, { recursive: true, force: true });
});

describe('ApiCore', () => {
  it('lists every registered format', () => {
    expect(core.listFormats().map((info) => info.id)).toEqual(
      formats.map((candidate) => candidate.id),
    );
  });

  it('says honestly that correction is unavailable without a model, and refuses to correct', async () => {
    expect(await core.correctorStatus()).toEqual({
      available: false,
      message: NO_CORRECTOR_MESSAGE,
    });
    expect(() => core.correct({ segments: [] })).toThrow(ApiError);
    await expect(core.cancel('no-such-job')).resolves.toBeUndefined();
  });

  it('detects the format of an upload from its content, not its name', async () => {
    const result = await core.importFile({
      name: 'cues.txt',
      dataBase64: Buffer.from(VTT).toString('base64'),
    });
    expect(result.format).toBe('vtt');
    expect(result.document.segments.map((segment) => segment.text)).toEqual([
      'first cue',
      'second cue',
    ]);
  });

  it('refuses companion names that try to leave the media folder', async () => {
    const upload = {
      name: 'cues.vtt',
      dataBase64: Buffer.from(VTT).toString('base64'),
      companions: [{ name: '../../escape.wav', dataBase64: 'AAAA' }],
    };
    const { documentId } = await core.importFile(upload);
    const stored = core.mediaFile(documentId, 'escape.wav');
    expect(stored).toBeDefined();
    expect(path.dirname(path.dirname(stored!)).startsWith(workDir)).toBe(true);
    await expect(access(path.join(workDir, '..', 'escape.wav'))).rejects.toThrow();
  });

  it('makes an uploaded audio file the audio of a transcript that names none', async () => {
    const { documentId, document } = await core.importFile({
      name: 'cues.vtt',
      dataBase64: Buffer.from(VTT).toString('base64'),
      companions: [{ name: 'talk.wav', dataBase64: 'AAAA' }],
    });
    expect(document.media?.audio).toBe('talk.wav');
    expect(core.mediaFile(documentId, document.media!.audio!)).toBeDefined();
  });

  it('stores nothing when the document does not parse', async () => {
    const upload = {
      name: 'bad.vtt',
      dataBase64: Buffer.from('WEBVTT\n\nnot a cue timing\n').toString('base64'),
      companions: [{ name: 'bad.wav', dataBase64: 'AAAA' }],
    };
    await expect(core.importFile(upload)).rejects.toThrow(/^bad\.vtt/);
    expect(await readdir(workDir)).toEqual([]);
  });

  it('refuses a document over the size limit, uploaded or opened from disk, naming the file', async () => {
    const small = new ApiCore({ tempRoot: workDir, maxFileBytes: 1024 });
    const big = VTT + 'x'.repeat(2048);
    await expect(
      small.importFile({ name: 'big.vtt', dataBase64: Buffer.from(big).toString('base64') }),
    ).rejects.toThrow(/^big\.vtt: file too large: 0\.0 MB, the limit is 0\.0 MB$/);
    const onDisk = path.join(workDir, 'big.vtt');
    await writeFile(onDisk, big);
    await expect(small.importPath(onDisk)).rejects.toThrow(
      /big\.vtt( \(byte \d+\))?: file too large/,
    );
    await small.dispose();
  });

  it('opens a scan on disk and registers only the page image it refers to', async () => {
    const samples = fileURLToPath(new URL('../../../assets/samples/', import.meta.url));
    const scan = path.join(workDir, 'page.hocr');
    await copyFile(path.join(samples, 'page.hocr'), scan);
    await copyFile(path.join(samples, 'page.png'), path.join(workDir, 'page.png'));
    await writeFile(path.join(workDir, 'unrelated.png'), 'not referenced');

    const result = await core.importPath(scan);
    expect(result.format).toBe('hocr');
    expect(result.document.source.path).toBe(scan);
    expect(core.mediaFile(result.documentId, 'page.png')).toBe(path.join(workDir, 'page.png'));
    expect(core.mediaFile(result.documentId, 'unrelated.png')).toBeUndefined();
    expect(core.mediaFile(result.documentId, 'page.hocr')).toBeUndefined();
  });

  it('saves atomically to a path and leaves no temporary file behind', async () => {
    const { document } = await core.importFile({
      name: 'cues.vtt',
      dataBase64: Buffer.from(VTT).toString('base64'),
    });
    document.segments[1]!.text = 'second cue, corrected';
    const target = path.join(workDir, 'out.srt');
    await core.saveToPath(document, 'srt', target);
    expect(await readFile(target, 'utf8')).toContain('second cue, corrected');
    expect(await readdir(workDir)).toEqual(['out.srt']);
  });

  it('names exports after the source, replacing a known (even compound) extension', () => {
    expect(exportFileName('meeting.whisper.json', format('srt'))).toBe('meeting.whisper.srt');
    expect(exportFileName('page.hocr', format('text'))).toBe(`page${format('text').extensions[0]}`);
    expect(exportFileName('/some/where/talk.srt', format('vtt'))).toBe('talk.vtt');
    expect(exportFileName('notes', format('srt'))).toBe('notes.srt');
  });

  it('refuses to export to an unknown format', () => {
    const document = { segments: [] } as never;
    expect(() => core.exportDocument(document, 'docx' as never)).toThrow(/unknown format "docx"/);
  });
});
