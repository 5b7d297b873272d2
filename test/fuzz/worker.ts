/**
 * A fuzzing child process: it makes each case it is sent from (seed, format, index), checks it, and
 * answers with the outcome and the CPU time it took. The parent kills it when a case does not answer.
 */
import { fileURLToPath } from 'node:url';
import { caseSeed, mutate, seededRandom } from './mutate.js';
import { checkInput, FILE_NAMES, loadSeeds, type Outcome, type Timing } from './oracle.js';
import type { FormatId } from '../../src/formats/types.js';

export interface CaseRequest {
  seed: number;
  format: FormatId;
  index: number;
}

export interface CaseReply extends CaseRequest {
  outcome: Outcome;
  timing: Timing;
  recipe: string;
  bytes: number;
  wallMs: number;
}

/** The input of one case, made the same way in the worker and when a failure is replayed. */
export function makeCase(
  seeds: ReturnType<typeof loadSeeds>,
  { seed, format, index }: CaseRequest,
) {
  return mutate(seeds[format], seededRandom(caseSeed(seed, format, index)));
}

// Only as the forked process itself: a test runner's own worker may have an IPC channel too.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const seeds = loadSeeds();
  process.on('message', (request: CaseRequest) => {
    let made: ReturnType<typeof makeCase>;
    try {
      made = makeCase(seeds, request);
    } catch (error) {
      throw new Error(`fuzz harness: cannot make case ${request.format} #${request.index}`, {
        cause: error,
      });
    }
    const { bytes, recipe } = made;
    const timing: Timing = { readWriteCpuMs: 0, rereadCpuMs: 0, writtenBytes: 0 };
    const wall = performance.now();
    const outcome = checkInput(bytes, FILE_NAMES[request.format], timing);
    const reply: CaseReply = {
      ...request,
      outcome,
      timing,
      recipe,
      bytes: bytes.length,
      wallMs: performance.now() - wall,
    };
    process.send!(reply);
  });
  process.send({ ready: true });
}
