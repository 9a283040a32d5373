import {
  type CaseModelDraft,
  type HeadlineFigureKey,
  headlineFigureTexts,
  type Language,
  noIrrText,
  type CandidateComparison as PricedCandidate,
} from '@caseroom/shared';
import { type Messages, useLanguage, useMessages } from '../../i18n/messages.ts';
import { useBusinessCase, useCandidateRisk } from './businessCaseContext.tsx';
import type { CandidateRisk, CandidateRiskState } from './candidateRiskRunner.ts';
import { count, decimal, irrText, money, percent } from './format.ts';
import { TableScroll } from './TableScroll.tsx';
import './candidateComparison.css';

/**
 * The intervention candidates side by side (P19), each priced with its own cost, duration and
 * expected rates, the rest as the case has it — live, so the group compares them before the
 * vote (in the interventions section and in the vote dialog). `itemIds` narrows the table to
 * the candidates of a vote.
 *
 * One table for every width (issue 13): where its seven columns do not fit (the 540 px editor
 * column), a container query on `.candidate-comparison` lays each row out as a card — the
 * candidate's name as its heading, then one "label  value" line per figure, the label drawn from
 * the cell's `data-label` — so nothing scrolls sideways and a screen reader still meets a table.
 */
export function CandidateComparison({ itemIds }: { itemIds?: readonly string[] }) {
  const { model, result } = useBusinessCase();
  // Every candidate is drawn, shown or not, so the section's table and the vote's share one cache.
  const risk = useCandidateRisk(model, result.candidates);
  const candidates = itemIds
    ? result.candidates.filter((candidate) => itemIds.includes(candidate.interventionId))
    : result.candidates;
  return <CandidateComparisonTable model={model} candidates={candidates} risk={risk} />;
}

/** The columns, in order, each with the headline figure that explains it (HEADLINE_FIGURES). */
const COLUMNS = [
  'interventionCost',
  'publicValue',
  'authorityNpv',
  'publicSectorNpv',
  'benefitCostRatio',
  'investorIrr',
  'probabilityAuthorityNpvNegative',
] as const;
type Column = (typeof COLUMNS)[number];

const EXPLAINED_BY: Record<Column, HeadlineFigureKey> = {
  interventionCost: 'interventionCostPv',
  publicValue: 'publicValuePv',
  authorityNpv: 'authorityNpv',
  publicSectorNpv: 'publicSectorNpv',
  benefitCostRatio: 'benefitCostRatio',
  investorIrr: 'investorIrr',
  probabilityAuthorityNpvNegative: 'probabilityAuthorityNpvNegative',
};

/** The table itself, from plain data: what `CandidateComparison` reads from the room, or a test. */
export function CandidateComparisonTable({
  model,
  candidates,
  risk,
}: {
  model: CaseModelDraft;
  candidates: readonly PricedCandidate[];
  risk: CandidateRiskState;
}) {
  const m = useMessages();
  const lang = useLanguage();
  const t = m.candidates;
  if (candidates.length === 0) return null;
  const names = new Map(
    model.interventions.candidates.map((c, index) => [c.id, c.name || m.list.interventionTitle(index + 1)]),
  );
  const anyEffectMissing = candidates.some((candidate) => candidate.effectNotEntered.length > 0);
  return (
    // Not a region of its own: the table's scroll region carries the name (axe: landmark-unique).
    <div className="candidate-comparison">
      <h3 className="group-heading">{t.heading}</h3>
      <p className="section-help">{t.help}</p>
      <TableScroll label={t.heading}>
        <table className="data-table candidate-table">
          <thead>
            <tr>
              <th scope="col">{t.intervention}</th>
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  data-column={column}
                  title={headlineFigureTexts(EXPLAINED_BY[column], lang).explanation}
                >
                  {headlineFigureTexts(EXPLAINED_BY[column], lang).name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {candidates.map((candidate) => {
              const chosen = candidate.interventionId === model.interventions.chosenId;
              return (
                <tr key={candidate.interventionId} data-candidate={candidate.interventionId} data-chosen={chosen}>
                  <th scope="row">
                    {names.get(candidate.interventionId)}
                    {chosen && <span className="chosen-mark"> {t.chosen}</span>}
                    {candidate.effectNotEntered.length > 0 && (
                      <span className="effect-not-entered" data-outcomes={candidate.effectNotEntered.join(' ')}>
                        <span aria-hidden="true">⚠ </span>
                        {t.effectNotEntered(outcomeNames(model, candidate.effectNotEntered, m))}
                      </span>
                    )}
                  </th>
                  {candidate.priced ? (
                    COLUMNS.map((column) => (
                      <CandidateCell
                        key={column}
                        column={column}
                        candidate={candidate}
                        risk={risk.candidates[candidate.interventionId]}
                        lang={lang}
                        m={m}
                      />
                    ))
                  ) : (
                    <td colSpan={COLUMNS.length}>{t.notPriced}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="section-help candidate-notes">
        {anyEffectMissing && <span>{t.effectNotEnteredHelp} </span>}
        <span data-seed={risk.seed}>{t.simulation(count(risk.iterations), risk.seed)}</span>
      </p>
    </div>
  );
}

/** One figure of a priced candidate, in Danish number format; its Monte Carlo figure once drawn. */
function CandidateCell({
  column,
  candidate,
  risk,
  lang,
  m,
}: {
  column: Column;
  candidate: PricedCandidate;
  risk: CandidateRisk | undefined;
  lang: Language;
  m: Messages;
}) {
  const none = '–';
  // The column's name rides on the cell: the narrow layout shows it beside the figure (CSS `attr()`).
  // One name per figure everywhere (issue 13): the panel's, the PDF's and the workbook's.
  const cell = { 'data-column': column, 'data-label': headlineFigureTexts(EXPLAINED_BY[column], lang).name };
  switch (column) {
    case 'interventionCost':
    case 'publicValue':
    case 'authorityNpv':
    case 'publicSectorNpv': {
      const value = candidate[column];
      return <td {...cell}>{value === undefined ? none : money(value)}</td>;
    }
    case 'benefitCostRatio': {
      const value = candidate.benefitCostRatio;
      return <td {...cell}>{value === undefined || !Number.isFinite(value) ? none : decimal(value)}</td>;
    }
    case 'investorIrr': {
      const irr = candidate.investorIrr;
      return <td {...cell}>{irrText(irr) ?? (irr && !irr.ok ? noIrrText(irr.reason, lang) : none)}</td>;
    }
    case 'probabilityAuthorityNpvNegative':
      if (risk?.status === 'done') return <td {...cell}>{percent(risk.probabilityAuthorityNpvNegative)}</td>;
      if (risk?.status === 'failed') return <td {...cell}>{m.candidates.riskFailed}</td>;
      return (
        <td {...cell} aria-busy="true" className="computing">
          {m.candidates.computing}
        </td>
      );
  }
}

/** The outcomes' names as the case has them ("Resultatmål 2" for one without a name). */
function outcomeNames(model: CaseModelDraft, ids: readonly string[], m: Messages): string {
  return ids
    .map((id) => {
      const index = model.outcomes.findIndex((outcome) => outcome.id === id);
      if (index < 0) return id;
      return model.outcomes[index]?.name || m.list.outcomeTitle(index + 1);
    })
    .join(', ');
}
