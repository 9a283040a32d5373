/**
 * Keyboard-only steps for the browser tests (issue 13): where focus is, whether it shows a focus
 * ring (an outline or a box-shadow, as `:focus-visible` draws it), and Tab / Shift+Tab until a
 * named control — every stop on the way must show the ring.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the focused element is called (aria-label, else its label, else its text), whether a focus ring shows, and the title of the dialog it is in. */
export type Focused = { name: string; tag: string; ring: boolean; inDialog: string | null };

/** The focused element of a page; `tag` is 'body' when focus has fallen out of everything. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body)
      return { name: '', tag: 'body', ring: false, inDialog: null };
    const labelled = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
    const name = (element.getAttribute('aria-label') ?? labelled?.textContent ?? element.textContent ?? '').trim();
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const dialog = element.closest('dialog');
    return {
      name,
      tag: element.tagName.toLowerCase(),
      ring: outline || shadow,
      inDialog: dialog?.getAttribute('aria-labelledby')
        ? (document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent ?? '')
        : null,
    };
  });
}

/** Fails unless the focused element is called `name` and shows a focus ring. */
export async function expectFocusOn(page: Page, name: string | RegExp): Promise<Focused> {
  const now = await focused(page);
  if (typeof name === 'string') expect(now.name).toBe(name);
  else expect(now.name).toMatch(name);
  expect(now.ring, `no visible focus on "${now.name}"`).toBe(true);
  return now;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is called `name`; every stop on the way
 * must show a focus ring. Returns the stops passed, so a test can say where focus went.
 */
export async function tabTo(page: Page, name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let step = 0; step < 120; step++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    stops.push(now);
    expect(now.ring, `no visible focus on ${now.tag} "${now.name}" (stop ${step + 1})`).toBe(true);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return stops;
  }
  throw new Error(`nothing called ${String(name)} within 120 presses of ${key}`);
}

/**
 * Presses Tab from where focus is until it leaves the page (onto <body>, as it does past the
 * last control) and returns every stop on the way; each must show a focus ring and have a name
 * (what a screen reader would say there).
 */
export async function tabThrough(page: Page, limit = 80): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.tag === 'body') return stops;
    expect(now.ring, `no visible focus on ${now.tag} "${now.name}" (stop ${step + 1})`).toBe(true);
    expect(now.name, `a nameless ${now.tag} (stop ${step + 1})`).not.toBe('');
    stops.push(now);
  }
  throw new Error(`focus did not leave the page within ${limit} presses of Tab`);
}
