/**
 * The API the renderer sees. Import the API object only from renderer/api.ts; it picks `window.neko`
 * (Electron) or the HTTP/WebSocket client. The corrector's request, events and status are the
 * corrector contract's (src/corrector/contract.ts).
 */
import type { CorrectorEvent, CorrectorStatus, CorrectRequest } from '../corrector/contract.js';
import type { NekoDocument } from '../document/types.js';
import type { FormatId } from '../formats/types.js';

/**
 * Everything the renderer may ask of the core. Two transports implement it: Electron IPC
 * (electron/preload.ts) and HTTP/WebSocket on loopback (src/api/server.ts, browser mode).
 * Binary payloads travel as base64 strings so that both transports carry them unchanged.
 */
export interface NekoApi {
  /** Which transport is behind the API; the UI offers native dialogs only in Electron. */
  readonly transport: 'electron' | 'browser';
  listFormats(): Promise<FormatInfo[]>;
  /** Parses a file the user picked or dropped. Throws ApiError carrying the FormatError message. */
  importFile(file: FileUpload): Promise<ImportResult>;
  /** Opens one of the bundled samples (SAMPLES) with its media. */
  openSample(sampleId: SampleId): Promise<ImportResult>;
  /**
   * Adds a media file (audio, page image) to an open document, for a document whose media is missing
   * (a project reopened without its audio, a scan without its image). Resolves the name to refer to.
   */
  attachMedia(documentId: string, file: { name: string; dataBase64: string }): Promise<string>;
  /** Electron only: native open dialog, then import. Resolves null when the user cancels. */
  openWithDialog?(): Promise<ImportResult | null>;
  /** Serializes a project (`.neko.json`) or an export in any format. */
  exportDocument(document: NekoDocument, format: FormatId | 'neko'): Promise<ExportResult>;
  /** Electron only: native save dialog and an atomic write. Resolves the path, or null if cancelled. */
  saveWithDialog?(document: NekoDocument, format: FormatId | 'neko'): Promise<string | null>;
  /** Media (audio, page images) referred to by an imported document, as a URL the renderer can load. */
  mediaUrl(documentId: string, relativePath: string): string;
  /** Corrector status: which model and device, or why correction is unavailable. */
  correctorStatus(): Promise<CorrectorStatus>;
  /** Starts correcting the given segments; progress and results arrive through `onCorrectorEvent`. */
  correct(request: CorrectRequest): Promise<{ jobId: string }>;
  cancel(jobId: string): Promise<void>;
  onCorrectorEvent(listener: (event: CorrectorEvent) => void): () => void;
  /** Electron only: commands chosen in the native menu, which the UI carries out itself. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

export type MenuCommand = 'open' | 'save' | 'export' | 'undo' | 'redo';

/** Largest request that carries files or documents; browser mode refuses bigger ones with a clear error. */
export const UPLOAD_LIMIT_BYTES = 300 * 1024 * 1024;

export interface FileUpload {
  name: string;
  /** base64 of the file's bytes */
  dataBase64: string;
  /** Companion files (the audio of a transcript, the page image of a scan), keyed by name. */
  companions?: { name: string; dataBase64: string }[];
}

export interface ImportResult {
  /** Server-side handle for media lookups. */
  documentId: string;
  document: NekoDocument;
  format: FormatId;
  /** Files picked with the document that it does not use, and why (shown, never dropped silently). */
  notUsed?: UnusedFile[];
}

export interface UnusedFile {
  name: string;
  reason: string;
}

/** The samples the first screen opens in one click (assets/samples/). */
export const SAMPLES = [
  {
    id: 'meeting',
    label: 'Meeting with audio',
    description: 'a recognized business meeting (Whisper JSON) with its recording',
    document: 'meeting.whisper.json',
    companions: ['meeting.ogg'],
  },
  {
    id: 'letter',
    label: 'Scanned letter',
    description: 'a letter read by tesseract (hOCR) with its page image',
    document: 'page.hocr',
    companions: ['page.png'],
  },
] as const;

export type SampleId = (typeof SAMPLES)[number]['id'];

/** What the user says a plain-text file holds; the corrector's task follows it. */
export type TextOrigin = 'asr' | 'ocr' | 'text';

export interface ExportResult {
  fileName: string;
  content: string;
  mimeType: string;
}

export interface FormatInfo {
  id: FormatId;
  label: string;
  extensions: string[];
}

export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
