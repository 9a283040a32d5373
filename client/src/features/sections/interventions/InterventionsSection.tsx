import { EVIDENCE_LEVELS, nestedFragment, nestedMap } from '@caseroom/shared';
import { useMessages } from '../../../i18n/messages.ts';
import { CandidateComparison } from '../../businessCase/CandidateComparison.tsx';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { ItemList } from '../fields/ItemList.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { RichTextField } from '../fields/RichTextField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useSection } from '../useSection.ts';
import { ChosenIntervention } from './ChosenIntervention.tsx';

/** Candidate interventions, each priced on its own inputs, and the one the group chose. */
export function InterventionsSection() {
  const m = useMessages();
  const t = m.interventions;
  const { map, fragment } = useSection('interventions');
  return (
    <>
      <h3 className="group-heading">{t.candidatesHeading}</h3>
      <ItemList kind="intervention" itemTitle={(n) => m.list.interventionTitle(n)} addLabel={t.add} emptyText={t.none}>
        {(item, id) => {
          const at = (field: string) => `interventions/candidates/${id}/${field}`;
          const sources = nestedMap(item, 'sources');
          return (
            <>
              <div className="form-grid two">
                <TextField map={item} field="name" path={at('name')} label={t.name.label} help={t.name.help} />
                <TextField
                  map={item}
                  field="provider"
                  path={at('provider')}
                  label={t.provider.label}
                  help={t.provider.help}
                />
              </div>
              <RichTextField
                fragment={nestedFragment(item, 'description')}
                path={at('description')}
                label={t.description.label}
                help={t.description.help}
              />
              <ChoiceField
                map={item}
                field="evidenceLevel"
                path={at('evidenceLevel')}
                as="select"
                label={t.evidenceLevel.label}
                help={t.evidenceLevel.help}
                options={EVIDENCE_LEVELS.map((level) => ({ value: level, label: m.evidenceLevels[level] }))}
              />
              <div className="form-grid three">
                <NumberField
                  map={item}
                  field="costPerParticipant"
                  path={at('costPerParticipant')}
                  kind="money"
                  label={t.costPerParticipant.label}
                  help={t.costPerParticipant.help}
                  sources={sources}
                />
                <NumberField
                  map={item}
                  field="fixedCostPerYear"
                  path={at('fixedCostPerYear')}
                  kind="money"
                  label={t.fixedCostPerYear.label}
                  help={t.fixedCostPerYear.help}
                  sources={sources}
                />
                <NumberField
                  map={item}
                  field="durationYears"
                  path={at('durationYears')}
                  kind="years"
                  label={t.durationYears.label}
                  help={t.durationYears.help}
                  sources={sources}
                />
              </div>
            </>
          );
        }}
      </ItemList>

      <CandidateComparison />

      <h3 className="group-heading">{t.choiceHeading}</h3>
      <ChosenIntervention map={map} />
      <RichTextField
        fragment={fragment('rationale')}
        path="interventions/rationale"
        label={t.rationale.label}
        help={t.rationale.help}
      />
    </>
  );
}
