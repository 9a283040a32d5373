import { useLayoutEffect } from 'react';

/**
 * Keeps a keyboard user's place when the control they were on goes away: each time `change`
 * changes (a vote starts, is revealed or decided, so "Start afstemning", "Vis resultatet" or
 * "Beslut" disappears; the last point disables every "+") and focus has fallen out of every
 * control, it moves to what `landing` gives — a control nearby or a status line with tabIndex −1,
 * in the dialog, showing the focus ring — never to <body>. Focus anywhere else is left alone.
 */
export function useFocusLanding(landing: () => HTMLElement | null | undefined, change: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when `change` does; `landing` (a new function each render) is only read then.
  useLayoutEffect(() => {
    if (focusLost()) landing()?.focus();
  }, [change]);
}

/** Whether focus has fallen out of every control: onto the page itself, or it sits on a button that was just disabled. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled);
}
