import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiCore } from '../../../src/api/core.js';
import { startServer, type RunningServer } from '../../../src/api/server.js';

/**
 * Hostile clients: raw WebSocket frames that break the protocol and requests that break HTTP's
 * rules. Each may cost its own connection, never the server.
 */

let staticDir: string;
let core: ApiCore;
let server: RunningServer;
const logged: string[] = [];

beforeEach(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'neko-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>NeKo</title>');
  core = new ApiCore();
  logged.length = 0;
  server = await startServer({
    core,
    staticDir,
    uploadLimitBytes: 64 * 1024,
    log: (line) => logged.push(line),
  });
});

afterEach(async () => {
  await server.close();
  await core.dispose();
  await rm(staticDir, { recursive: true, force: true });
});

/** A WebSocket handshake written by hand, so that the frames after it can be anything. */
async function rawWebSocket(): Promise<Socket> {
  const socket = netConnect(server.port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    [
      `GET /api/events?token=${server.token} HTTP/1.1`,
      `Host: 127.0.0.1:${server.port}`,
      `Origin: http://127.0.0.1:${server.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const head = await new Promise<string>((resolve) =>
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))),
  );
  expect(head).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

/** One frame: the first byte (FIN, RSV bits, opcode) as given, the payload masked unless told not. */
function frame(firstByte: number, payload: Buffer, { masked = true } = {}): Buffer {
  const length =
    payload.length < 126
      ? Buffer.from([payload.length])
      : Buffer.from([126, payload.length >> 8, payload.length & 0xff]);
  length[0] = length[0]! | (masked ? 0x80 : 0);
  if (!masked) return Buffer.concat([Buffer.from([firstByte]), length, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([Buffer.from([firstByte]), length, mask, body]);
}

const TEXT = 0x81;
const MALFORMED_FRAMES: [string, Buffer][] = [
  ['a frame over the size limit', frame(TEXT, Buffer.alloc(4000, 0x61))],
  ['text that is not UTF-8', frame(TEXT, Buffer.from([0xc3, 0x28, 0xff]))],
  ['an unmasked frame', frame(TEXT, Buffer.from('hello'), { masked: false })],
  ['a reserved opcode', frame(0x83, Buffer.from('hello'))],
  ['RSV1 without an extension', frame(0xc1, Buffer.from('hello'))],
  ['close code 999', frame(0x88, Buffer.from([0x03, 0xe7]))],
];

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    socket.once('close', () => resolve());
    socket.resume();
  });
}

function getStatus(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: server.port, path: pathname },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function openWebSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const client = new WebSocket(`ws://127.0.0.1:${server.port}/api/events?token=${server.token}`);
    client.once('open', () => resolve(client));
    client.once('error', reject);
  });
}

describe('browser-mode server: malformed WebSocket frames', () => {
  it.each(MALFORMED_FRAMES)('drops the client that sends %s and keeps serving', async (_, bad) => {
    const victim = await openWebSocket();
    const attacker = await rawWebSocket();
    attacker.write(bad);
    await closed(attacker);

    expect(await getStatus('/')).toBe(200);
    const fresh = await openWebSocket();
    expect(fresh.readyState).toBe(WebSocket.OPEN);
    expect(victim.readyState).toBe(WebSocket.OPEN);
    expect(logged.some((line) => line.startsWith('WebSocket client dropped'))).toBe(true);
    fresh.close();
    victim.close();
  });

  it('survives a connection reset in the middle of an upgrade', async () => {
    for (const token of [server.token, 'wrong']) {
      const socket = netConnect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        `GET /api/events?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      );
      socket.resetAndDestroy();
      await closed(socket);
    }
    expect(await getStatus('/')).toBe(200);
  });
});

describe('browser-mode server: client mistakes are 4xx', () => {
  function post(operation: string, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${operation}`,
          headers: { 'Content-Type': 'application/json', 'X-Neko-Token': server.token },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  it('answers malformed percent-encoding on the media route with 400', async () => {
    for (const bad of ['%E0%A4%A', '%', 'a%zz']) {
      expect(await getStatus(`/api/media/${bad}/x.wav?token=${server.token}`)).toBe(400);
      expect(await getStatus(`/api/media/doc/${bad}?token=${server.token}`)).toBe(400);
    }
  });

  it('answers a file over the size limit with 413 before decoding it', async () => {
    await server.close();
    await core.dispose();
    core = new ApiCore({ maxFileBytes: 1000 });
    server = await startServer({ core, staticDir, uploadLimitBytes: 64 * 1024 });
    const upload = { name: 'big.srt', dataBase64: 'QUFB'.repeat(400) }; // 1,200 bytes
    const reply = await post('importFile', JSON.stringify(upload));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toEqual({
      error: 'big.srt: file too large: 0.0 MB, the limit is 0.0 MB',
    });
  });
});
