import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NekoDocument } from '../document/types.js';
import { decodeText, DEFAULT_MAX_BYTES, readDocumentFile, writeFileAtomic } from '../formats/io.js';
import { formats, parseDocument } from '../formats/registry.js';
import { FormatError, type Format, type FormatId } from '../formats/types.js';
import type {
  CorrectorClient,
  CorrectorEvent,
  CorrectorStatus,
  CorrectRequest,
} from '../corrector/contract.js';
import {
  ApiError,
  type ExportResult,
  type FileUpload,
  type FormatInfo,
  type ImportResult,
  type RecoveredWork,
  type RecoverySummary,
  type RecoveryUpdate,
  SAMPLES,
  type SampleId,
} from './types.js';
import { isAudioName, isImageName, pairCompanionMedia } from './companion-media.js';
import { repositoryRoot } from '../corrector/runtime/config.js';
import { defaultDataDirectory } from './data-directory.js';
import { RecoveryStore } from './recovery.js';

/** A file over the size limit: a FormatError naming the file, answered 413 by the server. */
export class UploadTooLargeError extends FormatError {}

/** Why correction is off when no engine was handed to the core; the app still opens and edits. */
export const NO_CORRECTOR_MESSAGE = 'no corrector model installed';

const MIME_TYPES: Partial<Record<FormatId, string>> = {
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  'whisper-json': 'application/json',
  text: 'text/plain',
  'nbest-jsonl': 'application/jsonl',
  hocr: 'text/html',
  alto: 'application/xml',
  neko: 'application/json',
};

export interface CoreOptions {
  corrector?: CorrectorClient;
  /** Parent folder for the per-document media folders; the system temp folder by default. */
  tempRoot?: string;
  /** Largest document file, uploaded or opened from disk alike (formats/io's limit by default). */
  maxFileBytes?: number;
  /**
   * Where unsaved work is kept for recovery: `recovery` in the user's data folder by default
   * (src/api/data-directory.ts; `$NEKO_DATA_DIR` moves it).
   */
  recoveryDirectory?: string;
  /** Where the bundled samples are (assets/samples of the repository or the app by default). */
  samplesDir?: string;
}

/**
 * The API operations on the core, independent of the transport: the browser-mode server and the
 * Electron main process both call this. Media that documents refer to (a transcript's audio, a
 * scan's page images) is registered per document so that only those files can be served back.
 */
export class ApiCore {
  private readonly corrector: CorrectorClient | undefined;
  private readonly tempRoot: string;
  private readonly maxFileBytes: number;
  private readonly samplesDir: string;
  private mediaFolder: Promise<string> | undefined;
  /** documentId → (companion file name → absolute path) */
  private readonly media = new Map<string, Map<string, string>>();
  private readonly recovery: RecoveryStore;

  constructor(options: CoreOptions = {}) {
    this.corrector = options.corrector;
    this.recovery = new RecoveryStore(
      options.recoveryDirectory ?? path.join(defaultDataDirectory(), 'recovery'),
    );
    this.tempRoot = options.tempRoot ?? tmpdir();
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    this.samplesDir = options.samplesDir ?? path.join(repositoryRoot(), 'assets', 'samples');
  }

  listFormats(): FormatInfo[] {
    return formats.map(({ id, label, extensions }) => ({ id, label, extensions: [...extensions] }));
  }

  /**
   * Parses an uploaded file; its companions are stored only once the document parsed, and become the
   * document's audio or page images where it names none.
   */
  async importFile(upload: FileUpload): Promise<ImportResult> {
    const fileName = checkedFileName(upload?.name, 'file');
    // The size is known from the base64 text: a file over the limit is refused before decoding it.
    const size = decodedBase64Length(upload.dataBase64);
    if (size > this.maxFileBytes) {
      const megabytes = (count: number) => `${(count / (1024 * 1024)).toFixed(1)} MB`;
      throw new UploadTooLargeError(
        fileName,
        `file too large: ${megabytes(size)}, the limit is ${megabytes(this.maxFileBytes)}`,
      );
    }
    const bytes = decodeBase64(upload.dataBase64, fileName);
    const companions = (upload.companions ?? []).map((companion) => {
      const name = checkedFileName(companion?.name, 'companion file');
      return { name, bytes: decodeBase64(companion.dataBase64, name) };
    });
    const { document, format } = parseDocument(decodeText(bytes, fileName), fileName);

    const documentId = randomUUID();
    const files = new Map<string, string>();
    if (companions.length > 0) {
      const folder = path.join(await this.ensureMediaFolder(), documentId);
      await mkdir(folder);
      for (const { name, bytes: content } of companions) {
        const target = path.join(folder, name);
        await writeFile(target, content);
        files.set(name, target);
      }
    }
    this.media.set(documentId, files);
    const paired = pairCompanionMedia(document, [...files.keys()]);
    return {
      documentId,
      document: paired.document,
      format: format.id,
      ...(paired.notUsed.length > 0 ? { notUsed: paired.notUsed } : {}),
    };
  }

