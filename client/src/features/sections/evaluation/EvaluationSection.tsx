import { EVALUATION_DESIGNS } from '@caseroom/shared';
import { useMessages } from '../../../i18n/messages.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { ItemList } from '../fields/ItemList.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { RichTextField } from '../fields/RichTextField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useSection } from '../useSection.ts';

/** Phase 3: how the effect is evaluated, the contract terms, and who must sign. */
export function EvaluationSection() {
  const m = useMessages();
  const t = m.evaluation;
  const { map, fragment } = useSection('evaluation');
  return (
    <>
      <h3 className="group-heading">{t.designHeading}</h3>
      <ChoiceField
        map={map}
        field="design"
        path="evaluation/design"
        label={t.design.label}
        help={t.design.help}
        options={EVALUATION_DESIGNS.map((design) => ({ value: design, label: m.evaluationDesigns[design] }))}
      />
      <div className="form-grid three">
        <TextField
          map={map}
          field="dataSources"
          path="evaluation/dataSources"
          label={t.dataSources.label}
          help={t.dataSources.help}
        />
        <TextField
          map={map}
          field="measurementPoints"
          path="evaluation/measurementPoints"
          label={t.measurementPoints.label}
          help={t.measurementPoints.help}
        />
        <TextField
          map={map}
          field="evaluator"
          path="evaluation/evaluator"
          label={t.evaluator.label}
          help={t.evaluator.help}
        />
      </div>
      <RichTextField fragment={fragment('notes')} path="evaluation/notes" label={t.notes.label} help={t.notes.help} />

      <h3 className="group-heading">{t.contractHeading}</h3>
      <div className="form-grid two">
        <NumberField
          map={map}
          field="contractYears"
          path="evaluation/contractYears"
          kind="years"
          label={t.contractYears.label}
          help={t.contractYears.help}
        />
        <TextField
          map={map}
          field="contractParties"
          path="evaluation/contractParties"
          label={t.contractParties.label}
          help={t.contractParties.help}
        />
      </div>
      <RichTextField
        fragment={fragment('earlyStop')}
        path="evaluation/earlyStop"
        label={t.earlyStop.label}
        help={t.earlyStop.help}
      />

      <h3 className="group-heading">{t.signatoriesHeading}</h3>
      <ItemList
        kind="signatory"
        compact
        itemTitle={(n) => m.list.signatoryTitle(n)}
        addLabel={t.addSignatory}
        emptyText={t.noSignatories}
      >
        {(item, id) => (
          <div className="form-grid two">
            <TextField
              map={item}
              field="name"
              path={`evaluation/signatories/${id}/name`}
              label={t.signatory.name.label}
            />
            <TextField
              map={item}
              field="organisation"
              path={`evaluation/signatories/${id}/organisation`}
              label={t.signatory.organisation.label}
            />
          </div>
        )}
      </ItemList>
    </>
  );
}
