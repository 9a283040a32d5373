import { noIrrText } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useBusinessCase } from './businessCaseContext.tsx';
import { irrText, money } from './format.ts';
import { TableScroll } from './TableScroll.tsx';

/**
 * The intervention candidates side by side, each priced with the same outcomes and payment
 * model (compareCandidates), so the group can compare them before choosing.
 */
export function CandidateComparison() {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.candidates;
  const { model, result } = useBusinessCase();
  const names = new Map(
    model.interventions.candidates.map((c, index) => [c.id, c.name || m.list.interventionTitle(index + 1)]),
  );
  if (result.candidates.length === 0) return null;
  const columns = ['interventionCost', 'publicValue', 'authorityNpv', 'investorIrr'] as const;
  return (
    <section className="candidate-comparison" aria-labelledby="candidates-heading">
      <h3 id="candidates-heading" className="group-heading">
        {t.heading}
      </h3>
      <p className="section-help">{t.help}</p>
      <TableScroll label={t.heading}>
        <table className="data-table candidate-table">
          <thead>
            <tr>
              <th scope="col">{t.intervention}</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {m.candidates.columns[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.candidates.map((candidate) => {
              const chosen = candidate.interventionId === model.interventions.chosenId;
              return (
                <tr key={candidate.interventionId} data-candidate={candidate.interventionId} data-chosen={chosen}>
                  <th scope="row">
                    {names.get(candidate.interventionId)}
                    {chosen && <span className="chosen-mark"> {t.chosen}</span>}
                  </th>
                  {candidate.priced ? (
                    <>
                      <td>{money(candidate.interventionCost ?? 0)}</td>
                      <td>{money(candidate.publicValue ?? 0)}</td>
                      <td>{money(candidate.authorityNpv ?? 0)}</td>
                      <td>
                        {irrText(candidate.investorIrr) ??
                          (candidate.investorIrr && !candidate.investorIrr.ok
                            ? noIrrText(candidate.investorIrr.reason, lang)
                            : '–')}
                      </td>
                    </>
                  ) : (
                    <td colSpan={columns.length}>{t.notPriced}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
