import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One folder per run for everything the tests write; test/setup/run-scratch-folder.ts removes it after.
const NEKO_TEST_SCRATCH = path.join(tmpdir(), `neko-test-run-${process.pid}`);
process.env.NEKO_TEST_SCRATCH = NEKO_TEST_SCRATCH;
// Nothing a test runs may write recovery files into the user's real data folder (src/api/data-directory.ts).
const NEKO_DATA_DIR = path.join(NEKO_TEST_SCRATCH, 'data');
// Nor model caches into the user's cache folder (src/corrector/passes/word-trigram-model.ts).
const NEKO_CACHE_DIR = path.join(NEKO_TEST_SCRATCH, 'cache');

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    env: { NEKO_DATA_DIR, NEKO_CACHE_DIR, TMPDIR: NEKO_TEST_SCRATCH },
    globalSetup: ['test/setup/run-scratch-folder.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
