import { useRef } from 'react';
import { useServices } from '../services/context.js';

/**
 * "Choose the file…": a button with its own file input, for media the document names but nobody
 * opened (a project reopened without its audio, a scan whose image was renamed or left behind).
 */
export function MediaPicker({
  target,
  accept,
  label,
  testId,
}: {
  target: { audio: true } | { pageIndex: number };
  accept: string;
  label: string;
  testId: string;
}) {
  const { controller } = useServices();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} data-testid={`${testId}-button`}>
        {label}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={accept}
        data-testid={`${testId}-input`}
        aria-label={label}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void controller.attachMedia(target, file);
        }}
      />
    </>
  );
}
