import type { portfolioDa } from './portfolio.da.ts';

/** English texts of the fund's portfolio (issue 15). */
export const portfolioEn: typeof portfolioDa = {
  title: 'Portfolio',
  heading: (organisation) => `Portfolio – ${organisation}`,
  signedInAs: (name) => `You are signed in as ${name}.`,
  intro:
    'All your partnerships side by side. Each case is shown in its agreed version (the latest every required party signed), else its current one.',
  loading: 'Loading the portfolio …',
  noLink:
    'The portfolio opens with your personal link from an administrator of your organisation. Open the link from your e-mail and this browser will remember it.',
  noCases: 'The organisation has no cases yet.',
  noMatch: 'No cases match the filter.',
  filters: {
    legend: 'Filter',
    text: 'Search case, municipality or intervention',
    phase: 'Phase',
    anyPhase: 'All phases',
    phaseOption: (phase) => `Phase ${phase}`,
    agreedOnly: 'Agreed versions only',
    shown: (shown, total, column, ascending) =>
      `Showing ${shown} of ${total} cases, sorted by ${column}, ${ascending ? 'ascending' : 'descending'}.`,
  },
  casesHeading: 'Cases',
  tableCaption: 'The portfolio’s cases. The column headings are buttons that sort the table.',
  columns: {
    title: 'Case',
    titleAndIntervention: 'Case, municipality and chosen intervention',
    status: 'Phase and status',
    version: 'Version',
    lastActivity: 'Last activity',
    open: 'Open',
  },
  sortBy: (column) => `Sort by ${column}`,
  agreed: 'Agreed',
  current: 'Current',
  readyThrough: (phase) => (phase === 0 ? 'Not ready' : phase === 1 ? 'Ready: phase 1' : `Ready: phases 1–${phase}`),
  findings: (errors, warnings) => `${errors} errors · ${warnings} warn.`,
  notPriced: 'Cannot be priced yet',
  noIntervention: 'None chosen',
  noActivity: 'None yet',
  activeBy: (names) => `by ${names}`,
  openCase: (title) => `Open ${title}`,
  opening: 'Opening …',
  openFailed: 'The case could not be opened. Try again.',
  exportXlsx: 'Download as Excel',
  exporting: 'Making the workbook …',
  exportFailed: 'The workbook could not be made just now. Try again in a moment.',
  reload: 'Refresh',
  chart: {
    heading: 'Capital and expected value by case',
    description:
      'Bars per case: investor capital (solid) and the authority’s net present value in the expected scenario (hatched). Cases that cannot be priced yet are left out. The same figures are in the table above, where they can be sorted.',
    capital: 'Investor capital',
    value: 'Authority net present value',
    none: 'No case can be priced yet.',
  },
  startLink: 'To the start page',
  fromStart: 'Open your portfolio',
  unreachable: 'The server does not answer. Check the connection and try again.',
  failed: 'The portfolio could not be loaded. Try again.',
};
