import { useMessages } from '../../i18n/messages.ts';
import { useMe } from './useAccess.ts';

/** Tells an observer, always visibly, that they watch and cannot change anything (A7). */
export function ObserverBanner() {
  const m = useMessages();
  const me = useMe();
  if (me?.role !== 'observer') return null;
  return (
    <div className="observer-banner" role="note">
      <span className="observer-banner-icon" aria-hidden="true">
        ◉
      </span>
      <p>
        <strong>{m.access.observerBanner}</strong> <span>{m.access.observerBannerDetail}</span>
      </p>
    </div>
  );
}
