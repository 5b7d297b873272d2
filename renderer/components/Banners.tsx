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
