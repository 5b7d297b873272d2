import { mkdir, rm } from 'node:fs/promises';

/**
 * Every test run writes its temporary files (model caches of ~90 MB, projects the e2e tests open,
 * browser profiles) under one folder of its own, given as TMPDIR; this removes it when the run ends,
 * so that repeated runs do not fill the machine's /tmp.
 */
export default async function prepareRunScratchFolder(): Promise<() => Promise<void>> {
  const folder = process.env.NEKO_TEST_SCRATCH;
  if (!folder) throw new Error('test/vitest.config.ts sets NEKO_TEST_SCRATCH for the run');
  await mkdir(folder, { recursive: true });
  return () => rm(folder, { recursive: true, force: true });
}
