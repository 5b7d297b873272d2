/**
 * The CorrectorClient with the real engine in a real host process: results, cancel mid-document,
 * a host killed mid-job, disposing mid-job, and a missing model.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CorrectorEvent, CorrectRequest } from '../../../src/corrector/contract.js';
import { CorrectorCrashError, HostCorrectorClient } from '../../../src/corrector/host/client.js';
import { spawnChildProcess, type HostChannel } from '../../../src/corrector/host/spawn.js';

const tinyModel = new URL('../../fixtures/models/tiny-random/', import.meta.url).pathname;
const clients: HostCorrectorClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function makeClient(spawn?: () => HostChannel): HostCorrectorClient {
  const client = new HostCorrectorClient({
    modelDirectory: tinyModel,
    device: 'cpu',
    withRouting: false,
    ...(spawn ? { spawn } : {}),
  });
  clients.push(client);
  return client;
}

function request(count: number): CorrectRequest {
  return {
    segments: Array.from({ length: count }, (_, index) => ({
      id: `seg-${index}`,
      hypotheses: [
        `segment number ${index} of the meeting`,
        `segment number ${index} of a meeting`,
      ],
    })),
    decoding: 'aggressive',
  };
}

/** Collects a job's events until it is done or fails. */
function collect(client: HostCorrectorClient, jobIdPromise: Promise<{ jobId: string }>) {
  const events: CorrectorEvent[] = [];
  const finished = new Promise<CorrectorEvent[]>((resolve) => {
    client.onEvent((event) => {
      events.push(event);
      if (event.type === 'done' || event.type === 'error') {
        void jobIdPromise.then(({ jobId }) => {
          if (event.jobId === jobId) resolve(events.filter((e) => e.jobId === jobId));
        });
      }
    });
  });
  return finished;
}

/** A host process that is killed (SIGKILL, from outside) once a result came out of it, `kills` times. */
function killingSpawn(kills: number): { spawn: () => HostChannel; killed: () => number } {
  let killed = 0;
  const spawn = (): HostChannel => {
    const channel = spawnChildProcess();
    let killing = false;
    return {
      ...channel,
      onMessage: (handler) =>
        channel.onMessage((message) => {
          handler(message);
          if (message.type === 'result' && killed < kills && !killing) {
            killing = true;
            killed++;
            process.kill(channel.pid!, 'SIGKILL');
          }
        }),
    };
  };
  return { spawn, killed: () => killed };
}

