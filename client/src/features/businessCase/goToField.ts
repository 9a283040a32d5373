import type { Finding } from '@caseroom/shared';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand';
import { type CaseUiState, useCaseStoreApi } from '../../caseState/caseStore.ts';
import { DATA_PATH, pathKey } from '../sections/fieldPath.ts';

/** How long a field found from a finding stays highlighted. */
export const HIGHLIGHT_MS = 4000;
/** How long to wait for the finding's section to render before giving up. */
const WAIT_MS = 1500;

const CONTROLS = 'input:not([type="hidden"]):not([disabled]), select, textarea, [contenteditable="true"]';

/**
 * Opens the finding's section, then moves keyboard focus to its field and highlights it for a
 * few seconds. The field is found by `data-path` (sections/fieldPath.ts): the exact path, else
 * the first field under it, else the closest ancestor path (item, then section heading).
 */
export function goToField(finding: Finding, caseStore: StoreApi<CaseUiState>): void {
  caseStore.getState().setOpenSection(finding.section);
  const started = performance.now();
  const attempt = () => {
    const heading = document.getElementById('section-heading');
    const rendered = heading?.getAttribute(DATA_PATH) === finding.section;
    if (!rendered && performance.now() - started < WAIT_MS) {
      requestAnimationFrame(attempt);
      return;
    }
    const target = locate(finding.path) ?? heading;
    if (target) reveal(target);
  };
  requestAnimationFrame(attempt);
}

/** `goToField` in the open case (its store holds the open section). */
export function useGoToField(): (finding: Finding) => void {
  const store = useCaseStoreApi();
  return useCallback((finding: Finding) => goToField(finding, store), [store]);
}

/** The element for a path: exact, else the first one below it, else the closest ancestor. */
export function locate(path: readonly (string | number)[]): HTMLElement | null {
  for (let length = path.length; length > 0; length--) {
    const key = CSS.escape(pathKey(path.slice(0, length)));
    const found =
      document.querySelector<HTMLElement>(`[${DATA_PATH}="${key}"]`) ??
      document.querySelector<HTMLElement>(`[${DATA_PATH}^="${key}/"]`);
    if (found) return found;
  }
  return null;
}

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

function reveal(element: HTMLElement): void {
  const control = element.matches(CONTROLS)
    ? element
    : (element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>(CONTROLS));
  const focusable = control ?? element;
  if (!control && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  // The whole field (label, control, notes) is marked, not just the input.
  const marked = control && control !== element ? element : (element.closest<HTMLElement>('.field') ?? element);
  scrollToCentre(marked);
  focusable.focus({ preventScroll: true });
  const previous = timers.get(marked);
  if (previous) clearTimeout(previous);
  marked.classList.remove('finding-target');
  // Restart the highlight's animation when the same field is chosen twice.
  void marked.offsetWidth;
  marked.classList.add('finding-target');
  timers.set(
    marked,
    setTimeout(() => marked.classList.remove('finding-target'), HIGHLIGHT_MS),
  );
}

/** Scrolls the centre column (only it, never the page) so the element sits in its middle. */
function scrollToCentre(element: HTMLElement): void {
  const column = element.closest<HTMLElement>('.section-view');
  if (!column) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const box = element.getBoundingClientRect();
  const frame = column.getBoundingClientRect();
  const top = column.scrollTop + box.top - frame.top - (column.clientHeight - box.height) / 2;
  column.scrollTo({ top: Math.max(0, top), behavior: reduced ? 'auto' : 'smooth' });
}
