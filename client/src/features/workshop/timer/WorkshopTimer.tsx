import { formatCountdown, type TimerState, timerRemaining } from '@caseroom/shared';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../../i18n/messages.ts';
import { BellIcon, ClockIcon } from '../icons.tsx';
import { useWorkshop } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { useNow, useServerOffset } from './serverClock.ts';
import { playSoftChime } from './softChime.ts';
import { TimerControls } from './TimerControls.tsx';

/**
 * The shared countdown in the top bar (W5), the same for everyone: the server's timer state,
 * counted on this browser's clock corrected by the server offset. At zero a gentle signal: a
 * pulse (a steady highlight with reduced motion), an announcement, and — only if this person
 * turned it on — a soft chime. The facilitator gets the controls.
 */
export function WorkshopTimer() {
  const m = useMessages();
  const t = m.workshop.timer;
  const { timer } = useWorkshop();
  // The controls are the facilitator's (actions.ts); an idle countdown is shown only to them.
  const facilitator = useWorkshopActions().may('timer.start');
  const offset = useServerOffset();
  const now = useNow(timer.status === 'running') + offset;
  const { serverNow: _serverNow, ...state } = timer;
  const remaining = timerRemaining(state as TimerState, now);
  const ended = timer.status === 'running' && remaining === 0;
  const [sound, setSound] = useState(false);
  const announced = useRef(false);
  useEffect(() => {
    if (ended && !announced.current && sound) playSoftChime();
    announced.current = ended;
  }, [ended, sound]);

  if (timer.status === 'idle' && !facilitator) return null;
  const shown = timer.status === 'idle' ? '–:––' : formatCountdown(remaining);
  return (
    <div className="workshop-timer" data-state={ended ? 'ended' : timer.status}>
      <ClockIcon />
      <span className="timer-display" role="timer" aria-label={timer.status === 'idle' ? t.none : t.remaining(shown)}>
        {shown}
      </span>
      {timer.status === 'paused' && <span className="timer-note">{t.paused}</span>}
      <span className="visually-hidden" aria-live="assertive">
        {ended ? t.ended : ''}
      </span>
      {ended && (
        <span className="timer-note" aria-hidden="true">
          {t.ended}
        </span>
      )}
      {facilitator && <TimerControls status={ended ? 'idle' : timer.status} />}
      <label className="timer-sound">
        <input type="checkbox" checked={sound} onChange={(event) => setSound(event.target.checked)} />
        <span className="visually-hidden">{t.sound}</span>
        <BellIcon />
      </label>
    </div>
  );
}
