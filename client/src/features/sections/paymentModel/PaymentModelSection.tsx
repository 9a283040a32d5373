import { formatDanish } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useYSelect } from '../../../ydoc/useY.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SourceNote } from '../fields/SourceNote.tsx';
import { useDepartments, useSection } from '../useSection.ts';

const SCENARIO_INPUTS = ['effect', 'cost', 'persistence'] as const;

/** Who pays, who funds the cost, the limits on payments and return, and the scenario ranges. */
export function PaymentModelSection() {
  const m = useMessages();
  const t = m.paymentModel;
  const { map, nested } = useSection('paymentModel');
  const sources = nested('sources');
  const scenarios = nested('scenarios');
  return (
    <>
      <PayerShares shares={nested('payerShares')} sources={sources} />

      <h3 className="group-heading">{t.fundingHeading}</h3>
      <div className="form-grid two">
        <NumberField
          map={map}
          field="investorFundedShare"
          path="paymentModel/investorFundedShare"
          kind="percent"
          label={t.investorFundedShare.label}
          help={t.investorFundedShare.help}
          sources={sources}
        />
        <NumberField
          map={map}
          field="paymentCap"
          path="paymentModel/paymentCap"
          kind="money"
          label={t.paymentCap.label}
          help={t.paymentCap.help}
          sources={sources}
        />
        <NumberField
          map={map}
          field="returnCap"
          path="paymentModel/returnCap"
          kind="percent"
          label={t.returnCap.label}
          help={t.returnCap.help}
          sources={sources}
        />
        <NumberField
          map={map}
          field="guaranteeAmount"
          path="paymentModel/guaranteeAmount"
          kind="money"
          label={t.guaranteeAmount.label}
          help={t.guaranteeAmount.help}
          sources={sources}
        />
      </div>

      <h3 className="group-heading">{t.scenariosHeading}</h3>
      <p className="section-help">{t.scenariosHelp}</p>
      <div className="form-grid three" data-path="paymentModel/scenarios">
        {SCENARIO_INPUTS.flatMap((input) =>
          (['Low', 'High'] as const).map((end) => (
            <NumberField
              key={`${input}${end}`}
              map={scenarios}
              field={`${input}${end}`}
              path={`paymentModel/scenarios/${input}/${end.toLowerCase()}`}
              kind="decimal"
              label={t.scenario(m.paymentModel.scenarioInputs[input], end === 'Low')}
              help={end === 'Low' ? t.scenarioLowHelp : t.scenarioHighHelp}
              sources={sources}
              sourceKey={`scenarios.${input}${end}`}
            />
          )),
        )}
      </div>
    </>
  );
}

/** Payer shares per department, with their sum (shares are not renormalised, P10). */
function PayerShares({ shares, sources }: { shares: Y.Map<unknown> | undefined; sources: Y.Map<unknown> | undefined }) {
  const m = useMessages();
  const t = m.paymentModel.payerShares;
  const departments = useDepartments();
  const total = useYSelect(shares, () => {
    let sum = 0;
    for (const { id } of departments) {
      const value = shares?.get(id);
      if (typeof value === 'number' && Number.isFinite(value)) sum += value;
    }
    return Math.round(sum * 1e10) / 1e10;
  });
  return (
    <fieldset className="group" data-path="paymentModel/payerShares">
      <legend className="group-heading">{t.label}</legend>
      <p className="help">{t.help}</p>
      {departments.length === 0 ? (
        <p className="empty">{m.common.noDepartmentsYet}</p>
      ) : (
        <>
          <div className="form-grid three">
            {departments.map((department, index) => (
              <NumberField
                key={department.id}
                map={shares}
                field={department.id}
                path={`paymentModel/payerShares/${department.id}`}
                kind="percent"
                label={t.fieldLabel(department.name || m.list.departmentTitle(index + 1))}
              />
            ))}
          </div>
          <p className="sum">{t.total(formatDanish(total, 'percent'))}</p>
        </>
      )}
      <SourceNote sources={sources} field="payerShares" fieldLabel={t.label} />
    </fieldset>
  );
}
