import { useStudio } from '../store/react.js';

export function FixEverywhereBanner() {
  const offer = useStudio((state) => state.fixEverywhereOffer);
  const fixEverywhere = useStudio((state) => state.fixEverywhere);
  const dismiss = useStudio((state) => state.dismissFixEverywhere);
  if (!offer) return null;
  const count = offer.candidates.length;
  return (
    <div className="banner banner-offer" role="status" data-testid="fix-everywhere">
      <span>
        “{offer.before}” → “{offer.after}” also fits {count} other place{count === 1 ? '' : 's'}.
      </span>
      <button type="button" onClick={fixEverywhere}>
        Fix everywhere
      </button>
      <button type="button" onClick={dismiss}>
        Not now
      </button>
    </div>
  );
}
