import { useStudio } from '../store/react.js';

export function ErrorBanner() {
  const message = useStudio((state) => state.errorMessage);
  const dismiss = useStudio((state) => state.dismissError);
  if (!message) return null;
  return (
    <div className="banner banner-error" role="alert">
      <span data-testid="error-message">{message}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss the error">
        ×
      </button>
    </div>
  );
}

export interface RecoveryOffer {
  savedAt: Date;
  title: string;
  restore(): void;
  discard(): void;
}

export function RecoveryBanner({ offer }: { offer: RecoveryOffer | null }) {
  if (!offer) return null;
  return (
    <div className="banner banner-recovery" role="status" data-testid="recovery-banner">
      <span>
        Unsaved work on “{offer.title}” from {offer.savedAt.toLocaleString()} was recovered.
      </span>
      <button type="button" onClick={offer.restore}>
        Restore
      </button>
      <button type="button" onClick={offer.discard}>
        Discard
      </button>
    </div>
  );
}

/** The files chosen with the document that it does not use, each with the reason. */
export function NotUsedBanner() {
  const files = useStudio((state) => state.notUsedFiles);
  const dismiss = useStudio((state) => state.dismissNotUsed);
  if (files.length === 0) return null;
  return (
    <div className="banner banner-notice" role="status" data-testid="not-used-files">
      <span>
        {files.length === 1
          ? 'One file you chose was not used:'
          : `${files.length} files you chose were not used:`}
        <ul>
          {files.map((file) => (
            <li key={file.name} data-testid="not-used-file" data-name={file.name}>
              <strong>{file.name}</strong>: {file.reason}
            </li>
          ))}
        </ul>
      </span>
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
