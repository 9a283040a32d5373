import { fieldTexts, getItem, nestedMap } from '@caseroom/shared';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useLanguage, useMessages } from '../../../i18n/messages.ts';
import { TableScroll } from '../../businessCase/TableScroll.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useItemRefs } from '../useSection.ts';
import './candidateRates.css';

/**
 * P19: every candidate's expected rate on every outcome, side by side — candidates as columns,
 * outcomes as rows — so the group sees what each intervention is expected to achieve, not only
 * what it costs. Each cell edits that candidate's rate (its source note is in the candidate's
 * own form); an empty cell is "effect not entered".
 *
 * One table for every width (issue 13): where the candidates' columns do not fit (the 540 px
 * editor column), a container query on `.candidate-rates` lays each outcome's row out as a block —
 * the outcome as its heading, then one line per candidate, named from the cell's `data-label` —
 * so nothing scrolls sideways, every input stays the same input (its label, lock and draft) and a
 * screen reader still meets a table.
 */
export function CandidateRatesTable() {
  const m = useMessages();
  const lang = useLanguage();
  const { doc } = useSession();
  const candidates = useItemRefs('intervention');
  const outcomes = useItemRefs('outcome');
  if (candidates.length === 0) return null;
  const t = m.interventions;
  const { label, help } = fieldTexts('intervention.expectedRates', lang);
  const candidateName = (index: number, name: string) => name || m.list.interventionTitle(index + 1);
  return (
    // Not a region of its own: the table's scroll region carries the name (axe: landmark-unique).
    <div className="candidate-rates">
      <h3 className="group-heading">{label}</h3>
      {help && <p className="section-help">{help}</p>}
      {outcomes.length === 0 ? (
        <p className="empty">{t.noOutcomesYet}</p>
      ) : (
        <TableScroll label={label}>
          <table className="data-table candidate-rates-table">
            <thead>
              <tr>
                <th scope="col">{t.outcomeColumn}</th>
                {candidates.map((candidate, index) => (
                  <th key={candidate.id} scope="col">
                    {candidateName(index, candidate.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome, row) => {
                const outcomeName = outcome.name || m.list.outcomeTitle(row + 1);
                return (
                  <tr key={outcome.id}>
                    <th scope="row">{outcomeName}</th>
                    {candidates.map((candidate, index) => (
                      <td
                        key={candidate.id}
                        data-candidate={candidate.id}
                        data-outcome={outcome.id}
                        data-label={candidateName(index, candidate.name)}
                      >
                        <NumberField
                          map={nestedMap(getItem(doc, 'intervention', candidate.id), 'expectedRates')}
                          field={outcome.id}
                          kind="percent"
                          compact
                          label={t.rateCell(candidateName(index, candidate.name), outcomeName)}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
