/**
 * When Harper cannot load (a broken install), writing still gets the learner rules, and the engine
 * says once why the grammar checker is off.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CorrectorEngine } from '../../../src/corrector/engine.js';
import { defaultModelDirectory } from '../../../src/corrector/runtime/config.js';

// Hoisted by vitest above the imports, so that the engine's grammar checker imports the mock.
vi.mock('harper.js', () => ({
  Dialect: { American: 0 },
  LocalLinter: class {
    setup(): Promise<void> {
      return Promise.reject(new Error('harper_wasm_bg.wasm is missing'));
    }
  },
}));

describe('writing with the grammar checker off', () => {
  let engine: CorrectorEngine;
  beforeAll(async () => {
    engine = await CorrectorEngine.load({ modelDirectory: defaultModelDirectory(), device: 'cpu' });
  });
  afterAll(async () => engine.dispose());

  it(
    'still applies the learner rules, and says once why Harper is off',
    { timeout: 60_000 },
    async () => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const line = 'The teacher gave us many advices about the exam.';
        const [first] = await engine.correct([{ id: 'a', hypotheses: [line], task: 'text' }]);
        await engine.correct([{ id: 'b', hypotheses: [line], task: 'text' }]);
        expect(first!.suggestion.text).toContain('much advice');
        expect(first!.suggestion.edits.find((edit) => edit.after.includes('advice'))).toMatchObject(
          {
            pass: 'grammar-checker',
          },
        );
        const warnings = stderr.mock.calls.filter(([text]) =>
          String(text).includes('grammar checker is off'),
        );
        expect(warnings).toHaveLength(1);
        expect(String(warnings[0]![0])).toContain('harper_wasm_bg.wasm is missing');
      } finally {
        stderr.mockRestore();
      }
    },
  );
});
