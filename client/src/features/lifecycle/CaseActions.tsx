import { useId, useState } from 'react';
import { failureText } from '../../api/failureText.ts';
import type { ApiResult } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { archiveCase, copyAsTemplate, deleteCase, restoreCase } from './lifecycleApi.ts';

/** The case a row offers actions for: its id, title and whether it is archived. */
export type LifecycleCase = { id: string; title: string; archived: boolean };

/**
 * The facilitator's lifecycle actions on one case of the start page (issue 15): archive or
 * restore, copy as a template, and delete for good after typing the title. `onChanged` reloads
 * the list; a failure is said in the row.
 */
export function CaseActions({ row, onChanged }: { row: LifecycleCase; onChanged: () => void }) {
  const m = useMessages();
  const t = m.lifecycle;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  // What the server checks: the title, or the id of a case without one.
  const expected = row.title.trim() || row.id;

  const run = async (action: () => Promise<ApiResult<unknown>>, done?: string) => {
    setBusy(true);
    setMessage(undefined);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setMessage(failureText(m, result) || t.failed);
      return;
    }
    setMessage(done);
    setDeleting(false);
    onChanged();
  };
  const copyTitle = t.copyTitle(row.title || m.room.untitled);

  return (
    <div className="case-actions" data-case-actions>
      {row.archived ? (
        <button type="button" disabled={busy} onClick={() => void run(() => restoreCase(row.id))}>
          {t.restore}
        </button>
      ) : (
        <button type="button" disabled={busy} title={t.archiveHint} onClick={() => void run(() => archiveCase(row.id))}>
          {t.archive}
        </button>
      )}
      <button
        type="button"
        disabled={busy}
        title={t.copyHint}
        onClick={() => void run(() => copyAsTemplate(row.id, copyTitle), t.copied(copyTitle))}
      >
        {t.copy}
      </button>
      <button type="button" className="danger" disabled={busy} onClick={() => setDeleting(true)}>
        {t.delete}
      </button>
      {deleting && (
        <div className="case-delete" role="alertdialog" aria-labelledby={`${inputId}-title`}>
          <p id={`${inputId}-title`}>
            <strong>{t.deleteTitle}</strong>
          </p>
          <p className="warning">{t.deleteWarning}</p>
          <label className="case-delete-label" htmlFor={inputId}>
            {t.deleteConfirmLabel(expected)}
          </label>
          <input
            className="case-delete-input"
            id={inputId}
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="case-delete-buttons">
            <button
              type="button"
              className="danger"
              disabled={busy || typed.trim() !== expected}
              onClick={() => void run(() => deleteCase(row.id, typed))}
            >
              {t.deleteConfirm}
            </button>
            <button
              type="button"
              onClick={() => {
                setDeleting(false);
                setTyped('');
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className="case-actions-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
