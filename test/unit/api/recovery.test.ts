/**
 * The core's recovery files (src/api/recovery.ts) on a real temp folder, and the data folder each
 * platform gets.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDataDirectory } from '../../../src/api/data-directory.js';
import { RecoveryStore } from '../../../src/api/recovery.js';
import { ApiError, RECOVERY_SESSION_ALIVE_MS } from '../../../src/api/types.js';
import { nekoFormat } from '../../../src/formats/neko.js';
import { imported, transcript } from '../renderer/documents.js';

const SESSION = 'session-aaaa-1111';
const OTHER = 'session-bbbb-2222';
let folder: string;
let clock: number;
/** A store in one process; `restart()` gives the store of the next process on the same folder. */
let store: RecoveryStore;
const restart = () => (store = new RecoveryStore(folder, () => clock));

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'neko-recovery-')), 'recovery');
  clock = Date.parse('2026-01-02T03:04:05Z');
  restart();
});
afterEach(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

describe('RecoveryStore', () => {
  it('keeps a session’s document and typing for the next process, and only then offers it', async () => {
    const document = transcript(3);
    document.segments[1] = { ...document.segments[1]!, text: 'edited before the crash' };
    await store.save({ sessionId: SESSION, work: imported(document), typing: null });
    clock += 1000;
    await store.save({
      sessionId: SESSION,
      typing: { segmentId: 's3', text: 'half a sent', baseText: 'segment 3 says hello' },
    });
    // Its own process still hears from the session: not offered to another window.
    expect(await store.list()).toEqual([]);

    restart();
    const [summary, ...others] = await store.list();
    expect(others).toEqual([]);
    expect(summary).toEqual({
      sessionId: SESSION,
      title: 'Weekly meeting',
      savedAt: '2026-01-02T03:04:06.000Z',
    });
    const work = await store.load(SESSION);
    expect(work.document).toEqual(document);
    expect(work.typing).toEqual({
      segmentId: 's3',
      text: 'half a sent',
      baseText: 'segment 3 says hello',
    });
    expect(work).toMatchObject({ documentId: 'doc-1', format: 'srt' });
    // The document file is a project that opens as such.
    const kept = await readFile(path.join(folder, SESSION, 'document-1.json'), 'utf8');
    expect(nekoFormat.parse(kept, { fileName: 'x.neko.json' })).toEqual(document);
  });

  it('offers a session of its own process once it has been silent for the alive time', async () => {
    await store.save({ sessionId: SESSION, work: imported(transcript(1)) });
    clock += RECOVERY_SESSION_ALIVE_MS - 1;
    expect(await store.list()).toEqual([]);
    clock += 1;
    expect((await store.list()).map((summary) => summary.sessionId)).toEqual([SESSION]);
    // A heartbeat makes it alive again.
    await store.save({ sessionId: SESSION });
    expect(await store.list()).toEqual([]);
  });

  it('writes a keystroke without rewriting the document, and ends typing on null', async () => {
    await store.save({ sessionId: SESSION, work: imported(transcript(2)) });
    const documentFile = path.join(folder, SESSION, 'document-1.json');
    const before = await readFile(documentFile, 'utf8');
    await writeFile(documentFile, before.replace('segment 1 says hello', 'marker untouched'));
    await store.save({
      sessionId: SESSION,
      typing: { segmentId: 's1', text: 'typed', baseText: 'segment 1 says hello' },
    });
    expect(await readFile(documentFile, 'utf8')).toContain('marker untouched');
    await store.save({ sessionId: SESSION, typing: null });
    restart();
    expect((await store.load(SESSION)).typing).toBeNull();
    // Atomic writes leave no temporary files behind.
    expect((await readdir(path.join(folder, SESSION))).sort()).toEqual([
      'document-1.json',
      'meta.json',
    ]);
  });

  it('appends changed segments instead of rewriting the document, and reads them back', async () => {
    const document = transcript(4);
    await store.save({ sessionId: SESSION, work: imported(document) });
    const documentFile = path.join(folder, SESSION, 'document-1.json');
    const base = await readFile(documentFile, 'utf8');
    const edited = { ...document.segments[2]!, text: 'third changed' };
    clock += 500;
    await store.save({ sessionId: SESSION, changes: [{ index: 2, segment: edited }] });
    const twice = { ...document.segments[0]!, text: 'first changed' };
    await store.save({ sessionId: SESSION, changes: [{ index: 0, segment: twice }] });
    expect(await readFile(documentFile, 'utf8')).toBe(base);
    const changes = await readFile(path.join(folder, SESSION, 'changes-1.jsonl'), 'utf8');
    expect(changes.split('\n')).toHaveLength(3);

    restart();
    const work = await store.load(SESSION);
    expect(work.document.segments.map((segment) => segment.text)).toEqual([
      'first changed',
      'segment 2 says hello',
      'third changed',
      'segment 4 says hello',
    ]);
    expect(work.savedAt).toBe('2026-01-02T03:04:05.500Z');
    // The next process holds no document for the session: changes alone are refused.
    await expect(
      store.save({ sessionId: SESSION, changes: [{ index: 0, segment: twice }] }),
    ).rejects.toThrow(/send it whole/);
    // A change that does not fit the kept document is refused too.
    await store.save({ sessionId: OTHER, work: imported(document) });
    await expect(
      store.save({ sessionId: OTHER, changes: [{ index: 1, segment: twice }] }),
    ).rejects.toThrow(/segment 1 of the kept document is not "s1"/);
  });

  it('drops a last change cut short by a kill, and names the line of a damaged one', async () => {
    const document = transcript(2);
    await store.save({ sessionId: SESSION, work: imported(document) });
    const edited = { ...document.segments[1]!, text: 'kept' };
    await store.save({ sessionId: SESSION, changes: [{ index: 1, segment: edited }] });
    const changesFile = path.join(folder, SESSION, 'changes-1.jsonl');
    const whole = await readFile(changesFile, 'utf8');
    await writeFile(changesFile, `${whole}{"savedAt":"2026-01-02T03:04:09Z","segments":[{"ind`);
    restart();
    expect((await store.load(SESSION)).document.segments[1]!.text).toBe('kept');

    await writeFile(changesFile, `{"savedAt": 1}\n${whole}`);
    await expect(store.load(SESSION)).rejects.toThrow(`${changesFile}:1: not a record`);
  });

  it('folds the changes into a new document once they outgrow it', async () => {
    const document = transcript(3);
    document.segments[0] = { ...document.segments[0]!, text: 'x'.repeat(300_000) };
    await store.save({ sessionId: SESSION, work: imported(document) });
    for (let round = 0; round < 4; round++) {
      const segment = { ...document.segments[0]!, text: `${round}${'y'.repeat(200_000)}` };
      await store.save({ sessionId: SESSION, changes: [{ index: 0, segment }] });
    }
    const files = (await readdir(path.join(folder, SESSION))).sort();
    expect(files).toEqual(['changes-2.jsonl', 'document-2.json', 'meta.json']);
    restart();
    const text = (await store.load(SESSION)).document.segments[0]!.text;
    expect(text.startsWith('3y')).toBe(true);
  });

  it('refuses typing for a session with no document yet, so that the window sends it', async () => {
    await expect(
      store.save({
        sessionId: SESSION,
        typing: { segmentId: 's1', text: 'x', baseText: 'segment 1 says hello' },
      }),
    ).rejects.toThrow(/no document is kept for this session/);
  });

  it('removes a discarded session’s files; lists the newest first', async () => {
    await store.save({ sessionId: SESSION, work: imported(transcript(1)) });
    clock += 5000;
    const newer = transcript(1);
    newer.title = 'Newer';
    await store.save({ sessionId: OTHER, work: imported(newer) });
    restart();
    expect((await store.list()).map((summary) => summary.title)).toEqual([
      'Newer',
      'Weekly meeting',
    ]);
    await store.discard(OTHER);
    expect(await readdir(folder)).toEqual([SESSION]);
    expect((await store.list()).map((summary) => summary.sessionId)).toEqual([SESSION]);
  });

  it('reports a damaged recovery naming the file, instead of offering it', async () => {
    await store.save({ sessionId: SESSION, work: imported(transcript(2)) });
    const documentFile = path.join(folder, SESSION, 'document-1.json');
    await writeFile(documentFile, '{"version": 1, "segments": [');
    restart();
    const [summary] = await store.list();
    expect(summary?.problem).toContain(documentFile);
    await expect(store.load(SESSION)).rejects.toThrow(documentFile);
  });

  it('refuses session ids that could leave the folder, and malformed updates', async () => {
    for (const sessionId of ['../../etc', 'short', '', 'a/b/c/d/e/f/g', 42]) {
      await expect(async () =>
        store.save({ sessionId: sessionId as string, work: imported(transcript(1)) }),
      ).rejects.toThrow(ApiError);
    }
    await expect(async () => store.discard('../../../../tmp')).rejects.toThrow(ApiError);
    await expect(async () =>
      store.save({ sessionId: SESSION, work: { documentId: 'd', format: 'srt' } as never }),
    ).rejects.toThrow(/not a document/);
    expect(await store.list()).toEqual([]);
  });

  it('has nothing to offer before anything was written', async () => {
    expect(await store.list()).toEqual([]);
  });
});

describe('defaultDataDirectory', () => {
  it('follows each platform’s custom, and NEKO_DATA_DIR overrides it', () => {
    expect(defaultDataDirectory({}, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/neko-studio',
    );
    expect(defaultDataDirectory({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ann')).toBe(
      '/data/neko-studio',
    );
    expect(defaultDataDirectory({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/neko-studio',
    );
    expect(defaultDataDirectory({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/NeKo Studio',
    );
    expect(
      defaultDataDirectory(
        { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' },
        'win32',
        'C:\\Users\\ann',
      ),
    ).toBe('C:\\Users\\ann\\AppData\\Local\\NeKo Studio');
    expect(defaultDataDirectory({ NEKO_DATA_DIR: '/tmp/neko-test' }, 'darwin', '/Users/ann')).toBe(
      '/tmp/neko-test',
    );
  });
});
