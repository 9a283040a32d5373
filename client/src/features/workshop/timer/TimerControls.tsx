import { useId, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopCall } from '../useWorkshop.ts';
import { timerAction } from '../workshopApi.ts';

/** The facilitator's countdown controls: start with minutes, pause / resume, +1 and +5 minutes. */
export function TimerControls({ status }: { status: 'idle' | 'running' | 'paused' }) {
  const m = useMessages();
  const t = m.workshop.timer;
  const at = useWorkshopCall();
  const minutesId = useId();
  const [minutes, setMinutes] = useState('10');
  const [failure, setFailure] = useState<ApiFailure>();
  const act = async (action: 'start' | 'pause' | 'add', seconds?: number) => {
    const result = await timerAction(at, action, seconds);
    setFailure(failureOf(result));
  };
  const startMinutes = () => {
    const value = Number(minutes.replace(',', '.'));
    if (Number.isFinite(value) && value > 0) void act('start', Math.round(value * 60));
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
      ) : status === 'running' ? (
        <button type="button" onClick={() => void act('pause')}>
          {t.pause}
        </button>
      ) : (
        <button type="button" onClick={() => void act('start')}>
          {t.resume}
        </button>
      )}
      {status !== 'idle' && (
        <>
          <button type="button" onClick={() => void act('add', 60)}>
            {t.addOne}
          </button>
          <button type="button" onClick={() => void act('add', 300)}>
            {t.addFive}
          </button>
        </>
      )}
      {failure && (
        <span role="alert" className="timer-failed">
          {failureText(m, failure)}
        </span>
      )}
    </fieldset>
  );
}
