import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiCore } from '../../../src/api/core.js';
import { startServer, type RunningServer } from '../../../src/api/server.js';
import type { ExportResult, ImportResult } from '../../../src/api/types.js';
import type { CorrectorClient, CorrectorEvent } from '../../../src/corrector/contract.js';

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,500',
  'hello wold',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,000',
  'second line here',
  '',
].join('\n');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTP, because fetch() may not set the Host header. */
function send(
  server: RunningServer,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function callApi(
  server: RunningServer,
  operation: string,
  args: unknown,
  headers: Record<string, string> = {},
) {
  return send(server, {
    method: 'POST',
    path: `/api/${operation}`,
    headers: { 'Content-Type': 'application/json', 'X-Neko-Token': server.token, ...headers },
    body: JSON.stringify(args),
  });
}

function json(reply: Reply): { result?: unknown; error?: string } {
  return JSON.parse(reply.body.toString('utf8')) as { result?: unknown; error?: string };
}

/** A test double for the engine: it lets a test push corrector events through the server. */
function eventSourceCorrector(): CorrectorClient & { emit(event: CorrectorEvent): void } {
  const listeners = new Set<(event: CorrectorEvent) => void>();
  return {
    status: async () => ({ available: true, message: 'test double' }),
    correct: async () => ({ jobId: 'job-1' }),
    cancel: async () => {},
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: async () => {},
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
}

let staticDir: string;
let core: ApiCore;
let server: RunningServer;
const corrector = eventSourceCorrector();

beforeEach(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'neko-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>NeKo</title>');
  await writeFile(path.join(staticDir, 'app.js'), 'console.log(1)');
  core = new ApiCore({ corrector });
  server = await startServer({ core, staticDir, uploadLimitBytes: 64 * 1024 });
});

afterEach(async () => {
  await server.close();
  await core.dispose();
  await rm(staticDir, { recursive: true, force: true });
});

