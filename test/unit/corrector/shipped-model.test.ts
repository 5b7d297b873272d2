/**
 * Greedy = aggressive with the shipped model. The tiny random model never writes anything near its
 * draft, so only a trained model exercises the drafts that matter: re-alignment after a change of
 * case or punctuation, and the edits taken from a pass's predictions past the departure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../../src/cli/commands/bench.js';
import { defaultModelDirectory } from '../../../src/corrector/config.js';
import { CorrectorEngine, type SegmentInput } from '../../../src/corrector/engine.js';

describe('aggressive decoding with the shipped model', () => {
  let engine: CorrectorEngine;
  beforeAll(async () => {
    engine = await CorrectorEngine.load({ modelDirectory: defaultModelDirectory(), device: 'cpu' });
  });
  afterAll(async () => engine.dispose());

  it(
    'gives the greedy suggestions on 64 meeting segments in far fewer passes',
    { timeout: 180_000 },
    async () => {
      const segments: SegmentInput[] = buildMeeting(2400)
        .slice(0, 64)
        .map((segment) => ({ id: segment.id, hypotheses: [segment.source] }));
      const passes = (): number => engine.statistics.rowPasses;
      let before = passes();
      const greedy = await engine.correct(segments, { decoding: 'greedy' });
      const greedyRowPasses = passes() - before;
      before = passes();
      const aggressive = await engine.correct(segments, { decoding: 'aggressive' });
      const aggressiveRowPasses = passes() - before;

      expect(aggressive.map((result) => result.suggestion)).toEqual(
        greedy.map((result) => result.suggestion),
      );
      // The model edits most segments (case, punctuation), so the output is not just the source.
      const edited = greedy.filter(
        (result) => result.suggestion.text !== segments[result.index]!.hypotheses[0],
      );
      expect(edited.length).toBeGreaterThan(segments.length / 2);
      // Greedy needs a pass per output token; a segment whose edits the first pass foresees
      // needs two, and three per segment on average was the figure before those edits were used.
      expect(aggressiveRowPasses).toBeLessThan(3 * segments.length);
      expect(aggressiveRowPasses * 8).toBeLessThan(greedyRowPasses);
    },
  );
});
