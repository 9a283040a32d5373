import { type ExplainedFigure, type FigureKey, figureLabel, noIrrText, type Pricing } from '@caseroom/shared';
import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useRisk } from './businessCaseContext.tsx';
import { FigureDialog } from './FigureDialog.tsx';
import { calendarYear, count, decimal, irrText, money, percent } from './format.ts';

type Figure = {
  key: FigureKey;
  value: string;
  note?: string | undefined;
  /** Money figures are long: they take the full width of the grid. */
  wide?: boolean;
  tone?: 'good' | 'bad' | undefined;
};

/**
 * The headline figures in big Danish numbers; each priced figure opens how it was built. The
 * probability of investor loss comes from the Monte Carlo run and carries its seed.
 */
export function HeadlineFigures({ pricing, startYear }: { pricing: Pricing; startYear: number | undefined }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const risk = useRisk();
  const [open, setOpen] = useState<ExplainedFigure | null>(null);
  const t = m.businessCase;
  const year = (offset: number) => calendarYear(offset, startYear, t.yearOffset);
  const irr = pricing.investor.irr;
  const figures: (Figure & { key: ExplainedFigure })[] = [
    {
      key: 'authorityNpv',
      value: money(pricing.authorityNpv),
      wide: true,
      tone: pricing.authorityNpv < 0 ? 'bad' : 'good',
    },
    { key: 'publicSectorNpv', value: money(pricing.publicSectorNpv), wide: true },
    {
      key: 'breakEvenYear',
      value: pricing.breakEvenYear === undefined ? '–' : year(pricing.breakEvenYear),
      note: pricing.breakEvenYear === undefined ? figureLabel('noBreakEven', lang) : undefined,
    },
    {
      key: 'benefitCostRatio',
      value: pricing.benefitCostRatio === undefined ? '–' : decimal(pricing.benefitCostRatio),
    },
    {
      key: 'investorIrr',
      value: irrText(irr) ?? t.noIrr,
      note: irr.ok ? undefined : noIrrText(irr.reason, lang),
    },
    {
      key: 'investorMultiple',
      value: pricing.investor.multiple === undefined ? '–' : `${decimal(pricing.investor.multiple)} ${t.times}`,
    },
  ];
  const monteCarlo = risk.result?.monteCarlo;
  return (
    <section className="bc-figures" aria-labelledby="bc-figures-heading">
      <h3 id="bc-figures-heading" className="visually-hidden">
        {t.figuresHeading}
      </h3>
      <ul className="figure-grid">
        {figures.map((figure) => (
          <li key={figure.key} className={`figure-card${figure.wide ? ' wide' : ''}`} data-figure={figure.key}>
            <button
              type="button"
              className="figure-button"
              aria-haspopup="dialog"
              data-tone={figure.tone}
              onClick={() => setOpen(figure.key)}
            >
              <span className="figure-label">{figureLabel(figure.key, lang)}</span>
              <span className="figure-value">{figure.value}</span>
              {figure.note && <span className="figure-note">{figure.note}</span>}
              <span className="figure-how">
                {t.howBuilt}
                <span aria-hidden="true"> ›</span>
              </span>
            </button>
          </li>
        ))}
        <li className="figure-card wide static" data-figure="probabilityInvestorLoses" aria-busy={!monteCarlo}>
          <span className="figure-label">{figureLabel('probabilityInvestorLoses', lang)}</span>
          <span className="figure-value">{monteCarlo ? percent(monteCarlo.probabilityInvestorLoses) : t.pending}</span>
          <span className="figure-note" data-seed={risk.seed}>
            {t.seed(risk.seed, count(risk.iterations))}
          </span>
        </li>
      </ul>
      {open && (
        <FigureDialog
          figure={open}
          value={figures.find((figure) => figure.key === open)?.value ?? ''}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
