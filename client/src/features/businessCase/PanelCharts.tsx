import type { BusinessCase } from '@caseroom/shared';
import { memo } from 'react';
import { CashFlowChart } from './charts/CashFlowChart.tsx';
import { DepartmentChart } from './charts/DepartmentChart.tsx';
import { MonteCarloChart } from './charts/MonteCarloChart.tsx';
import { TornadoChart } from './charts/TornadoChart.tsx';
import type { RiskState } from './riskRunner.ts';
import { ScenarioTable } from './ScenarioTable.tsx';

type Props = {
  priced: Extract<BusinessCase['priced'], { ok: true }>;
  startYear: number | undefined;
  /** `[id, name][]` as JSON (a string, so an unchanged list compares equal). */
  departmentNames: string;
  risk: RiskState;
};

/**
 * The business case's charts and risk tables; the risk part appears once the worker has
 * answered. Memoised: it redraws only when the priced case, the names or the risk change.
 */
export default memo(function PanelCharts({ priced, startYear, departmentNames, risk }: Props) {
  const computing = risk.status === 'computing';
  return (
    <div className="bc-charts">
      <CashFlowChart pricing={priced.pricing} startYear={startYear} />
      <DepartmentChart pricing={priced.pricing} names={new Map(JSON.parse(departmentNames) as [string, string][])} />
      {risk.result && (
        <>
          <ScenarioTable scenarios={risk.result.scenarios} busy={computing} />
          <TornadoChart bars={risk.result.sensitivity} baseNpv={priced.pricing.authorityNpv} busy={computing} />
          <MonteCarloChart result={risk.result.monteCarlo} busy={computing} />
        </>
      )}
    </div>
  );
});
