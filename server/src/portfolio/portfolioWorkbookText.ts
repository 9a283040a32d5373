/** The portfolio workbook's words (issue 15); figure names come from shared's headline-figure registry. */
export type PortfolioWorkbookText = {
  sheet: string;
  heading: (organisation: string) => string;
  exportedAt: (when: string) => string;
  versionNote: string;
  columns: {
    title: string;
    municipality: string;
    phase: string;
    readyThrough: string;
    intervention: string;
    version: string;
    valuePerCapital: string;
    errors: string;
    warnings: string;
    lastActivity: string;
    active: string;
  };
  agreed: string;
  current: string;
  notPriced: string;
  total: string;
  weightedNote: string;
};

const da: PortfolioWorkbookText = {
  sheet: 'Portefølje',
  heading: (organisation) => `Portefølje: ${organisation}`,
  exportedAt: (when) => `Udtrukket ${when}`,
  versionNote:
    'Hver sag vises i den aftalte version (den seneste, alle påkrævede parter har godkendt), ellers den aktuelle. Tallene er beregnet med samme prisregler som sagens panel.',
  columns: {
    title: 'Sag',
    municipality: 'Kommune',
    phase: 'Fase',
    readyThrough: 'Klar til og med fase',
    intervention: 'Valgt indsats',
    version: 'Version',
    valuePerCapital: 'Kommunens NNV pr. krone kapital',
    errors: 'Fejl',
    warnings: 'Advarsler',
    lastActivity: 'Seneste aktivitet',
    active: 'Aktive parter',
  },
  agreed: 'Aftalt',
  current: 'Aktuel',
  notPriced: 'Kan ikke beregnes endnu',
  total: 'I alt',
  weightedNote: 'Sandsynligheden i alt-rækken er vægtet med kapitalen.',
};

const en: PortfolioWorkbookText = {
  sheet: 'Portfolio',
  heading: (organisation) => `Portfolio: ${organisation}`,
  exportedAt: (when) => `Exported ${when}`,
  versionNote:
    'Each case is shown in its agreed version (the latest every required party signed), else its current one. Figures use the same pricing rules as the case’s panel.',
  columns: {
    title: 'Case',
    municipality: 'Municipality',
    phase: 'Phase',
    readyThrough: 'Ready through phase',
    intervention: 'Chosen intervention',
    version: 'Version',
    valuePerCapital: 'Authority NPV per krone of capital',
    errors: 'Errors',
    warnings: 'Warnings',
    lastActivity: 'Last activity',
    active: 'Active parties',
  },
  agreed: 'Agreed',
  current: 'Current',
  notPriced: 'Cannot be priced yet',
  total: 'Total',
  weightedNote: 'The probability in the total row is weighted by capital.',
};

export function portfolioWorkbookText(lang: 'da' | 'en'): PortfolioWorkbookText {
  return lang === 'en' ? en : da;
}
