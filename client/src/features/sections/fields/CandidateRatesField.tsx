import { candidateRateSourceKey } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { useItemRefs } from '../useSection.ts';
import { NumberField } from './NumberField.tsx';

type Props = {
  /** The candidate's map outcome id → expected rate. */
  rates: Y.Map<unknown> | undefined;
  /** The candidate's source notes; each outcome's note is kept under `expectedRates.<outcome id>`. */
  sources: Y.Map<unknown> | undefined;
  label: string;
  help?: string | undefined;
  /** The field's finding path; each outcome's input is `<path>/<outcome id>`. */
  path: string;
};

/**
 * P19: one candidate's expected rate on each outcome of the case, in the outcomes' order, each
 * with its source note. An outcome left empty is "effect not entered": the candidate is priced
 * without it.
 */
export function CandidateRatesField({ rates, sources, label, help, path }: Props) {
  const m = useMessages();
  const outcomes = useItemRefs('outcome');
  return (
    <fieldset className="group" data-path={path}>
      <legend className="label">{label}</legend>
      {help && <p className="help">{help}</p>}
      {outcomes.length === 0 ? (
        <p className="empty">{m.interventions.noOutcomesYet}</p>
      ) : (
        <div className="form-grid three">
          {outcomes.map((outcome, index) => (
            <NumberField
              key={outcome.id}
              map={rates}
              field={outcome.id}
              path={`${path}/${outcome.id}`}
              kind="percent"
              label={outcome.name || m.list.outcomeTitle(index + 1)}
              sources={sources}
              sourceKey={candidateRateSourceKey(outcome.id)}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
