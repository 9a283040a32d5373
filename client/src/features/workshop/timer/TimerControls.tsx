import { useId, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { ActionButton } from '../ActionButton.tsx';
import type { ActionResult } from '../actions.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/** The facilitator's countdown controls (actions.ts `timer.*`): start with minutes, pause / resume, +1 and +5 minutes. */
export function TimerControls({ status }: { status: 'idle' | 'running' | 'paused' }) {
  const m = useMessages();
  const t = m.workshop.timer;
  const actions = useWorkshopActions();
  const minutesId = useId();
  const [minutes, setMinutes] = useState('10');
  const [failure, setFailure] = useState<ApiFailure>();
  const shown = { status };
  const onResult = (result: ActionResult) => setFailure(failureOf(result));
  const startMinutes = () => {
    const value = Number(minutes.replace(',', '.'));
    if (Number.isFinite(value) && value > 0) {
      void actions.perform('timer.start', { status, seconds: Math.round(value * 60) }).then(onResult);
    }
  };
  return (
    <fieldset className="timer-controls">
      <legend className="visually-hidden">{t.controls}</legend>
      {status === 'idle' ? (
        <>
          <label htmlFor={minutesId} className="visually-hidden">
            {t.minutes}
          </label>
          <input
            id={minutesId}
            className="timer-minutes"
            inputMode="decimal"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') startMinutes();
            }}
          />
          <span aria-hidden="true" className="timer-unit">
            min
          </span>
          <button type="button" onClick={startMinutes}>
            {t.start}
          </button>
        </>
      ) : (
        <>
          <ActionButton name="timer.pause" args={shown} onResult={onResult} />
          <ActionButton name="timer.resume" args={shown} onResult={onResult} />
        </>
      )}
      <ActionButton name="timer.add" args={{ ...shown, seconds: 60 }} onResult={onResult} />
      <ActionButton name="timer.add" args={{ ...shown, seconds: 300 }} onResult={onResult} />
      {failure && (
        <span role="alert" className="timer-failed">
          {failureText(m, failure)}
        </span>
      )}
    </fieldset>
  );
}
