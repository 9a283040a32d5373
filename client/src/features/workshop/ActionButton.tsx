import { type ReactNode, useState } from 'react';
import { failureOf, failureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { type ActionName, type ActionResult, type ArgsOf, labelOf } from './actions.ts';
import { useWorkshopActions } from './useWorkshopActions.ts';

/**
 * A workshop action as a button, from the table (actions.ts): not there when the table hides
 * it from this person, disabled with the reason as its description when it is shown but not
 * open now, and its own failure beside it unless `onResult` takes the answer.
 */
export function ActionButton<N extends ActionName>({
  name,
  args,
  className,
  children,
  ariaLabel,
  pressed,
  onResult,
}: {
  name: N;
  args: ArgsOf<N>;
  className?: string;
  /** What the button shows, if not the action's label (an icon, a shorter word). */
  children?: ReactNode;
  /** The accessible name, if it differs from what is shown. */
  ariaLabel?: string;
  pressed?: boolean;
  onResult?: (result: ActionResult) => void;
}) {
  const m = useMessages();
  const actions = useWorkshopActions();
  const [failure, setFailure] = useState<ApiFailure>();
  const verdict = actions.verdict(name, args);
  if (!verdict.shown) return null;
  const why = verdict.why ? m.workshop.actions.why[verdict.why] : undefined;
  const run = async () => {
    const result = await actions.perform(name, args);
    if (onResult) onResult(result);
    else setFailure(failureOf(result));
  };
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        aria-pressed={pressed}
        disabled={why !== undefined}
        title={why}
        onClick={() => void run()}
      >
        {children ?? labelOf(name, m, args)}
      </button>
      {failure && (
        <span role="alert" className="action-failed">
          {failureText(m, failure)}
        </span>
      )}
    </>
  );
}
