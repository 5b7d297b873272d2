import type { CorrectorEvent, CorrectorStatus } from '../../src/corrector/contract.js';
import { attachSuggestion } from '../../src/document/operations.js';
import type { Suggestion } from '../../src/document/types.js';
import { findSegment, withSegment } from './segment-index.js';
import type { SliceCreator } from './studio.js';

export interface CorrectionJob {
  /** Null between the request and the API's answer; events may arrive first and name it. */
  jobId: string | null;
  done: number;
  total: number;
}

export interface CorrectionSlice {
  correctorStatus: CorrectorStatus | null;
  correctionJob: CorrectionJob | null;

  setCorrectorStatus(status: CorrectorStatus): void;
  correctionRequested(total: number): void;
  correctionStarted(jobId: string): void;
  correctionFailed(message: string): void;
  receiveSuggestion(segmentId: string, suggestion: Suggestion, jobId: string): void;
  handleCorrectorEvent(event: CorrectorEvent): void;
}

export const createCorrectionSlice: SliceCreator<CorrectionSlice> = (set, get) => ({
  correctorStatus: null,
  correctionJob: null,

  setCorrectorStatus(status) {
    set({ correctorStatus: status });
  },

  correctionRequested(total) {
    set({ correctionJob: { jobId: null, done: 0, total } });
  },

  correctionStarted(jobId) {
    const job = get().correctionJob;
    if (job) set({ correctionJob: { ...job, jobId } });
  },

  correctionFailed(message) {
    set({ correctionJob: null, errorMessage: message });
  },

  receiveSuggestion(segmentId, suggestion, jobId) {
    const { document } = get();
    const segment = document && findSegment(document, segmentId);
    // The segment may be gone if another document was opened while the job ran.
    if (!document || !segment) return;
    // A re-run keeps the decisions already taken on identical edits.
    get().commitDocument(
      'Receive suggestions',
      withSegment(document, attachSuggestion(segment, suggestion)),
      {
        coalesceKey: `correction:${jobId}`,
      },
    );
  },

  handleCorrectorEvent(event) {
    const job = get().correctionJob;
    if (!job || (job.jobId !== null && job.jobId !== event.jobId)) return;
    const current = { ...job, jobId: event.jobId };
    switch (event.type) {
      case 'progress':
        set({ correctionJob: { ...current, done: event.done, total: event.total } });
        break;
      case 'result':
        set({ correctionJob: current });
        get().receiveSuggestion(event.segmentId, event.suggestion, event.jobId);
        break;
      case 'done':
        set({ correctionJob: null });
        break;
      case 'error':
        set({ correctionJob: null, errorMessage: `Correction failed: ${event.message}` });
        break;
    }
  },
});
