import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSupportedBackends } from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelDirectory } from '../../../src/corrector/runtime/config.js';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { CorrectorUnavailable } from '../../../src/corrector/errors.js';
import { createModelSessions } from '../../../src/corrector/runtime/session.js';

const tinyModel = new URL('../../fixtures/models/tiny-random/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'neko-session-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the tiny model with one file replaced (or removed when content is undefined). */
function brokenModel(name: string, file: string, content: string | undefined): string {
  const directory = join(scratch, name);
  cpSync(tinyModel, directory, { recursive: true });
  if (content === undefined) rmSync(join(directory, file));
  else writeFileSync(join(directory, file), content);
  return directory;
}

async function unavailableReason(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
  } catch (error) {
    expect(error).toBeInstanceOf(CorrectorUnavailable);
    return (error as CorrectorUnavailable).reason;
  }
  throw new Error('expected CorrectorUnavailable');
}

describe('model directory checks', () => {
  it('names a missing directory', async () => {
    const reason = await unavailableReason(async () => loadModelDirectory(join(scratch, 'none')));
    expect(reason).toContain('no model directory at');
  });

  it.each([
    ['config.json', undefined, /config\.json is missing/],
    ['config.json', '{ "name": ', /config\.json is not valid JSON/],
    ['config.json', '{"name": "x"}', /config\.json: "n_experts" must be a positive integer/],
    ['decoder.onnx', undefined, /decoder\.onnx is missing/],
    ['encoder.onnx', '', /encoder\.onnx is empty/],
  ])('refuses %s (%s)', async (file, content, expected) => {
    const directory = brokenModel(
      `${file}-${content ?? 'none'}`.replace(/\W/g, '_'),
      file,
      content,
    );
    expect(await unavailableReason(async () => loadModelDirectory(directory))).toMatch(expected);
  });

  it('names the file when an ONNX model is corrupt', async () => {
    const directory = brokenModel('corrupt-onnx', 'decoder.onnx', 'not a protobuf at all');
    const reason = await unavailableReason(() =>
      CorrectorEngine.load({ modelDirectory: directory, device: 'cpu' }),
    );
    expect(reason).toContain('decoder.onnx');
    expect(reason).toMatch(/cannot run the model/);
  });

  it('refuses a tokenizer that disagrees with config.json', async () => {
    const directory = brokenModel('bad-tokenizer', 'tokenizer.json', '{"type": "other"}');
    const reason = await unavailableReason(() =>
      CorrectorEngine.load({ modelDirectory: directory }),
    );
    expect(reason).toContain('tokenizer.json');
  });
});

// This machine, like CI, has neither onnxruntime-node's CUDA add-on nor a GPU for WebGPU.
const cudaUsable = listSupportedBackends().some(
  (backend) => backend.name === 'cuda' && backend.bundled,
);

describe('device selection without CUDA and WebGPU', () => {
  const model = loadModelDirectory(tinyModel);

  it('runs here without the CUDA add-on (the premise of the tests below)', () => {
    expect(cudaUsable).toBe(false);
  });

  it('falls back to CPU under auto, saying why CUDA and WebGPU were not used', async () => {
    const sessions = await createModelSessions(model, 'auto');
    await sessions.release();
    expect(sessions.device).toBe('cpu');
    expect(sessions.attempts.map((attempt) => [attempt.device, attempt.available])).toEqual([
      ['cuda', false],
      ['webgpu', false],
      ['cpu', true],
    ]);
    expect(sessions.attempts[0]!.reason).toMatch(/CUDA add-on/);
    expect(sessions.attempts[1]!.reason).toMatch(/WebGPU|Vulkan/);
  });

  it('fails clearly when CUDA is forced', async () => {
    const reason = await unavailableReason(() => createModelSessions(model, 'cuda'));
    expect(reason).toMatch(/^--device cuda cannot run the model \(cuda: .*CUDA add-on/);
  });

  it('fails clearly when WebGPU is forced', async () => {
    const reason = await unavailableReason(() => createModelSessions(model, 'webgpu'));
    expect(reason).toMatch(/^--device webgpu cannot run the model \(webgpu: /);
  });

  it('runs on a forced CPU', async () => {
    const sessions = await createModelSessions(model, 'cpu');
    await sessions.release();
    expect(sessions.attempts).toEqual([{ device: 'cpu', available: true }]);
  });
});
