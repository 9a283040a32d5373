import { formatDanish, type NumberUnit } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useYSelect } from '../../../ydoc/useY.ts';
import { useDepartments } from '../useSection.ts';
import { NumberField } from './NumberField.tsx';
import { SourceNote } from './SourceNote.tsx';

type Props = {
  /** The map department id → number. */
  values: Y.Map<unknown> | undefined;
  unit: NumberUnit;
  label: string;
  help?: string | undefined;
  /** The source-notes map and the key the note is kept under, when the field takes one. */
  sources?: Y.Map<unknown> | undefined;
  sourceKey: string;
  /** The field's finding path; each department's input is `<path>/<department id>`. */
  path: string;
  /** Issue 15: each department's number has a note of its own too, under `<sourceKey>.<department id>` (a value from the library carries its source there). */
  notePerEntry?: boolean | undefined;
};

/**
 * A number per department (who gains, who pays): one input per department of the case, in the
 * departments' order. Shares show their sum, which is not renormalised (P10).
 */
export function NumberRecordField({ values, unit, label, help, sources, sourceKey, path, notePerEntry }: Props) {
  const m = useMessages();
  const departments = useDepartments();
  const kind = unit === 'calendarYear' ? 'count' : unit;
  return (
    <fieldset className="group" data-path={path}>
      <legend className="label">{label}</legend>
      {help && <p className="help">{help}</p>}
      {departments.length === 0 ? (
        <p className="empty">{m.common.noDepartmentsYet}</p>
      ) : (
        <>
          <div className="form-grid three">
            {departments.map((department, index) => (
              <NumberField
                key={department.id}
                map={values}
                field={department.id}
                path={`${path}/${department.id}`}
                kind={kind}
                label={m.fields.perDepartment(unit, department.name || m.list.departmentTitle(index + 1))}
                sources={notePerEntry ? sources : undefined}
                sourceKey={`${sourceKey}.${department.id}`}
              />
            ))}
          </div>
          {unit === 'percent' && <ShareTotal values={values} ids={departments.map(({ id }) => id)} />}
        </>
      )}
      {sources && <SourceNote sources={sources} field={sourceKey} fieldLabel={label} />}
    </fieldset>
  );
}

function ShareTotal({ values, ids }: { values: Y.Map<unknown> | undefined; ids: string[] }) {
  const m = useMessages();
  const total = useYSelect(values, () => {
    let sum = 0;
    for (const id of ids) {
      const value = values?.get(id);
      if (typeof value === 'number' && Number.isFinite(value)) sum += value;
    }
    return Math.round(sum * 1e10) / 1e10;
  });
  return <p className="sum">{m.fields.total(formatDanish(total, 'percent'))}</p>;
}