  /** Opens a bundled sample with its media, as if the user had picked the files together. */
  async openSample(sampleId: SampleId): Promise<ImportResult> {
    const sample = SAMPLES.find((candidate) => candidate.id === sampleId);
    if (!sample) throw new ApiError(`openSample: no sample "${String(sampleId)}"`);
    const read = async (name: string) => ({
      name,
      dataBase64: (await readFile(path.join(this.samplesDir, name))).toString('base64'),
    });
    try {
      const [document, ...companions] = await Promise.all(
        [sample.document, ...sample.companions].map(read),
      );
      return await this.importFile({ ...document!, companions });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ApiError(`the sample “${sample.label}” is not installed (${this.samplesDir})`);
      throw error;
    }
  }

  /**
   * Registers a media file for an open document (its audio or page image was missing); the
   * document's reference is the returned name, which the renderer writes into the document.
   */
  async attachMedia(
    documentId: string,
    file: { name: string; dataBase64: string },
  ): Promise<string> {
    const files = this.media.get(String(documentId));
    if (!files) throw new ApiError('attachMedia: the document is no longer open');
    const name = checkedFileName(file?.name, 'media file');
    if (!isAudioName(name) && !isImageName(name))
      throw new ApiError(`${name}: not an audio file or an image`);
    const folder = path.join(await this.ensureMediaFolder(), String(documentId));
    await mkdir(folder, { recursive: true });
    const target = path.join(folder, name);
    await writeFile(target, decodeBase64(file.dataBase64, name));
    files.set(name, target);
    return name;
  }

  /** Opens a file on disk (Electron); the media it refers to is looked up beside it. */
  async importPath(filePath: string): Promise<ImportResult> {
    const { document, format } = await readDocumentFile(filePath, { maxBytes: this.maxFileBytes });

    const files = new Map<string, string>();
    for (const reference of mediaReferences(document)) {
      const candidate = path.resolve(path.dirname(filePath), reference);
      if (await isFile(candidate)) files.set(path.basename(reference), candidate);
    }
    const documentId = randomUUID();
    this.media.set(documentId, files);
    return { documentId, document, format: format.id };
  }

  exportDocument(document: NekoDocument, formatId: FormatId): ExportResult {
    if (!isDocumentLike(document)) throw new ApiError('export: the request carries no document');
    const format = findFormat(formatId);
    let content: string;
    try {
      content = format.serialize(document);
    } catch (error) {
      // A document from a client may nest fields deeper than JSON.stringify's stack reaches.
      if (error instanceof RangeError)
        throw new ApiError(`export: the document cannot be written (${error.message})`);
      throw error;
    }
    return {
      fileName: exportFileName(document.source?.name ?? document.title, format),
      content,
      mimeType: `${MIME_TYPES[format.id] ?? 'text/plain'}; charset=utf-8`,
    };
  }

  /** Serializes and writes atomically (temp file, then rename); returns the path written. */
  async saveToPath(document: NekoDocument, formatId: FormatId, filePath: string): Promise<string> {
    const { content } = this.exportDocument(document, formatId);
    await writeFileAtomic(filePath, content);
    return filePath;
  }

  /**
   * The file behind a document's media reference, or undefined. Only the file name counts, so a
   * reference like `../../etc/passwd` can reach nothing but a registered companion named `passwd`.
   */
  mediaFile(documentId: string, reference: string): string | undefined {
    return this.media.get(documentId)?.get(path.basename(reference));
  }

