/**
 * Recovery of unsaved work, kept by the core in the user's data folder rather than in the page's
 * storage: browser mode serves each run on a new port, so the page's own storage (per origin) would
 * not be found again after a restart, and the app and browser mode share one mechanism this way.
 *
 * One folder per renderer session, `<data folder>/recovery/<session id>/`:
 *   document-<g>.json  the document as a NeKo project (it opens as a `.neko.json` file too)
 *   changes-<g>.jsonl  segments changed since document-<g>.json was written, one update a line
 *   meta.json          the import format and the server-side document id
 *   typing.json        text typed into a segment's editor and not yet committed (absent when none)
 * The document and meta files and typing.json are replaced atomically (temporary file, fsync,
 * rename), so a kill leaves the old or the new version, never half of one. A change to a few
 * segments of a long document is appended to the changes file and fsynced instead of rewriting the
 * whole document (29 MB for 10,000 segments with routing records took seconds to write); a kill
 * during an append leaves a last line without its newline, which reading drops. Once the changes
 * outgrow the document, it is written afresh as the next generation <g> and the old files go.
 * The typing lives apart from the document so that a keystroke writes a few bytes.
 *
 * A session that is still open sends updates (at least a heartbeat every few seconds); its work is
 * not offered to anyone else. Any other session's folder is work left behind by a crash, a kill or a
 * tab closed unsaved, and is offered until it is restored or discarded.
 */
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NekoDocument, Segment } from '../document/types.js';
import { writeFileAtomic } from '../formats/io.js';
import { nekoFormat } from '../formats/neko.js';
import { formats } from '../formats/registry.js';
import { FormatError, type FormatId } from '../formats/types.js';
import {
  ApiError,
  RECOVERY_SESSION_ALIVE_MS,
  type ImportResult,
  type RecoveredWork,
  type RecoverySummary,
  type RecoveryUpdate,
  type SegmentChange,
  type TypingDraft,
} from './types.js';

const SESSION_ID = /^[A-Za-z0-9_-]{8,100}$/;
const DOCUMENT_FILE = /^document-(\d{1,15})\.json$/;
const CHANGES_FILE = /^changes-(\d{1,15})\.jsonl$/;
const META_FILE = 'meta.json';
const TYPING_FILE = 'typing.json';
/** The changes file is folded into a new document once it is this large and larger than it. */
const MIN_CHANGES_BEFORE_REWRITE = 256 * 1024;

const documentFile = (generation: number) => `document-${generation}.json`;
const changesFile = (generation: number) => `changes-${generation}.jsonl`;

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

interface ChangesRecord {
  savedAt: string;
  segments: SegmentChange[];
}

/** What the core holds of a session whose document it has written in this process. */
interface HeldDocument {
  document: NekoDocument;
  generation: number;
  documentBytes: number;
  changesBytes: number;
}

