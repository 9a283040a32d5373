/**
 * What a projector needs of a page, for the browser tests (issue 13's bar for the room, held
 * for the fund's pages too): nothing wider than the screen or scrolled sideways, no button text
 * cut, text large enough to read from the back of the room.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The screens a facilitator meets: a 1280×800 projector and an older 1024×768 one. */
export const PROJECTORS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** The root font size of the room (18 px), and the smallest text these pages may show. */
export const BASE_FONT_PX = 18;
export const SMALLEST_TEXT_PX = 14;

/** Buttons whose text is cut: wider than the button shows (scrollWidth beyond clientWidth). */
export function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.offsetParent !== null && button.scrollWidth > button.clientWidth + 1)
      .map((button) => `${button.textContent?.trim()} (${button.scrollWidth} > ${button.clientWidth})`),
  );
}

/**
 * What must be scrolled sideways to be read: the page itself, and every box that scrolls its
 * content horizontally (a table in its scroll container) — within `scope` (a CSS selector), or
 * anywhere. Text fields scroll their own text and text hidden for screen readers only is clipped
 * on purpose: neither counts.
 */
export function sidewaysScrolling(page: Page, scope?: string): Promise<string[]> {
  return page.evaluate((within) => {
    const found: string[] = [];
    const root = document.documentElement;
    if (!within && root.scrollWidth > root.clientWidth)
      found.push(`the page (${root.scrollWidth} > ${root.clientWidth})`);
    for (const container of document.querySelectorAll<HTMLElement>(within ?? 'body')) {
      for (const element of [container, ...container.querySelectorAll<HTMLElement>('*')]) {
        if (element.matches('input, textarea, select, .visually-hidden') || element.clientWidth <= 1) continue;
        if (getComputedStyle(element).overflowX === 'visible') continue;
        if (element.scrollWidth > element.clientWidth + 1)
          found.push(
            `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth})`,
          );
      }
    }
    return found;
  }, scope);
}

/** Shown text smaller than `minPx` (one line per kind of element), and the root font size. */
export function textSizes(page: Page, minPx: number): Promise<{ base: number; small: string[] }> {
  return page.evaluate((min) => {
    const small = new Set<string>();
    for (const element of document.querySelectorAll<Element>('body *')) {
      const shown =
        element instanceof HTMLElement ? element.offsetParent !== null : element.getClientRects().length > 0;
      if (!shown || element.closest('.visually-hidden')) continue;
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      );
      if (!ownText) continue;
      // SVG text is drawn scaled: its size on screen is the font size times the drawing's scale.
      const svg = element.closest('svg');
      const scale = svg?.viewBox.baseVal?.width ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      const size = Number.parseFloat(getComputedStyle(element).fontSize) * scale;
      if (size < min - 0.05)
        small.add(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} ${size.toFixed(1)}px`);
    }
    return { base: Number.parseFloat(getComputedStyle(document.documentElement).fontSize), small: [...small] };
  }, minPx);
}

/**
 * The projector checks of one screenful, each failure named with `what`: nothing to scroll
 * sideways, no cut button, an 18 px root and no text under 14 px.
 */
export async function expectProjectorReady(page: Page, what: string): Promise<void> {
  expect(await sidewaysScrolling(page), `${what}: scrolled sideways`).toEqual([]);
  expect(await clippedButtons(page), `${what}: clipped buttons`).toEqual([]);
  const sizes = await textSizes(page, SMALLEST_TEXT_PX);
  expect(sizes.base, `${what}: root font size`).toBeGreaterThanOrEqual(BASE_FONT_PX);
  expect(sizes.small, `${what}: text under ${SMALLEST_TEXT_PX}px`).toEqual([]);
}

/** Fails unless the element lies wholly inside the viewport (not scrolled away, not cut). */
export async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`${what}: no box`);
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(viewport.height);
}

/**
 * Buttons within `scope` (a CSS selector) that something lies over: a click at the button's
 * centre would reach another element, or the box of another of the scope's buttons or avatars
 * meets its box (an avatar over "Eksport"). Each as "<button> under <what>".
 */
export function overlappedButtons(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const name = (element: Element) =>
      (element.textContent?.trim() || element.getAttribute('aria-label') || element.className).slice(0, 40);
    const shown = (element: HTMLElement) =>
      element.offsetParent !== null &&
      element.getBoundingClientRect().width > 1 &&
      !element.closest('.visually-hidden');
    for (const container of document.querySelectorAll<HTMLElement>(selector)) {
      const buttons = [...container.querySelectorAll<HTMLElement>('button')].filter(shown);
      const others = [...container.querySelectorAll<HTMLElement>('button, .avatar')].filter(shown);
      for (const button of buttons) {
        const rect = button.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        if (!hit || !(hit === button || button.contains(hit))) {
          found.push(`${name(button)} under ${hit ? name(hit) : 'nothing (off screen)'}`);
        }
        for (const other of others) {
          if (other === button || other.contains(button) || button.contains(other)) continue;
          const box = other.getBoundingClientRect();
          const overlapX = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
          const overlapY = Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top);
          if (overlapX > 0.5 && overlapY > 0.5) found.push(`${name(button)} under ${name(other)}`);
        }
      }
    }
    return found;
  }, scope);
}