  correctorStatus(): Promise<CorrectorStatus> {
    if (!this.corrector)
      return Promise.resolve({ available: false, message: NO_CORRECTOR_MESSAGE });
    return this.corrector.status();
  }

  correct(request: CorrectRequest): Promise<{ jobId: string }> {
    if (!this.corrector) throw new ApiError(`correction is unavailable: ${NO_CORRECTOR_MESSAGE}`);
    if (!Array.isArray(request?.segments))
      throw new ApiError('correct: the request carries no segments');
    return this.corrector.correct(request);
  }

  async cancel(jobId: string): Promise<void> {
    // Without an engine there are no jobs, and cancelling a finished job is harmless.
    await this.corrector?.cancel(jobId);
  }

  onCorrectorEvent(listener: (event: CorrectorEvent) => void): () => void {
    return this.corrector?.onEvent(listener) ?? (() => {});
  }

  /** The folder recovery files are kept in (for the server's start-up line and for tests). */
  get recoveryDirectory(): string {
    return this.recovery.directory;
  }

  saveRecovery(update: RecoveryUpdate): Promise<void> {
    return this.recovery.save(update);
  }

  listRecoveries(): Promise<RecoverySummary[]> {
    return this.recovery.list();
  }

  loadRecovery(sessionId: string): Promise<RecoveredWork> {
    return this.recovery.load(sessionId);
  }

  discardRecovery(sessionId: string): Promise<void> {
    return this.recovery.discard(sessionId);
  }

  async dispose(): Promise<void> {
    this.media.clear();
    const folder = this.mediaFolder;
    this.mediaFolder = undefined;
    await Promise.all([
      this.corrector?.dispose(),
      folder?.then((created) => rm(created, { recursive: true, force: true })),
    ]);
  }

  private ensureMediaFolder(): Promise<string> {
    this.mediaFolder ??= mkdtemp(path.join(this.tempRoot, 'neko-studio-media-'));
    return this.mediaFolder;
  }
}

function findFormat(formatId: FormatId): Format {
  const format = formats.find((candidate) => candidate.id === formatId);
  if (!format) {
    const known = formats.map((candidate) => candidate.id).join(', ');
    throw new ApiError(`unknown format "${String(formatId)}" (known: ${known})`);
  }
  return format;
}

/** `meeting.whisper.json` exported as SRT becomes `meeting.whisper.srt`; `.neko.json` counts as one. */
export function exportFileName(sourceName: string, format: Format): string {
  const name = path.basename(sourceName || 'document');
  const lower = name.toLowerCase();
  const knownExtension = formats
    .flatMap((candidate) => candidate.extensions)
    .filter((extension) => lower.endsWith(extension) && lower.length > extension.length)
    .sort((a, b) => b.length - a.length)[0];
  const stem = name.slice(0, name.length - (knownExtension ?? path.extname(name)).length) || name;
  return stem + (format.extensions[0] ?? '.txt');
}

function mediaReferences(document: NekoDocument): string[] {
  const references = (document.pages ?? []).map((page) => page.image);
  references.push(document.media?.audio);
  return references.filter(
    (reference): reference is string => typeof reference === 'string' && reference !== '',
  );
}

function checkedFileName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw new ApiError(`${what} has no name`);
  const base = path.basename(name.replaceAll('\\', '/'));
  if (base === '.' || base === '..' || base.includes('\0'))
    throw new ApiError(`${what} name "${name}" is not allowed`);
  return base;
}

/** How many bytes a base64 text decodes to (what Buffer.from decodes; 0 for anything else). */
function decodedBase64Length(data: unknown): number {
  if (typeof data !== 'string') return 0;
  return Buffer.byteLength(data, 'base64');
}

function decodeBase64(data: unknown, fileName: string): Buffer {
  if (typeof data !== 'string')
    throw new ApiError(`${fileName}: the upload carries no file content`);
  return Buffer.from(data, 'base64');
}

function isDocumentLike(value: unknown): value is NekoDocument {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as NekoDocument).segments)
  );
}

async function isFile(filePath: string): Promise<boolean> {
  return stat(filePath).then(
    (info) => info.isFile(),
    () => false,
  );
}
