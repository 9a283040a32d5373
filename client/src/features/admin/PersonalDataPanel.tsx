import type { PersonalData } from '@caseroom/shared';
import { type FormEvent, useId, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { saveFile } from '../exchange/exchangeApi.ts';
import { loadPersonalData } from './adminApi.ts';
import { adminFailureText } from './adminFailure.ts';
import { caseIdFrom, personalDataFilename, personalDataJson } from './adminForms.ts';
import { PersonalDataView } from './PersonalDataView.tsx';

/**
 * A case's personal data for a data-protection request (issue 15; docs/access.md "Personal
 * data"): a case id (or a pasted case link), the lists, and the server's answer as a JSON file.
 */
export function PersonalDataPanel({ organisationKey }: { organisationKey: string }) {
  const m = useMessages();
  const t = m.admin.personalData;
  const id = useId();
  const [text, setText] = useState('');
  const [fetching, setFetching] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [data, setData] = useState<PersonalData | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const caseId = caseIdFrom(text);
    if (!caseId) {
      setProblem(t.required);
      return;
    }
    setProblem(undefined);
    setFetching(true);
    const loaded = await loadPersonalData(organisationKey, caseId);
    setFetching(false);
    if (loaded.ok) {
      // A pasted case link carries its token: only the id stays on screen.
      setText(caseId);
      setData(loaded.value);
      return;
    }
    setData(undefined);
    // The key was accepted a moment ago: a 403 here is a case of another organisation.
    if (loaded.code === 'organisationKeyInvalid') setError(t.otherOrganisation);
    else if (loaded.code === 'caseNotFound') setError(t.notFound);
    else setError(adminFailureText(m, loaded, t.failed));
  };

  const download = () => {
    if (!data) return;
    saveFile(new Blob([personalDataJson(data)], { type: 'application/json' }), personalDataFilename(data));
  };

  return (
    <section className="admin-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <p>{t.intro}</p>
      <form className="admin-personal" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={`${id}-case`}>{t.label}</label>
        <div className="admin-link-row">
          <input
            id={`${id}-case`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-invalid={problem !== undefined}
            aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="primary" disabled={fetching} aria-busy={fetching}>
            {fetching ? t.fetching : t.fetch}
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
      </form>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <button type="button" onClick={download}>
            {t.download}
          </button>
          <PersonalDataView data={data} />
        </>
      )}
    </section>
  );
}
