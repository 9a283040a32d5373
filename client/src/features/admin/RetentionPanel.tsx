import { type FormEvent, useEffect, useId, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { loadRetention, saveRetention } from './adminApi.ts';
import { adminFailureText, keyRefused } from './adminFailure.ts';
import { readRetentionDays, retentionFieldText } from './adminForms.ts';

/**
 * How long the organisation keeps archived cases (issue 15; docs/access.md "Archive, delete,
 * retention"): read from the server, changed with "Gem"; empty keeps them.
 */
export function RetentionPanel({
  organisationKey,
  onKeyRefused,
}: {
  organisationKey: string;
  onKeyRefused: () => void;
}) {
  const m = useMessages();
  const t = m.admin.retention;
  const id = useId();
  /** The server's value; undefined while it is loading or could not be read. */
  const [current, setCurrent] = useState<number | null | undefined>();
  const [text, setText] = useState('');
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const load = async () => {
    setLoading(true);
    setError(undefined);
    const loaded = await loadRetention(organisationKey);
    setLoading(false);
    if (loaded.ok) {
      setCurrent(loaded.value.retentionDays);
      setText(retentionFieldText(loaded.value.retentionDays));
    } else if (keyRefused(loaded)) onKeyRefused();
    else setError(adminFailureText(m, loaded, t.failed));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per key.
  useEffect(() => {
    void load();
  }, [organisationKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    setError(undefined);
    const read = readRetentionDays(text);
    if (!read.ok) {
      setProblem(t[read.problem]);
      return;
    }
    setProblem(undefined);
    setSaving(true);
    const result = await saveRetention(organisationKey, read.days);
    setSaving(false);
    if (!result.ok) {
      if (keyRefused(result)) onKeyRefused();
      else setError(adminFailureText(m, result, t.saveFailed));
      return;
    }
    setCurrent(result.value.retentionDays);
    setText(retentionFieldText(result.value.retentionDays));
    setSaved(t.saved(result.value.retentionDays));
  };

  return (
    <section className="admin-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <p>{t.intro}</p>
      {loading ? (
        <p className="loading" aria-busy="true">
          {t.loading}
        </p>
      ) : current !== undefined ? (
        <p className="admin-current">{t.current(current)}</p>
      ) : null}
      {error && (
        <div className="error-box" role="alert">
          <p>{error}</p>
          {current === undefined && (
            <button type="button" onClick={() => void load()}>
              {m.common.tryAgain}
            </button>
          )}
        </div>
      )}
      {current !== undefined && (
        <form className="admin-retention" onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor={`${id}-days`}>{t.label}</label>
          <div className="admin-link-row">
            <input
              id={`${id}-days`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={text}
              aria-invalid={problem !== undefined}
              aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
              onChange={(event) => setText(event.target.value)}
            />
            <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
              {saving ? t.saving : t.save}
            </button>
          </div>
          <p className="help" id={`${id}-help`}>
            {t.help}
          </p>
          {problem && (
            <p className="error" id={`${id}-problem`}>
              {problem}
            </p>
          )}
          <p className="admin-status" role="status">
            {saved}
          </p>
        </form>
      )}
    </section>
  );
}
