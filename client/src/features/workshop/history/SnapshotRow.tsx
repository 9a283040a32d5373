import type { CaseModelDraft, SnapshotChanges, SnapshotListing } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useLocale, useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { ExportButton } from '../../exchange/ExportDialog.tsx';
import { useWorkshopCall } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { snapshotChanges, snapshotModel } from '../workshopApi.ts';
import { SnapshotViewer } from './SnapshotViewer.tsx';
import { versionName } from './versionName.ts';

type Shown =
  | { kind: 'none' }
  | { kind: 'model'; model: CaseModelDraft }
  | { kind: 'changes'; sections: SnapshotChanges['sections'] }
  | { kind: 'confirm' }
  | { kind: 'restored' };

/**
 * One kept version: name (in the reader's language), kind, when; view it, what changed since,
 * restore (with confirmation). Each button's accessible name carries the version's name, so a
 * screen reader tells the rows apart; the visible text stays short.
 */
export function SnapshotRow({ snapshot, onRestored }: { snapshot: SnapshotListing; onRestored: () => void }) {
  const m = useMessages();
  const t = m.workshop.history;
  const locale = useLocale();
  const lang = useUiStore((state) => state.language);
  const actions = useWorkshopActions();
  const at = useWorkshopCall();
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [failure, setFailure] = useState<ApiFailure>();
  const name = versionName(snapshot, m);
  const view = async () => {
    const result = await snapshotModel(at, snapshot.id);
    setFailure(failureOf(result));
    if (result.ok) setShown({ kind: 'model', model: result.value });
  };
  const changes = async () => {
    const result = await snapshotChanges(at, snapshot.id, lang);
    setFailure(failureOf(result));
    if (result.ok) setShown({ kind: 'changes', sections: result.value.sections });
  };
  const restore = async () => {
    const result = await actions.perform('snapshot.restore', { snapshotId: snapshot.id });
    setFailure(failureOf(result));
    if (result.ok) {
      setShown({ kind: 'restored' });
      onRestored();
    }
  };
  const title = (section: string) => (m.sections as Record<string, { title: string }>)[section]?.title ?? section;
  return (
    <li className="snapshot">
      <div className="snapshot-head">
        <span className="snapshot-name">{name}</span>
        <span className="help">
          {t.kinds[snapshot.kind] ?? snapshot.kind} ·{' '}
          {new Date(snapshot.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
        </span>
        <span className="snapshot-actions">
          <button
            type="button"
            aria-label={t.named.view(name)}
            aria-expanded={shown.kind === 'model'}
            onClick={() => void view()}
          >
            {t.view}
          </button>
          <button
            type="button"
            aria-label={t.named.changes(name)}
            aria-expanded={shown.kind === 'changes'}
            onClick={() => void changes()}
          >
            {t.changes}
          </button>
          {actions.may('snapshot.restore') && (
            <button type="button" aria-label={t.named.restore(name)} onClick={() => setShown({ kind: 'confirm' })}>
              {t.restore}
            </button>
          )}
          <ExportButton
            version={{ kind: 'snapshot', id: snapshot.id }}
            label={
              <>
                {t.export}
                <span className="visually-hidden"> {name}</span>
              </>
            }
          />
        </span>
      </div>
      {shown.kind === 'model' && (
        <SnapshotViewer name={name} model={shown.model} onClose={() => setShown({ kind: 'none' })} />
      )}
      {shown.kind === 'changes' &&
        (shown.sections.length === 0 ? (
          <p>{t.noChanges}</p>
        ) : (
          <dl className="snapshot-changes">
            {shown.sections.map(({ section, lines }) => (
              <div key={section}>
                <dt>{title(section)}</dt>
                <dd>
                  <ul>
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        ))}
      {shown.kind === 'confirm' && (
        <div className="confirm">
          <p>{t.confirmRestore(name)}</p>
          <button type="button" className="danger" onClick={() => void restore()}>
            {t.confirm}
          </button>
          <button type="button" onClick={() => setShown({ kind: 'none' })}>
            {m.workshop.cancel}
          </button>
        </div>
      )}
      {shown.kind === 'restored' && <p role="status">{t.restored}</p>}
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </li>
  );
}
