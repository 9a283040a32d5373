import {
  api,
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  type ExportFormat,
  type ExportLanguage,
  type SnapshotListing,
} from '@caseroom/shared';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { callApi } from '../../api/callApi.ts';
import { DialogButton, WorkshopDialog } from '../../app/WorkshopDialog.tsx';
import { useSession } from '../../caseState/sessionContext.ts';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { versionName } from '../workshop/history/versionName.ts';
import { type ExportVersion, fetchExport, saveFile } from './exchangeApi.ts';
import { exportErrorText } from './exportErrorText.ts';

/**
 * An export button and its dialog (any party may export): in the top bar, or on a saved version
 * in the history (`version` preselects it; `label` names it).
 */
export function ExportButton({ version, label }: { version?: ExportVersion; label?: ReactNode }) {
  const m = useMessages();
  return (
    <DialogButton label={label ?? m.exchange.export.open}>
      {(close) => <ExportDialog onClose={close} initialVersion={version ?? { kind: 'agreed' }} />}
    </DialogButton>
  );
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'done'; filename: string; which: 'agreed' | 'current' | 'snapshot'; contentHash: string }
  | { kind: 'failed'; message: string };

/**
 * Export (docs/exchange.md): which version — the agreed one by default, the current one or a
 * saved one — the language of the workbook and report, and a button per format. The file is
 * made by the server (in a worker thread); the dialog says it is working, then what it saved.
 */
function ExportDialog({ onClose, initialVersion }: { onClose: () => void; initialVersion: ExportVersion }) {
  const m = useMessages();
  const t = m.exchange.export;
  const locale = useLocale();
  const uiLanguage = useUiStore((state) => state.language);
  const [versionKind, setVersionKind] = useState<ExportVersion['kind']>(initialVersion.kind);
  const [snapshots, setSnapshots] = useState<SnapshotListing[] | 'failed' | null>(null);
  const [snapshotId, setSnapshotId] = useState(initialVersion.kind === 'snapshot' ? initialVersion.id : '');
  const [lang, setLang] = useState<ExportLanguage>(uiLanguage);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const names = { version: useId(), snapshot: useId(), language: useId() };
  const { caseId, token } = useSession();

  // An export still running when the dialog closes is abandoned: no late download.
  const aborter = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    aborter.current = controller;
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (versionKind !== 'snapshot' || snapshots) return;
    let live = true;
    void callApi(api.listSnapshots, { params: { id: caseId }, tokens: [token] }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setSnapshots('failed');
        setStatus({ kind: 'failed', message: `${t.errors.snapshotsFailed} ${exportErrorText(m, result)}` });
        return;
      }
      const rows = [...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      setSnapshots(rows);
      setSnapshotId((current) => current || rows[0]?.id || '');
    });
    return () => {
      live = false;
    };
  }, [versionKind, snapshots, caseId, token, m, t]);

  const version: ExportVersion | undefined =
    versionKind === 'snapshot'
      ? snapshotId
        ? { kind: 'snapshot', id: snapshotId }
        : undefined
      : { kind: versionKind };

  const download = async (format: ExportFormat) => {
    if (!version || status.kind === 'busy') return;
    setStatus({ kind: 'busy', format });
    const { signal } = aborter.current;
    const result = await fetchExport({ caseId, token }, format, version, lang, signal);
    if (signal.aborted) return;
    if (!result.ok) {
      setStatus({ kind: 'failed', message: exportErrorText(m, result) });
      return;
    }
    saveFile(result.blob, result.filename);
    const which = result.agreed ? 'agreed' : result.source === 'current' ? 'current' : 'snapshot';
    setStatus({ kind: 'done', filename: result.filename, which, contentHash: result.contentHash });
  };

  const busy = status.kind === 'busy';
  const dateOf = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <WorkshopDialog title={t.title} intro={t.intro} onClose={onClose}>
      <div className="export-dialog">
        <fieldset className="field choice">
          <legend>{t.versionLegend}</legend>
          {(['agreed', 'current', 'snapshot'] as const).map((kind) => (
            <label key={kind} className="choice-option">
              <input
                type="radio"
                name={names.version}
                value={kind}
                checked={versionKind === kind}
                onChange={() => setVersionKind(kind)}
              />
              {t.versions[kind]}
            </label>
          ))}
        </fieldset>
        {versionKind === 'snapshot' && (
          <div className="field">
            {snapshots === null && <p className="help">{t.loadingSnapshots}</p>}
            {Array.isArray(snapshots) && snapshots.length === 0 && <p className="help">{t.noSnapshots}</p>}
            {Array.isArray(snapshots) && snapshots.length > 0 && (
              <>
                <label htmlFor={names.snapshot}>{t.snapshotLabel}</label>
                <select id={names.snapshot} value={snapshotId} onChange={(event) => setSnapshotId(event.target.value)}>
                  {snapshots.map((snapshot) => (
                    <option key={snapshot.id} value={snapshot.id}>
                      {`${versionName(snapshot, m)} · ${m.workshop.history.kinds[snapshot.kind] ?? snapshot.kind} · ${dateOf(snapshot.createdAt)}`}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={names.language}>{t.language}</label>
          <select
            id={names.language}
            value={lang}
            onChange={(event) => setLang(event.target.value === 'en' ? 'en' : 'da')}
          >
            {EXPORT_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t.languages[code]}
              </option>
            ))}
          </select>
        </div>
        <ul className="export-formats">
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <button
                type="button"
                className="primary"
                // While a file is being made the buttons stay focusable (aria-disabled, clicks
                // ignored): disabling the focused button would drop keyboard focus out of the dialog.
                disabled={!version}
                aria-disabled={busy || undefined}
                aria-busy={status.kind === 'busy' && status.format === format}
                onClick={() => void download(format)}
              >
                {t.formats[format]}
              </button>
              <p className="help">{t.formatHelp[format]}</p>
            </li>
          ))}
        </ul>
        <div className="export-status" aria-live="polite">
          {busy && (
            <p>
              <progress aria-label={t.busy} /> {t.busy}
            </p>
          )}
          {status.kind === 'done' && (
            <p className="success">
              {t.done(status.filename)} {t.versionNote(t.ofVersion[status.which], status.contentHash.slice(0, 8))}
            </p>
          )}
        </div>
        {status.kind === 'failed' && (
          <p className="error" role="alert">
            {status.message}
          </p>
        )}
      </div>
    </WorkshopDialog>
  );
}
