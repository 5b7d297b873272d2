/**
 * Recovery of unsaved work, kept by the core in the user's data folder rather than in the page's
 * storage: browser mode serves each run on a new port, so the page's own storage (per origin) would
 * not be found again after a restart, and the app and browser mode share one mechanism this way.
 *
 * One folder per renderer session, `<data folder>/recovery/<session id>/`:
 *   document.json  the document as a NeKo project (it opens as a `.neko.json` file too)
 *   meta.json      when, the import format and the server-side document id
 *   typing.json    text typed into a segment's editor and not yet committed (absent when none)
 * Each file is replaced atomically (temporary file, fsync, rename), so a kill at any moment leaves
 * the previous or the new version, never half of one. The typing lives apart from the document so
 * that a keystroke writes a few bytes, not the whole document.
 *
 * A session that is still open sends updates (at least a heartbeat every few seconds); its work is
 * not offered to anyone else. Any other session's folder is work left behind by a crash, a kill or a
 * tab closed unsaved, and is offered until it is restored or discarded.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NekoDocument } from '../document/types.js';
import { writeFileAtomic } from '../formats/io.js';
import { nekoFormat } from '../formats/neko.js';
import { formats } from '../formats/registry.js';
import { FormatError, type FormatId } from '../formats/types.js';
import {
  ApiError,
  RECOVERY_SESSION_ALIVE_MS,
  type RecoveredWork,
  type RecoverySummary,
  type RecoveryUpdate,
  type TypingDraft,
} from './types.js';

const SESSION_ID = /^[A-Za-z0-9_-]{8,100}$/;
const DOCUMENT_FILE = 'document.json';
const META_FILE = 'meta.json';
const TYPING_FILE = 'typing.json';

interface MetaRecord {
  kind: 'neko-studio-recovery';
  version: 1;
  savedAt: string;
  documentId: string;
  format: FormatId;
}

interface TypingRecord extends TypingDraft {
  kind: 'neko-studio-typing';
  version: 1;
  savedAt: string;
}

export class RecoveryStore {
  /** session id → when it last sent anything, in this process. */
  private readonly lastSeen = new Map<string, number>();
  /** Per session, the chain of its pending file operations: they run one after another, in order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    /** The `recovery` folder inside the data folder; created on the first write. */
    readonly directory: string,
    private readonly now: () => number = Date.now,
  ) {}

  save(update: RecoveryUpdate): Promise<void> {
    const sessionId = checkedSessionId(update?.sessionId);
    const { work, typing } = update;
    if (work !== undefined) checkWork(work);
    if (typing !== undefined && typing !== null) checkTyping(typing);
    this.lastSeen.set(sessionId, this.now());
    if (work === undefined && typing === undefined) return Promise.resolve();

    // Serialized here, before queueing, so that a document JSON cannot write is refused at once.
    const documentText = work === undefined ? undefined : serializeDocument(work.document);
    return this.serially(sessionId, async () => {
      const folder = this.folder(sessionId);
      const savedAt = new Date(this.now()).toISOString();
      await mkdir(folder, { recursive: true, mode: 0o700 });
      if (work !== undefined) {
        // The document first: a kill between the two writes leaves a new document with the old
        // meta (its format and media handle), which still opens.
        await writeFileAtomic(path.join(folder, DOCUMENT_FILE), documentText!);
        const meta: MetaRecord = {
          kind: 'neko-studio-recovery',
          version: 1,
          savedAt,
          documentId: work.documentId,
          format: work.format,
        };
        await writeFileAtomic(path.join(folder, META_FILE), JSON.stringify(meta));
      } else if (!(await isFile(path.join(folder, DOCUMENT_FILE)))) {
        throw new ApiError('recovery: no document is kept for this session yet; send it first');
      }
      if (typing === null) {
        await rm(path.join(folder, TYPING_FILE), { force: true });
      } else if (typing !== undefined) {
        const record: TypingRecord = { kind: 'neko-studio-typing', version: 1, savedAt, ...typing };
        await writeFileAtomic(path.join(folder, TYPING_FILE), JSON.stringify(record));
      }
    });
  }

  /** Work of sessions not heard from in this process for RECOVERY_SESSION_ALIVE_MS, newest first. */
  async list(): Promise<RecoverySummary[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const summaries: RecoverySummary[] = [];
    for (const sessionId of names) {
      if (!SESSION_ID.test(sessionId) || this.isAlive(sessionId)) continue;
      try {
        const work = await this.readWork(sessionId);
        if (work) summaries.push({ sessionId, title: work.document.title, savedAt: work.savedAt });
      } catch (error) {
        summaries.push({
          sessionId,
          title: sessionId,
          savedAt: new Date(0).toISOString(),
          problem: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return summaries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async load(sessionId: string): Promise<RecoveredWork> {
    const id = checkedSessionId(sessionId);
    await this.queues.get(id);
    const work = await this.readWork(id);
    if (!work) throw new ApiError(`recovery: nothing is kept for session ${id}`);
    return work;
  }

  discard(sessionId: string): Promise<void> {
    const id = checkedSessionId(sessionId);
    this.lastSeen.delete(id);
    return this.serially(id, () => rm(this.folder(id), { recursive: true, force: true }));
  }

  private isAlive(sessionId: string): boolean {
    const seen = this.lastSeen.get(sessionId);
    return seen !== undefined && this.now() - seen < RECOVERY_SESSION_ALIVE_MS;
  }

  private folder(sessionId: string): string {
    return path.join(this.directory, sessionId);
  }

  /** The session's work, or undefined when it keeps no document (only a heartbeat, or emptied). */
  private async readWork(sessionId: string): Promise<RecoveredWork | undefined> {
    const folder = this.folder(sessionId);
    const documentPath = path.join(folder, DOCUMENT_FILE);
    const documentText = await readIfPresent(documentPath);
    if (documentText === undefined) return undefined;
    // The project format's own validation: a damaged file is refused naming the file and line.
    const document = nekoFormat.parse(documentText, { fileName: documentPath });
    const metaPath = path.join(folder, META_FILE);
    const meta = parseMeta(await readIfPresent(metaPath), metaPath);
    const typingPath = path.join(folder, TYPING_FILE);
    const typing = parseTyping(await readIfPresent(typingPath), typingPath);
    const savedAt = [meta.savedAt, typing?.savedAt ?? ''].sort().at(-1)!;
    return {
      sessionId,
      savedAt,
      documentId: meta.documentId,
      format: meta.format,
      document,
      typing: typing ? { segmentId: typing.segmentId, text: typing.text } : null,
    };
  }

  private serially(sessionId: string, operation: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    // A failed write must not block the ones after it; its caller gets the error.
    const next = previous.catch(() => undefined).then(operation);
    const settled = next.catch(() => undefined);
    this.queues.set(sessionId, settled);
    void settled.then(() => {
      if (this.queues.get(sessionId) === settled) this.queues.delete(sessionId);
    });
    return next;
  }
}

function checkedSessionId(value: unknown): string {
  if (typeof value !== 'string' || !SESSION_ID.test(value)) {
    throw new ApiError('recovery: the session id must be 8 to 100 letters, digits, - or _');
  }
  return value;
}

function checkWork(work: RecoveryUpdate['work']): void {
  const document = work?.document as NekoDocument | undefined;
  if (
    typeof work !== 'object' ||
    work === null ||
    typeof work.documentId !== 'string' ||
    !formats.some((format) => format.id === work.format) ||
    typeof document !== 'object' ||
    document === null ||
    !Array.isArray(document.segments)
  ) {
    throw new ApiError('recovery: the work sent is not a document with its id and format');
  }
}

function checkTyping(typing: TypingDraft): void {
  if (
    typeof typing !== 'object' ||
    typeof typing.segmentId !== 'string' ||
    typeof typing.text !== 'string'
  ) {
    throw new ApiError('recovery: the typing sent has no segment id or text');
  }
}

function serializeDocument(document: NekoDocument): string {
  try {
    return JSON.stringify(document);
  } catch (error) {
    // A document from a client may nest deeper than JSON.stringify's stack reaches.
    if (error instanceof RangeError)
      throw new ApiError(`recovery: the document cannot be written (${error.message})`);
    throw error;
  }
}

function parseMeta(text: string | undefined, fileName: string): MetaRecord {
  const value = parseRecord(text, fileName);
  if (
    value?.kind !== 'neko-studio-recovery' ||
    value.version !== 1 ||
    typeof value.savedAt !== 'string' ||
    Number.isNaN(Date.parse(value.savedAt)) ||
    typeof value.documentId !== 'string' ||
    !formats.some((format) => format.id === value.format)
  ) {
    throw new FormatError(fileName, 'not a NeKo Studio recovery record of a version this reads');
  }
  return value as unknown as MetaRecord;
}

function parseTyping(text: string | undefined, fileName: string): TypingRecord | undefined {
  if (text === undefined) return undefined;
  const value = parseRecord(text, fileName);
  if (
    value?.kind !== 'neko-studio-typing' ||
    value.version !== 1 ||
    typeof value.savedAt !== 'string' ||
    typeof value.segmentId !== 'string' ||
    typeof value.text !== 'string'
  ) {
    throw new FormatError(fileName, 'not a record of typed text of a version this reads');
  }
  return value as unknown as TypingRecord;
}

function parseRecord(text: string | undefined, fileName: string): Record<string, unknown> {
  if (text === undefined) throw new FormatError(fileName, 'missing');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FormatError(fileName, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FormatError(fileName, 'not a JSON object');
  return value as Record<string, unknown>;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
