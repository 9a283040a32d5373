import { useEffect, useId, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ApiError } from './ApiError.tsx';
import { type PartyAccess, type PartyLink, rotateLink } from './accessApi.ts';
import { storeToken } from './tokens.ts';
import { useMe } from './useAccess.ts';

/** "Make a new link for X?" — what happens to the old one, then confirm or cancel. */
export function RotateConfirmation({
  party,
  onDone,
}: {
  party: PartyAccess;
  onDone: (link: PartyLink | null) => void;
}) {
  const m = useMessages();
  const { caseId, token } = useSession();
  const me = useMe();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const own = me?.id === party.id;
  useEffect(() => heading.current?.focus(), []);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    const result = await rotateLink(caseId, token, party.id);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    // The facilitator's own link: this browser moves to the new one (the room reconnects with it).
    if (own) storeToken(caseId, result.value.token);
    onDone(result.value);
  };
  return (
    <section className="rotate-confirmation" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {m.invite.rotateTitle(party.name)}
      </h4>
      <p id={`${id}-text`}>
        {m.invite.rotateExplain}
        {own && ` ${m.invite.rotateOwn}`}
      </p>
      {failure && <ApiError failure={failure} />}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {m.invite.rotateConfirm}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(null)}>
          {m.invite.cancel}
        </button>
      </div>
    </section>
  );
}
