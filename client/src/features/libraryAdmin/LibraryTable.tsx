import { DEPARTMENT_LEVEL_NAMES, type Language, type LibraryEntry } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { formatSourceDate, valueText, webLink } from './entryForm.ts';

/**
 * A source's words, as a link when it has an http(s) address (opened in a new tab, without
 * handing this page to it); any other address is never made a link. With `withDate`, its date.
 */
export function SourceText({ entry, lang, withDate }: { entry: LibraryEntry; lang: Language; withDate?: boolean }) {
  const t = useMessages().libraryAdmin;
  const href = webLink(entry.source.link);
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {entry.source.text}
          <span className="visually-hidden"> {t.opensInNewTab}</span>
        </a>
      ) : (
        entry.source.text
      )}
      {withDate && ` (${formatSourceDate(entry.source.date, lang)})`}
    </>
  );
}

type Props = {
  entries: readonly LibraryEntry[];
  lang: Language;
  onEdit: (entry: LibraryEntry) => void;
  onVersions: (entry: LibraryEntry) => void;
};

/** The organisation's entries, each at its current version, with "Redigér" and "Versioner" per row. */
export function LibraryTable({ entries, lang, onEdit, onVersions }: Props) {
  const t = useMessages().libraryAdmin;
  const c = t.columns;
  return (
    <div className="library-table-scroll">
      <table className="library-table">
        <caption className="visually-hidden">{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.level}</th>
            <th scope="col" className="number">
              {c.value}
            </th>
            <th scope="col">{c.unit}</th>
            <th scope="col">{c.priceYear}</th>
            <th scope="col">{c.source}</th>
            <th scope="col">{c.validFrom}</th>
            <th scope="col">{c.version}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-entry-id={entry.id}>
              <th scope="row">{entry.name}</th>
              <td>{DEPARTMENT_LEVEL_NAMES[entry.level][lang]}</td>
              <td className="number">{valueText(entry.valuePerYear)}</td>
              <td className="library-unit">{entry.unit}</td>
              <td>{entry.priceYear}</td>
              <td className="library-source">
                <SourceText entry={entry} lang={lang} withDate />
              </td>
              <td className="nowrap">{formatSourceDate(entry.validFrom, lang)}</td>
              <td>{entry.version}</td>
              <td>
                <div className="library-row-actions">
                  <button type="button" aria-label={t.editEntry(entry.name)} onClick={() => onEdit(entry)}>
                    {t.edit}
                  </button>
                  <button type="button" aria-label={t.versionsOf(entry.name)} onClick={() => onVersions(entry)}>
                    {t.versions}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
