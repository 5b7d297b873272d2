import { describe, expect, it } from 'vitest';
import { spawnChildProcess } from '../../../src/corrector/host/spawn.js';

describe('spawnChildProcess', () => {
  it(
    'says a killed host died of its signal, though messages were posted to it as it died',
    { timeout: 30_000 },
    async () => {
      const channel = spawnChildProcess();
      const reason = new Promise<string>((resolve) => channel.onExit(resolve));
      process.kill(channel.pid!, 'SIGKILL');
      // Sends to a process that is going fail (EPIPE); the exit, not those failures, says why.
      for (let i = 0; i < 200; i++) channel.post({ type: 'cancel', jobId: `job-${i}` });
      expect(await reason).toMatch(/SIGKILL/u);
    },
  );
});
