import { useMemo } from 'react';
import {
  bulkAcceptable,
  editCategory,
  holdReason,
  type EditCategory,
} from '../../src/document/bulk-review.js';
import type { NekoDocument } from '../../src/document/types.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import type { DecodingChoice, DeviceChoice } from '../store/settings-slice.js';

/** Run the corrector (with progress and cancel), its settings, and the bulk review action. */
export function CorrectionControls() {
  const { controller } = useServices();
  const status = useStudio((state) => state.correctorStatus);
  const job = useStudio((state) => state.correctionJob);
  const hasDocument = useStudio((state) => state.document !== null);
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const settings = useStudio((state) => state.settings);
  const updateSettings = useStudio((state) => state.updateSettings);
  const acceptAllAbove = useStudio((state) => state.acceptAllAbove);
  const openDocument = useStudio((state) => state.document);
  const { held, byCategory } = useMemo(
    () => bulkCounts(openDocument, settings.confidenceThreshold),
    [openDocument, settings.confidenceThreshold],
  );
  const available = status?.available ?? false;
  const deviceOptions: { name: DeviceChoice; available: boolean; reason?: string }[] = [
    { name: 'auto', available: true },
    ...(['cpu', 'cuda', 'webgpu'] as const).map((name) => {
      const known = status?.devices?.find((device) => device.name === name);
      return { name, available: known?.available ?? true, reason: known?.reason };
    }),
  ];

  return (
    <section className="correction-controls" aria-label="Correction">
      <span
        className={
          available ? 'correction-status is-available' : 'correction-status is-unavailable'
        }
        data-testid="correction-status"
        title={status?.device ? `Device: ${status.device}` : undefined}
      >
        {status?.message ?? 'Checking the corrector…'}
      </span>
      {/* One fixed-size slot for Correct / progress and Cancel: the bar keeps its shape while a
          correction runs, so the list below does not jump. */}
      <span className="correction-run">
        {job ? (
          <span className="correction-progress">
            <progress
              value={job.done}
              max={Math.max(1, job.total)}
              data-testid="correction-progress"
            />
            <span>
              {job.done} / {job.total}
            </span>
            <button
              type="button"
              onClick={() => void controller.cancelCorrection()}
              disabled={!job.jobId}
            >
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              data-testid="correct-button"
              disabled={!available || !hasDocument}
              title={available ? 'Correct every segment' : (status?.message ?? undefined)}
              onClick={() => void controller.startCorrection()}
            >
              Correct
            </button>
            <button
              type="button"
              disabled={!available || !selectedSegmentId}
              title="Correct only the selected segment"
              onClick={() =>
                selectedSegmentId && void controller.startCorrection([selectedSegmentId])
              }
            >
              Correct segment
            </button>
          </>
        )}
      </span>
      <label>
        Device{' '}
        <select
          value={settings.device}
          onChange={(event) =>
            updateSettings({ device: event.currentTarget.value as DeviceChoice })
          }
        >
          {deviceOptions.map((device) => (
            <option
              key={device.name}
              value={device.name}
              disabled={!device.available}
              title={device.reason}
            >
              {device.name === 'auto' ? 'Auto' : device.name.toUpperCase()}
              {device.available ? '' : ' (unavailable)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Decoding{' '}
        <select
          value={settings.decoding}
          onChange={(event) =>
            updateSettings({ decoding: event.currentTarget.value as DecodingChoice })
          }
        >
          <option value="aggressive">Aggressive (fast, same output)</option>
          <option value="greedy">Greedy</option>
        </select>
      </label>
      <label title="Suggestions at or above this confidence are accepted together">
        Threshold{' '}
        <input
          type="number"
          min={0}
          max={100}
          step={5}
          value={Math.round(settings.confidenceThreshold * 100)}
          onChange={(event) => {
            const percent = Number(event.currentTarget.value);
            if (Number.isFinite(percent))
              updateSettings({ confidenceThreshold: Math.min(1, Math.max(0, percent / 100)) });
          }}
        />
        %
      </label>
      <button
        type="button"
        disabled={!hasDocument}
        onClick={() => acceptAllAbove(settings.confidenceThreshold)}
        data-testid="accept-above-button"
      >
        Accept all ≥ {Math.round(settings.confidenceThreshold * 100)}%
      </button>
      {/* Always shown (disabled at 0), so suggestions streaming in do not reflow the bar. */}
      {CATEGORIES.map(([category, label]) => (
        <button
          key={category}
          type="button"
          disabled={byCategory[category] === 0}
          onClick={() => acceptAllAbove(settings.confidenceThreshold, category)}
          data-testid={`accept-category-${category.replace(/ /g, '-')}`}
          title={`Accept only the ${category} edits at or above the threshold`}
        >
          {label} ({byCategory[category]})
        </button>
      ))}
      <span
        className="bulk-held"
        data-testid="bulk-held"
        title="Edits that change a number, a name or a negation, or overrule a word the recognizer was sure of, are left for one-by-one review"
      >
        {held} held for review
      </span>
    </section>
  );
}

const CATEGORIES: [EditCategory, string][] = [
  ['case and punctuation', 'Case & punctuation'],
  ['number format', 'Number format'],
  ['word change', 'Word changes'],
];

/**
 * Pending edits at or above the threshold: how many "Accept all" leaves for one-by-one review, and
 * how many it would take of each category.
 */
function bulkCounts(
  document: NekoDocument | null,
  threshold: number,
): { held: number; byCategory: Record<EditCategory, number> } {
  const byCategory: Record<EditCategory, number> = {
    'case and punctuation': 0,
    'number format': 0,
    'word change': 0,
  };
  let held = 0;
  for (const segment of document?.segments ?? []) {
    for (const edit of segment.suggestion?.edits ?? []) {
      if (bulkAcceptable(edit, threshold)) byCategory[editCategory(edit)]++;
      else if (edit.decision === 'pending' && !edit.stale && edit.confidence >= threshold) {
        if (holdReason(edit) !== undefined) held++;
      }
    }
  }
  return { held, byCategory };
}
