import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';

/**
 * Asks for the organisation key on the administrator's page: a password field that "Vis" shows
 * as text, the key checked by the page (`onSubmit` resolves when the check is done) and the
 * reason it was refused, if it was.
 */
export function AdminKeyForm({
  error,
  onSubmit,
}: {
  /** Why the last key was not accepted, in words. */
  error: string | undefined;
  onSubmit: (key: string) => Promise<void>;
}) {
  const t = useMessages().admin.key;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [tried, setTried] = useState(false);
  const [checking, setChecking] = useState(false);
  useEffect(() => input.current?.focus(), []);
  const missing = key.trim() === '';
  const problem = tried && missing ? t.required : checking ? undefined : error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing || checking) return;
    setChecking(true);
    await onSubmit(key.trim());
    setChecking(false);
    input.current?.focus();
  };
  return (
    <form className="admin-key" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <p>{t.intro}</p>
      <label htmlFor={`${id}-key`}>{t.label}</label>
      <div className="admin-key-row">
        <input
          ref={input}
          id={`${id}-key`}
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          value={key}
          aria-invalid={problem !== undefined}
          aria-describedby={`${id}-help${problem ? ` ${id}-error` : ''}`}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="button" aria-label={shown ? t.hideLabel : t.showLabel} onClick={() => setShown((was) => !was)}>
          {shown ? t.hide : t.show}
        </button>
      </div>
      <p className="help" id={`${id}-help`}>
        {t.help}
      </p>
      {problem && (
        <p className="error" id={`${id}-error`} role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={checking} aria-busy={checking}>
          {checking ? t.checking : t.submit}
        </button>
      </div>
    </form>
  );
}
