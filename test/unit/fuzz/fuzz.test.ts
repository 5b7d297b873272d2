import { describe, expect, it } from 'vitest';
import { checkInput } from '../../fuzz/oracle.js';
import { formatReport, runFuzz } from '../../fuzz/run.js';

/**
 * A few hundred mutated fixtures per format, in child processes so that a hang is a failure too;
 * `npm run fuzz` runs 10,000 per format.
 */
describe('fuzzing the format readers', () => {
  it('parses or refuses, with file and place, every mutated input; parsed ones survive a round trip', async () => {
    const options = { cases: 200, seed: 20261206 };
    const report = await runFuzz(options);
    const failures = report.failures.map(
      ({ request, problem, message, recipe }) =>
        `${request.format} #${request.index} (${recipe}): ${problem}: ${message}`,
    );
    expect(failures, formatReport(report, options)).toEqual([]);
    for (const summary of Object.values(report.byFormat)) {
      expect(summary.cases).toBe(200);
      expect(summary.parsed).toBeGreaterThan(0); // the mutations leave some inputs readable
    }
  }, 300_000);

  it('counts a crash, an error without a place and a changed round trip as failures', () => {
    expect(checkInput(Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nhi\n'), 'a.srt')).toEqual({
      kind: 'parsed',
      format: 'srt',
    });
    expect(checkInput(Buffer.from('1\n00:00:01,000 -> x\n'), 'a.srt')).toEqual({ kind: 'refused' });
    expect(checkInput(Buffer.alloc(0), 'a.srt')).toEqual({ kind: 'refused' });
  });
});
