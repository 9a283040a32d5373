import { figureLabel, noIrrText, type ScenarioResult } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { irrText, money } from './format.ts';
import { TableScroll } from './TableScroll.tsx';

const SCENARIO_LABEL = { low: 'scenarioLow', expected: 'scenarioExpected', high: 'scenarioHigh' } as const;

/** Low / expected / high (P18): the authority NPV and the investor's IRR in each. */
export function ScenarioTable({ scenarios, busy }: { scenarios: ScenarioResult[]; busy: boolean }) {
  const m = useMessages();
  const lang = useUiStore((state) => state.language);
  const t = m.businessCase.scenarios;
  return (
    // Not a region of its own: the table's scroll region already carries the name (axe: landmark-unique).
    <div className="bc-block" aria-busy={busy || undefined}>
      <h3 className="chart-title">{t.title}</h3>
      <TableScroll label={t.title}>
        <table className="data-table scenario-table">
          <thead>
            <tr>
              <th scope="col">{t.scenario}</th>
              <th scope="col">{figureLabel('authorityNpv', lang)}</th>
              <th scope="col">{figureLabel('investorIrr', lang)}</th>
              <th scope="col">{t.investorLoses}</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((scenario) => (
              <tr key={scenario.scenario} data-scenario={scenario.scenario}>
                <th scope="row">{figureLabel(SCENARIO_LABEL[scenario.scenario], lang)}</th>
                <td>{money(scenario.authorityNpv)}</td>
                <td>
                  {irrText(scenario.investorIrr) ??
                    (scenario.investorIrr.ok ? '' : noIrrText(scenario.investorIrr.reason, lang))}
                </td>
                <td>{scenario.investorLosesMoney ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
