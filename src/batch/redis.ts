/**
 * The Redis under the queue: parsing `--queue redis://…`, checking it is set up as BullMQ's
 * production guide asks before anything is queued, and the queue names.
 */
import type { RedisOptions } from 'ioredis';
import type { Device } from '../corrector/contract.js';
import { loadIoredis } from './queue-libraries.js';

/** A problem with the queue the user can fix (a bad URL, Redis unreachable or misconfigured). */
export class QueueError extends Error {
  override name = 'QueueError';
}

/** Connection options for ioredis (and BullMQ, which takes the same). */
export function parseQueueUrl(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError(`--queue ${url}: not a URL (expected redis://HOST:PORT)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(`--queue ${url}: expected redis://HOST:PORT or rediss://HOST:PORT`);
  }
  const db = parsed.pathname.replace(/^\//u, '');
  if (db !== '' && !/^\d+$/u.test(db)) {
    throw new QueueError(`--queue ${url}: the path must be a database number, not "${db}"`);
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(db === '' ? {} : { db: Number(db) }),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** The URL without its password, for messages. */
export function describeQueueUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/u, '');
  } catch {
    return url;
  }
}

/**
 * The queue of one model on one device kind. Workers serve only the queue of the model they loaded
 * and the device they run on, so a job never reaches a worker that would write other bytes, and
 * one run never mixes CPU and GPU outputs.
 */
export function queueNameFor(modelHash: string, device: Device): string {
  return `neko-batch.${modelHash.slice(0, 16)}.${device}`;
}

/** A Redis set of every queue name a batch or worker used, for `neko batch status` and `retry-failed`. */
export const QUEUES_KEY = 'neko-batch:queues';

export const DEVICE_KINDS: readonly Device[] = ['cuda', 'webgpu', 'cpu'];

/**
 * Connects once and checks Redis as BullMQ's production guide asks: `maxmemory-policy noeviction`
 * (else Redis may evict job keys under memory pressure and jobs vanish; refused) and append-only
 * persistence (else a restart of Redis loses the queue; a warning, since outputs already written
 * stay and running the batch again queues the rest). Returns the warnings.
 */
export async function checkRedis(url: string): Promise<string[]> {
  const { Redis } = await loadIoredis();
  const redis = new Redis({
    ...parseQueueUrl(url),
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints connection errors itself; the first one says why (refused,
  // unknown host), where connect() itself only says the connection closed.
  let cause: string | undefined;
  redis.on('error', (error: Error) => (cause ??= error.message));
  const where = describeQueueUrl(url);
  try {
    await redis.connect().catch((error: Error) => {
      throw new QueueError(`cannot reach ${where}: ${cause ?? error.message}`);
    });
    const warnings: string[] = [];
    let policy: string | undefined;
    let appendonly: string | undefined;
    try {
      policy = ((await redis.config('GET', 'maxmemory-policy')) as string[])[1];
      appendonly = ((await redis.config('GET', 'appendonly')) as string[])[1];
    } catch (error) {
      // Managed Redis services often disable CONFIG; the operator must then vouch for it.
      warnings.push(
        `${where}: cannot read its configuration (${(error as Error).message}); make sure it has ` +
          'maxmemory-policy noeviction and appendonly yes',
      );
    }
    if (policy !== undefined && policy !== 'noeviction') {
      throw new QueueError(
        `${where} has maxmemory-policy ${policy}: under memory pressure it would drop jobs; ` +
          'set it to noeviction (redis-cli -u URL config set maxmemory-policy noeviction, and in redis.conf)',
      );
    }
    if (appendonly === 'no') {
      warnings.push(
        `${where} has appendonly no: if Redis restarts, queued jobs are lost (finished outputs stay; ` +
          'run the batch again to queue the rest); production Redis should have appendonly yes',
      );
    }
    return warnings;
  } finally {
    redis.disconnect();
  }
}
