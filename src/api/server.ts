import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { WebSocketServer, type WebSocket } from 'ws';
import { FormatError } from '../formats/types.js';
import { UploadTooLargeError, type ApiCore } from './core.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { ApiError, UPLOAD_LIMIT_BYTES } from './types.js';

/**
 * Browser mode: the built renderer and the API over HTTP + WebSocket on loopback. Another web page
 * in the same browser must not be able to drive it, hence three locks: a per-run token on every API
 * request, a Host check (DNS rebinding makes an attacker's name resolve to 127.0.0.1, but the Host
 * header still names the attacker), and an Origin check on the WebSocket. API routes send no CORS
 * headers and require a JSON content type, so cross-site requests fail before they reach the core.
 */

export const TOKEN_HEADER = 'x-neko-token';
const MEGABYTE = 1024 * 1024;
const SMALL_REQUEST_LIMIT_BYTES = MEGABYTE;

export interface ServerOptions {
  core: ApiCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A fresh random token by default; tests may pass their own. */
  token?: string;
  /** Body limit for requests that carry files or documents. */
  uploadLimitBytes?: number;
  log?: (line: string) => void;
  /** The command that started the server, for messages that ask whether it still runs. */
  launchedBy?: string;
}

/**
 * The command the user ran, as they would type it again: npm sets npm_lifecycle_event to the script
 * ("serve" for `npm run serve`, "start" for `npm start`); otherwise the program and its script.
 */
