import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useYNumber } from '../../../ydoc/useY.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SourceNote } from '../fields/SourceNote.tsx';
import { useSection } from '../useSection.ts';

const DEFAULT_HORIZON = 10;
const MAX_HORIZON = 50;

/** Participants entering per year (cohorts), one field per year of the case's horizon. */
export function IntakeTable({
  intake,
  sources,
}: {
  intake: Y.Map<unknown> | undefined;
  sources: Y.Map<unknown> | undefined;
}) {
  const m = useMessages();
  const t = m.targetGroup.intake;
  const facts = useSection('facts').map;
  const horizon = useYNumber(facts, 'horizonYears');
  const startYear = useYNumber(facts, 'startYear');
  const count = Math.max(1, Math.min(MAX_HORIZON, Math.round(horizon ?? DEFAULT_HORIZON)));
  // Year offsets 0 … H−1 are the intake map's keys.
  const years = Array.from({ length: count }, (_, offset) => offset);
  return (
    <fieldset className="group intake" data-path="targetGroup/intake">
      <legend>{t.label}</legend>
      <p className="help">{t.help}</p>
      <div className="form-grid five">
        {years.map((year) => (
          <NumberField
            key={year}
            map={intake}
            field={String(year)}
            path={`targetGroup/intake/${year}`}
            kind="count"
            compact
            label={m.targetGroup.intake.year(year + 1, startYear === undefined ? undefined : startYear + year)}
          />
        ))}
      </div>
      <SourceNote sources={sources} field="intake" fieldLabel={t.label} />
    </fieldset>
  );
}
