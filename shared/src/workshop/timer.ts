/**
 * The shared countdown (issue 4): the server keeps the state, every client derives what to
 * show from it and its own clock, corrected by the server's clock offset.
 */
export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; endsAt: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number };

/** Milliseconds left at `now` (never negative). */
export function timerRemaining(state: TimerState, now: number): number {
  switch (state.status) {
    case 'idle':
      return 0;
    case 'running':
      return Math.max(0, state.endsAt - now);
    case 'paused':
      return Math.max(0, state.remainingMs);
  }
}

/** Starts (or resumes) the countdown with `durationMs` left. */
export function startTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', endsAt: now + durationMs, durationMs };
}

/** Pauses a running countdown, keeping what is left. */
export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state;
  return { status: 'paused', remainingMs: timerRemaining(state, now), durationMs: state.durationMs };
}

/** Adds (or, with a negative amount, removes) time; an idle timer starts paused with it. */
export function addTime(state: TimerState, ms: number, now: number): TimerState {
  switch (state.status) {
    case 'idle':
      return { status: 'paused', remainingMs: Math.max(0, ms), durationMs: Math.max(0, ms) };
    case 'running':
      return { ...state, endsAt: Math.max(now, state.endsAt + ms), durationMs: state.durationMs + ms };
    case 'paused':
      return { ...state, remainingMs: Math.max(0, state.remainingMs + ms), durationMs: state.durationMs + ms };
  }
}

/** mm:ss (or h:mm:ss) for the countdown display. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
