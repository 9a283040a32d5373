import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';

/**
 * Asks for the organisation key (issue 10): a labelled password field, why it is needed and
 * where to get it, and — after a refused key — that it was not accepted.
 */
export function OrganisationKeyForm({
  invalid,
  onSubmit,
  onCancel,
}: {
  /** The server did not accept the key last given. */
  invalid: boolean;
  onSubmit: (key: string) => void;
  onCancel: () => void;
}) {
  const m = useMessages();
  const t = m.network.organisationKey;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => input.current?.focus(), []);
  const missing = key.trim() === '';
  const error = tried && missing ? t.required : invalid ? m.network.errors.organisationKeyInvalid : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!missing) onSubmit(key.trim());
  };
  return (
    <form className="organisation-key" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>{t.heading}</h3>
      <p>{t.intro}</p>
      <label htmlFor={`${id}-key`}>{t.label}</label>
      <input
        ref={input}
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={key}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onChange={(event) => setKey(event.target.value)}
      />
      <p className="help" id={`${id}-help`}>
        {t.help}
      </p>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