describe('browser-mode server: access control', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const missing = await send(server, {
      method: 'POST',
      path: '/api/listFormats',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(missing.status).toBe(401);
    expect(json(missing).error).toMatch(/token/);

    const wrong = await callApi(
      server,
      'listFormats',
      {},
      { 'X-Neko-Token': server.token.slice(0, -1) + 'x' },
    );
    expect(wrong.status).toBe(401);
  });

  it('accepts the token as a header or in the query', async () => {
    expect((await callApi(server, 'listFormats', {})).status).toBe(200);
    const viaQuery = await send(server, {
      method: 'POST',
      path: `/api/listFormats?token=${server.token}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(viaQuery.status).toBe(200);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const rebound = await callApi(
      server,
      'listFormats',
      {},
      { Host: `attacker.example:${server.port}` },
    );
    expect(rebound.status).toBe(403);
    expect(json(rebound).error).toMatch(/Host/);
    const page = await send(server, {
      path: '/',
      headers: { Host: `attacker.example:${server.port}` },
    });
    expect(page.status).toBe(403);

    const localhost = await callApi(
      server,
      'listFormats',
      {},
      { Host: `localhost:${server.port}` },
    );
    expect(localhost.status).toBe(200);
  });

  it('requires a JSON content type, so a cross-site form post cannot reach the core', async () => {
    const formPost = await send(server, {
      method: 'POST',
      path: `/api/listFormats?token=${server.token}`,
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(formPost.status).toBe(415);
  });

  it('refuses bodies over the limit with a clear error', async () => {
    const reply = await callApi(server, 'importFile', {
      name: 'big.srt',
      dataBase64: 'A'.repeat(70 * 1024),
    });
    expect(reply.status).toBe(413);
    expect(json(reply).error).toBe(
      'request body is larger than the 65536 bytes limit of this server',
    );
  });
});

describe('browser-mode server: static files', () => {
  it('serves the renderer with its MIME type and a strict CSP', async () => {
    const page = await send(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await send(server, { path: '/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('does not serve files outside the renderer folder', async () => {
    await writeFile(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(server, { path: escape });
      expect(reply.status, escape).toBe(404);
      expect(reply.body.toString()).not.toContain('secret"');
    }
  });

  it('explains how to build the renderer when it is missing', async () => {
    await rm(path.join(staticDir, 'index.html'));
    const reply = await send(server, { path: '/' });
    expect(reply.status).toBe(503);
    expect(json(reply).error).toMatch(/npm run build:renderer/);
  });
});

describe('browser-mode server: API over HTTP', () => {
  it('imports an SRT file and exports it back unchanged, and to WebVTT', async () => {
    const imported = await callApi(server, 'importFile', {
      name: 'talk.srt',
      dataBase64: Buffer.from(SRT).toString('base64'),
    });
    expect(imported.status).toBe(200);
    const { document, format, documentId } = json(imported).result as ImportResult;
    expect(format).toBe('srt');
    expect(documentId).toMatch(/[0-9a-f-]{36}/);
    expect(document.segments.map((segment) => segment.text)).toEqual([
      'hello wold',
      'second line here',
    ]);

    document.segments[0]!.text = 'hello world';
    const asSrt = json(await callApi(server, 'exportDocument', { document, format: 'srt' }))
      .result as ExportResult;
    expect(asSrt.fileName).toBe('talk.srt');
    expect(asSrt.mimeType).toMatch(/^application\/x-subrip/);
    expect(asSrt.content.replace(/\r\n/g, '\n').trim()).toBe(
      SRT.replace('hello wold', 'hello world').trim(),
    );

    const asVtt = json(await callApi(server, 'exportDocument', { document, format: 'vtt' }))
      .result as ExportResult;
    expect(asVtt.fileName).toBe('talk.vtt');
    expect(asVtt.mimeType).toMatch(/^text\/vtt/);
    const reread = json(
      await callApi(server, 'importFile', {
        name: asVtt.fileName,
        dataBase64: Buffer.from(asVtt.content).toString('base64'),
      }),
    ).result as ImportResult;
    expect(reread.format).toBe('vtt');
    expect(reread.document.segments.map(({ text, start, end }) => [text, start, end])).toEqual([
      ['hello world', 1, 2.5],
      ['second line here', 3, 4],
    ]);
  });

  it('answers bad input with the format error naming the file', async () => {
    const reply = await callApi(server, 'importFile', {
      name: 'broken.srt',
      dataBase64: Buffer.from('1\nnot a time line\nhello\n').toString('base64'),
    });
    expect(reply.status).toBe(422);
    expect(json(reply).error).toMatch(/^broken\.srt/);
    expect(json(reply).error).not.toContain('\n');
  });

  it('serves uploaded companions back as media, with ranges, and nothing else', async () => {
    const audio = randomBytes(5000);
    const imported = json(
      await callApi(server, 'importFile', {
        name: 'talk.srt',
        dataBase64: Buffer.from(SRT).toString('base64'),
        companions: [{ name: 'talk.wav', dataBase64: audio.toString('base64') }],
      }),
    ).result as ImportResult;
    const mediaPath = `/api/media/${imported.documentId}/talk.wav?token=${server.token}`;

    const whole = await send(server, { path: mediaPath });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.body.equals(audio)).toBe(true);

    const part = await send(server, { path: mediaPath, headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/5000');
    expect(part.body.equals(audio.subarray(100, 200))).toBe(true);

    expect((await send(server, { path: mediaPath.replace(/\?token=.*/, '') })).status).toBe(401);
    const traversal = `/api/media/${imported.documentId}/..%2f..%2fetc%2fpasswd?token=${server.token}`;
    expect((await send(server, { path: traversal })).status).toBe(404);
    const otherDocument = `/api/media/not-a-document/talk.wav?token=${server.token}`;
    expect((await send(server, { path: otherDocument })).status).toBe(404);
  });

  it('reports the corrector status through the core', async () => {
    const reply = json(await callApi(server, 'correctorStatus', {}));
    expect(reply.result).toEqual({ available: true, message: 'test double' });
  });
});

describe('browser-mode server: corrector events over WebSocket', () => {
  function connect(headers: Record<string, string>, token = server.token): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events?token=${token}`, {
        headers,
      });
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`refused with ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  it('refuses a foreign Origin, a foreign Host and a wrong token', async () => {
    await expect(connect({ Origin: 'http://attacker.example' })).rejects.toThrow(
      'refused with 403',
    );
    await expect(connect({ Host: `attacker.example:${server.port}` })).rejects.toThrow(
      'refused with 403',
    );
    await expect(connect({ Origin: `http://127.0.0.1:${server.port}` }, 'wrong')).rejects.toThrow(
      'refused with 401',
    );
  });

  it('forwards corrector events to a client from the app’s own origin', async () => {
    const socket = await connect({ Origin: `http://127.0.0.1:${server.port}` });
    const received = new Promise<CorrectorEvent>((resolve) =>
      socket.once('message', (data: Buffer) =>
        resolve(JSON.parse(data.toString()) as CorrectorEvent),
      ),
    );
    const event: CorrectorEvent = { type: 'progress', jobId: 'job-1', done: 3, total: 10 };
    corrector.emit(event);
    expect(await received).toEqual(event);
    socket.close();
  });
});

