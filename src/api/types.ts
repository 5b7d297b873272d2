/**
 * The API the renderer sees. Import the API object only from renderer/api.ts; it picks `window.neko`
 * (Electron) or the HTTP/WebSocket client. The corrector's request, events and status are the
 * corrector contract's (src/corrector/contract.ts).
 */
import type { CorrectorEvent, CorrectorStatus, CorrectRequest } from '../corrector/contract.js';
import type { NekoDocument, Segment } from '../document/types.js';
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
  /**
   * Keeps a renderer session's unsaved work in the user's data folder (src/api/recovery.ts), so
   * that a crash or a restart loses at most the last moment of it. Fields left out keep what was
   * stored; an update with neither says that the session is still open.
   */
  saveRecovery(update: RecoveryUpdate): Promise<void>;
  /** Work left behind by sessions that are gone (crashed, killed, closed unsaved), newest first. */
  listRecoveries(): Promise<RecoverySummary[]>;
  /** The work a summary describes, with the text that was being typed. */
  loadRecovery(sessionId: string): Promise<RecoveredWork>;
  /** Removes a session's recovery: the user discarded it, or the work was saved or closed. */
  discardRecovery(sessionId: string): Promise<void>;
  /** Electron only: commands chosen in the native menu, which the UI carries out itself. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}

export type MenuCommand = 'open' | 'save' | 'export' | 'undo' | 'redo';

/**
 * A renderer session that sent nothing to the recovery for this long is taken to be gone, and its
 * work is offered to the next window (the renderer beats every 3 s while open).
 */
export const RECOVERY_SESSION_ALIVE_MS = 10_000;

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

/** Text typed into a segment's editor and not yet committed to the document (Enter or blur commits). */
export interface TypingDraft {
  segmentId: string;
  text: string;
  /**
   * The segment's text when the typing began. Once the segment says something else (undo, an
   * accepted suggestion), the editor shows that instead and the draft is stale: it is not restored.
   */
  baseText: string;
}

export interface RecoveryUpdate {
  /** The renderer session (letters, digits, `-` and `_`, 8 to 100 of them); one recovery each. */
  sessionId: string;
  /** The document as it now stands; sent when it is new or changed beyond `changes`. */
  work?: ImportResult;
  /**
   * The segments that changed since the last update, when nothing else did: a decision or an edit
   * in a long document then costs a few kilobytes instead of the whole document. Refused (the
   * caller then sends `work`) when the core does not hold this session's document.
   */
  changes?: SegmentChange[];
  /** What is being typed, or null once it was committed or abandoned. */
  typing?: TypingDraft | null;
}

export interface SegmentChange {
  /** Position in the document's segments; the segment keeps its id. */
  index: number;
  segment: Segment;
}

export interface RecoverySummary {
  sessionId: string;
  title: string;
  /** ISO time of the last change kept. */
  savedAt: string;
  /** Set when the recovery cannot be read back; the work is lost and the record can only be discarded. */
  problem?: string;
}

export interface RecoveredWork extends ImportResult {
  sessionId: string;
  savedAt: string;
  typing: TypingDraft | null;
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
