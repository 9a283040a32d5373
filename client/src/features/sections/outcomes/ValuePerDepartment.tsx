import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SourceNote } from '../fields/SourceNote.tsx';
import { useDepartments } from '../useSection.ts';

type Props = { values: Y.Map<unknown> | undefined; sources: Y.Map<unknown> | undefined; path: string };

/** Who gains: the yearly public value of one achieved outcome, one field per department. */
export function ValuePerDepartment({ values, sources, path }: Props) {
  const m = useMessages();
  const t = m.outcomes.valuePerDepartment;
  const departments = useDepartments();
  return (
    <fieldset className="group" data-path={path}>
      <legend className="visually-hidden">{t.label}</legend>
      <p className="help">{t.help}</p>
      {departments.length === 0 ? (
        <p className="empty">{m.common.noDepartmentsYet}</p>
      ) : (
        <div className="form-grid three">
          {departments.map((department, index) => (
            <NumberField
              key={department.id}
              map={values}
              field={department.id}
              path={`${path}/${department.id}`}
              kind="money"
              label={t.fieldLabel(department.name || m.list.departmentTitle(index + 1))}
            />
          ))}
        </div>
      )}
      <SourceNote sources={sources} field="valuePerDepartment" fieldLabel={t.label} />
    </fieldset>
  );
}