export function launchCommand(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): string {
  const script = env.npm_lifecycle_event;
  if (script === 'start' || script === 'test') return `npm ${script}`;
  if (script && script !== 'npx') return `npm run ${script}`;
  const program = argv[0] ? path.basename(argv[0]) : '';
  const entry = argv[1] ? path.basename(argv[1]) : '';
  return program && entry ? `${program} ${entry}` : 'the NeKo Studio server';
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Operation = (core: ApiCore, body: Record<string, unknown>) => unknown;

/** POST /api/<name>: the NekoApi methods, with their arguments as named JSON fields. */
const OPERATIONS: Record<string, { operation: Operation; carriesFiles: boolean }> = {
  listFormats: { operation: (core) => core.listFormats(), carriesFiles: false },
  importFile: { operation: (core, body) => core.importFile(body as never), carriesFiles: true },
  openSample: {
    operation: (core, body) => core.openSample(String(body.sampleId) as never),
    carriesFiles: false,
  },
  attachMedia: {
    operation: (core, body) => core.attachMedia(String(body.documentId), body.file as never),
    carriesFiles: true,
  },
  exportDocument: {
    operation: (core, body) => core.exportDocument(body.document as never, body.format as never),
    carriesFiles: true,
  },
  correctorStatus: { operation: (core) => core.correctorStatus(), carriesFiles: false },
  correct: { operation: (core, body) => core.correct(body as never), carriesFiles: true },
  cancel: { operation: (core, body) => core.cancel(String(body.jobId)), carriesFiles: false },
  saveRecovery: { operation: (core, body) => core.saveRecovery(body as never), carriesFiles: true },
  listRecoveries: { operation: (core) => core.listRecoveries(), carriesFiles: false },
  loadRecovery: {
    operation: (core, body) => core.loadRecovery(body.sessionId as never),
    carriesFiles: false,
  },
  discardRecovery: {
    operation: (core, body) => core.discardRecovery(body.sessionId as never),
    carriesFiles: false,
  },
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, staticDir } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const uploadLimit = options.uploadLimitBytes ?? UPLOAD_LIMIT_BYTES;
  const log = options.log ?? (() => {});
  const launchedBy = options.launchedBy ?? launchCommand();
  let port = 0;

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const hostAllowed = (request: IncomingMessage) =>
    allowedHosts().includes((request.headers.host ?? '').toLowerCase());
  const originAllowed = (request: IncomingMessage) => {
    const origin = request.headers.origin;
    // Browsers always send Origin on WebSockets; a client without one is not a web page.
    return (
      origin === undefined ||
      allowedHosts().some((host) => origin.toLowerCase() === `http://${host}`)
    );
  };
  const tokenValid = (request: IncomingMessage) => tokensMatch(requestToken(request), token);

  const server = createServer((request, response) => {
    setCommonHeaders(response);
    handleRequest(request, response).catch((error: unknown) => sendError(response, error, log));
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request))
      throw new HttpError(403, `unexpected Host header "${request.headers.host ?? ''}"`);
    const url = new URL(request.url ?? '/', `http://${allowedHosts()[0]}`);
    if (!url.pathname.startsWith('/api/'))
      return serveStatic(staticDir, url.pathname, request, response);

    response.setHeader('Cache-Control', 'no-store');
    if (!tokenValid(request))
      throw new HttpError(401, 'missing or wrong token: open the URL that the server printed');

    const mediaMatch = /^\/api\/media\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (mediaMatch) {
      const file = core.mediaFile(decodePathPart(mediaMatch[1]!), decodePathPart(mediaMatch[2]!));
      if (!file) throw new HttpError(404, 'no such media file');
      return sendFile(file, request, response);
    }

    const name = url.pathname.slice('/api/'.length);
    if (name === 'about' && request.method === 'POST') {
      sendJson(response, 200, { result: { launchedBy } });
      return;
    }
    const route = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!route) throw new HttpError(404, `no API operation "${name}"`);
    if (request.method !== 'POST') throw new HttpError(405, `${name}: use POST`);
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, `${name}: send the arguments as application/json`);
    }
    const body = await readJsonBody(
      request,
      route.carriesFiles ? uploadLimit : SMALL_REQUEST_LIMIT_BYTES,
    );
    const result = await route.operation(core, body);
    sendJson(response, 200, { result: result ?? null });
  }

  const events = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  // A malformed frame (too large, bad UTF-8, unmasked, reserved opcode or bit, bad close code) makes
  // ws close that connection and emit 'error' on it: without a listener, that error would end the
  // whole server. Only the one client is dropped.
  events.on('connection', (client: WebSocket) => {
    client.on('error', (error) => {
      log(`WebSocket client dropped: ${error.message}`);
      client.terminate();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    // Node takes its own error listener off a socket it hands over for an upgrade: a reset
    // connection would otherwise be an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const refusal =
      pathname !== '/api/events'
        ? '404 Not Found'
        : !hostAllowed(request) || !originAllowed(request)
          ? '403 Forbidden'
          : !tokenValid(request)
            ? '401 Unauthorized'
            : undefined;
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    events.handleUpgrade(request, socket, head, (client) => events.emit('connection', client));
  });
  const stopForwarding = core.onCorrectorEvent((event) => {
    const message = JSON.stringify(event);
    events.clients.forEach((client: WebSocket) => client.send(message));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      stopForwarding();
      events.clients.forEach((client: WebSocket) => client.terminate());
      await new Promise<void>((resolve) => events.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function requestToken(request: IncomingMessage): string {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
}

/** Hashing first gives equal lengths, so the comparison takes the same time whatever was sent. */
function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

async function readJsonBody(
  request: IncomingMessage,
  limitBytes: number,
): Promise<Record<string, unknown>> {
  const tooLarge = () =>
    new HttpError(
      413,
      `request body is larger than the ${formatSize(limitBytes)} limit of this server`,
    );
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) throw tooLarge();
  // Each chunk becomes text as it arrives and is let go: the body is held once, not three times
  // (chunks, their concatenation, its text) before JSON.parse makes its own copy.
  const decoder = new StringDecoder('utf8');
  let text = '';
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw tooLarge();
    text += decoder.write(chunk);
  }
  text += decoder.end();
  if (received === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** A percent-decoded path segment; malformed encoding (`%E0%A4%A`) is the client's mistake. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the path');
  }
}

function formatSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${Math.round(bytes / MEGABYTE)} MB` : `${bytes} bytes`;
}

async function serveStatic(
  staticDir: string,
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET');
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    throw new HttpError(400, 'malformed path');
  }
  const root = path.resolve(staticDir);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep) || relative.includes('\0'))
    throw new HttpError(404, 'not found');
  if (relative === '/index.html' && !(await isFile(file))) {
    throw new HttpError(503, `the renderer is not built (no ${file}): run npm run build:renderer`);
  }
  return sendFile(file, request, response);
}

/** Streams a file, with single-range support so that audio players can seek. */
async function sendFile(
  file: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, 'not found');
  response.setHeader(
    'Content-Type',
    STATIC_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  );
  response.setHeader('Accept-Ranges', 'bytes');

  let start = 0;
  let end = info.size - 1;
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start > end || start >= info.size) {
      response.setHeader('Content-Range', `bytes */${info.size}`);
      throw new HttpError(416, 'requested range not satisfiable');
    }
    response.statusCode = 206;
    response.setHeader('Content-Range', `bytes ${start}-${end}/${info.size}`);
  }
  response.setHeader('Content-Length', String(end - start + 1));
  if (request.method === 'HEAD' || info.size === 0) {
    response.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file, { start, end });
    stream.on('error', reject);
    response.on('close', resolve);
    stream.pipe(response);
  });
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

function sendError(response: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof HttpError) {
    // The rest of an oversized body is not worth reading: answer, then drop the connection.
    if (error.status === 413) response.setHeader('Connection', 'close');
    sendJson(response, error.status, { error: error.message });
  } else if (error instanceof UploadTooLargeError) {
    response.setHeader('Connection', 'close');
    sendJson(response, 413, { error: error.message });
  } else if (error instanceof FormatError || error instanceof ApiError) {
    sendJson(response, error instanceof FormatError ? 422 : 400, { error: error.message });
  } else {
    log(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendJson(response, 500, {
      error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
