import { formatFigure, type HeadlineFigureKey, headlineFigureTexts, type PortfolioRow } from '@caseroom/shared';
import { useId, useMemo, useState } from 'react';
import { useLanguage, useLocale, useMessages } from '../../i18n/messages.ts';
import {
  NO_FILTER,
  nextSort,
  type PortfolioFilter,
  type PortfolioSort,
  portfolioView,
  type SortKey,
  shownTitle,
} from './portfolioView.ts';

/** The figure columns, named by the headline-figure registry (one name per figure). */
const FIGURE_COLUMNS: { key: SortKey & keyof NonNullable<PortfolioRow['figures']>; figure: HeadlineFigureKey }[] = [
  { key: 'authorityNpv', figure: 'authorityNpv' },
  { key: 'publicSectorNpv', figure: 'publicSectorNpv' },
  { key: 'investorIrr', figure: 'investorIrr' },
  { key: 'capitalNeeded', figure: 'capital' },
  { key: 'probabilityInvestorLoses', figure: 'probabilityInvestorLoses' },
];

/** The portfolio's cases as a table: filters above, every column sortable, a button into each case. */
export function PortfolioTable({
  rows,
  onOpen,
  opening,
}: {
  rows: readonly PortfolioRow[];
  onOpen: (row: PortfolioRow) => void;
  opening: string | undefined;
}) {
  const m = useMessages();
  const p = m.portfolio;
  const lang = useLanguage();
  const locale = useLocale();
  const id = useId();
  const [filter, setFilter] = useState<PortfolioFilter>(NO_FILTER);
  const [sort, setSort] = useState<PortfolioSort>({ key: 'title', direction: 'ascending' });
  // Why a case has no figures, in the panel's own words (m.businessCase.reasons).
  const reasons: Record<string, string> = m.businessCase.reasons;
  const notPricedText = (reason: string | undefined) =>
    reason !== undefined && reason in reasons ? `${m.businessCase.notPriceable} ${reasons[reason]}` : p.notPriced;
  const shown = useMemo(() => portfolioView(rows, filter, sort), [rows, filter, sort]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const title = (row: PortfolioRow) => shownTitle(row, m.room.untitled);
  // Every sortable column once: the headings and the status line that says the sort both read it.
  const columns: { key: SortKey; label: string; className?: string }[] = [
    { key: 'title', label: p.columns.titleAndIntervention },
    { key: 'phase', label: p.columns.status },
    ...FIGURE_COLUMNS.map(({ key, figure }) => ({
      key,
      label: headlineFigureTexts(figure, lang).name,
      className: 'number',
    })),
    { key: 'lastActivityAt', label: p.columns.lastActivity },
  ];
  const sortLabel = columns.find((column) => column.key === sort.key)?.label ?? '';

  const header = ({ key, label, className }: { key: SortKey; label: string; className?: string }) => (
    <th key={key} scope="col" className={className} aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort(nextSort(sort, key))}
        title={p.sortBy(label)}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <section className="portfolio-cases" aria-labelledby={`${id}-heading`}>
      {/* Seen at once on the screen; a screen reader's heading list needs the name. */}
      <h2 id={`${id}-heading`} className="visually-hidden">
        {p.casesHeading}
      </h2>
      <fieldset className="portfolio-filters">
        <legend>{p.filters.legend}</legend>
        {/* Each label beside its field, not around it: a label wrapping a list would read out its options. */}
        <div className="portfolio-filter">
          <label htmlFor={`${id}-text`}>{p.filters.text}</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text}
            maxLength={200}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </div>
        <div className="portfolio-filter">
          <label htmlFor={`${id}-phase`}>{p.filters.phase}</label>
          <select
            id={`${id}-phase`}
            value={filter.phase ?? ''}
            onChange={(event) =>
              setFilter({
                ...filter,
                phase: event.target.value ? (Number(event.target.value) as 1 | 2 | 3) : undefined,
              })
            }
          >
            <option value="">{p.filters.anyPhase}</option>
            {([1, 2, 3] as const).map((phase) => (
              <option key={phase} value={phase}>
                {p.filters.phaseOption(phase)}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox" htmlFor={`${id}-agreed`}>
          <input
            id={`${id}-agreed`}
            type="checkbox"
            checked={filter.agreedOnly}
            onChange={(event) => setFilter({ ...filter, agreedOnly: event.target.checked })}
          />
          {p.filters.agreedOnly}
        </label>
      </fieldset>
      <p id={`${id}-shown`} className="help" aria-live="polite">
        {p.filters.shown(shown.length, rows.length, sortLabel, sort.direction === 'ascending')}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{p.noMatch}</p>
      ) : (
        <div className="table-scroll">
          <table className="portfolio-table">
            <caption className="visually-hidden">{p.tableCaption}</caption>
            <thead>
              <tr>{columns.map(header)}</tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.caseId}>
                  <th scope="row">
                    <span className="portfolio-title">{title(row)}</span>
                    {row.municipality && <span className="block">{row.municipality}</span>}
                    <span className="help block">{row.intervention ?? p.noIntervention}</span>
                    <span className="portfolio-row-actions">
                      <span className={`version-mark ${row.version.agreed ? 'agreed' : ''}`}>
                        {row.version.agreed ? p.agreed : p.current}
                      </span>
                      <button
                        type="button"
                        onClick={() => onOpen(row)}
                        disabled={opening !== undefined}
                        aria-busy={opening === row.caseId}
                        aria-label={p.openCase(title(row))}
                      >
                        {opening === row.caseId ? p.opening : p.columns.open}
                      </button>
                    </span>
                  </th>
                  <td className="status-cell">
                    {row.phase === undefined ? '–' : p.filters.phaseOption(row.phase)}
                    <span className="help block">{p.readyThrough(row.readyThroughPhase)}</span>
                    <span className="help block">{p.findings(row.findings.errors, row.findings.warnings)}</span>
                  </td>
                  {row.figures ? (
                    FIGURE_COLUMNS.map(({ key, figure }) => (
                      <td key={key} className="number">
                        {formatFigure(figure, row.figures?.[key] ?? undefined, { lang })}
                      </td>
                    ))
                  ) : (
                    <td colSpan={FIGURE_COLUMNS.length} className="help">
                      {notPricedText(row.notPriced)}
                    </td>
                  )}
                  <td>
                    {row.lastActivityAt ? when.format(new Date(row.lastActivityAt)) : p.noActivity}
                    {row.activeParties.length > 0 && (
                      <span className="help block">{p.activeBy(row.activeParties.join(', '))}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
