import { useId, useRef, useState } from 'react';
import { networkFailureText } from '../../api/failureText.ts';
import { casePath, navigate } from '../../app/routes.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { storeToken } from '../access/tokens.ts';
import { readOrganisationKey } from '../organisation/organisationKey.ts';
import { useOrganisationKey } from '../organisation/useOrganisationKey.tsx';
import { type ImportError, importCaseFile, MAX_IMPORT_MB } from './exchangeApi.ts';

/** How many of a refused file's errors are listed; the rest are counted. */
const SHOWN_ERRORS = 12;

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'refused'; name: string; headline: string; errors: ImportError[] };

/**
 * "Import a case" on the start page (docs/exchange.md): a JSON export — or a file written by
 * hand in the same format — becomes a new case whose facilitator is this browser. A refused file
 * creates nothing; each reason is listed in plain language, naming where in the case it is
 * ("Resultatmål 1 › Forventet andel med indsats: skal være et tal"). A server on the network
 * asks for the organisation key first (issue 10); the file is sent again once it is given.
 */
export function ImportCaseButton() {
  const m = useMessages();
  const t = m.exchange.import;
  const lang = useUiStore((state) => state.language);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), help: useId() };
  const organisationKey = useOrganisationKey();

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_MB * 1024 * 1024) {
      setStatus({ kind: 'refused', name: file.name, headline: t.tooLarge(MAX_IMPORT_MB), errors: [] });
      return;
    }
    setStatus({ kind: 'busy', name: file.name });
    const text = await file.text().catch(() => undefined);
    if (text === undefined) {
      setStatus({ kind: 'refused', name: file.name, headline: t.unreadable, errors: [] });
      return;
    }
    const send = async () => {
      setStatus({ kind: 'busy', name: file.name });
      const result = await importCaseFile(text, readOrganisationKey());
      if (result.ok) {
        storeToken(result.id, result.token);
        navigate(casePath(result.id));
        return;
      }
      if (organisationKey.askFor(result, () => void send())) {
        setStatus({ kind: 'idle' });
        return;
      }
      setStatus({ kind: 'refused', name: file.name, headline: headlineOf(result), errors: result.errors });
    };
    await send();
  };
  const headlineOf = (result: Parameters<typeof networkFailureText>[1]) =>
    result.reason === 'unreachable'
      ? t.unreachable
      : (networkFailureText(m, result) ??
        (result.status === 413
          ? t.tooLarge(MAX_IMPORT_MB)
          : result.status === 400
            ? t.refused
            : result.status === 503
              ? t.unavailable
              : t.failed));

  return (
    <div className="import-case">
      <label htmlFor={ids.input} className="button-like">
        {status.kind === 'busy' ? t.busy : t.label}
      </label>
      <input
        ref={input}
        id={ids.input}
        className="visually-hidden-file"
        type="file"
        accept=".json,application/json"
        aria-describedby={ids.help}
        disabled={status.kind === 'busy'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Choosing the same file again after fixing it must fire again.
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <p id={ids.help} className="help">
        {t.help}
      </p>
      {/* Always in the page, so screen readers announce the change of its text. */}
      <p className="import-progress" aria-live="polite">
        {status.kind === 'busy' && (
          <>
            <progress aria-label={t.busy} /> {t.busy} {status.name}
          </>
        )}
      </p>
      {organisationKey.form}
      {status.kind === 'refused' && (
        <div className="error import-errors" role="alert">
          <p>
            <strong>{status.name}:</strong> {status.headline}
          </p>
          {status.errors.length > 0 && (
            <ul>
              {status.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                // Errors have no id; the same path can carry several messages.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list shown once
                <li key={index}>{error.message[lang]}</li>
              ))}
              {status.errors.length > SHOWN_ERRORS && <li>{t.more(status.errors.length - SHOWN_ERRORS)}</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
