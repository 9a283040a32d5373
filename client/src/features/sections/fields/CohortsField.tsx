import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useYNumber } from '../../../ydoc/useY.ts';
import { useSection } from '../useSection.ts';
import { NumberField } from './NumberField.tsx';
import { SourceNote } from './SourceNote.tsx';

const DEFAULT_HORIZON = 10;
const MAX_HORIZON = 50;

type Props = {
  /** The map year offset → participants starting that year. */
  cohorts: Y.Map<unknown> | undefined;
  label: string;
  help?: string | undefined;
  sources?: Y.Map<unknown> | undefined;
  sourceKey: string;
  /** The field's finding path; each year's input is `<path>/<offset>`. */
  path: string;
};

/** Participants starting per year (cohorts), one input per year of the case's horizon, named by calendar year once the start year is known. */
export function CohortsField({ cohorts, label, help, sources, sourceKey, path }: Props) {
  const m = useMessages();
  const facts = useSection('facts').map;
  const horizon = useYNumber(facts, 'horizonYears');
  const startYear = useYNumber(facts, 'startYear');
  const count = Math.max(1, Math.min(MAX_HORIZON, Math.round(horizon ?? DEFAULT_HORIZON)));
  // Year offsets 0 … H−1 are the map's keys.
  const years = Array.from({ length: count }, (_, offset) => offset);
  return (
    <fieldset className="group intake" data-path={path}>
      <legend>{label}</legend>
      {help && <p className="help">{help}</p>}
      <div className="form-grid five">
        {years.map((year) => (
          <NumberField
            key={year}
            map={cohorts}
            field={String(year)}
            path={`${path}/${year}`}
            kind="count"
            compact
            label={m.fields.cohortYear(year + 1, startYear === undefined ? undefined : startYear + year)}
          />
        ))}
      </div>
      {sources && <SourceNote sources={sources} field={sourceKey} fieldLabel={label} />}
    </fieldset>
  );
}
