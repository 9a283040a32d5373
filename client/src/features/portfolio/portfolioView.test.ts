import type { PortfolioRow } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { NO_FILTER, nextSort, portfolioView, shownTitle } from './portfolioView.ts';

function row(caseId: string, overrides: Partial<PortfolioRow> = {}, npv?: number): PortfolioRow {
  return {
    caseId,
    title: `Sag ${caseId}`,
    readyThroughPhase: 0,
    version: { source: 'current', agreed: false, contentHash: 'h' },
    figures:
      npv === undefined
        ? null
        : { authorityNpv: npv, publicSectorNpv: npv, investorIrr: null, capitalNeeded: 1, probabilityInvestorLoses: 0 },
    findings: { errors: 0, warnings: 0 },
    updatedAt: '2026-12-01T00:00:00.000Z',
    lastActivityAt: null,
    activeParties: [],
    ...overrides,
  };
}

describe('the portfolio table: sorting and filtering', () => {
  const rows = [
    row('a', { municipality: 'Holbæk', phase: 2, title: 'Ældre' }, 5_000_000),
    row('b', { municipality: 'Guldborgsund', phase: 1, title: 'Unge' }, -1_000_000),
    row('c', { municipality: 'Svendborg', phase: 2, title: 'Ledige', intervention: 'IPS' }),
    row(
      'd',
      { municipality: 'Aabenraa', phase: 3, version: { source: 's', agreed: true, contentHash: 'x' } },
      9_000_000,
    ),
  ];
  const ids = (list: PortfolioRow[]) => list.map((r) => r.caseId);

  it('sorts by authority NPV, largest first, a case without figures last in both directions', () => {
    const descending = portfolioView(rows, NO_FILTER, { key: 'authorityNpv', direction: 'descending' });
    expect(ids(descending)).toEqual(['d', 'a', 'b', 'c']);
    const ascending = portfolioView(rows, NO_FILTER, { key: 'authorityNpv', direction: 'ascending' });
    expect(ids(ascending)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts text the Danish way (Æ after Z)', () => {
    expect(ids(portfolioView(rows, NO_FILTER, { key: 'title', direction: 'ascending' }))).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(portfolioView(rows, NO_FILTER, { key: 'title', direction: 'descending' }))).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
  });

  it('filters by text in title, municipality or intervention, by phase, and by agreed versions', () => {
    const sort = { key: 'title', direction: 'ascending' } as const;
    expect(ids(portfolioView(rows, { ...NO_FILTER, text: 'ips' }, sort))).toEqual(['c']);
    expect(ids(portfolioView(rows, { ...NO_FILTER, text: 'holb' }, sort))).toEqual(['a']);
    expect(ids(portfolioView(rows, { ...NO_FILTER, phase: 2 }, sort))).toEqual(['c', 'a']);
    expect(ids(portfolioView(rows, { ...NO_FILTER, agreedOnly: true }, sort))).toEqual(['d']);
  });

  it('a click on the sorted column turns it; another column starts largest first for figures, A–Z for text', () => {
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'title')).toEqual({
      key: 'title',
      direction: 'descending',
    });
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'authorityNpv')).toEqual({
      key: 'authorityNpv',
      direction: 'descending',
    });
    expect(nextSort({ key: 'authorityNpv', direction: 'descending' }, 'phase')).toEqual({
      key: 'phase',
      direction: 'ascending',
    });
  });
});

describe('the name a case goes by', () => {
  it('is its title, or the untitled text for a case not named yet (its row and button must say which case)', () => {
    expect(shownTitle(row('a', { title: 'Holbæk' }), 'Sag uden titel')).toBe('Holbæk');
    expect(shownTitle(row('b', { title: '' }), 'Sag uden titel')).toBe('Sag uden titel');
    expect(shownTitle(row('c', { title: '   ' }), 'Sag uden titel')).toBe('Sag uden titel');
  });
});
