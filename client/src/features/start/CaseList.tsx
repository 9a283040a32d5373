import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { networkFailureText } from '../../api/failureText.ts';
import { Link } from '../../app/Link.tsx';
import { casePath } from '../../app/routes.ts';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { RoleBadge } from '../access/RoleBadge.tsx';
import { CaseActions } from '../lifecycle/CaseActions.tsx';
import { type ApiResult, type CaseSummary, listCases } from './casesApi.ts';
import { casesToTellApart, shortId } from './tellApart.ts';

/** How often the list refreshes who is online and what changed. */
const REFRESH_MS = 15_000;

/**
 * The cases this browser's links open: title, municipality, phase, last change, people in it
 * now, and who the link makes this person in each.
 */
export function CaseList() {
  const m = useMessages();
  const locale = useLocale();
  const [result, setResult] = useState<ApiResult<CaseSummary[]> | null>(null);
  // Issue 15: archived cases are out of the list unless asked for.
  const [showArchived, setShowArchived] = useState(false);
  const load = useCallback(async () => setResult(await listCases(showArchived)), [showArchived]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  if (!result) {
    return (
      <p className="loading" aria-busy="true">
        {m.start.loadingCases}
      </p>
    );
  }
  if (!result.ok) {
    return (
      <div className="error-box" role="alert">
        <p>
          {result.reason === 'unreachable'
            ? m.start.errors.unreachable
            : (networkFailureText(m, result) ?? m.start.errors.listFailed)}
        </p>
        <button type="button" onClick={() => void load()}>
          {m.common.tryAgain}
        </button>
      </div>
    );
  }
  const archivedToggle = (
    <label className="show-archived">
      <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />{' '}
      {m.lifecycle.showArchived}
    </label>
  );
  if (result.value.length === 0) {
    return (
      <>
        {archivedToggle}
        <p className="empty">{m.start.noCases}</p>
      </>
    );
  }

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // Two cases with one title, municipality and phase would read the same: say when each was made.
  const lookAlike = casesToTellApart(result.value);
  return (
    <>
      {archivedToggle}
      <table className="case-table">
        <caption className="visually-hidden">{m.start.casesHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{m.start.columns.title}</th>
            <th scope="col">{m.start.columns.municipality}</th>
            <th scope="col">{m.start.columns.phase}</th>
            <th scope="col">{m.start.columns.updatedAt}</th>
            <th scope="col">{m.start.columns.online}</th>
            <th scope="col">{m.start.columns.access}</th>
            <th scope="col">{m.lifecycle.actions}</th>
          </tr>
        </thead>
        <tbody>
          {result.value.map((row) => (
            <tr key={row.id} data-archived={row.archivedAt ? '' : undefined}>
              <th scope="row">
                <Link href={casePath(row.id)}>{row.title || m.room.untitled}</Link>
                {row.archivedAt && (
                  <CaseMark kind="archived" title={m.lifecycle.archivedAt(dateFormat.format(row.archivedAt))}>
                    {m.lifecycle.archivedMark}
                  </CaseMark>
                )}
                {row.importedAt && (
                  <CaseMark kind="imported" title={m.start.importedAt(dateFormat.format(row.importedAt))}>
                    {m.start.importedCopy}
                  </CaseMark>
                )}
                {lookAlike.has(row.id) && (
                  <>
                    <br />
                    <small className="case-tell-apart" data-tell-apart>
                      {m.start.tellApart(row.createdAt ? dateFormat.format(row.createdAt) : '–', shortId(row.id))}
                    </small>
                  </>
                )}
              </th>
              <td>{row.municipality || '–'}</td>
              <td>{row.phase === 1 || row.phase === 2 || row.phase === 3 ? m.phases[row.phase] : '–'}</td>
              <td>{row.updatedAt ? dateFormat.format(row.updatedAt) : '–'}</td>
              <td>{m.start.online(row.online)}</td>
              <td className="case-access">
                {row.party ? (
                  <>
                    <span className="case-party">{row.party.name}</span> <RoleBadge role={row.party.role} />
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td>
                {row.party?.role === 'facilitator' ? (
                  <CaseActions
                    row={{ id: row.id, title: row.title, archived: row.archivedAt !== undefined }}
                    onChanged={() => void load()}
                  />
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A mark beside a case's title (archived, imported copy), its date in the title. */
function CaseMark({ kind, title, children }: { kind: 'archived' | 'imported'; title: string; children: ReactNode }) {
  return (
    <>
      {' '}
      <span className={`${kind}-mark`} {...{ [`data-${kind}-mark`]: '' }} title={title}>
        {children}
      </span>
    </>
  );
}
