import { type IssuedMemberLink, MAX_MEMBER_NAME } from '@caseroom/shared';
import { type FormEvent, useId, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { addMember } from './adminApi.ts';
import { adminFailureText, keyRefused } from './adminFailure.ts';
import { readMemberExpiry } from './adminForms.ts';

/** "Tilføj person": a name and an optional last day; the answer (with the link) goes to `onAdded`. */
export function AddMemberForm({
  organisationKey,
  onAdded,
  onKeyRefused,
}: {
  organisationKey: string;
  onAdded: (issued: IssuedMemberLink) => void;
  onKeyRefused: () => void;
}) {
  const m = useMessages();
  const t = m.admin.members.add;
  const id = useId();
  const [name, setName] = useState('');
  const [day, setDay] = useState('');
  const [tried, setTried] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const trimmed = name.trim();
  const nameProblem = trimmed === '' ? t.nameRequired : trimmed.length > MAX_MEMBER_NAME ? t.nameTooLong : undefined;
  const expiry = readMemberExpiry(day, Date.now());
  const dayProblem = expiry.ok ? undefined : t[expiry.problem];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(undefined);
    if (nameProblem || !expiry.ok || adding) return;
    setAdding(true);
    const added = await addMember(organisationKey, trimmed, expiry.expiresAt);
    setAdding(false);
    if (!added.ok) {
      if (keyRefused(added)) onKeyRefused();
      else setError(adminFailureText(m, added, m.admin.members.addFailed));
      return;
    }
    setName('');
    setDay('');
    setTried(false);
    onAdded(added.value);
  };

  const showName = tried && nameProblem;
  const showDay = tried && dayProblem;
  return (
    <form className="admin-add" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={`${id}-heading`}>{t.heading}</h3>
      <div className="admin-add-fields">
        <div className="admin-field">
          <label htmlFor={`${id}-name`}>{t.name}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            value={name}
            maxLength={MAX_MEMBER_NAME + 20}
            aria-invalid={Boolean(showName)}
            aria-describedby={`${id}-name-help${showName ? ` ${id}-name-error` : ''}`}
            onChange={(event) => setName(event.target.value)}
          />
          <p className="help" id={`${id}-name-help`}>
            {t.nameHelp}
          </p>
          {showName && (
            <p className="error" id={`${id}-name-error`}>
              {nameProblem}
            </p>
          )}
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-day`}>{t.expiry}</label>
          <input
            id={`${id}-day`}
            type="date"
            value={day}
            aria-invalid={Boolean(showDay)}
            aria-describedby={`${id}-day-help${showDay ? ` ${id}-day-error` : ''}`}
            onChange={(event) => setDay(event.target.value)}
          />
          <p className="help" id={`${id}-day-help`}>
            {t.expiryHelp}
          </p>
          {showDay && (
            <p className="error" id={`${id}-day-error`}>
              {dayProblem}
            </p>
          )}
        </div>
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={adding} aria-busy={adding}>
        {adding ? t.adding : t.submit}
      </button>
    </form>
  );
}
