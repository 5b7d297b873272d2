import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private redis-server for one test file: a free loopback port, its own folder, set up as the
 * README asks for production (append-only, noeviction). Stopped by its own PID, never a system one.
 * A missing redis-server is a failure that says what to install, never a skip.
 */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REDIS_SERVER = '/usr/bin/redis-server';

export async function startRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} is missing: sudo test/setup/install-system-packages (Debian's redis-server)`,
    );
  }
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'neko-redis-'));
  const server: ChildProcess = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      folder,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start:\n${log}`)), 15_000);
    const watch = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ready();
      }
    };
    server.stdout!.on('data', watch);
    server.stderr!.on('data', watch);
    server.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`redis-server exited with ${code}:\n${log}`));
    });
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (server.exitCode === null) server.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
