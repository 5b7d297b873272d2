import {
  ApiError,
  UPLOAD_LIMIT_BYTES,
  type ExportResult,
  type FileUpload,
  type FormatInfo,
  type ImportResult,
  type NekoApi,
  type RecoveredWork,
  type RecoverySummary,
  type RecoveryUpdate,
  type SampleId,
} from '../src/api/types.js';
import type { CorrectorEvent, CorrectorStatus, CorrectRequest } from '../src/corrector/contract.js';
import type { NekoDocument } from '../src/document/types.js';
import type { FormatId } from '../src/formats/types.js';

/**
 * The renderer's one entry to the core. In Electron the preload script exposes the API as
 * `window.neko`; in browser mode the same interface talks HTTP + WebSocket to the loopback server,
 * authenticated by the token in the page's URL.
 */

declare global {
  interface Window {
    neko?: NekoApi;
  }
}

export { ApiError };
export type { NekoApi };

export const api: NekoApi =
  window.neko ?? createBrowserApi(new URLSearchParams(window.location.search));

function createBrowserApi(query: URLSearchParams): NekoApi {
  const token = query.get('token') ?? '';
  // Asked once while the server answers, so that a later "cannot be reached" names the command the
  // user ran (npm run serve, npm start, …) rather than a guess.
  let launchedBy: string | undefined;
  void fetch('/api/about', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Neko-Token': token },
    body: '{}',
  })
    .then((response) => response.json())
    .then((payload: { result?: { launchedBy?: unknown } }) => {
      if (typeof payload.result?.launchedBy === 'string') launchedBy = payload.result.launchedBy;
    })
    .catch(() => undefined);

  async function call<T>(operation: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`/api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Neko-Token': token },
      body: JSON.stringify(body),
    }).catch(() => {
      throw new ApiError(
        launchedBy
          ? `${operation}: the NeKo Studio server cannot be reached; is “${launchedBy}” still running?`
          : `${operation}: the NeKo Studio server cannot be reached; is it still running?`,
      );
    });
    const payload = (await response.json().catch(() => ({}))) as { result?: T; error?: string };
    if (!response.ok)
      throw new ApiError(payload.error ?? `${operation} failed (HTTP ${response.status})`);
    return payload.result as T;
  }

  const correctorEvents = createEventChannel(token);

  return {
    transport: 'browser',
    listFormats: () => call<FormatInfo[]>('listFormats'),
    importFile: (file: FileUpload) => {
      const size =
        file.dataBase64.length +
        (file.companions ?? []).reduce((sum, c) => sum + c.dataBase64.length, 0);
      if (size > UPLOAD_LIMIT_BYTES) {
        const megabytes = Math.round(UPLOAD_LIMIT_BYTES / 1024 / 1024);
        return Promise.reject(
          new ApiError(`${file.name}: too large to open in browser mode (limit ${megabytes} MB)`),
        );
      }
      return call<ImportResult>('importFile', file);
    },
    openSample: (sampleId: SampleId) => call<ImportResult>('openSample', { sampleId }),
    attachMedia: (documentId: string, file: { name: string; dataBase64: string }) =>
      call<string>('attachMedia', { documentId, file }),
    exportDocument: (document: NekoDocument, format: FormatId) =>
      call<ExportResult>('exportDocument', { document, format }),
    mediaUrl: (documentId: string, relativePath: string) => {
      const name = relativePath.split(/[\\/]/).pop() ?? relativePath;
      return `/api/media/${encodeURIComponent(documentId)}/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
    },
    correctorStatus: () => call<CorrectorStatus>('correctorStatus'),
    correct: (request: CorrectRequest) => call<{ jobId: string }>('correct', request),
    cancel: (jobId: string) => call<void>('cancel', { jobId }),
    saveRecovery: (update: RecoveryUpdate) => call<void>('saveRecovery', update),
    listRecoveries: () => call<RecoverySummary[]>('listRecoveries'),
    loadRecovery: (sessionId: string) => call<RecoveredWork>('loadRecovery', { sessionId }),
    discardRecovery: (sessionId: string) => call<void>('discardRecovery', { sessionId }),
    onCorrectorEvent: correctorEvents.subscribe,
  };
}

/** One WebSocket while anyone listens, reopened after a drop (e.g. the server restarted). */
function createEventChannel(token: string) {
  const listeners = new Set<(event: CorrectorEvent) => void>();
  let socket: WebSocket | undefined;

  function connect(): void {
    const url = new URL('/api/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = new URLSearchParams({ token }).toString();
    const current = new WebSocket(url);
    socket = current;
    current.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as CorrectorEvent;
      listeners.forEach((listener) => listener(event));
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      if (listeners.size > 0) setTimeout(() => listeners.size > 0 && !socket && connect(), 1000);
    };
  }

  return {
    subscribe(listener: (event: CorrectorEvent) => void): () => void {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          const closing = socket;
          socket = undefined;
          closing.close();
        }
      };
    },
  };
}

const MEDIA_EXTENSIONS =
  /\.(wav|mp3|ogg|oga|opus|flac|m4a|aac|mp4|webm|png|jpe?g|gif|webp|tiff?|bmp)$/i;

function isMedia(file: File): boolean {
  return /^(audio|video|image)\//.test(file.type) || MEDIA_EXTENSIONS.test(file.name);
}

/**
 * Turns the files a user picked or dropped into one upload: the first file that is not audio, video
 * or an image is the document; the others travel as its companions (the audio, the page images).
 */
export async function uploadFromFiles(files: readonly File[]): Promise<FileUpload> {
  const document = files.find((file) => !isMedia(file));
  if (!document) {
    throw new ApiError(
      'choose a transcript or scan file (e.g. .json, .srt, .vtt, .hocr) with its audio or image',
    );
  }
  const companions = files.filter((file) => file !== document);
  return {
    name: document.name,
    dataBase64: await readBase64(document),
    companions: await Promise.all(
      companions.map(async (file) => ({ name: file.name, dataBase64: await readBase64(file) })),
    ),
  };
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new ApiError(`${file.name}: cannot read the file`));
    reader.readAsDataURL(file);
  });
}
