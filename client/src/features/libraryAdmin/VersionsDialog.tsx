import { type LibraryEntry, SEED_AUTHOR } from '@caseroom/shared';
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../api/request.ts';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { useLanguage, useLocale, useMessages } from '../../i18n/messages.ts';
import { valueText } from './entryForm.ts';
import { SourceText } from './LibraryTable.tsx';

type Props = {
  entry: LibraryEntry;
  load: () => Promise<ApiResult<LibraryEntry[]>>;
  onClose: () => void;
  failureText: (failure: Exclude<ApiResult<unknown>, { ok: true }>, fallback: string) => string;
};

/**
 * An entry's history (issue 15): every version, the oldest first — its value, price year and
 * source, who saved it and when. Versions are never overwritten, so this is what a case that
 * took an older version took.
 */
export function VersionsDialog({ entry, load, onClose, failureText }: Props) {
  const m = useMessages();
  const h = m.libraryAdmin.history;
  const lang = useLanguage();
  const locale = useLocale();
  const [result, setResult] = useState<ApiResult<LibraryEntry[]> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((loaded) => {
      if (live) setResult(loaded);
    });
    return () => {
      live = false;
    };
  }, [load]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <ModalDialog
      title={m.libraryAdmin.versionsOf(entry.name)}
      closeLabel={h.close}
      className="library-versions-dialog"
      onClose={onClose}
    >
      {!result ? (
        <p role="status" aria-busy="true">
          {h.loading}
        </p>
      ) : !result.ok ? (
        <p className="error-box" role="alert">
          {failureText(result, h.failed)}
        </p>
      ) : (
        <table className="library-table">
          <caption className="visually-hidden">{h.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{h.version}</th>
              <th scope="col" className="number">
                {h.value}
              </th>
              <th scope="col">{h.priceYear}</th>
              <th scope="col">{h.source}</th>
              <th scope="col">{h.changedBy}</th>
              <th scope="col">{h.changedAt}</th>
            </tr>
          </thead>
          <tbody>
            {result.value.map((version) => (
              <tr key={version.version}>
                <th scope="row">{version.version}</th>
                <td className="number">{valueText(version.valuePerYear)}</td>
                <td>{version.priceYear}</td>
                <td>
                  <SourceText entry={version} lang={lang} withDate />
                </td>
                <td>{version.changedBy === SEED_AUTHOR && version.version === 1 ? h.seeded : version.changedBy}</td>
                <td>
                  <time dateTime={version.changedAt}>{when.format(new Date(version.changedAt))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ModalDialog>
  );
}
