/**
 * The renderer's recovery writer (renderer/services/recovery.ts) with the real store and the real
 * core writing real files: what is typed or decided reaches the disk within about a second, a new
 * process offers it back, and a save or close removes it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCore } from '../../../src/api/core.js';
import { startRecoveryWriter, type RecoveryWriter } from '../../../renderer/services/recovery.js';
import { selectHasUnsavedChanges } from '../../../renderer/store/selectors.js';
import { createStudioStore } from '../../../renderer/store/studio.js';
import { catSuggestion, imported, transcript } from './documents.js';

let folder: string;
const cores: ApiCore[] = [];
const writers: RecoveryWriter[] = [];

/** The core of one run of the app or the server, on the shared data folder. */
function startCore(): ApiCore {
  const core = new ApiCore({ recoveryDirectory: folder });
  cores.push(core);
  return core;
}

function startWindow(core: ApiCore) {
  const store = createStudioStore();
  const writer = startRecoveryWriter(store, core, { heartbeatMs: 60_000 });
  writers.push(writer);
  return { store, writer };
}

/** Polls the next process's view of the disk until `check` passes; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not on disk within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const recovered = async () => {
  const next = startCore();
  const [summary] = await next.listRecoveries();
  return summary ? next.loadRecovery(summary.sessionId) : undefined;
};

beforeEach(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), 'neko-renderer-recovery-')), 'recovery');
});
afterEach(async () => {
  writers.splice(0).forEach((writer) => writer.stop());
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
  await rm(path.dirname(folder), { recursive: true, force: true });
});

describe('recovery writer', () => {
  it('saves text while it is typed, before it is committed, within a second', async () => {
    const { store } = startWindow(startCore());
    store.getState().openDocument(imported(transcript(3)));
    store.getState().typeInSegment('s2', 'typed but not yet committed');
    // The document itself is unchanged (saved); only the typing is work to lose.
    expect(selectHasUnsavedChanges(store.getState())).toBe(false);
    const waited = await within(1000, async () => Boolean((await recovered())?.typing));
    expect(waited).toBeLessThan(1000);
    const work = await recovered();
    expect(work?.typing).toEqual({
      segmentId: 's2',
      text: 'typed but not yet committed',
      baseText: 'segment 2 says hello',
    });
    expect(work?.document).toEqual(transcript(3));

    store.getState().typeInSegment('s2', 'typed but not yet committed, and more');
    await within(1000, async () => (await recovered())?.typing?.text.endsWith('more') === true);
  });

  it('saves committed edits and decisions, and a restore in a new window brings them back', async () => {
    const { store } = startWindow(startCore());
    const document = transcript(3);
    const { source, suggestion } = catSuggestion();
    document.segments[1] = { ...document.segments[1]!, source, text: source, suggestion };
    store.getState().openDocument(imported(document));
    store.getState().acceptSuggestion('s2', 1);
    store.getState().editSegment('s3', 'edited before the crash');
    store.getState().typeInSegment('s1', 'still typing');
    const edited = store.getState().document!;
    await within(3000, async () => (await recovered())?.typing?.text === 'still typing');
    const work = (await recovered())!;
    expect(work.document).toEqual(edited);

    const next = startWindow(startCore());
    await next.writer.adopt(work.sessionId);
    next.store.getState().restoreDocument(work);
    next.store.getState().editSegment(work.typing!.segmentId, work.typing!.text);
    const state = next.store.getState();
    expect(state.document!.segments.map((segment) => segment.text)).toEqual([
      'still typing',
      'the cat sat on the mat',
      'edited before the crash',
    ]);
    expect(selectHasUnsavedChanges(state)).toBe(true);
  });

  it('sends an edit in a long document as its segment only, and a new process reads it', async () => {
    const { store } = startWindow(startCore());
    store.getState().openDocument(imported(transcript(5000)));
    store.getState().editSegment('s10', 'first edit: the whole document goes');
    await within(5000, async () => (await readdir(folder).catch(() => [])).length === 1);
    const [session] = await readdir(folder);
    const files = () => readdir(path.join(folder, session!));
    await within(5000, async () => (await files()).includes('document-1.json'));
    const base = await readFile(path.join(folder, session!, 'document-1.json'), 'utf8');

    store.getState().editSegment('s4000', 'second edit: only this segment goes');
    const waited = await within(1000, async () =>
      (
        await readFile(path.join(folder, session!, 'changes-1.jsonl'), 'utf8').catch(() => '')
      ).includes('only this segment goes'),
    );
    expect(waited).toBeLessThan(1000);
    const changes = await readFile(path.join(folder, session!, 'changes-1.jsonl'), 'utf8');
    expect(changes.length).toBeLessThan(500);
    expect(await readFile(path.join(folder, session!, 'document-1.json'), 'utf8')).toBe(base);
    const work = (await recovered())!;
    expect(work.document).toEqual(store.getState().document);
  });

  it('clears the recovery once the work is saved, and once the document is closed', async () => {
    const { store } = startWindow(startCore());
    store.getState().openDocument(imported(transcript(2)));
    store.getState().editSegment('s1', 'changed');
    await within(1000, async () => (await readdir(folder).catch(() => [])).length === 1);
    store.getState().markSaved();
    await within(1000, async () => (await readdir(folder)).length === 0);

    store.getState().editSegment('s2', 'changed again');
    await within(1000, async () => (await readdir(folder)).length === 1);
    store.getState().closeDocument();
    await within(1000, async () => (await readdir(folder)).length === 0);
  });

  it('drops typing abandoned with Escape, and typing that matches the text', async () => {
    const { store, writer } = startWindow(startCore());
    store.getState().openDocument(imported(transcript(2)));
    store.getState().editSegment('s1', 'changed');
    store.getState().typeInSegment('s2', 'typo');
    await within(1000, async () => (await recovered())?.typing?.text === 'typo');
    store.getState().abandonTyping('s2');
    await writer.flush();
    expect((await recovered())?.typing).toBeNull();
    store.getState().typeInSegment('s2', 'segment 2 says hello');
    expect(store.getState().typing).toBeNull();

    // Typing whose segment changed under it (undo) is what the editor no longer shows: not kept.
    store.getState().editSegment('s1', 'changed twice');
    store.getState().typeInSegment('s1', 'changed twice, then more');
    await writer.flush();
    expect((await recovered())?.typing?.text).toBe('changed twice, then more');
    store.getState().undo();
    await writer.flush();
    const work = await recovered();
    expect(work?.document.segments[0]!.text).toBe('changed');
    expect(work?.typing).toBeNull();
  });
});
