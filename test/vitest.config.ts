import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Nothing a test runs may write recovery files into the user's real data folder (src/api/data-directory.ts).
const NEKO_DATA_DIR = path.join(tmpdir(), `neko-test-data-${process.pid}`);
// Nor model caches into the user's cache folder (src/corrector/passes/word-trigram-model.ts).
const NEKO_CACHE_DIR = path.join(tmpdir(), `neko-test-cache-${process.pid}`);

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    env: { NEKO_DATA_DIR, NEKO_CACHE_DIR },
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