describe('browser-mode server: recovery', () => {
  it('keeps work sent over HTTP for the next server, and refuses bad requests with a 4xx', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'neko-server-recovery-'));
    const recoveryDirectory = path.join(dataDir, 'recovery');
    const first = new ApiCore({ recoveryDirectory });
    const firstServer = await startServer({ core: first, staticDir });
    const sessionId = 'window-0123456789';
    try {
      const imported = json(
        await callApi(firstServer, 'importFile', {
          name: 'talk.srt',
          dataBase64: Buffer.from(SRT).toString('base64'),
        }),
      ).result as ImportResult;
      const saved = await callApi(firstServer, 'saveRecovery', {
        sessionId,
        work: imported,
        typing: { segmentId: '2', text: 'second line typed', baseText: 'second line here' },
      });
      expect(saved.status).toBe(200);
      for (const [body, reason] of [
        [{ sessionId: '../../../../etc', work: imported }, /session id/],
        [
          {
            sessionId: 'other-window-42',
            typing: { segmentId: '1', text: 'x', baseText: 'hello wold' },
          },
          /no document/,
        ],
        [{ sessionId, work: { document: 'nothing' } }, /not a document/],
      ] as const) {
        const refused = await callApi(firstServer, 'saveRecovery', body);
        expect(refused.status).toBe(400);
        expect(json(refused).error).toMatch(reason);
      }
      const unknown = await callApi(firstServer, 'loadRecovery', { sessionId: 'never-written-1' });
      expect(unknown.status).toBe(400);
    } finally {
      await firstServer.close();
      await first.dispose();
    }

    // The next run, on another port: the work is offered and comes back whole.
    const next = new ApiCore({ recoveryDirectory });
    const nextServer = await startServer({ core: next, staticDir });
    try {
      const [summary] = json(await callApi(nextServer, 'listRecoveries', {})).result as {
        sessionId: string;
      }[];
      expect(summary?.sessionId).toBe(sessionId);
      const work = json(await callApi(nextServer, 'loadRecovery', { sessionId })).result as {
        typing: unknown;
        document: { segments: unknown[] };
      };
      expect(work.typing).toEqual({
        segmentId: '2',
        text: 'second line typed',
        baseText: 'second line here',
      });
      expect(work.document.segments).toHaveLength(2);
      expect((await callApi(nextServer, 'discardRecovery', { sessionId })).status).toBe(200);
      expect(json(await callApi(nextServer, 'listRecoveries', {})).result).toEqual([]);
    } finally {
      await nextServer.close();
      await next.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
