import {
  EXPLAINED_FIGURES,
  type ExplainedFigure,
  type HeadlineCard,
  headlineCards,
  type Pricing,
} from '@caseroom/shared';
import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useRisk } from './businessCaseContext.tsx';
import { FigureDialog } from './FigureDialog.tsx';
import { count } from './format.ts';

/** Money figures are long: they take the full width of the grid. */
const WIDE = new Set<string>(['authorityNpv', 'publicSectorNpv']);

/**
 * The headline figures in big Danish numbers, named, written and explained by the shared registry
 * (HEADLINE_FIGURES) as the PDF and the XLSX are; each priced figure opens how it was built. The
 * probability of investor loss comes from the Monte Carlo run and carries its seed.
 */
export function HeadlineFigures({ pricing, startYear }: { pricing: Pricing; startYear: number | undefined }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const risk = useRisk();
  const [open, setOpen] = useState<ExplainedFigure | null>(null);
  const t = m.businessCase;
  const monteCarlo = risk.result?.monteCarlo;
  const cards = headlineCards(pricing, monteCarlo, { lang, startYear });
  const explained = cards.filter((card): card is HeadlineCard & { key: ExplainedFigure } =>
    (EXPLAINED_FIGURES as readonly string[]).includes(card.key),
  );
  const probability = cards.find((card) => card.key === 'probabilityInvestorLoses');
  return (
    <section className="bc-figures" aria-labelledby="bc-figures-heading">
      <h3 id="bc-figures-heading" className="visually-hidden">
        {t.figuresHeading}
      </h3>
      <ul className="figure-grid">
        {explained.map((figure) => (
          <li key={figure.key} className={`figure-card${WIDE.has(figure.key) ? ' wide' : ''}`} data-figure={figure.key}>
            <button
              type="button"
              className="figure-button"
              aria-haspopup="dialog"
              data-tone={figure.key === 'authorityNpv' ? (pricing.authorityNpv < 0 ? 'bad' : 'good') : undefined}
              title={figure.explanation}
              onClick={() => setOpen(figure.key)}
            >
              <span className="figure-label">{figure.name}</span>
              <span className="figure-value">{figure.value}</span>
              {figure.note && <span className="figure-note">{figure.note}</span>}
              <span className="figure-how">
                {t.howBuilt}
                <span aria-hidden="true"> ›</span>
              </span>
            </button>
          </li>
        ))}
        <li
          className="figure-card wide static"
          data-figure="probabilityInvestorLoses"
          aria-busy={!monteCarlo}
          title={probability?.explanation}
        >
          <span className="figure-label">{probability?.name}</span>
          <span className="figure-value">{monteCarlo ? probability?.value : t.pending}</span>
          <span className="figure-note" data-seed={risk.seed}>
            {t.seed(risk.seed, count(risk.iterations))}
          </span>
        </li>
      </ul>
      {open && (
        <FigureDialog
          figure={open}
          value={explained.find((figure) => figure.key === open)?.value ?? ''}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