describe('HostCorrectorClient', () => {
  it('reports the model and the devices tried', async () => {
    const status = await makeClient().status();
    expect(status.available).toBe(true);
    expect(status.model).toBe('tiny-random');
    expect(status.device).toBe('cpu');
  });

  it('delivers one result per segment and progress up to the total', async () => {
    const client = makeClient();
    const input = request(10);
    const job = client.correct(input);
    const events = await collect(client, job);
    const results = events.filter((e) => e.type === 'result');
    expect(results.map((e) => e.segmentId).sort()).toEqual(input.segments.map((s) => s.id).sort());
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: 10, total: 10 });
    expect(events.at(-1)).toMatchObject({ type: 'done', cancelled: false });
  });

  it("hands the recognizer's word confidences and the task to the host", async () => {
    const posted: unknown[] = [];
    const client = makeClient(() => {
      const channel = spawnChildProcess();
      return { ...channel, post: (message) => (posted.push(message), channel.post(message)) };
    });
    const input: CorrectRequest = {
      segments: [
        { id: 'l1', hypotheses: ['Kessler Gmibl'], task: 'ocr', wordConfidences: [0.95, null] },
      ],
      decoding: 'greedy',
    };
    await collect(client, client.correct(input));
    expect(posted).toContainEqual(
      expect.objectContaining({ type: 'correct', segments: [input.segments[0]] }),
    );
  });

  it('cancels mid-document and runs the next job afterwards', async () => {
    const client = makeClient();
    const big = request(150);
    const first = client.correct(big);
    const { jobId } = await first;
    const events = collect(client, first);
    client.onEvent((event) => {
      if (event.jobId === jobId && event.type === 'progress' && event.done > 0) {
        void client.cancel(jobId);
      }
    });
    const queued = client.correct(request(2));
    const queuedEvents = collect(client, queued);
    const firstEvents = await events;
    expect(firstEvents.at(-1)).toEqual({ type: 'done', jobId, cancelled: true });
    const delivered = firstEvents.filter((e) => e.type === 'result').length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(150);
    expect((await queuedEvents).at(-1)).toMatchObject({ type: 'done', cancelled: false });
  });

  it('cancels a queued job without running it', async () => {
    const client = makeClient();
    const running = client.correct(request(3));
    const queued = client.correct(request(3));
    const queuedEvents = collect(client, queued);
    await client.cancel((await queued).jobId);
    expect(await queuedEvents).toEqual([
      { type: 'done', jobId: (await queued).jobId, cancelled: true },
    ]);
    expect((await collect(client, running)).length).toBeGreaterThan(0);
  });

  it(
    'survives a host killed mid-job: restarts it and finishes the job',
    { timeout: 90_000 },
    async () => {
      const { spawn, killed } = killingSpawn(1);
      const client = makeClient(spawn);
      const input = request(60);
      const before = structuredClone(input);
      const events = await collect(client, client.correct(input));
      expect(killed()).toBe(1);
      const ids = events.filter((e) => e.type === 'result').map((e) => e.segmentId);
      expect(ids.sort()).toEqual(input.segments.map((s) => s.id).sort());
      expect(events.at(-1)).toMatchObject({ type: 'done', cancelled: false });
      expect(input).toEqual(before);
      // The restarted host serves the next job as usual.
      expect((await collect(client, client.correct(request(2)))).at(-1)).toMatchObject({
        type: 'done',
        cancelled: false,
      });
    },
  );

  it(
    'fails the job cleanly when the host dies again on the retry',
    { timeout: 90_000 },
    async () => {
      const { spawn, killed } = killingSpawn(2);
      const client = makeClient(spawn);
      // Several batches, so that the retry is still running when its host dies.
      const input = request(150);
      const before = structuredClone(input);
      const events = await collect(client, client.correct(input));
      expect(killed()).toBe(2);
      const last = events.at(-1)!;
      expect(last.type).toBe('error');
      expect(last.type === 'error' && last.message).toMatch(
        /stopped unexpectedly.*document is untouched/,
      );
      expect(input).toEqual(before);
    },
  );

  it(
    'rejects correctAll with a CorrectorCrashError naming the signal when the host dies twice',
    { timeout: 90_000 },
    async () => {
      const { spawn, killed } = killingSpawn(2);
      const client = makeClient(spawn);
      const failure = await client.correctAll(request(150)).catch((error: unknown) => error);
      expect(killed()).toBe(2);
      expect(failure).toBeInstanceOf(CorrectorCrashError);
      expect((failure as CorrectorCrashError).reason).toMatch(/SIGKILL/);
      // Any other failure stays a plain error: a missing model is not a crash.
      const missing = new HostCorrectorClient({ modelDirectory: '/nonexistent/model' });
      clients.push(missing);
      const refusal = await missing.correctAll(request(1)).catch((error: unknown) => error);
      expect(refusal).not.toBeInstanceOf(CorrectorCrashError);
    },
  );

  it('says why correction is unavailable without a model, and fails jobs with that reason', async () => {
    const client = new HostCorrectorClient({ modelDirectory: '/nonexistent/model' });
    clients.push(client);
    const status = await client.status();
    expect(status).toEqual({
      available: false,
      message: 'correction unavailable: no model directory at /nonexistent/model',
    });
    const events = await collect(client, client.correct(request(1)));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'error',
        message: expect.stringContaining('no model directory'),
      }),
    ]);
  });

  it('disposing it mid-job ends the host process and leaves this process standing', async () => {
    const hosts: HostChannel[] = [];
    const client = makeClient(() => {
      const host = spawnChildProcess();
      hosts.push(host);
      return host;
    });
    const done = await collect(client, client.correct(request(4)));
    expect(done.filter((e) => e.type === 'result')).toHaveLength(4);
    const job = client.correct(request(100));
    const firstResult = new Promise<void>((resolve) =>
      client.onEvent((event) => event.type === 'result' && resolve()),
    );
    await job;
    await firstResult;
    await client.dispose();
    expect(process.exitCode ?? 0).toBe(0);
    expect(hosts).toHaveLength(1);
    expect(() => process.kill(hosts[0]!.pid!, 0)).toThrow(/ESRCH/);
  });
});
