import type { PortfolioRow } from '@caseroom/shared';

/** What the portfolio table can be sorted by. */
export const SORT_KEYS = [
  'title',
  'phase',
  'authorityNpv',
  'publicSectorNpv',
  'investorIrr',
  'capitalNeeded',
  'probabilityInvestorLoses',
  'lastActivityAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export type PortfolioSort = { key: SortKey; direction: SortDirection };

/** What the filters hold: free text (title, municipality, intervention), a phase, only agreed versions. */
export type PortfolioFilter = { text: string; phase: 1 | 2 | 3 | undefined; agreedOnly: boolean };
export const NO_FILTER: PortfolioFilter = { text: '', phase: undefined, agreedOnly: false };

/** The value a row is sorted by; undefined sorts last whatever the direction (a case not priced has no figures). */
function sortValue(row: PortfolioRow, key: SortKey): number | string | undefined {
  switch (key) {
    case 'title':
      return row.title.toLocaleLowerCase('da');
    case 'phase':
      return row.phase;
    case 'lastActivityAt':
      return row.lastActivityAt ?? undefined;
    case 'investorIrr':
      return row.figures?.investorIrr ?? undefined;
    default:
      return row.figures?.[key];
  }
}

/** The rows that pass the filter, sorted (stable: equal rows keep the server's order). */
export function portfolioView(
  rows: readonly PortfolioRow[],
  filter: PortfolioFilter,
  sort: PortfolioSort,
): PortfolioRow[] {
  const needle = filter.text.trim().toLocaleLowerCase('da');
  const kept = rows.filter(
    (row) =>
      (!needle ||
        [row.title, row.municipality ?? '', row.intervention ?? ''].some((text) =>
          text.toLocaleLowerCase('da').includes(needle),
        )) &&
      (filter.phase === undefined || row.phase === filter.phase) &&
      (!filter.agreedOnly || row.version.agreed),
  );
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return kept
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' && typeof b.value === 'string'
          ? a.value.localeCompare(b.value, 'da')
          : (a.value as number) - (b.value as number);
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}

/** Clicking a column: the same column turns the direction, another starts with its natural one (figures: largest first). */
export function nextSort(current: PortfolioSort, key: SortKey): PortfolioSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const textual = key === 'title' || key === 'phase';
  return { key, direction: textual ? 'ascending' : 'descending' };
}

/**
 * The name a case goes by on the page: its title, or the room's "Sag uden titel" for one not
 * named yet — so its row header and its "Åbn" button still say which case they are.
 */
export function shownTitle(row: Pick<PortfolioRow, 'title'>, untitled: string): string {
  return row.title.trim() || untitled;
}
