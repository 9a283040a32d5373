import { useEffect, useId, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ApiError } from './ApiError.tsx';
import { endAccess, type PartyAccess } from './accessApi.ts';

/**
 * "End the access of X?" (issue 10) — the link stops at once and its open connections are cut;
 * what the party contributed stays. Confirm or cancel.
 */
export function EndAccessConfirmation({ party, onDone }: { party: PartyAccess; onDone: (ended: boolean) => void }) {
  const m = useMessages();
  const t = m.invite.lifetime;
  const { caseId, token } = useSession();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    const result = await endAccess(caseId, token, party.id);
    setBusy(false);
    if (result.ok) onDone(true);
    else setFailure(result);
  };
  return (
    <section className="rotate-confirmation" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t.endTitle(party.name)}
      </h4>
      <p id={`${id}-text`}>{t.endExplain}</p>
      {failure && <ApiError failure={failure} />}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t.endConfirm}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}