export class RecoveryStore {
  /** session id → when it last sent anything, in this process. */
  private readonly lastSeen = new Map<string, number>();
  /** The document of each session written in this process: changes are applied to it. */
  private readonly held = new Map<string, HeldDocument>();
  /** Per session, the chain of its pending file operations: they run one after another, in order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    /** The `recovery` folder inside the data folder; created on the first write. */
    readonly directory: string,
    private readonly now: () => number = Date.now,
  ) {}

  save(update: RecoveryUpdate): Promise<void> {
    const sessionId = checkedSessionId(update?.sessionId);
    const { work, changes, typing } = update;
    if (work !== undefined) checkWork(work);
    if (changes !== undefined) {
      if (work !== undefined) throw new ApiError('recovery: send the document or its changes');
      checkChanges(changes);
    }
    if (typing !== undefined && typing !== null) checkTyping(typing);
    this.lastSeen.set(sessionId, this.now());
    if (work === undefined && changes === undefined && typing === undefined)
      return Promise.resolve();

    // Serialized here, before queueing, so that a document JSON cannot write is refused at once.
    const documentText = work === undefined ? undefined : serializeDocument(work.document);
    return this.serially(sessionId, async () => {
      const folder = this.folder(sessionId);
      const savedAt = new Date(this.now()).toISOString();
      await mkdir(folder, { recursive: true, mode: 0o700 });
      if (work !== undefined) {
        await this.writeDocument(sessionId, work, documentText!, savedAt);
      } else if (changes !== undefined) {
        await this.appendChanges(sessionId, changes, savedAt);
      } else if ((await latestGeneration(folder)) === undefined) {
        throw new ApiError('recovery: no document is kept for this session yet; send it first');
      }
      if (typing === null) {
        await rm(path.join(folder, TYPING_FILE), { force: true });
      } else if (typing !== undefined) {
        const { segmentId, text, baseText } = typing;
        const record: TypingRecord = {
          kind: 'neko-studio-typing',
          version: 1,
          savedAt,
          segmentId,
          text,
          baseText,
        };
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
    this.held.delete(id);
    return this.serially(id, () => rm(this.folder(id), { recursive: true, force: true }));
  }

  private isAlive(sessionId: string): boolean {
    const seen = this.lastSeen.get(sessionId);
    return seen !== undefined && this.now() - seen < RECOVERY_SESSION_ALIVE_MS;
  }

  private folder(sessionId: string): string {
    return path.join(this.directory, sessionId);
  }

  /** Writes the whole document as the next generation, then lets the older generations go. */
  private async writeDocument(
    sessionId: string,
    work: ImportResult,
    text: string,
    savedAt: string,
  ): Promise<void> {
    const folder = this.folder(sessionId);
    const generation =
      Math.max(this.held.get(sessionId)?.generation ?? 0, (await latestGeneration(folder)) ?? 0) +
      1;
    this.held.delete(sessionId);
    const meta: MetaRecord = {
      kind: 'neko-studio-recovery',
      version: 1,
      savedAt,
      documentId: work.documentId,
      format: work.format,
    };
    // The meta first: a kill between the two writes leaves the previous document with the new
    // meta (its import format and media handle), or no document yet, and either still reads.
    await writeFileAtomic(path.join(folder, META_FILE), JSON.stringify(meta));
    await writeFileAtomic(path.join(folder, documentFile(generation)), text);
    for (const name of await readdir(folder)) {
      const older = DOCUMENT_FILE.exec(name) ?? CHANGES_FILE.exec(name);
      if (older && Number(older[1]) < generation)
        await rm(path.join(folder, name), { force: true });
    }
    this.held.set(sessionId, {
      document: work.document,
      generation,
      documentBytes: Buffer.byteLength(text),
      changesBytes: 0,
    });
  }

  private async appendChanges(
    sessionId: string,
    changes: SegmentChange[],
    savedAt: string,
  ): Promise<void> {
    const held = this.held.get(sessionId);
    if (!held) {
      throw new ApiError('recovery: this session’s document is not held here; send it whole');
    }
    const segments = [...held.document.segments];
    for (const { index, segment } of changes) {
      if (segments[index]?.id !== segment.id) {
        this.held.delete(sessionId);
        throw new ApiError(
          `recovery: segment ${index} of the kept document is not "${segment.id}"; send the document whole`,
        );
      }
      segments[index] = segment;
    }
    held.document = { ...held.document, segments };
    if (held.changesBytes >= Math.max(MIN_CHANGES_BEFORE_REWRITE, held.documentBytes)) {
      const meta = await readMeta(this.folder(sessionId), held.document);
      await this.writeDocument(
        sessionId,
        { document: held.document, documentId: meta.documentId, format: meta.format },
        serializeDocument(held.document),
        savedAt,
      );
      return;
    }
    const record: ChangesRecord = { savedAt, segments: changes };
    const line = `${JSON.stringify(record)}\n`;
    const file = path.join(this.folder(sessionId), changesFile(held.generation));
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.writeFile(line);
      await handle.sync();
    } catch (error) {
      // A partly written line would sit before the next one: start a new generation instead.
      this.held.delete(sessionId);
      throw error;
    } finally {
      await handle.close();
    }
    held.changesBytes += Buffer.byteLength(line);
  }

  /** The session's work, or undefined when it keeps no document (only a heartbeat, or emptied). */
  private async readWork(sessionId: string): Promise<RecoveredWork | undefined> {
    const folder = this.folder(sessionId);
    const generation = await latestGeneration(folder);
    if (generation === undefined) return undefined;
    const documentPath = path.join(folder, documentFile(generation));
    // The project format's own validation: a damaged file is refused naming the file and line.
    let document = nekoFormat.parse(await readFile(documentPath, 'utf8'), {
      fileName: documentPath,
    });
    const changesPath = path.join(folder, changesFile(generation));
    const changes = await readIfPresent(changesPath);
    const meta = await readMeta(folder, document, documentPath);
    let savedAt = meta.savedAt;
    if (changes !== undefined) {
      const applied = applyChanges(document, changes, changesPath);
      document = nekoFormat.parse(JSON.stringify(applied.document), { fileName: changesPath });
      if (applied.savedAt > savedAt) savedAt = applied.savedAt;
    }
    const typingPath = path.join(folder, TYPING_FILE);
    const typing = parseTyping(await readIfPresent(typingPath), typingPath);
    if (typing && typing.savedAt > savedAt) savedAt = typing.savedAt;
    return {
      sessionId,
      savedAt,
      documentId: meta.documentId,
      format: meta.format,
      document,
      typing: typing
        ? { segmentId: typing.segmentId, text: typing.text, baseText: typing.baseText }
        : null,
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

/** The newest generation whose document file is complete (atomic writes leave no partial one). */
async function latestGeneration(folder: string): Promise<number | undefined> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const generations = names.flatMap((name) => {
    const match = DOCUMENT_FILE.exec(name);
    return match ? [Number(match[1])] : [];
  });
  return generations.length === 0 ? undefined : Math.max(...generations);
}

/**
 * Applies a changes file line by line. A last line without its newline is an append a kill cut
 * short: it is dropped, since the document before it is whole. Any other bad line is damage.
 */
function applyChanges(
  document: NekoDocument,
  text: string,
  fileName: string,
): { document: NekoDocument; savedAt: string } {
  const lines = text.split('\n');
  lines.pop();
  const segments = [...document.segments];
  let savedAt = '';
  lines.forEach((line, position) => {
    const place = { line: position + 1 };
    let record: ChangesRecord;
    try {
      record = JSON.parse(line) as ChangesRecord;
    } catch (error) {
      throw new FormatError(fileName, `not valid JSON (${(error as Error).message})`, place);
    }
    if (typeof record?.savedAt !== 'string' || !Array.isArray(record.segments))
      throw new FormatError(fileName, 'not a record of changed segments', place);
    for (const change of record.segments) {
      if (segments[change?.index]?.id !== change?.segment?.id)
        throw new FormatError(fileName, `segment ${String(change?.index)} does not match`, place);
      segments[change.index] = change.segment;
    }
    savedAt = record.savedAt;
  });
  return { document: { ...document, segments }, savedAt };
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

function checkChanges(changes: unknown): void {
  const valid =
    Array.isArray(changes) &&
    changes.every(
      (change: SegmentChange) =>
        Number.isInteger(change?.index) && isSegmentLike(change.segment as unknown),
    );
  if (!valid) throw new ApiError('recovery: the changes sent are not segments with their index');
}

function isSegmentLike(value: unknown): value is Segment {
  const segment = value as Segment | null;
  return (
    typeof segment === 'object' &&
    segment !== null &&
    typeof segment.id === 'string' &&
    typeof segment.source === 'string' &&
    typeof segment.text === 'string'
  );
}

function checkTyping(typing: TypingDraft): void {
  if (
    typeof typing !== 'object' ||
    typeof typing.segmentId !== 'string' ||
    typeof typing.text !== 'string' ||
    typeof typing.baseText !== 'string'
  ) {
    throw new ApiError('recovery: the typing sent has no segment id, text or text it began from');
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

/**
 * The session's meta record. Without one (a folder copied by hand, or written by a future version
 * that dropped it), the document still opens: its format is taken from the document's source.
 */
async function readMeta(
  folder: string,
  document: NekoDocument,
  documentPath?: string,
): Promise<MetaRecord> {
  const fileName = path.join(folder, META_FILE);
  const text = await readIfPresent(fileName);
  if (text === undefined) {
    const modified = documentPath ? (await stat(documentPath)).mtime : new Date(0);
    const named = formats.find((format) => format.id === document.source?.format);
    return {
      kind: 'neko-studio-recovery',
      version: 1,
      savedAt: modified.toISOString(),
      documentId: '',
      format: named?.id ?? 'neko',
    };
  }
  const value = parseRecord(text, fileName);
  if (
    value.kind !== 'neko-studio-recovery' ||
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
    value.kind !== 'neko-studio-typing' ||
    value.version !== 1 ||
    typeof value.savedAt !== 'string' ||
    typeof value.segmentId !== 'string' ||
    typeof value.text !== 'string' ||
    typeof value.baseText !== 'string'
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
