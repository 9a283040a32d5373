import { DEPARTMENT_LEVELS } from '@caseroom/shared';
import { useMessages } from '../../../i18n/messages.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { ItemList } from '../fields/ItemList.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useSection } from '../useSection.ts';

/** The case's facts: who, where, when, the economic frame, and the departments. */
export function FactsSection() {
  const m = useMessages();
  const f = m.facts;
  const { map, nested } = useSection('facts');
  const partners = nested('partners');
  const sources = nested('sources');
  return (
    <>
      <div className="form-grid two">
        <TextField map={map} field="title" path="facts/title" label={f.title.label} help={f.title.help} />
        <TextField
          map={map}
          field="municipality"
          path="facts/municipality"
          label={f.municipality.label}
          help={f.municipality.help}
        />
      </div>

      <h3 className="group-heading">{f.partnersHeading}</h3>
      <div className="form-grid two">
        {(['authority', 'provider', 'investor', 'guarantor'] as const).map((role) => (
          <TextField
            key={role}
            map={partners}
            field={role}
            path={`facts/partners/${role}`}
            label={f.partners[role].label}
            help={f.partners[role].help}
          />
        ))}
      </div>

      <h3 className="group-heading">{f.economyHeading}</h3>
      <div className="form-grid three">
        <TextField map={map} field="currency" path="facts/currency" label={f.currency.label} help={f.currency.help} />
        <NumberField
          map={map}
          field="priceYear"
          path="facts/priceYear"
          kind="count"
          calendarYear
          label={f.priceYear.label}
          help={f.priceYear.help}
        />
        <NumberField
          map={map}
          field="startYear"
          path="facts/startYear"
          kind="count"
          calendarYear
          label={f.startYear.label}
          help={f.startYear.help}
        />
        <NumberField
          map={map}
          field="horizonYears"
          path="facts/horizonYears"
          kind="years"
          label={f.horizonYears.label}
          help={f.horizonYears.help}
          sources={sources}
        />
        <NumberField
          map={map}
          field="discountRate"
          path="facts/discountRate"
          kind="percent"
          label={f.discountRate.label}
          help={f.discountRate.help}
          sources={sources}
        />
      </div>

      <h3 className="group-heading" id="departments-heading">
        {f.departmentsHeading}
      </h3>
      <p className="section-help">{f.departmentsHelp}</p>
      <ItemList
        kind="department"
        compact
        itemTitle={(n) => m.list.departmentTitle(n)}
        addLabel={f.addDepartment}
        emptyText={f.noDepartments}
      >
        {(item, id) => (
          <div className="form-grid two">
            <TextField
              map={item}
              field="name"
              path={`facts/departments/${id}/name`}
              label={f.department.name.label}
              help={f.department.name.help}
            />
            <ChoiceField
              map={item}
              field="level"
              path={`facts/departments/${id}/level`}
              as="select"
              label={f.department.level.label}
              help={f.department.level.help}
              options={DEPARTMENT_LEVELS.map((level) => ({ value: level, label: m.departmentLevels[level] }))}
            />
          </div>
        )}
      </ItemList>
    </>
  );
}
