import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { ApiError } from './ApiError.tsx';
import { type PartyAccess, setLinkExpiry } from './accessApi.ts';
import { dayValue, expiryAfterDay, expiryDayProblem, linkLifetime } from './linkLifetime.ts';

/** What changed, for the dialog's status line. */
export type ExpiryChange = 'saved' | 'cleared';

/**
 * The expiry date of a party's link (issue 10): the last day it works, saved, or cleared (no
 * expiry — the default). A day that has passed is refused here, before the server is asked.
 */
export function ExpiryForm({ party, onDone }: { party: PartyAccess; onDone: (change: ExpiryChange | null) => void }) {
  const m = useMessages();
  const t = m.invite.lifetime;
  const { caseId, token } = useSession();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const lifetime = linkLifetime(party, Date.now());
  const [day, setDay] = useState(
    lifetime.kind === 'expires' || lifetime.kind === 'expired' ? dayValue(lifetime.day) : '',
  );
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const problem = expiryDayProblem(day, Date.now());

  const save = async (expiresAt: string | null, change: ExpiryChange) => {
    setBusy(true);
    setFailure(null);
    const result = await setLinkExpiry(caseId, token, party.id, expiresAt);
    setBusy(false);
    if (result.ok) onDone(change);
    else setFailure(result);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const expiry = expiryAfterDay(day);
    if (problem || !expiry) return;
    void save(expiry.toISOString(), 'saved');
  };
  const showProblem = tried && problem !== undefined;
  return (
    <form className="rotate-confirmation expiry-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t.expiryTitle(party.name)}
      </h4>
      <label htmlFor={`${id}-day`}>{t.dateLabel}</label>
      <input
        id={`${id}-day`}
        type="date"
        value={day}
        min={dayValue(new Date())}
        aria-invalid={showProblem}
        aria-describedby={`${id}-help${showProblem ? ` ${id}-problem` : ''}`}
        onChange={(event) => setDay(event.target.value)}
      />
      <p className="help" id={`${id}-help`}>
        {t.dateHelp}
      </p>
      {showProblem && (
        <p className="error" id={`${id}-problem`}>
          {t.errors[problem]}
        </p>
      )}
      {failure && <ApiError failure={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.saveExpiry}
        </button>
        {party.expiresAt && (
          <button type="button" disabled={busy} onClick={() => void save(null, 'cleared')}>
            {t.clearExpiry}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => onDone(null)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
