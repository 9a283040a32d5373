import { useMessages } from '../../../i18n/messages.ts';
import { useChosenCandidateRate } from '../useSection.ts';
import { NumberField } from './NumberField.tsx';

type Props = {
  /** The outcome whose expected rate this is. */
  outcomeId: string;
  label: string;
  help?: string | undefined;
  /** The field's finding path (`outcomes/<id>/expectedRate`). */
  path: string;
};

/**
 * P19: an outcome's expected rate is the chosen candidate's. Editing it here edits that
 * candidate's rate (and its source note); while no candidate is chosen the field says where
 * each candidate's rate is entered instead.
 */
export function ChosenCandidateRateField({ outcomeId, label, help, path }: Props) {
  const m = useMessages();
  const chosen = useChosenCandidateRate(outcomeId);
  if (!chosen) {
    return (
      <div className="field" data-path={path}>
        <span className="label">{label}</span>
        <p className="help">{m.outcomes.rateNeedsChoice}</p>
      </div>
    );
  }
  return (
    <NumberField
      map={chosen.rates}
      field={outcomeId}
      path={path}
      kind="percent"
      label={label}
      help={help}
      sources={chosen.sources}
      sourceKey={chosen.sourceKey}
    />
  );
}
