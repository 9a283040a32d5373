import { useMessages } from '../../../i18n/messages.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { RichTextField } from '../fields/RichTextField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useSection } from '../useSection.ts';
import { IntakeTable } from './IntakeTable.tsx';

/** Who the intervention is for: eligibility, population, yearly intake, baseline situation. */
export function TargetGroupSection() {
  const m = useMessages();
  const t = m.targetGroup;
  const { map, nested, fragment } = useSection('targetGroup');
  const sources = nested('sources');
  return (
    <>
      <TextField map={map} field="name" path="targetGroup/name" label={t.name.label} help={t.name.help} />
      <RichTextField
        fragment={fragment('eligibility')}
        path="targetGroup/eligibility"
        label={t.eligibility.label}
        help={t.eligibility.help}
      />
      <NumberField
        map={map}
        field="eligiblePopulation"
        path="targetGroup/eligiblePopulation"
        kind="count"
        label={t.eligiblePopulation.label}
        help={t.eligiblePopulation.help}
        sources={sources}
      />
      <IntakeTable intake={nested('intake')} sources={sources} />
      <RichTextField
        fragment={fragment('baseline')}
        path="targetGroup/baseline"
        label={t.baseline.label}
        help={t.baseline.help}
      />
    </>
  );
}
