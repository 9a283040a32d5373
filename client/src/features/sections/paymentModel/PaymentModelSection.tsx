import { useMessages } from '../../../i18n/messages.ts';
import { SectionFields } from '../fields/ContainerFields.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useSection } from '../useSection.ts';

const SCENARIO_INPUTS = ['effect', 'cost', 'persistence'] as const;

/** Who pays, who funds the cost, the limits on payments and return (from the registry), and the scenario ranges. */
export function PaymentModelSection() {
  const m = useMessages();
  const t = m.paymentModel;
  const { nested } = useSection('paymentModel');
  const sources = nested('sources');
  const scenarios = nested('scenarios');
  return (
    <>
      <SectionFields section="paymentModel" />

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
              label={t.scenario(t.scenarioInputs[input], end === 'Low')}
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
