import { type ReactNode, useEffect, useId, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { readListing, type SnapshotListing } from '../workshop/snapshotListing.ts';
import { useWorkshopCall } from '../workshop/useWorkshop.ts';
import { DialogButton, WorkshopDialog } from '../workshop/WorkshopDialog.tsx';
import { listSnapshots } from '../workshop/workshopApi.ts';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportLanguage,
  type ExportVersion,
  fetchExport,
  saveFile,
} from './exchangeApi.ts';
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
  const at = useWorkshopCall();
  const locale = useLocale();
  const uiLanguage = useUiStore((state) => state.language);
  const [versionKind, setVersionKind] = useState<ExportVersion['kind']>(initialVersion.kind);
  const [snapshots, setSnapshots] = useState<SnapshotListing[] | null>(null);
  const [snapshotId, setSnapshotId] = useState(initialVersion.kind === 'snapshot' ? initialVersion.id : '');
  const [lang, setLang] = useState<ExportLanguage>(uiLanguage);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const names = { version: useId(), snapshot: useId(), language: useId() };
  const { caseId, token } = at;

  useEffect(() => {
    if (versionKind !== 'snapshot' || snapshots) return;
    void listSnapshots({ caseId, token }).then((result) => {
      const rows = result.ok ? readListing(result.value) : [];
      rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      setSnapshots(rows);
      setSnapshotId((current) => current || rows[0]?.id || '');
    });
  }, [versionKind, snapshots, caseId, token]);

  const version: ExportVersion | undefined =
    versionKind === 'snapshot'
      ? snapshotId
        ? { kind: 'snapshot', id: snapshotId }
        : undefined
      : { kind: versionKind };

  const download = async (format: ExportFormat) => {
    if (!version) return;
    setStatus({ kind: 'busy', format });
    const result = await fetchExport({ caseId, token }, format, version, lang);
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
            {snapshots?.length === 0 && <p className="help">{t.noSnapshots}</p>}
            {snapshots && snapshots.length > 0 && (
              <>
                <label htmlFor={names.snapshot}>{t.snapshotLabel}</label>
                <select id={names.snapshot} value={snapshotId} onChange={(event) => setSnapshotId(event.target.value)}>
                  {snapshots.map((snapshot) => (
                    <option key={snapshot.id} value={snapshot.id}>
                      {`${snapshot.name} · ${m.workshop.history.kinds[snapshot.kind] ?? snapshot.kind} · ${dateOf(snapshot.createdAt)}`}
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
            {(['da', 'en'] as const).map((code) => (
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
                disabled={busy || !version}
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
